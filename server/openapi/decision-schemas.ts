/**
 * The fields every recorded decision has. The result it records is rules/result.schema.json, embedded
 * as the EvaluationResult component: the one statement of its shape.
 */

import { hash, isoDate, nullable, ref, string, timestamp } from './json-schema.js';

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
