/**
 * What the service stores, stated once as JSON Schema. The TypeScript types of the records
 * (server/contract/records.ts) are generated from these by `npm run contracts`; the API document shows
 * the records it serves as they are here, by the same names. Adding a field to a record is one edit
 * here, then `npm run contracts`, then the code that uses it.
 *
 * Rows are immutable once committed; every row that can change carries the revision (the store's commit
 * number) of its last change, which is also its ETag.
 */

import { arrayOf, count, hash, isoDate, mapOf, nullable, record, ref, type Schema, string, timestamp } from './json-schema.js';

export const ROLES = ['officer', 'ratifier', 'scrutiny', 'api-client', 'admin'] as const;
export const VERSION_STATUSES = ['draft', 'submitted', 'ratified', 'superseded', 'withdrawn'] as const;

const revision = (what: string): Schema => ({
  type: 'integer',
  minimum: 1,
  description: `The commit that last changed ${what}: its ETag.`,
});

const policyRecord = record(
  {
    id: string,
    title: string,
    council: string,
    createdAt: timestamp,
    createdBy: string,
    revision: revision('the policy'),
    referenceCohortId: {
      ...nullable(string),
      description: 'The cohort a submitted version is compared over before ratification; absent or null for none.',
    },
  },
  ['referenceCohortId'],
);

const auditAnchor = {
  ...record({ seq: { type: 'integer', minimum: 0 }, hash: { type: 'string', pattern: '^[0-9a-f]{64}$' } }),
  description: "A point in the audit chain: an entry's sequence number and hash.",
};

const checkpoint = {
  ...record({
    commit: { type: 'integer', minimum: 0 },
    seq: { type: 'integer', minimum: 0 },
    hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    at: timestamp,
    key: {
      type: 'string',
      pattern: '^[A-Za-z0-9_-]{43}$',
      description: 'The Ed25519 public key that signed it (base64url of its 32 bytes).',
    },
    sig: {
      type: 'string',
      pattern: '^[A-Za-z0-9_-]{86}$',
      description: 'The signature (base64url) of the checkpoint line before " sig=".',
    },
  }),
  description:
    "A point of the record signed with the council's audit key: after commit `commit`, the audit chain ends at entry `seq` with hash `hash`. " +
    'Kept outside the record (the minutes, a published page), it lets verification find a record rewritten or cut short since.',
};

const ratification = record(
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
    checkpoint: {
      ...ref('Checkpoint'),
      description: 'The audit anchor signed with the audit key (absent on records from before checkpoints): the line for the minutes.',
    },
    effectiveFromConfirmed: {
      const: true,
      description: 'Present when the ratifier confirmed an effective date before the day of ratification or more than a year after it.',
    },
  },
  ['equalityImpact', 'comparison', 'comparisonWaiver', 'auditAnchor', 'checkpoint', 'effectiveFromConfirmed'],
);

const restores = {
  ...nullable(record({ version: string, contentHash: hash })),
  description: 'The version that answers, once this one is withdrawn, for the first day this one answered for; null when none will.',
};

const withdrawalProposal = {
  ...record({ proposedBy: string, proposedAt: timestamp, reason: string, restores: ref('Restores') }),
  description: 'Taking a version out of force, proposed by one ratifier and waiting for another to confirm it.',
};

const withdrawal = {
  ...record(
    {
      by: { type: 'string', description: 'The ratifier who confirmed the withdrawal (the second person).' },
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
      comparison: {
        ...nullable(ref('RatificationComparison')),
        description: 'The version withdrawn compared with the one that comes back, over the reference cohort, when there was one.',
      },
    },
    ['proposedBy', 'proposedAt', 'restores', 'equalityImpact', 'comparisonWaiver', 'comparison'],
  ),
  description: 'How the version was taken out of force: proposed by one ratifier, confirmed by another.',
};

/** The parts of a version record that lists show too (everything but the document and examples). */
export const versionCommon: Record<string, Schema> = {
  policyId: string,
  version: string,
  status: ref('VersionStatus'),
  contentHash: hash,
  basedOn: nullable(record({ version: string, contentHash: hash })),
  createdAt: timestamp,
  createdBy: string,
  updatedAt: timestamp,
  revision: revision('the version'),
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
  withdrawal: nullable(ref('Withdrawal')),
  withdrawalProposal: {
    ...nullable(ref('WithdrawalProposal')),
    description:
      'A proposal to withdraw the version, waiting for a second ratifier to confirm or anyone to cancel; absent or null when none is.',
  },
  calibration: {
    ...nullable(ref('SavedCalibration')),
    description: 'On a draft saved from a calibration: what it was calibrated on, and how it compares with its source.',
  },
};
/** Fields absent on records made before they existed. */
export const VERSION_OPTIONAL = ['calibration', 'inheritedAuthors', 'withdrawalProposal'];

const versionRecord = record({ ...versionCommon, document: ref('Policy'), examples: arrayOf(ref('WorkedExample')) }, VERSION_OPTIONAL);

const finalBudget = {
  ...record({ weeklyPence: { type: 'integer', minimum: 0 }, reason: string, recordedBy: string, recordedAt: timestamp }),
  description: 'The budget agreed after support planning, and why it differs from the indicative one.',
};

/** The fields every recorded decision has, stored and shown. */
export const decisionCommon: Record<string, Schema> = {
  id: string,
  createdAt: timestamp,
  createdBy: string,
  policyId: string,
  version: string,
  contentHash: hash,
  asOf: nullable(isoDate),
  revision: revision('the decision (its final budget)'),
  finalBudget: nullable(ref('FinalBudget')),
};

const decisionRecord = record({ ...decisionCommon, assessment: ref('Assessment'), result: ref('EvaluationResult') });

const apiKeyRecord = record(
  {
    id: string,
    label: string,
    secretHash: { ...string, description: "SHA-256 of the key's secret part; the key itself is shown once, at creation." },
    createdAt: timestamp,
    revokedAt: nullable(timestamp),
    expiresAt: { ...nullable(timestamp), description: 'When the key stops working (absent or null: until revoked).' },
    lastUsedAt: {
      ...nullable(timestamp),
      description: 'When the key was last used, to the hour: written at most once an hour, so use does not flood the journal.',
    },
  },
  ['expiresAt', 'lastUsedAt'],
);

const enrolment = {
  ...record(
    {
      codeHash: string,
      expiresAt: timestamp,
      notBefore: {
        ...timestamp,
        description: 'When the code starts to work (absent: at once): the reset of the other admin of a council of two waits.',
      },
      purpose: { enum: ['new-account', 'password-reset'] },
      issuedBy: string,
      issuedAt: timestamp,
    },
    ['notBefore'],
  ),
  description: 'A one-time code for a person to set their own password: only its hash is kept.',
};

const requested = { requestedBy: string, requestedAt: timestamp };
const pendingAccountChange = {
  oneOf: [
    record({ kind: { const: 'roles' }, roles: arrayOf(ref('Role')), ...requested }),
    record({ kind: { const: 'password-reset' }, ...requested }),
    record({ kind: { const: 'disable' }, ...requested }),
    record({ kind: { const: 'enable' }, ...requested }),
    record({ kind: { const: 'api-key' }, label: string, expiresAt: nullable(timestamp), ...requested }),
  ],
  description:
    'A change to an account waiting for a second admin: roles (the whole list asked for), a password reset, disabling an admin, enabling an account that can change what people are paid, or an API key for a system.',
};

const userRecord = record(
  {
    id: string,
    username: string,
    displayName: string,
    roles: arrayOf(ref('Role')),
    passwordHash: nullable(string),
    apiKeys: arrayOf(ref('ApiKeyRecord')),
    disabled: { type: 'boolean' },
    createdAt: timestamp,
    revision: revision('the account'),
    enrolment: { ...nullable(ref('Enrolment')), description: 'A one-time code waiting to be used (absent or null when none is).' },
    pending: {
      ...nullable(ref('PendingAccountChange')),
      description: 'A change waiting for a second admin (absent or null when none is).',
    },
    passwordFrom: {
      ...string,
      description: 'Who gave the one-time code the current password was set with (absent: set at setup, or before codes).',
    },
  },
  ['enrolment', 'pending', 'passwordFrom'],
);

const sessionRecord = record({ tokenHash: string, userId: string, createdAt: timestamp, expiresAt: timestamp });

/** The audit entry as the chain keeps it; the API adds its words (AuditEntry). */
const storedAuditEntry: Record<string, Schema> = {
  seq: { type: 'integer', minimum: 1 },
  at: timestamp,
  actor: string,
  action: string,
  target: string,
  details: { type: 'object', additionalProperties: {} },
  digest: {
    ...nullable({ type: 'string', pattern: '^[0-9a-f]{64}$' }),
    description:
      "SHA-256 of what this entry's commit changed for its target; null for events that change nothing (absent on entries older than digests).",
  },
  prevHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
};

const cohortRecord = {
  ...record({
    id: string,
    name: string,
    description: nullable(string),
    policyId: nullable(string),
    people: { type: 'integer', minimum: 1 },
    source: { enum: ['json', 'csv', 'generated'] },
    byClientGroup: { ...mapOf(count), description: 'People in each client group.' },
    byAgeBand: { ...mapOf(count), description: 'People in each age band.' },
    withCurrentCost: { ...count, description: 'People whose current package cost is known.' },
    createdAt: timestamp,
    createdBy: string,
  }),
  description: "A stored cohort's description; its people are kept apart and never shown whole.",
};

/** Every stored shape, by the name its TypeScript type and its API component take. */
export const RECORD_SCHEMAS = {
  Role: { enum: [...ROLES] },
  VersionStatus: { enum: [...VERSION_STATUSES] },
  PolicyRecord: policyRecord,
  AuditAnchor: auditAnchor,
  Checkpoint: checkpoint,
  Ratification: ratification,
  Restores: restores,
  WithdrawalProposal: withdrawalProposal,
  Withdrawal: withdrawal,
  VersionRecord: versionRecord,
  FinalBudget: finalBudget,
  DecisionRecord: decisionRecord,
  ApiKeyRecord: apiKeyRecord,
  Enrolment: enrolment,
  PendingAccountChange: pendingAccountChange,
  UserRecord: userRecord,
  SessionRecord: sessionRecord,
  StoredAuditEntry: record(storedAuditEntry, ['digest']),
  CohortRecord: cohortRecord,
} satisfies Record<string, Schema>;
