/** Response shapes for scrutiny: stored cohorts, comparisons of versions over them, and the comparison made before ratification. */

import {
  arrayOf,
  count,
  hash,
  integer,
  isoDate,
  mapOf,
  nullable,
  pence,
  record,
  ref,
  share,
  signedPence,
  string,
  timestamp,
  type Schema,
} from '../domain/json-schema.js';

export const summary = record({ people: count, totalPence: pence, meanPence: pence, medianPence: pence, p90Pence: pence, maxPence: pence });

export const histogramSchema: Schema = {
  ...record({
    binWidthPence: { type: 'integer', minimum: 0 },
    bins: arrayOf(record({ fromPence: integer, toPence: integer, count })),
  }),
  description:
    'Counts in bins of a round width (1, 2 or 5 times a power of ten pounds), from the lowest value to the highest; no bins when there are no values.',
};

export const currentCostComparison = record({
  people: count,
  meanDifferencePence: signedPence,
  medianDifferencePence: signedPence,
  above: count,
  below: count,
  equal: count,
});

export const pairStats: Schema = {
  ...record({
    people: count,
    gainers: count,
    losers: count,
    unchanged: count,
    gainersShare: share,
    losersShare: share,
    unchangedShare: share,
    totalBasePence: pence,
    totalCandidatePence: pence,
    totalChangePence: signedPence,
    meanChangePence: signedPence,
  }),
  description:
    'Who gains and who loses between two versions. A change counts only when it is larger than every materiality threshold given.',
};

export const personChange = record({
  ref: string,
  clientGroup: string,
  ageBand: string,
  basePence: pence,
  candidatePence: pence,
  changePence: signedPence,
});

export const policyChange: Schema = {
  ...record({
    area: { enum: ['questionnaire', 'weights', 'pricing', 'carer', 'uplifts', 'maximum', 'rounding', 'rules', 'description'] },
    path: { type: 'string', description: 'JSON Pointer into the candidate (or the base, for a removal).' },
    description: string,
    before: {},
    after: {},
  }),
  description: 'One change between two versions, in words a committee can read.',
};

export const versionOutcome = record({
  version: string,
  contentHash: hash,
  withoutAmount: {
    ...mapOf(count),
    description:
      "People this version gives no amount (schemaVersion 2), by outcome: 'not-eligible' or a band's outcome id. They are outside every money figure, so a move to an individual assessment is not counted as a loss.",
  },
  summary: ref('Summary'),
  byClientGroup: mapOf(ref('Summary')),
  byAgeBand: mapOf(ref('Summary')),
  flags: { ...mapOf(count), description: 'How many people each flag was raised for.' },
  histogram: ref('Histogram'),
  currentCost: {
    ...nullable(ref('CurrentCostComparison')),
    description: 'Against the current package costs in the cohort, where known; null when none are.',
  },
});

export const pairComparison = record({
  base: string,
  candidate: string,
  overall: ref('PairStats'),
  byClientGroup: mapOf(ref('PairStats')),
  byAgeBand: mapOf(ref('PairStats')),
  largestLosses: { ...arrayOf(ref('PersonChange')), description: 'Largest loss first; equal losses in order of reference.' },
  largestGains: { ...arrayOf(ref('PersonChange')), description: 'Largest gain first; equal gains in order of reference.' },
  changeHistogram: ref('Histogram'),
  policyChanges: arrayOf(ref('PolicyChange')),
  lostAmount: {
    ...record({
      people: count,
      cannotEvaluate: count,
      noAmount: count,
      byClientGroup: mapOf(count),
      byAgeBand: mapOf(count),
    }),
    description:
      'People the base version gives an amount and the candidate does not (it cannot evaluate them, or gives an outcome with no amount): outside the money figures, counted here by client group and age band.',
  },
});

export const attributionStep: Schema = {
  ...record({
    id: {
      type: 'string',
      description: 'The part of the policy, e.g. pricing:default; parts that could not be applied alone are joined with +.',
    },
    label: string,
    changes: arrayOf(ref('PolicyChange')),
    totalWeeklyChangePence: signedPence,
    totalAnnualChangePence: signedPence,
    peopleAffected: count,
  }),
  description: 'One changed part of the policy, applied after the ones before it; the steps sum to the whole change for every person.',
};

/** A comparison's figures (without the per-person amounts, which are exported separately). */
export const comparisonCore = {
  asOf: isoDate,
  cohortSize: count,
  evaluated: count,
  excluded: {
    ...record({ count, examples: { ...arrayOf(record({ ref: string, version: string, reason: string })), maxItems: 100 } }),
    description: 'People some version cannot evaluate; they are left out of every total, so totals are like for like.',
  },
  withoutAmount: {
    ...count,
    description: 'Evaluated people with no amount under at least one version (schemaVersion 2): outside the money figures.',
  },
  versions: arrayOf(ref('VersionOutcome')),
  pairs: { ...arrayOf(ref('PairComparison')), description: 'Each version after the first, against the first.' },
};

export const comparisonResult = record({
  ...comparisonCore,
  attribution: {
    ...arrayOf(record({ base: string, candidate: string, steps: arrayOf(ref('AttributionStep')) })),
    description: 'Why amounts changed, part by part, for each candidate; empty unless attribution was asked for.',
  },
});

const comparisonJobCommon = {
  id: string,
  progress: record({ done: count, total: count }),
  createdAt: timestamp,
  policyId: string,
  versions: { ...arrayOf(string), minItems: 2 },
  cohortId: nullable(string),
  asOf: isoDate,
  materiality: record({ pence: count, percent: { type: 'number', minimum: 0, maximum: 100 } }, ['pence', 'percent']),
  links: record({ self: string, csv: string, json: string }),
};

export const comparisonJob: Schema = {
  description: 'A comparison job: running (with progress), done (with its result) or failed.',
  oneOf: [
    record({ ...comparisonJobCommon, status: { const: 'running' } }),
    record({ ...comparisonJobCommon, status: { const: 'done' }, result: ref('ComparisonResult') }),
    record({ ...comparisonJobCommon, status: { const: 'failed' }, error: string }),
  ],
};

export const personRow: Schema = {
  ...record({
    ref: string,
    clientGroup: string,
    ageBand: string,
    annualPence: { ...mapOf(pence), description: "Each version's annual amount, by version." },
    changePence: { ...mapOf(signedPence), description: 'The change from the first version, by later version.' },
    attribution: {
      ...mapOf(mapOf(signedPence)),
      description: 'By later version, the annual change from each attribution step; empty without attribution.',
    },
  }),
  description: 'One compared person.',
};

export const ratificationComparison: Schema = {
  ...record(
    {
      cohortId: string,
      against: { type: 'string', description: 'The version in force, compared from.' },
      candidate: {
        type: 'string',
        description: 'The version that would be in force instead: the one ratified, or the one a withdrawal brings back.',
      },
      asOf: isoDate,
      people: count,
      excluded: count,
      overall: ref('PairStats'),
      byClientGroup: mapOf(ref('PairStats')),
      byAgeBand: mapOf(ref('PairStats')),
      lostAmount: {
        ...record({ people: count, cannotEvaluate: count, noAmount: count, byClientGroup: mapOf(count), byAgeBand: mapOf(count) }),
        description: 'People who have an amount under the version in force and would have none: counted apart from losers, never hidden.',
      },
      worseOff: arrayOf(
        record(
          {
            dimension: { enum: ['clientGroup', 'ageBand'] },
            group: string,
            losers: { ...count, description: 'People whose amount falls.' },
            lostAmount: { ...count, description: 'People who would have no amount at all.' },
            people: count,
            totalChangePence: signedPence,
          },
          ['lostAmount'],
        ),
      ),
    },
    ['candidate', 'lostAmount'],
  ),
  description:
    "The version in force compared, over the policy's reference cohort, with the one that would take its place: before a ratification (on its effective date) or a withdrawal (on the withdrawn version's).",
};
