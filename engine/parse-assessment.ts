import type { Assessment } from './assessment.js';
import { chooseTable } from './client-group-table.js';
import type { CompiledPolicy } from './compile.js';
import { ageOn } from './dates.js';
import { error, pointer, type Checked, type Issue } from './issues.js';
import { selectQuestionnaire, type CompiledQuestionnaire } from './questionnaire.js';
import { assessmentSchemaIssues } from './schema.js';
import { PERIODS } from './periods.js';

/** An assessment that fits the policy version it will be evaluated with. */
export interface ParsedAssessment {
  readonly assessment: Assessment;
  readonly age: number;
  readonly questionnaire: CompiledQuestionnaire;
}

/**
 * Checks an assessment against the assessment schema and then against one policy version:
 * client group, age, questionnaire, every answer, and the carer's level and impact.
 */
export function parseAssessment(compiled: CompiledPolicy, json: unknown): Checked<ParsedAssessment> {
  const schemaIssues = assessmentSchemaIssues(json);
  if (schemaIssues.length > 0) return { ok: false, issues: schemaIssues };
  const assessment = json as Assessment;

  const personIssues = checkPerson(compiled, assessment);
  if (personIssues.length > 0) return { ok: false, issues: personIssues };
  const age = assessment.age ?? ageOn(assessment.dateOfBirth!, assessment.assessmentDate);
  const questionnaire = selectQuestionnaire(compiled.questionnaires, age, assessment.clientGroup);
  if (!questionnaire) return { ok: false, issues: [noQuestionnaire(compiled, assessment, age)] };

  const issues = [
    ...checkNamedQuestionnaire(assessment, questionnaire),
    ...(assessment.points ? checkGivenPoints(compiled, assessment.points) : checkAnswers(assessment.answers ?? {}, questionnaire)),
    ...checkCarer(compiled, assessment),
    ...checkAmountInputs(compiled, assessment),
    ...checkFacts(compiled, assessment),
    ...checkStartDate(compiled, assessment),
  ];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { assessment, age, questionnaire }, warnings: [] };
}

function checkPerson(compiled: CompiledPolicy, assessment: Assessment): Issue[] {
  const issues: Issue[] = [];
  if ((assessment.age === undefined) === (assessment.dateOfBirth === undefined)) {
    const both = assessment.age !== undefined;
    issues.push(
      error(
        'age_or_date_of_birth',
        both ? '/dateOfBirth' : '/age',
        both
          ? `give age or dateOfBirth, not both (age ${assessment.age}, dateOfBirth ${assessment.dateOfBirth})`
          : "give the person's age or dateOfBirth: the questionnaire depends on it",
        {},
      ),
    );
  }
  // The schema requires answers when no points are given; both is the other way to get it wrong.
  if (assessment.answers !== undefined && assessment.points !== undefined)
    issues.push(error('answers_or_points', '/points', "give the person's answers or the points scored, not both", {}));
  if (!compiled.clientGroups.has(assessment.clientGroup)) {
    const known = [...compiled.clientGroups.keys()];
    issues.push(
      error(
        'unknown_client_group',
        '/clientGroup',
        `client group '${assessment.clientGroup}' is not one of this policy's: ${known.map((k) => `'${k}'`).join(', ')}`,
        { clientGroup: assessment.clientGroup, known },
      ),
    );
  }
  if (assessment.dateOfBirth && assessment.dateOfBirth > assessment.assessmentDate) {
    issues.push(
      error(
        'born_after_assessment',
        '/dateOfBirth',
        `date of birth ${assessment.dateOfBirth} is after the assessment date ${assessment.assessmentDate}`,
        {},
      ),
    );
  }
  return issues;
}

function noQuestionnaire(compiled: CompiledPolicy, assessment: Assessment, age: number): Issue {
  const offered = compiled.questionnaires.map(
    ({ questionnaire: { id, appliesTo } }) =>
      `'${id}' (ages ${appliesTo?.minAge ?? 0}–${appliesTo?.maxAge ?? 'any'}${appliesTo?.clientGroups ? `, ${appliesTo.clientGroups.join('/')}` : ''})`,
  );
  return error(
    'no_questionnaire',
    assessment.age !== undefined ? '/age' : '/dateOfBirth',
    `no questionnaire of this policy applies to age ${age} in client group '${assessment.clientGroup}'; it has ${offered.join(', ')}`,
    { age, clientGroup: assessment.clientGroup },
  );
}

function checkNamedQuestionnaire(assessment: Assessment, questionnaire: CompiledQuestionnaire): Issue[] {
  const named = assessment.questionnaire;
  const id = questionnaire.questionnaire.id;
  return named === undefined || named === id
    ? []
    : [
        error(
          'questionnaire_mismatch',
          '/questionnaire',
          `the assessment answers questionnaire '${named}', but for this person's age and client group the policy uses '${id}'`,
          { questionnaire: named, expected: id },
        ),
      ];
}

/**
 * Points given instead of answers: only in a form the policy accepts, and per domain
 * only for the policy's own domains.
 */
function checkGivenPoints(compiled: CompiledPolicy, points: NonNullable<Assessment['points']>): Issue[] {
  const form = 'total' in points ? 'total' : 'domains';
  const accepted = compiled.policy.acceptsGivenPoints ?? [];
  if (!accepted.includes(form))
    return [
      error(
        'given_points_not_accepted',
        '/points',
        accepted.length === 0
          ? `this policy (${compiled.policy.id} ${compiled.policy.version}) scores answers and does not accept points given instead: send 'answers'`
          : `this policy accepts points given as ${accepted.map((a) => `'${a}'`).join(' or ')}, not as '${form}'`,
        { form, accepted },
      ),
    ];
  if (!('byDomain' in points)) return [];
  const known = [...compiled.domains.keys()];
  return Object.keys(points.byDomain)
    .filter((domain) => !compiled.domains.has(domain))
    .map((domain) =>
      error(
        'unknown_domain_in_points',
        pointer('points', 'byDomain', domain),
        `'${domain}' is not one of this policy's domains: ${known.map((k) => `'${k}'`).join(', ')}`,
        { domain, known },
      ),
    );
}

function checkAnswers(answers: Record<string, string>, questionnaire: CompiledQuestionnaire): Issue[] {
  const issues: Issue[] = [];
  const qid = questionnaire.questionnaire.id;
  let requiredAnswered = 0;
  for (const [questionId, answerId] of Object.entries(answers)) {
    const question = questionnaire.questions.get(questionId);
    if (question?.required) requiredAnswered++;
    if (!question) {
      issues.push(
        error('unknown_question', pointer('answers', questionId), `questionnaire '${qid}' has no question '${questionId}'`, {
          question: questionId,
          questionnaire: qid,
        }),
      );
    } else if (!question.answers.has(answerId)) {
      const known = [...question.answers.keys()];
      issues.push(
        error(
          'unknown_answer',
          pointer('answers', questionId),
          `'${answerId}' is not an answer to question '${questionId}'; its answers are ${known.map((k) => `'${k}'`).join(', ')}`,
          { question: questionId, answer: answerId, known },
        ),
      );
    }
  }
  // Every key is a question at most once, so when as many required questions are answered as there are, none is missing.
  if (requiredAnswered === questionnaire.requiredCount) return issues;
  for (const [questionId, question] of questionnaire.questions) {
    if (question.required && !Object.hasOwn(answers, questionId)) {
      issues.push(
        error(
          'missing_answer',
          pointer('answers', questionId),
          `question '${questionId}' (${question.question.text}) must be answered; choose 'does not apply' where it does not`,
          { question: questionId },
        ),
      );
    }
  }
  return issues;
}

/**
 * An amount given in the assessment (a requested amount, the person's contribution) only means something
 * to a policy that uses it, and only in the period of the person's allocation table.
 */
function checkAmountInputs(compiled: CompiledPolicy, assessment: Assessment): Issue[] {
  const { policy } = compiled;
  const inputs = [
    {
      key: 'requested',
      given: assessment.requested,
      used: policy.lesserOfRequested,
      what: 'pay the lesser of its amount and a requested one',
    },
    {
      key: 'contribution',
      given: assessment.contribution,
      used: policy.contribution,
      what: "split the budget by the person's contribution",
    },
  ] as const;
  return inputs.flatMap(({ key, given, used, what }) => {
    if (!given) return [];
    if (!used)
      return [error(`${key}_not_used`, `/${key}`, `this policy (${policy.id} ${policy.version}) does not ${what}: leave '${key}' out`, {})];
    const { pricing } = chooseTable(policy.pricing, assessment.clientGroup);
    return given.period === pricing.period
      ? []
      : [
          error(
            `${key}_period_mismatch`,
            `/${key}/period`,
            `the ${key === 'requested' ? 'requested amount' : 'contribution'} is given ${PERIODS[given.period].per}, but this client group's amounts are ${PERIODS[pricing.period].per}: give it ${PERIODS[pricing.period].per}`,
            { period: given.period, expected: pricing.period },
          ),
        ];
  });
}

/** The facts the policy declares, each stated with a value of its type, and no others. */
function checkFacts(compiled: CompiledPolicy, assessment: Assessment): Issue[] {
  const declared = compiled.policy.facts ?? [];
  const given = assessment.facts ?? {};
  const ids = declared.map((f) => f.id);
  return [
    ...declared.flatMap((fact) => {
      if (!Object.hasOwn(given, fact.id))
        return [
          error('fact_missing', '/facts', `state '${fact.id}' (${fact.label}), a ${fact.type}: this policy's conditions test it`, {
            fact: fact.id,
            type: fact.type,
          }),
        ];
      const value = given[fact.id];
      return typeof value === fact.type
        ? []
        : [
            error(
              'fact_type',
              pointer('facts', fact.id),
              `'${fact.id}' (${fact.label}) is a ${fact.type}, but ${JSON.stringify(value)} was given`,
              { fact: fact.id, type: fact.type },
            ),
          ];
    }),
    ...Object.keys(given)
      .filter((id) => !ids.includes(id))
      .map((id) =>
        error(
          'fact_not_declared',
          pointer('facts', id),
          ids.length === 0
            ? `this policy (${compiled.policy.id} ${compiled.policy.version}) tests no facts from the assessment: leave 'facts' out`
            : `'${id}' is not a fact this policy tests; it tests ${ids.map((f) => `'${f}'`).join(', ')}`,
          { fact: id, known: ids },
        ),
      ),
  ];
}

/** A start date only means something to a policy whose yearly award is paid pro rata. */
function checkStartDate(compiled: CompiledPolicy, assessment: Assessment): Issue[] {
  if (assessment.startDate === undefined || compiled.policy.award?.kind === 'yearly') return [];
  return [
    error(
      'start_date_not_used',
      '/startDate',
      `this policy (${compiled.policy.id} ${compiled.policy.version}) pays no yearly award pro rata: leave 'startDate' out`,
      {},
    ),
  ];
}

function checkCarer(compiled: CompiledPolicy, assessment: Assessment): Issue[] {
  const table = compiled.policy.carerAdjustment;
  const carer = assessment.carer;
  if (!table || !carer) return [];
  const levels = table.supportLevels.map((l) => l.id);
  const impacts = table.impacts.map((i) => i.id);
  return [
    ...(levels.includes(carer.supportLevel)
      ? []
      : [
          error(
            'unknown_support_level',
            '/carer/supportLevel',
            `support level '${carer.supportLevel}' is not in this policy's carer table; it has ${levels.map((l) => `'${l}'`).join(', ')}`,
            { supportLevel: carer.supportLevel, known: levels },
          ),
        ]),
    ...(impacts.includes(carer.impact)
      ? []
      : [
          error(
            'unknown_impact',
            '/carer/impact',
            `impact '${carer.impact}' is not in this policy's carer table; it has ${impacts.map((i) => `'${i}'`).join(', ')}`,
            { impact: carer.impact, known: impacts },
          ),
        ]),
  ];
}
