/** Response shapes for an evaluation: the result, every line of its explanation, and the decisions recorded from it. */

import {
  arrayOf,
  hash,
  integer,
  isoDate,
  nullable,
  pence,
  policyDefinition,
  record,
  ref,
  string,
  timestamp,
  type Schema,
} from './json-schema.js';

const period: Schema = { enum: ['week', 'month', 'year'] };

const line = (step: string, properties: Record<string, Schema>, optional: string[] = []): Schema =>
  record({ step: { const: step }, ...properties }, optional);
const band = { wholePoints: integer, band: integer, label: nullable(string), from: integer, to: nullable(integer) };
const outcome = record({ id: string, label: string, words: string });
export const explanationLine: Schema = {
  description: 'One fact that went into the amount, in pipeline order; `step` says which kind.',
  oneOf: [
    line('person', {
      asOf: isoDate,
      age: integer,
      ageFrom: { enum: ['age', 'date-of-birth'] },
      clientGroup: string,
      clientGroupLabel: string,
      questionnaire: string,
      questionnaireLabel: string,
    }),
    line('answer', {
      question: string,
      questionText: string,
      domain: string,
      answer: nullable(string),
      answerText: nullable(string),
      notApplicable: { type: 'boolean' },
      points: { type: 'number' },
    }),
    line('domain', {
      domain: string,
      label: string,
      rawPoints: { type: 'number' },
      weight: { type: 'number' },
      weightedPoints: { type: 'number' },
    }),
    line('total', { points: { type: 'number' }, wholePoints: integer, given: { enum: ['total', 'domains'] } }, ['given']),
    line('allocation-table', {
      clientGroup: string,
      table: { enum: ['default', 'client-group'] },
      method: { enum: ['price-per-point', 'bands', 'hour-bands'] },
      period,
    }),
    line(
      'pricing',
      {
        method: { const: 'price-per-point' },
        points: { type: 'number' },
        pencePerPoint: policyDefinition('pencePerPoint'),
        basePence: { ...pence, description: 'The base amount of the table (policy format 2); pence is the base plus pointsPence.' },
        pointsPence: { ...pence, description: 'The points priced and rounded, without the base (with a base amount only).' },
        period,
        pence,
      },
      ['basePence', 'pointsPence'],
    ),
    line('pricing', { method: { const: 'bands' }, ...band, period, pence }),
    line('pricing', {
      method: { enum: ['bands', 'hour-bands'] },
      ...band,
      period,
      outcome: { ...outcome, description: "The band's outcome, which has no amount (policy format 2): nothing after pricing applies." },
    }),
    line('pricing', {
      method: { const: 'hour-bands' },
      ...band,
      hours: { type: 'number' },
      hourlyRatePence: policyDefinition('hourlyRatePence'),
      period,
      pence,
    }),
    line('carer-adjustment', {
      applied: { type: 'boolean' },
      reason: ref('CarerReason'),
      supportLevel: nullable(string),
      supportLevelLabel: nullable(string),
      impact: nullable(string),
      impactLabel: nullable(string),
      percent: { type: 'number' },
      beforePence: pence,
      reductionPence: pence,
      afterPence: pence,
    }),
    line('uplift', {
      from: isoDate,
      percent: { type: 'number' },
      applied: { type: 'boolean' },
      reference: nullable(string),
      beforePence: pence,
      upliftPence: integer,
      afterPence: pence,
    }),
    line('rounding', {
      unit: { enum: ['penny', 'pound'] },
      mode: { enum: ['up', 'down', 'half-up'] },
      period,
      beforePence: pence,
      afterPence: pence,
    }),
    line('maximum', {
      maximumPence: pence,
      period,
      beforePence: pence,
      limitedByPence: { ...pence, description: 'How much the maximum took off: 0 when the amount was within it.' },
      afterPence: pence,
      applied: { type: 'boolean' },
      route: record({ id: string, label: string, words: string }),
    }),
    line('requested', {
      label: string,
      requestedPence: pence,
      period,
      beforePence: pence,
      afterPence: pence,
      applied: { type: 'boolean' },
    }),
    line('contribution', { label: string, period, budgetPence: pence, personPence: pence, councilPence: pence }),
    line('periods', { period, weeksPerYear: { type: 'number' }, weeklyPence: pence, monthlyPence: pence, annualPence: pence }),
    line('eligibility', {
      condition: string,
      label: string,
      met: { type: 'boolean' },
      reason: { ...string, description: 'Said to the person when the condition is not met.' },
      conditions: ref('ConditionExplanation'),
    }),
    line('award', { kind: { const: 'one-off' }, words: nullable(string), pence }),
    line('award', {
      kind: { const: 'yearly' },
      proRata: { enum: ['whole-months', 'days'] },
      yearFrom: isoDate,
      yearTo: isoDate,
      startDate: nullable(isoDate),
      remaining: integer,
      whole: integer,
      unit: { enum: ['months', 'days'] },
      fullPence: pence,
      pence: {
        ...pence,
        description: 'What is paid for the rest of the award year: fullPence × remaining ÷ whole, rounded as the policy rounds.',
      },
    }),
    line('rule', { rule: string, fired: { type: 'boolean' }, flag: string, conditions: ref('ConditionExplanation') }),
  ],
};

export const conditionExplanation: Schema = {
  description: "How a rule's conditions were judged, with the fact values used.",
  oneOf: [
    record({ all: arrayOf(ref('ConditionExplanation')), result: { type: 'boolean' } }),
    record({ any: arrayOf(ref('ConditionExplanation')), result: { type: 'boolean' } }),
    record({ not: ref('ConditionExplanation'), result: { type: 'boolean' } }),
    record({
      fact: string,
      path: nullable(string),
      operator: {
        enum: [
          'equal',
          'notEqual',
          'lessThan',
          'lessThanInclusive',
          'greaterThan',
          'greaterThanInclusive',
          'in',
          'notIn',
          'contains',
          'doesNotContain',
        ],
      },
      value: {},
      factValue: {},
      result: { type: 'boolean' },
    }),
  ],
};

export const evaluationResult: Schema = {
  ...record(
    {
      provenance: record(
        {
          policyId: string,
          version: string,
          contentHash: hash,
          engineVersion: string,
          pointsGiven: {
            enum: ['total', 'domains'],
            description: 'The assessment gave these points instead of answers (policy format 2).',
          },
        },
        ['pointsGiven'],
      ),
      asOf: isoDate,
      person: record({ reference: nullable(string), age: integer, clientGroup: string, questionnaire: string }),
      points: record({
        total: { type: 'number' },
        wholePoints: integer,
        byDomain: arrayOf(record({ domain: string, raw: { type: 'number' }, weighted: { type: 'number' } })),
      }),
      allocation: {
        ...nullable(record({ period, pence })),
        description: 'Null, like the three period amounts, exactly when the result has an outcome without an amount (policy format 2).',
      },
      weeklyPence: nullable(pence),
      monthlyPence: nullable(pence),
      annualPence: nullable(pence),
      outcome: {
        description:
          "Only when there is no amount (policy format 2): the band's named outcome (such as universal services or an individual assessment), or not eligible with the reasons. Never a budget of £0.",
        oneOf: [
          record({ kind: { const: 'without-amount' }, id: string, label: string, words: string }),
          record({ kind: { const: 'not-eligible' }, reasons: arrayOf(record({ condition: string, label: string, reason: string })) }),
        ],
      },
      award: {
        ...record({ kind: { enum: ['one-off', 'yearly'] }, pence }),
        description: 'Only for a policy with award periods (policy format 2): what is paid, once, or for the rest of the award year.',
      },
      carerAdjustment: record({
        applied: { type: 'boolean' },
        reason: ref('CarerReason'),
        percent: { type: 'number' },
        reductionPence: pence,
      }),
      contribution: {
        ...record({ period, personPence: pence, councilPence: pence }),
        description:
          "The budget split by the person's assessed contribution (policy format 2, when one is given); the budget is unchanged.",
      },
      flags: arrayOf(ref('Flag')),
      explanation: arrayOf(ref('ExplanationLine')),
    },
    ['contribution', 'outcome', 'award'],
  ),
  description: 'The indicative allocation for one assessment, with the version it came from and every step of how it was worked out.',
};

export const decisionCommon = {
  id: string,
  createdAt: timestamp,
  createdBy: string,
  policyId: string,
  version: string,
  contentHash: hash,
  asOf: nullable(isoDate),
  revision: { type: 'integer', minimum: 1, description: 'The commit that last changed the decision (its final budget): its ETag.' },
  finalBudget: nullable(ref('FinalBudget')),
};
