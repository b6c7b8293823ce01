/**
 * Response shapes the API shows besides its stored records (server/domain/record-schemas.ts): problems,
 * users and keys as shown, versions as listed, worked examples' outcomes.
 */

import { versionCommon } from '../domain/record-schemas.js';
import { arrayOf, nullable, record, ref, string, timestamp, type Schema } from '../domain/json-schema.js';

export const problemError = record(
  {
    pointer: { type: 'string', description: 'JSON Pointer (RFC 6901) into the request body, or /query/<name> for a query parameter.' },
    code: string,
    message: string,
    params: {
      type: 'object',
      additionalProperties: {},
      description:
        "What the check found, to word it without reading the message: a schema check's keyword and its limit (e.g. { keyword: 'maximum', comparison: '<=', limit: 100 }), a semantic check's figures.",
    },
  },
  ['params'],
);

export const problem: Schema = {
  ...record(
    {
      type: { type: 'string', description: 'A URI reference naming the kind of problem, e.g. /problems/validation_failed.' },
      title: string,
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: string,
      errors: { type: 'array', minItems: 1, items: ref('ProblemError') },
      warnings: { type: 'array', minItems: 1, items: ref('ProblemError') },
    },
    ['errors', 'warnings'],
  ),
  description: 'RFC 9457 problem details. `errors` lists every fault found, each at its JSON Pointer.',
};

export const apiKeySummary = record({
  id: string,
  label: string,
  createdAt: timestamp,
  revokedAt: nullable(timestamp),
  expiresAt: { ...nullable(timestamp), description: 'When the key stops working; null: until revoked.' },
  lastUsedAt: { ...nullable(timestamp), description: 'The hour the key was last used (kept to the hour); null: never.' },
});
export const userProperties = {
  id: string,
  username: string,
  displayName: string,
  roles: arrayOf(ref('Role')),
  disabled: { type: 'boolean' },
  createdAt: timestamp,
  hasPassword: { type: 'boolean' },
  oneTimeCodeOutstanding: {
    ...nullable(
      record({
        purpose: { enum: ['new-account', 'password-reset'] },
        issuedBy: string,
        issuedAt: timestamp,
        expiresAt: timestamp,
        worksFrom: {
          ...timestamp,
          description: 'When the code starts to work: later than issuedAt for the reset of the other admin of a council of two.',
        },
      }),
    ),
    description: 'A one-time code given for this account and not yet used (never the code itself).',
  },
  pending: {
    ...nullable(ref('PendingAccountChange')),
    description: 'A change waiting for a second admin, as the account record keeps it.',
  },
  names: {
    type: 'object',
    additionalProperties: string,
    description:
      'Everyone the account names (who gave the outstanding one-time code, who asked for the change waiting), by user name: their names now, or words for the system.',
  },
  apiKeys: arrayOf(ref('ApiKeySummary')),
};

export const versionRecordProperties = { ...versionCommon, document: ref('Policy'), examples: arrayOf(ref('WorkedExample')) };
export const versionSummaryProperties = { ...versionCommon, title: string, exampleCount: { type: 'integer', minimum: 0 } };

export const issue = record(
  {
    code: string,
    path: string,
    message: string,
    severity: { enum: ['error', 'warning'] },
    params: { type: 'object', additionalProperties: {} },
  },
  ['params'],
);

export const exampleOutcome = record(
  {
    name: string,
    passed: { type: 'boolean' },
    differences: arrayOf(record({ field: string, expected: {}, actual: {} })),
    issues: arrayOf(ref('Issue')),
  },
  ['issues'],
);
