/**
 * fast-check generators of valid policies (per rules/policy.schema.json and the semantic checks) and of
 * assessments that answer them. Each generated case keeps the integers it was built from (weights in
 * thousandths, percentages in hundredths, weeks a year in ten-thousandths) so that property tests can
 * compute the expected amount independently of the engine.
 */

import fc from 'fast-check';
import type { Assessment, CarerSituation, Policy, RoundingMode, RoundingUnit, Period } from '../../engine/index.js';
import { basePolicy } from './policy-builder.js';

export interface GeneratedDomain {
  id: string;
  weightMilli: number;
  /** Per question, the points of its answers 'a0', 'a1', … in ascending order. */
  questions: number[][];
}

export interface GeneratedPolicy {
  policy: Policy;
  domains: GeneratedDomain[];
  pencePerPoint: number;
  period: Period;
  unit: RoundingUnit;
  mode: RoundingMode;
  weeksPerYear10k: number;
  /** reductions[level][impact] in hundredths of a percent. */
  carerBasisPoints: Record<string, Record<string, number>>;
  uplifts: Array<{ from: string; basisPoints: number }>;
}

export interface GeneratedCase {
  gen: GeneratedPolicy;
  /** Answer index chosen for each question, domain by domain. */
  choices: number[][];
  carer: CarerSituation | undefined;
  assessmentDate: string;
}

export const LEVELS = ['occasional', 'regular'] as const;
export const IMPACTS = ['low', 'high'] as const;

const DAY = 86_400_000;
const START = Date.UTC(2009, 0, 1);
export function isoDay(offset: number): string {
  return new Date(START + offset * DAY).toISOString().slice(0, 10);
}

const pointsList = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 5 }).map((ps) => [...ps].sort((a, b) => a - b));

const domainArb = (id: string): fc.Arbitrary<GeneratedDomain> =>
  fc.record({
    id: fc.constant(id),
    weightMilli: fc.integer({ min: 0, max: 10_000 }),
    questions: fc.array(pointsList, { minLength: 1, maxLength: 3 }),
  });

const basisPoints = fc.integer({ min: 0, max: 10_000 });

/** A valid price-per-point policy with weights, a carer table, uplifts and any rounding. */
export const pricePerPointPolicy: fc.Arbitrary<GeneratedPolicy> = fc
  .record({
    domains: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => domainArb(`d${i}`)))),
    pencePerPoint: fc.integer({ min: 1, max: 100_000 }),
    period: fc.constantFrom<Period>('week', 'month', 'year'),
    unit: fc.constantFrom<RoundingUnit>('penny', 'pound'),
    mode: fc.constantFrom<RoundingMode>('up', 'down', 'half-up'),
    weeksPerYear10k: fc.oneof(fc.constantFrom(520_000, 521_429, 530_000), fc.integer({ min: 520_000, max: 530_000 })),
    carerBasisPoints: fc.record({
      occasional: fc.record({ low: basisPoints, high: basisPoints }),
      regular: fc.record({ low: basisPoints, high: basisPoints }),
    }),
    uplifts: fc
      .uniqueArray(fc.integer({ min: 0, max: 6 * 366 }), { maxLength: 3 })
      .chain((days) =>
        fc.tuple(...[...days].sort((a, b) => a - b).map((d) => basisPoints.map((bp) => ({ from: isoDay(d), basisPoints: bp })))),
      ),
  })
  .map((g) => ({ ...g, policy: toPolicy(g) }));

function toPolicy(g: Omit<GeneratedPolicy, 'policy'>): Policy {
  return basePolicy({
    domains: g.domains.map((d) => ({ id: d.id, label: `Domain ${d.id}`, weight: d.weightMilli / 1000 })),
    questionnaires: [
      {
        id: 'adults',
        label: 'Adults',
        questions: g.domains.flatMap((d) =>
          d.questions.map((points, qi) => ({
            id: `${d.id}-q${qi}`,
            domain: d.id,
            text: `Question ${qi} of ${d.id}`,
            answers: points.map((p, ai) => ({ id: `a${ai}`, text: `Answer ${ai}`, points: p })),
          })),
        ),
      },
    ],
    pricing: { default: { method: 'price-per-point', period: g.period, pencePerPoint: g.pencePerPoint } },
    carerAdjustment: {
      supportLevels: LEVELS.map((id) => ({ id, label: id })),
      impacts: IMPACTS.map((id) => ({ id, label: id })),
      reductions: Object.fromEntries(LEVELS.map((l) => [l, Object.fromEntries(IMPACTS.map((i) => [i, g.carerBasisPoints[l]![i]! / 100]))])),
    },
    uplifts: g.uplifts.map((u) => ({ from: u.from, percent: u.basisPoints / 100 })),
    rounding: { unit: g.unit, mode: g.mode },
    weeksPerYear: g.weeksPerYear10k / 10_000,
  });
}

export const carerArb: fc.Arbitrary<CarerSituation | undefined> = fc.option(
  fc.record({
    willingToContinue: fc.boolean(),
    ableToContinue: fc.boolean(),
    supportLevel: fc.constantFrom(...LEVELS),
    impact: fc.constantFrom(...IMPACTS),
  }),
  { nil: undefined },
);

/** Answer indexes for every question of a generated policy. */
export function choicesArb(gen: GeneratedPolicy): fc.Arbitrary<number[][]> {
  return fc.tuple(...gen.domains.map((d) => fc.tuple(...d.questions.map((q) => fc.nat({ max: q.length - 1 })))));
}

/** A generated policy with one assessment answering it. */
export const pricedCase: fc.Arbitrary<GeneratedCase> = pricePerPointPolicy.chain((gen) =>
  fc.record({
    gen: fc.constant(gen),
    choices: choicesArb(gen),
    carer: carerArb,
    assessmentDate: fc.integer({ min: 0, max: 7 * 366 }).map(isoDay),
  }),
);

export function toAssessment(c: {
  gen: GeneratedPolicy;
  choices: number[][];
  carer: CarerSituation | undefined;
  assessmentDate: string;
}): Assessment {
  const answers: Record<string, string> = {};
  c.gen.domains.forEach((d, di) => {
    d.questions.forEach((_, qi) => {
      answers[`${d.id}-q${qi}`] = `a${c.choices[di]![qi]!}`;
    });
  });
  return {
    reference: 'P-0001',
    assessmentDate: c.assessmentDate,
    age: 50,
    clientGroup: 'older-people',
    answers,
    ...(c.carer ? { carer: c.carer } : {}),
  };
}
