/** Response shapes for the records the API keeps: problems, users and keys, policies, versions and their worked examples. */

import { workedExampleSchema } from '../schemas.js';
import { ROLES } from '../store/records.js';
import { arrayOf, hash, isoDate, nullable, record, ref, refine, string, timestamp, type Schema } from './json-schema.js';

export const workedExample = refine(workedExampleSchema, { assessment: ref('Assessment') });

export const role: Schema = { enum: [...ROLES] };
export const versionStatus: Schema = { enum: ['draft', 'submitted', 'ratified', 'superseded', 'withdrawn'] };

export const problemError = record({
  pointer: { type: 'string', description: 'JSON Pointer (RFC 6901) into the request body, or /query/<name> for a query parameter.' },
  code: string,
  message: string,
});

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
    ...nullable({
      oneOf: [
        record({ kind: { const: 'roles' }, roles: arrayOf(ref('Role')), requestedBy: string, requestedAt: timestamp }),
        record({ kind: { const: 'password-reset' }, requestedBy: string, requestedAt: timestamp }),
        record({ kind: { const: 'disable' }, requestedBy: string, requestedAt: timestamp }),
        record({ kind: { const: 'enable' }, requestedBy: string, requestedAt: timestamp }),
        record({ kind: { const: 'api-key' }, label: string, expiresAt: nullable(timestamp), requestedBy: string, requestedAt: timestamp }),
      ],
    }),
    description:
      'A change waiting for a second admin: roles (the whole list asked for), a password reset, disabling an admin, enabling an account that can change what people are paid, or an API key for a system.',
  },
  apiKeys: arrayOf(ref('ApiKeySummary')),
};

export const ratification = record(
  {
    body: string,
    decisionDate: isoDate,
    minuteReference: string,
    rationale: string,
    effectiveFrom: isoDate,
    ratifiedBy: string,
    ratifiedAt: timestamp,
    equalityImpact: {
      type: 'string',
      description: 'The equality impact note; required when the comparison over the reference cohort leaves any group worse off.',
    },
    comparison: {
      ...nullable(ref('RatificationComparison')),
      description:
        "The comparison over the policy's reference cohort with the version in force on the effective date; null when there was none to make (absent on older records).",
    },
    comparisonWaiver: { type: 'string', description: 'Why the version was ratified without a comparison over a reference cohort.' },
    auditAnchor: {
      ...ref('AuditAnchor'),
      description: "The audit chain's head when the version was ratified: verification checks the chain still passes through it.",
    },
    effectiveFromConfirmed: {
      const: true,
      description: 'Present when the ratifier confirmed an effective date before the day of ratification or more than a year after it.',
    },
  },
  ['equalityImpact', 'comparison', 'comparisonWaiver', 'auditAnchor', 'effectiveFromConfirmed'],
);

/** The parts of a version record that lists show too (everything but the document and examples). */
const versionCommon = {
  policyId: string,
  version: string,
  status: ref('VersionStatus'),
  contentHash: hash,
  basedOn: nullable(record({ version: string, contentHash: hash })),
  createdAt: timestamp,
  createdBy: string,
  updatedAt: timestamp,
  revision: { type: 'integer', minimum: 1, description: 'The commit that last changed the version: its ETag.' },
  contributors: {
    ...arrayOf(string),
    description: 'Everyone who created, edited or submitted this version; none of them may ratify it.',
  },
  inheritedAuthors: {
    ...arrayOf(string),
    description:
      'Whoever authored, in a version not yet ratified, the content this one was cloned or copied from; none of them may ratify it either. Absent when none did.',
  },
  submittedAt: nullable(timestamp),
  submittedBy: nullable(string),
  ratification: nullable(ref('Ratification')),
  superseded: nullable(record({ by: string, from: isoDate, at: timestamp })),
  withdrawal: {
    ...nullable(
      record(
        {
          by: { type: 'string', description: 'The ratifier who confirmed the withdrawal.' },
          at: timestamp,
          reason: string,
          proposedBy: {
            type: 'string',
            description: 'The ratifier who proposed it (absent on withdrawals made before two people were needed).',
          },
          proposedAt: timestamp,
          restores: ref('Restores'),
          equalityImpact: string,
          comparisonWaiver: string,
          comparison: nullable(ref('RatificationComparison')),
        },
        ['proposedBy', 'proposedAt', 'restores', 'equalityImpact', 'comparisonWaiver', 'comparison'],
      ),
    ),
    description: 'How the version was taken out of force: proposed by one ratifier, confirmed by another.',
  },
  withdrawalProposal: {
    ...nullable(record({ proposedBy: string, proposedAt: timestamp, reason: string, restores: ref('Restores') })),
    description:
      'A proposal to withdraw the version, waiting for a second ratifier to confirm or anyone to cancel; absent or null when none is.',
  },
  calibration: {
    ...nullable(ref('SavedCalibration')),
    description: 'On a draft saved from a calibration: what it was calibrated on, and how it compares with its source.',
  },
};
/** Only drafts saved from a calibration carry `calibration`; the others are absent on records that never had them. */
export const VERSION_OPTIONAL = ['calibration', 'inheritedAuthors', 'withdrawalProposal'];

export const restores = {
  ...nullable(record({ version: string, contentHash: hash })),
  description: 'The version that answers, once this one is withdrawn, for the first day this one answered for; null when none will.',
};
export const versionRecordProperties = { ...versionCommon, document: ref('Policy'), examples: arrayOf(ref('WorkedExample')) };
export const versionSummaryProperties = { ...versionCommon, title: string, exampleCount: { type: 'integer', minimum: 0 } };

export const policyRecordProperties = {
  id: string,
  title: string,
  council: string,
  createdAt: timestamp,
  createdBy: string,
  revision: { type: 'integer', minimum: 1 },
  referenceCohortId: {
    ...nullable(string),
    description: 'The cohort a submitted version is compared over before ratification; absent or null for none.',
  },
};
export const POLICY_OPTIONAL = ['referenceCohortId'];

export const issue = record(
  {
    code: string,
    path: string,
    message: string,
    severity: { enum: ['error', 'warning'] },
    params: { type: 'object' },
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
