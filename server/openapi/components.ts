/**
 * components of the document: the security schemes, and every named schema the operations refer to
 * with $ref. The policy document, the assessment and the cohort document are the engine's own
 * schemas, embedded here.
 */

import { calibrationProperties, tablePrice } from './calibration-schemas.js';
import {
  attributionStep,
  comparisonCore,
  comparisonJob,
  comparisonResult,
  currentCostComparison,
  histogramSchema,
  pairComparison,
  pairStats,
  personChange,
  personRow,
  policyChange,
  ratificationComparison,
  summary,
  versionOutcome,
} from './comparison-schemas.js';
import { RECORD_SCHEMAS, VERSION_OPTIONAL } from '../domain/record-schemas.js';
import { STEP_PERMISSION } from '../domain/lifecycle.js';
import { ACTIONS } from '../domain/permissions.js';
import { ACCOUNT_HISTORY } from '../domain/accounts.js';
import { REQUEST_BODIES, REQUEST_PARTS } from '../http/request-schemas.js';
import { engineComponents } from './engine-components.js';
import {
  arrayOf,
  extend,
  hash,
  without,
  integer,
  isoDate,
  nullable,
  pence,
  record,
  ref,
  string,
  timestamp,
} from '../domain/json-schema.js';
import {
  apiKeySummary,
  exampleOutcome,
  issue,
  problem,
  problemError,
  userProperties,
  versionSummaryProperties,
} from './resource-schemas.js';

export const components = {
  securitySchemes: {
    bearer: { type: 'http', scheme: 'bearer', description: 'A session token from POST /api/auth/login.' },
    ApiKey: {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: 'An API key issued by an admin, sent as `Authorization: ApiKey ras_<id>_<secret>`.',
    },
    ApiKeyHeader: {
      type: 'apiKey',
      in: 'header',
      name: 'X-API-Key',
      description: 'The same API key, sent as `X-API-Key: ras_<id>_<secret>`.',
    },
  },
  schemas: {
    Problem: problem,
    ProblemError: problemError,
    ...engineComponents(),
    // Request bodies (server/http/request-schemas.ts), worked examples among them.
    ...REQUEST_BODIES,
    ...REQUEST_PARTS,
    // The stored records the API shows as they are kept.
    ...pick(RECORD_SCHEMAS, [
      'Role',
      'VersionStatus',
      'PolicyRecord',
      'AuditAnchor',
      'Checkpoint',
      'Ratification',
      'Restores',
      'WithdrawalProposal',
      'Withdrawal',
      'VersionRecord',
      'FinalBudget',
      'PendingAccountChange',
      'CohortRecord',
    ]),
    Health: record({ status: { const: 'ok' }, engineVersion: string }),
    SetupStatus: record({ needed: { type: 'boolean' } }),
    ApiKeySummary: apiKeySummary,
    User: { ...record(userProperties), description: 'A user as the API shows it: never a password hash, a code or a key hash.' },
    NewUser: {
      ...record({
        ...userProperties,
        oneTimeCode: {
          ...nullable(record({ code: string, expiresAt: timestamp })),
          description:
            "The one-time code with which the person sets their own password (POST /api/auth/enrol): shown this once, never kept. Pass it to the person; null for a system's account, or when a second admin must agree first.",
        },
      }),
      description: 'An account just created or reset.',
    },
    ApprovedChange: {
      ...record({
        ...userProperties,
        oneTimeCode: {
          ...nullable(record({ code: string, expiresAt: timestamp })),
          description: 'The one-time code of an approved reset: shown this once.',
        },
        apiKey: { ...nullable(ref('NewApiKey')), description: 'The API key of an approved key: shown this once.' },
      }),
      description: 'An account after a second admin agreed to the change waiting on it.',
    },
    Me: record({
      ...userProperties,
      via: { enum: ['session', 'api-key'] },
      permissions: { ...arrayOf(ref('Permission')), description: 'The actions this user may take: the console offers no other.' },
      accountHistory: {
        ...arrayOf(ref('AccountHistoryEntry')),
        description: 'Everything done to this account and by whom: roles, keys, one-time codes, passwords set.',
      },
    }),
    Permission: { enum: ACTIONS },
    AccountHistoryEntry: record({
      seq: integer,
      at: timestamp,
      actor: string,
      actorName: { ...string, description: 'Who did it, by name now (or words for the system).' },
      action: { enum: [...ACCOUNT_HISTORY] },
      details: { type: 'object', additionalProperties: {} },
      names: {
        type: 'object',
        additionalProperties: string,
        description:
          'Everyone the details name (requestedBy, issuedBy, codeIssuedBy, pending.requestedBy), by user name: their names now, or words for the system.',
      },
    }),
    UserWithHistory: record({ ...userProperties, history: arrayOf(ref('AccountHistoryEntry')) }),
    LoginResponse: record({ token: string, expiresAt: timestamp, user: ref('User') }),
    NewApiKey: {
      ...record({ id: string, label: string, expiresAt: nullable(timestamp), key: { type: 'string', pattern: '^ras_[^_]+_.+$' } }),
      description: 'The key is shown once, here.',
    },
    PolicyListItem: extend(RECORD_SCHEMAS.PolicyRecord, {
      versions: { type: 'integer', minimum: 0 },
      inForce: nullable(record({ version: string, effectiveFrom: isoDate })),
    }),
    PolicyDetail: extend(RECORD_SCHEMAS.PolicyRecord, {
      inForce: nullable(record({ version: string, effectiveFrom: isoDate })),
      versions: arrayOf(ref('VersionSummary')),
    }),
    RatificationComparison: ratificationComparison,
    VersionWithLinks: extend(
      RECORD_SCHEMAS.VersionRecord,
      {
        createdByName: { ...string, description: 'Who created it, by name now.' },
        names: {
          type: 'object',
          additionalProperties: string,
          description:
            'Everyone the record names (creator, editors, submitter, ratifier, withdrawal), by user name: their names now, or words for the system.',
        },
        links: ref('VersionLinks'),
        steps: {
          ...arrayOf(ref('Step')),
          description:
            "The steps the caller may take on this version now: their roles allow it, the version's status does, and no four-eyes rule stands in their way. The server still judges each request.",
        },
        checkpointLine: {
          ...string,
          description:
            "The ratification's signed checkpoint as one line, for the minutes (absent until ratified, and on records from before checkpoints).",
        },
      },
      ['checkpointLine'],
    ),
    Step: { enum: Object.keys(STEP_PERMISSION) },
    VersionLinks: record({ self: string, examples: string, evaluate: string, audit: string }),
    WorkedExamples: record({ examples: arrayOf(ref('WorkedExample')) }),
    VersionSummary: record(versionSummaryProperties, VERSION_OPTIONAL),
    InForceVersion: record({ asOf: isoDate, ...versionSummaryProperties }, VERSION_OPTIONAL),
    PublishedPolicy: record({
      id: string,
      title: string,
      council: string,
      inForce: nullable(record({ version: string, effectiveFrom: isoDate })),
      versions: arrayOf(record({ version: string, status: { enum: ['ratified', 'superseded'] }, effectiveFrom: isoDate })),
    }),
    PublishedVersion: {
      ...record({
        policyId: string,
        version: string,
        status: { enum: ['ratified', 'superseded'] },
        contentHash: hash,
        document: ref('Policy'),
        ratification: record(
          {
            body: string,
            decisionDate: isoDate,
            minuteReference: string,
            rationale: string,
            effectiveFrom: isoDate,
            equalityImpact: string,
            auditAnchor: ref('AuditAnchor'),
            checkpoint: {
              ...string,
              description:
                'The checkpoint line of the audit anchor, signed with the audit key: keep it (the minutes, a copy of this page), and `ras audit verify --checkpoints` finds a record rewritten or cut short since.',
            },
          },
          ['equalityImpact', 'auditAnchor', 'checkpoint'],
        ),
        auditKey: {
          ...string,
          description: "The council's audit public key (Ed25519, base64url): the key every checkpoint of the record must be signed with.",
        },
        superseded: nullable(record({ by: string, from: isoDate })),
        workedExample: {
          ...nullable(record({ name: string, result: ref('EvaluationResult') })),
          description: "The version's first worked example, worked out: one case a reader can follow in pounds.",
        },
        equalities: {
          ...nullable(ref('ImpactSummary')),
          description:
            'For a version ratified with a comparison: who gains and who loses against the version it replaced, by client group and age band; groups under 10 people are withheld.',
        },
      }),
      description: 'A ratified version as the public sees it: the whole RAS and who decided it, not who edited the drafts.',
    },
    Issue: issue,
    ExamplesReport: record({ passed: { type: 'boolean' }, examples: arrayOf(exampleOutcome) }),
    BatchResult: record({
      results: arrayOf({
        oneOf: [
          record({ index: integer, ok: { const: true }, result: ref('EvaluationResult') }),
          record({ index: integer, ok: { const: false }, problem: ref('Problem') }),
        ],
      }),
    }),
    Decision: extend(
      RECORD_SCHEMAS.DecisionRecord,
      { createdByName: { ...string, description: 'Who recorded it, by name now: given when a decision is read.' } },
      ['createdByName'],
    ),
    // A decision as lists show it: every stored field but its input and output, whatever fields the record has.
    DecisionSummary: extend(
      without(RECORD_SCHEMAS.DecisionRecord, ['assessment', 'result']),
      {
        createdByName: { ...string, description: 'Who recorded it, by name now.' },
        weeklyPence: { ...nullable(pence), description: 'Null for a result without an amount (schemaVersion 2).' },
        flags: arrayOf(string),
        reference: {
          ...nullable(string),
          description:
            "The assessment's reference (the case system's pseudonymous one); null when it has none; absent for decisions recorded before lists carried it.",
        },
      },
      ['reference'],
    ),
    ReplayResult: record({
      decisionId: string,
      identical: { type: 'boolean' },
      contentHash: hash,
      recordedEngineVersion: string,
      replayedEngineVersion: string,
      differences: arrayOf(
        record({ pointer: string, type: { enum: ['CREATE', 'REMOVE', 'CHANGE'] }, recorded: {}, replayed: {} }, ['recorded', 'replayed']),
      ),
    }),
    AuditEntry: extend(RECORD_SCHEMAS.StoredAuditEntry, {
      actionWords: { ...string, description: 'What happened, in words (e.g. Ratified).' },
      actorName: {
        ...string,
        description: "Who did it, by the user's name now (or the system's role); `actor` is the username recorded.",
      },
      targetWords: { ...string, description: 'What it was done to, by title or name now (e.g. Adult RAS, version 2010-revised).' },
    }),
    Summary: {
      ...summary,
      description: 'Annual amounts over the people compared: total, mean (rounded), nearest-rank median and 90th percentile, and maximum.',
    },
    Histogram: histogramSchema,
    CurrentCostComparison: currentCostComparison,
    PairStats: pairStats,
    PersonChange: personChange,
    PolicyChange: policyChange,
    VersionOutcome: versionOutcome,
    PairComparison: pairComparison,
    AttributionStep: attributionStep,
    ComparisonResult: comparisonResult,
    ComparisonJob: comparisonJob,
    ComparisonPeople: record({ comparison: string, versions: arrayOf(string), people: arrayOf(ref('PersonRow')) }),
    PersonRow: personRow,
    TablePrice: tablePrice,
    Calibration: {
      ...record({ ...calibrationProperties, calibratedPolicy: ref('Policy') }),
      description:
        'What the version costs over the cohort, the prices that fit the budget after contingency, and a sensitivity table; money is annual.',
    },
    SavedCalibration: {
      ...record({ ...calibrationProperties, comparison: record(comparisonCore) }),
      description: 'The calibration a draft was saved from, with the comparison of the draft with its source over the same cohort.',
    },
    CalibratedDraft: {
      ...record({ ...calibrationProperties, calibratedPolicy: ref('Policy'), draft: ref('VersionLinks') }),
      description: 'The calibration, and where the new draft with the calibrated prices is.',
    },
    AuditAction: {
      ...record({ action: string, words: { ...string, description: 'The action in words, as the audit log shows it.' } }),
      description: 'An action the audit log records.',
    },
    SignedCheckpoint: {
      ...record({ checkpoint: ref('Checkpoint'), line: { ...string, description: 'The checkpoint as one line, for the minutes.' } }),
      description: 'The record as it stands, signed with the audit key: keep the line outside the record.',
    },
    PublishedCheckpoints: {
      ...record({
        auditKey: { ...string, description: "The council's audit public key (Ed25519, base64url)." },
        checkpoints: arrayOf(record({ policyId: string, version: string, line: string })),
      }),
      description: "Each published version's ratification checkpoint, with the key that signs them.",
    },
    IntegrityCode: {
      enum: [
        'journal_damaged',
        'commit_missing',
        'chain_broken',
        'change_unaudited',
        'entry_without_change',
        'digest_mismatch',
        'anchor_mismatch',
        'journal_truncated',
        'file_differs',
        'file_missing',
        'recorded_finding',
        'checkpoint_unsigned',
        'signature_invalid',
        'key_unknown',
        'checkpoint_not_in_record',
        'checkpoint_mismatch',
        'rule_broken',
      ],
      description:
        'journal_damaged: a line in the middle cannot be read. commit_missing, journal_truncated: commits or entries removed (the journal ends before what head.json, a file, or an anchor shows). ' +
        'chain_broken: an entry changed, removed or reordered. change_unaudited, entry_without_change, digest_mismatch: a change and the entry that vouches for it disagree. ' +
        'anchor_mismatch: the chain no longer passes through a ratification’s anchor. file_differs: a copy beside the record (a collection file, a table) differs from it. ' +
        'file_missing: head.json or a collection file is missing, so nothing shows where the record ended. recorded_finding: a problem the server found and recorded when it started. ' +
        'checkpoint_unsigned: the head carries no signed checkpoint. signature_invalid: a checkpoint’s signature does not hold. key_unknown: a checkpoint signed by a key that is not trusted. ' +
        'checkpoint_not_in_record: a checkpoint (kept outside, or in the record) lies beyond the record’s end. checkpoint_mismatch: the record holds another head at a checkpoint’s point. ' +
        'rule_broken: a recorded transition breaks a rule of the lifecycle (an author ratified, a version in force without ratification, a decision not under the version in force on its date).',
    },
    IntegrityProblem: record({ code: ref('IntegrityCode'), message: string, seq: integer, commit: integer, file: string }, [
      'seq',
      'commit',
      'file',
    ]),
    IntegrityReport: {
      ...record(
        {
          ok: { type: 'boolean' },
          commits: { type: 'integer', minimum: 0, description: 'Commits in the journal.' },
          entries: { type: 'integer', minimum: 0, description: 'Audit entries in the chain.' },
          head: ref('AuditAnchor'),
          anchors: { type: 'integer', minimum: 0, description: 'Ratification anchors checked against the chain.' },
          problems: arrayOf(ref('IntegrityProblem')),
          checkpoints: {
            ...record(
              {
                inRecord: {
                  type: 'integer',
                  minimum: 0,
                  description: 'Signed checkpoints the record carries (ratifications, checkpoint entries, its head), each checked.',
                },
                known: { type: 'integer', minimum: 0, description: 'Checkpoints kept outside the record that were given to the check.' },
                trustedKeys: arrayOf({ type: 'string', description: 'A public key (base64url).' }),
                lastSigned: {
                  ...ref('Checkpoint'),
                  description: 'The latest signed checkpoint the record carries: the record reached at least this far.',
                },
              },
              ['lastSigned'],
            ),
            description:
              'What the checkpoints showed. trustedKeys are the keys signatures were checked against: the audit key the check was given and the keys of the checkpoints kept outside; ' +
              'none means signatures were checked only against the keys the record itself names.',
          },
          tornTail: {
            ...record({ offset: integer, bytes: integer }),
            description:
              "Bytes at the journal's end that a crash cut short: never acknowledged, and set aside when the server next starts.",
          },
        },
        ['tornTail'],
      ),
      description:
        'The whole record checked from disk: the audit chain, every ratification anchor, every change against the entry that vouches for it, ' +
        'and the files beside the journal. ok is true only when there are no problems.',
    },
  },
};

/**
 * The name of a component of the document's schemas: what a route's answer may name (server/route-table.ts).
 * The engine's definitions, whose names come from its schemas, are left out: an answer names a root.
 */
export type ComponentName = keyof { [K in keyof Schemas as string extends K ? never : K]: Schemas[K] };
type Schemas = typeof components.schemas;

function pick<T extends Record<string, unknown>, K extends keyof T>(from: T, names: readonly K[]): Pick<T, K> {
  return Object.fromEntries(names.map((name) => [name, from[name]])) as Pick<T, K>;
}
