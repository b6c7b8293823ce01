import { allocate } from './allocation.js';
import type { Assessment } from './assessment.js';
import { chooseTable } from './client-group-table.js';
import { compilePolicy, type CompiledPolicy } from './compile.js';
import { rawDomainPoints, scoreAnswers } from './domain-scores.js';
import type { CarerReason, ExplanationLine, Flag, PersonLine } from './explanation.js';
import { raiseFlags } from './flags.js';
import { isIsoDate } from './dates.js';
import { AssessmentInvalidError, error } from './issues.js';
import { parseAssessment, type ParsedAssessment } from './parse-assessment.js';
import type { IsoDate, Period } from './policy.js';
import { ENGINE_VERSION } from './version.js';
import { applyWeights } from './weighting.js';

export interface Provenance {
  policyId: string;
  version: string;
  contentHash: string;
  engineVersion: string;
  /** Present when the assessment gave points instead of answers (policy format 2): the figures were given, not scored. */
  pointsGiven?: 'total' | 'domains';
}

/** The indicative allocation for one assessment, with where it came from and how it was worked out. */
export interface EvaluationResult {
  provenance: Provenance;
  asOf: IsoDate;
  person: { reference: string | null; age: number; clientGroup: string; questionnaire: string };
  points: { total: number; wholePoints: number; byDomain: Array<{ domain: string; raw: number; weighted: number }> };
  allocation: { period: Period; pence: number };
  weeklyPence: number;
  monthlyPence: number;
  annualPence: number;
  carerAdjustment: { applied: boolean; reason: CarerReason; percent: number; reductionPence: number };
  /** Only for a policy that splits the budget by the person's contribution, when one is given (format 2). */
  contribution?: { period: Period; personPence: number; councilPence: number };
  flags: Flag[];
  explanation: ExplanationLine[];
}

export interface EvaluateOptions {
  /** The date uplifts are judged on. Default: the assessment date. The engine never reads the clock. */
  asOf?: IsoDate;
}

/**
 * Works out the indicative personal budget for one assessment under one policy version. The policy may
 * be raw JSON (validated and compiled once per content hash) or a CompiledPolicy. Same inputs, same
 * output, byte for byte. Throws PolicyInvalidError or AssessmentInvalidError with every issue found.
 * @example
 *   const result = await evaluate(policy, { assessmentDate: '2009-06-01', age: 80, clientGroup: 'older-people', answers });
 *   result.weeklyPence; // 25800
 */
export async function evaluate(policy: unknown, assessment: unknown, options: EvaluateOptions = {}): Promise<EvaluationResult> {
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

/** The pipeline, in the order a council applies it (see rules/README.md); allocate() holds the money steps. */
async function evaluateParsed(compiled: CompiledPolicy, parsed: ParsedAssessment, asOf: IsoDate): Promise<EvaluationResult> {
  const { policy } = compiled;
  const { assessment } = parsed;

  const person = describePerson(compiled, parsed, asOf);
  // Points the assessment gives (policy format 2) stand in for scored answers: per domain, weighted as
  // answers would be, or a total used as it is.
  const given = assessment.points;
  const answers = given ? [] : scoreAnswers(parsed.questionnaire, assessment.answers ?? {});
  const raw =
    given && 'byDomain' in given
      ? new Map([...compiled.domains.keys()].map((id) => [id, given.byDomain[id] ?? 0]))
      : rawDomainPoints(compiled.domains.keys(), answers);
  const weighted = given && 'total' in given ? givenTotal(given.total) : applyWeights(compiled.domains, raw);
  if (given) weighted.total.given = 'total' in given ? 'total' : 'domains';
  const table = chooseTable(policy.pricing, assessment.clientGroup);
  const { priced, carer, uplifts, rounded, maximum, requested, contribution, pence, periods } = allocate(
    compiled,
    table.pricing,
    weighted.totalMilli,
    assessment.carer,
    asOf,
    { requested: assessment.requested, contribution: assessment.contribution },
  );

  const { flags, lines: rules } = await raiseFlags(policy.rules ?? [], {
    totalPoints: weighted.total.points,
    domainPoints: Object.fromEntries(raw),
    weightedDomainPoints: Object.fromEntries(weighted.domains.map((d) => [d.domain, d.weightedPoints])),
    answers: { ...(assessment.answers ?? {}) },
    age: parsed.age,
    clientGroup: assessment.clientGroup,
    questionnaire: parsed.questionnaire.questionnaire.id,
    allocationPence: pence,
    weeklyPence: periods.weeklyPence,
    monthlyPence: periods.monthlyPence,
    annualPence: periods.annualPence,
    carerReductionApplied: carer.applied,
    carerReductionPercent: carer.percent,
  });

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
    allocation: { period: rounded.period, pence },
    weeklyPence: periods.weeklyPence,
    monthlyPence: periods.monthlyPence,
    annualPence: periods.annualPence,
    carerAdjustment: { applied: carer.applied, reason: carer.reason, percent: carer.percent, reductionPence: carer.reductionPence },
    ...(contribution
      ? { contribution: { period: contribution.period, personPence: contribution.personPence, councilPence: contribution.councilPence } }
      : {}),
    flags,
    explanation: [
      person,
      ...answers,
      ...weighted.domains,
      weighted.total,
      table.line,
      priced,
      carer,
      ...uplifts,
      rounded,
      ...(maximum ? [maximum] : []),
      ...(requested ? [requested] : []),
      ...(contribution ? [contribution] : []),
      periods,
      ...rules,
    ],
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
