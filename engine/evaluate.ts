import { allocate } from './allocation.js';
import type { Assessment } from './assessment.js';
import { chooseTable } from './client-group-table.js';
import { compilePolicy, type CompiledPolicy } from './compile.js';
import type { EvaluationResult, ResultOutcome } from './contract/result.js';
import { rawDomainPoints, scoreAnswers } from './domain-scores.js';
import type { EligibilityLine, PersonLine } from './explanation.js';
import { raiseFlags, testEligibility } from './flags.js';
import type { RuleFacts } from './rule-facts.js';
import { isIsoDate } from './dates.js';
import { AssessmentInvalidError, error } from './issues.js';
import { parseAssessment, type ParsedAssessment } from './parse-assessment.js';
import type { IsoDate } from './policy.js';
import { ENGINE_VERSION } from './version.js';
import { inStepOrder } from './pipeline.js';
import { applyWeights } from './weighting.js';

// The indicative allocation for one assessment, with where it came from and how it was worked out.
// Its shape has one statement, rules/result.schema.json (engine/contract/result.ts is generated from it).
export type { EvaluationResult, Provenance, ResultOutcome } from './contract/result.js';

export interface EvaluateOptions {
  /** The date uplifts are judged on. Default: the assessment date. The engine never reads the clock. */
  asOf?: IsoDate;
}

/**
 * Works out the indicative personal budget for one assessment under one policy version. The policy may
 * be raw JSON (validated and compiled once per content hash) or a CompiledPolicy. Same inputs, same
 * output, byte for byte. Synchronous: nothing in it waits. Throws PolicyInvalidError or
 * AssessmentInvalidError with every issue found.
 * @example
 *   const result = evaluate(policy, { assessmentDate: '2009-06-01', age: 80, clientGroup: 'older-people', answers });
 *   result.weeklyPence; // 25800
 */
export function evaluate(policy: unknown, assessment: unknown, options: EvaluateOptions = {}): EvaluationResult {
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    throw new AssessmentInvalidError([
      error(
        'schema_format',
        '/asOf',
        `the evaluation date must be a real date written YYYY-MM-DD, got ${JSON.stringify(options.asOf)}`,
        {},
      ),
    ]);
  }
  const compiled = compilePolicy(policy);
  const parsed = parseAssessment(compiled, assessment);
  if (!parsed.ok) throw new AssessmentInvalidError(parsed.issues);
  return evaluateParsed(compiled, parsed.value, options.asOf ?? parsed.value.assessment.assessmentDate);
}

/** The pipeline, in the order of pipeline.ts (rules/README.md describes each step); allocate() takes the money steps. */
function evaluateParsed(compiled: CompiledPolicy, parsed: ParsedAssessment, asOf: IsoDate): EvaluationResult {
  const { policy } = compiled;
  const { assessment } = parsed;

  const person = describePerson(compiled, parsed, asOf);
  // Points the assessment gives (acceptsGivenPoints) stand in for scored answers: per domain, weighted as
  // answers would be, or a total used as it is.
  const given = assessment.points;
  const answers = given ? [] : scoreAnswers(parsed.questionnaire, assessment.answers ?? {});
  const raw =
    given && 'byDomain' in given
      ? new Map([...compiled.domains.keys()].map((id) => [id, given.byDomain[id] ?? 0]))
      : rawDomainPoints(compiled.domains.keys(), answers);
  const weighted = given && 'total' in given ? givenTotal(given.total) : applyWeights(compiled.domains, raw);
  if (given) weighted.total.given = 'total' in given ? 'total' : 'domains';
  // One object of facts, its shape fixed from the start: eligibility reads it before the amounts are
  // known (its conditions may not test them), the rules after they are filled in.
  const facts: RuleFacts = {
    totalPoints: weighted.total.points,
    domainPoints: recordOf(raw),
    weightedDomainPoints: weightedRecord(weighted.domains),
    // Read, never written: the rules evaluator only looks facts up.
    answers: assessment.answers ?? {},
    age: parsed.age,
    clientGroup: assessment.clientGroup,
    questionnaire: parsed.questionnaire.questionnaire.id,
    facts: assessment.facts ?? {},
    allocationPence: null,
    weeklyPence: null,
    monthlyPence: null,
    annualPence: null,
    carerReductionApplied: false,
    carerReductionPercent: 0,
  };
  const eligibility = testEligibility(compiled.eligibility, facts);
  const table = chooseTable(policy.pricing, assessment.clientGroup);
  const money = eligibility.eligible
    ? allocate(compiled, table.pricing, weighted.totalMilli, assessment.carer, asOf, {
        requested: assessment.requested,
        contribution: assessment.contribution,
        startDate: assessment.startDate,
      })
    : null;
  const priced = money?.pence != null ? money : null;
  const { periods, award, contribution, 'carer-adjustment': carer } = priced?.lines ?? {};
  if (priced && periods && carer) {
    facts.allocationPence = priced.pence;
    facts.weeklyPence = periods.weeklyPence;
    facts.monthlyPence = periods.monthlyPence;
    facts.annualPence = periods.annualPence;
    facts.carerReductionApplied = carer.applied;
    facts.carerReductionPercent = carer.percent;
  }
  const { flags, lines: rules } = raiseFlags(compiled.rules, facts);

  const outcome = !eligibility.eligible ? notEligible(eligibility.lines) : money && money.pence === null ? money.priced : null;
  return {
    provenance: {
      policyId: policy.id,
      version: policy.version,
      contentHash: compiled.contentHash,
      engineVersion: ENGINE_VERSION,
      ...(weighted.total.given ? { pointsGiven: weighted.total.given } : {}),
    },
    asOf,
    person: {
      reference: assessment.reference ?? null,
      age: parsed.age,
      clientGroup: assessment.clientGroup,
      questionnaire: person.questionnaire,
    },
    points: {
      total: weighted.total.points,
      wholePoints: weighted.total.wholePoints,
      byDomain: weighted.domains.map((d) => ({ domain: d.domain, raw: d.rawPoints, weighted: d.weightedPoints })),
    },
    allocation: priced && periods ? { period: periods.period, pence: priced.pence } : null,
    weeklyPence: periods?.weeklyPence ?? null,
    monthlyPence: periods?.monthlyPence ?? null,
    annualPence: periods?.annualPence ?? null,
    carerAdjustment: carer
      ? { applied: carer.applied, reason: carer.reason, percent: carer.percent, reductionPence: carer.reductionPence }
      : { applied: false, reason: 'no-amount', percent: 0, reductionPence: 0 },
    ...(outcome === null ? {} : { outcome: 'step' in outcome ? { kind: 'without-amount' as const, ...outcome.outcome } : outcome }),
    ...(award ? { award: { kind: award.kind, pence: award.pence } } : {}),
    ...(contribution
      ? { contribution: { period: contribution.period, personPence: contribution.personPence, councilPence: contribution.councilPence } }
      : {}),
    flags,
    explanation: inStepOrder({
      person,
      answer: answers,
      domain: weighted.domains,
      total: weighted.total,
      eligibility: eligibility.lines,
      'allocation-table': eligibility.eligible ? table.line : null,
      pricing: money?.priced,
      ...priced?.lines,
      rule: rules,
    }),
  };
}

function notEligible(lines: readonly EligibilityLine[]): ResultOutcome {
  return {
    kind: 'not-eligible',
    reasons: lines.filter((l) => !l.met).map((l) => ({ condition: l.condition, label: l.label, reason: l.reason })),
  };
}

/** A total given by the assessment, used as the weighted total: no domain lines, since none were given. */
function givenTotal(points: number): ReturnType<typeof applyWeights> {
  return { domains: [], totalMilli: points * 1000, total: { step: 'total', points, wholePoints: points } };
}

function describePerson(compiled: CompiledPolicy, parsed: ParsedAssessment, asOf: IsoDate): PersonLine {
  const {
    assessment,
    questionnaire: { questionnaire },
  } = parsed;
  return {
    step: 'person',
    asOf,
    age: parsed.age,
    ageFrom: assessment.age !== undefined ? 'age' : 'date-of-birth',
    clientGroup: assessment.clientGroup,
    clientGroupLabel: compiled.clientGroups.get(assessment.clientGroup)!.label,
    questionnaire: questionnaire.id,
    questionnaireLabel: questionnaire.label,
  };
}

export type { Assessment };

function recordOf(points: ReadonlyMap<string, number>): Record<string, number> {
  const record: Record<string, number> = {};
  for (const [domain, value] of points) record[domain] = value;
  return record;
}

function weightedRecord(domains: readonly { domain: string; weightedPoints: number }[]): Record<string, number> {
  const record: Record<string, number> = {};
  for (const { domain, weightedPoints } of domains) record[domain] = weightedPoints;
  return record;
}
