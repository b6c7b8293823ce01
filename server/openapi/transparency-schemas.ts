/** The ATRS record's shape, as GET /api/public/policies/{id}/versions/{version}/transparency-record answers it. */

import { arrayOf, count, hash, isoDate, mapOf, nullable, record, signedPence, string, type Schema } from './json-schema.js';

const figures = record({ people: count, betterOff: count, worseOff: count, unchanged: count, totalChangePence: signedPence });
const suppressedOr: Schema = {
  oneOf: [figures, { type: 'string', description: 'A group too small to show (fewer than 10 people): its figures are withheld.' }],
};

export const impactSummarySchema: Schema = record({
  comparedWith: string,
  cohortPeople: count,
  overall: figures,
  byClientGroup: mapOf(suppressedOr),
  byAgeBand: mapOf(suppressedOr),
});

export const transparencyRecordSchema: Schema = {
  ...record({
    standard: { const: 'Algorithmic Transparency Recording Standard' },
    generatedFrom: record({ policyId: string, version: string, contentHash: hash }),
    tier1: record({
      name: string,
      organisation: string,
      description: string,
      purpose: string,
      howItWorks: arrayOf(string),
      humanDecision: string,
      // The policy schema's own statement of a contact: one source for its shape.
      contact: nullable({ $ref: '#/components/schemas/Policy/properties/publication/properties/contact' }),
    }),
    tier2: record({
      owner: record({ organisation: string, decidedBy: string, decisionDate: isoDate, minuteReference: string, effectiveFrom: isoDate }),
      dataUsed: arrayOf(string),
      humanOversight: arrayOf(string),
      risksAndMitigations: record({ risks: nullable(string), equalityImpact: nullable(string), comparisonWaiver: nullable(string) }),
      impactAssessment: nullable({ $ref: '#/components/schemas/ImpactSummary' }),
    }),
    toBeCompletedByTheCouncil: {
      ...arrayOf(string),
      description: 'What the record needs that the policy does not yet say: fill these in its publication section before publishing.',
    },
  }),
  description:
    "A version's Algorithmic Transparency Recording Standard record (tiers 1 and 2), generated from the version, its ratification record and its publication section.",
};
