/**
 * The API as an OpenAPI 3.1 document. Every operation comes from the route table (so a route cannot
 * be missing, and its summary and access are the ones the server enforces); what the table does not
 * know — request bodies, parameters, responses — is kept here, keyed by `${method} ${path}`.
 * Request bodies reuse the JSON Schemas that check them (schemas.ts); the policy document, the
 * assessment and the cohort document are the engine's own schemas, embedded under components.schemas.
 */

import cohortSchema from '../rules/cohort.schema.json' with { type: 'json' };
import { assessmentSchema, ENGINE_VERSION, policySchema } from '../engine/index.js';
import type { Access, RouteSpec } from './route-table.js';
import {
  batchBody, calibrateBody, cloneBody, compareBody, createApiKeyBody, createPolicyBody, createUserBody, examplesBody, finalBudgetBody,
  generateCohortBody, loginBody, ratifyBody, recordDecisionBody, referenceCohortBody, setupBody, updateUserBody, withdrawBody, workedExampleSchema,
} from './schemas.js';
import { ROLES } from './store/records.js';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: 'null' }] });
const string: Schema = { type: 'string' };
const integer: Schema = { type: 'integer' };
const pence: Schema = { type: 'integer', minimum: 0, description: 'An amount of money in whole pence.' };
const isoDate: Schema = { type: 'string', format: 'date' };
const timestamp: Schema = { type: 'string', format: 'date-time' };
const hash: Schema = { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' };
const arrayOf = (items: Schema): Schema => ({ type: 'array', items });
/** An object keyed by names not known in advance (client groups, age bands, versions, flags). */
const mapOf = (values: Schema): Schema => ({ type: 'object', additionalProperties: values });
const count: Schema = { type: 'integer', minimum: 0 };
const share: Schema = { type: 'number', minimum: 0, maximum: 1 };
/** Whole pence that may be negative: a change, or an amount against a budget. */
const signedPence: Schema = { type: 'integer', description: 'An amount of money in whole pence; negative for a fall.' };
/** A closed object: every property listed is required unless named in `optional`. */
const record = (properties: Record<string, Schema>, optional: string[] = []): Schema => ({
  type: 'object', additionalProperties: false, properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
});

// ---------------------------------------------------------------------------------------------
// The engine's schemas, embedded. They are draft 2020-12 documents with their own $id and $defs;
// here they live inside this document, so their internal references are rewritten to point at
// their new place and $id / $schema are dropped (the same documents, with their ids, are served at
// /api/schemas/policy.schema.json and /api/schemas/assessment.schema.json).

function embedded(schema: object, name: string): Schema {
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key,
      key === '$ref' && typeof child === 'string' && child.startsWith('#/') ? `#/components/schemas/${name}/${child.slice(2)}` : rewrite(child)]));
  };
  const { $id, $schema: _dialect, ...rest } = schema as Schema;
  return { ...(rewrite(rest) as Schema), $comment: `Embedded copy of ${String($id)}` };
}

/** A request-body schema from schemas.ts with some properties described more exactly. */
const refine = (schema: Schema, properties: Record<string, Schema>): Schema =>
  ({ ...schema, properties: { ...(schema.properties as Record<string, Schema>), ...properties } });

const workedExample = refine(workedExampleSchema, { assessment: ref('Assessment') });

// ---------------------------------------------------------------------------------------------
// Response shapes.

const role: Schema = { enum: [...ROLES] };
const versionStatus: Schema = { enum: ['draft', 'submitted', 'ratified', 'superseded', 'withdrawn'] };
const period: Schema = { enum: ['week', 'month', 'year'] };

const problemError = record({
  pointer: { type: 'string', description: 'JSON Pointer (RFC 6901) into the request body, or /query/<name> for a query parameter.' },
  code: string,
  message: string,
});

const problem: Schema = {
  ...record({
    type: { type: 'string', description: 'A URI reference naming the kind of problem, e.g. /problems/validation_failed.' },
    title: string,
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: string,
    errors: { type: 'array', minItems: 1, items: ref('ProblemError') },
    warnings: { type: 'array', minItems: 1, items: ref('ProblemError') },
  }, ['errors', 'warnings']),
  description: 'RFC 9457 problem details. `errors` lists every fault found, each at its JSON Pointer.',
};

const apiKeySummary = record({ id: string, label: string, createdAt: timestamp, revokedAt: nullable(timestamp) });
const userProperties = {
  id: string, username: string, displayName: string, roles: arrayOf(ref('Role')), disabled: { type: 'boolean' },
  createdAt: timestamp, hasPassword: { type: 'boolean' }, apiKeys: arrayOf(ref('ApiKeySummary')),
};

const ratification = record({
  body: string, decisionDate: isoDate, minuteReference: string, rationale: string, effectiveFrom: isoDate,
  ratifiedBy: string, ratifiedAt: timestamp,
  equalityImpact: { type: 'string', description: 'The equality impact note; required when the comparison over the reference cohort leaves any group worse off.' },
  comparison: {
    ...nullable(ref('RatificationComparison')),
    description: 'The comparison over the policy\'s reference cohort with the version in force on the effective date; null when there was none to make (absent on older records).',
  },
}, ['equalityImpact', 'comparison']);

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
  submittedAt: nullable(timestamp),
  submittedBy: nullable(string),
  ratification: nullable(ref('Ratification')),
  superseded: nullable(record({ by: string, from: isoDate, at: timestamp })),
  withdrawal: nullable(record({ by: string, at: timestamp, reason: string })),
  calibration: { ...nullable(ref('SavedCalibration')), description: 'On a draft saved from a calibration: what it was calibrated on, and how it compares with its source.' },
};
/** Only drafts saved from a calibration carry `calibration`. */
const VERSION_OPTIONAL = ['calibration'];
const versionRecordProperties = { ...versionCommon, document: ref('Policy'), examples: arrayOf(ref('WorkedExample')) };
const versionSummaryProperties = { ...versionCommon, title: string, exampleCount: { type: 'integer', minimum: 0 } };

const policyRecordProperties = {
  id: string, title: string, council: string, createdAt: timestamp, createdBy: string,
  referenceCohortId: { ...nullable(string), description: 'The cohort a submitted version is compared over before ratification; absent or null for none.' },
};
const POLICY_OPTIONAL = ['referenceCohortId'];

const issue = record({
  code: string, path: string, message: string, severity: { enum: ['error', 'warning'] }, params: { type: 'object' },
}, ['params']);

const exampleOutcome = record({
  name: string,
  passed: { type: 'boolean' },
  differences: arrayOf(record({ field: string, expected: {}, actual: {} })),
  issues: arrayOf(ref('Issue')),
}, ['issues']);

const line = (step: string, properties: Record<string, Schema>): Schema => record({ step: { const: step }, ...properties });
const band = { wholePoints: integer, band: integer, label: nullable(string), from: integer, to: nullable(integer) };
const explanationLine: Schema = {
  description: 'One fact that went into the amount, in pipeline order; `step` says which kind.',
  oneOf: [
    line('person', {
      asOf: isoDate, age: integer, ageFrom: { enum: ['age', 'date-of-birth'] }, clientGroup: string, clientGroupLabel: string,
      questionnaire: string, questionnaireLabel: string,
    }),
    line('answer', {
      question: string, questionText: string, domain: string, answer: nullable(string), answerText: nullable(string),
      notApplicable: { type: 'boolean' }, points: { type: 'number' },
    }),
    line('domain', { domain: string, label: string, rawPoints: { type: 'number' }, weight: { type: 'number' }, weightedPoints: { type: 'number' } }),
    line('total', { points: { type: 'number' }, wholePoints: integer }),
    line('allocation-table', { clientGroup: string, table: { enum: ['default', 'client-group'] }, method: { enum: ['price-per-point', 'bands', 'hour-bands'] }, period }),
    line('pricing', { method: { const: 'price-per-point' }, points: { type: 'number' }, pencePerPoint: integer, period, pence }),
    line('pricing', { method: { const: 'bands' }, ...band, period, pence }),
    line('pricing', { method: { const: 'hour-bands' }, ...band, hours: { type: 'number' }, hourlyRatePence: integer, period, pence }),
    line('carer-adjustment', {
      applied: { type: 'boolean' }, reason: ref('CarerReason'), supportLevel: nullable(string), supportLevelLabel: nullable(string),
      impact: nullable(string), impactLabel: nullable(string), percent: { type: 'number' }, beforePence: pence, reductionPence: pence, afterPence: pence,
    }),
    line('uplift', {
      from: isoDate, percent: { type: 'number' }, applied: { type: 'boolean' }, reference: nullable(string),
      beforePence: pence, upliftPence: integer, afterPence: pence,
    }),
    line('rounding', { unit: { enum: ['penny', 'pound'] }, mode: { enum: ['up', 'down', 'half-up'] }, period, beforePence: pence, afterPence: pence }),
    line('periods', { period, weeksPerYear: { type: 'number' }, weeklyPence: pence, monthlyPence: pence, annualPence: pence }),
    line('rule', { rule: string, fired: { type: 'boolean' }, flag: string, conditions: ref('ConditionExplanation') }),
  ],
};

const conditionExplanation: Schema = {
  description: 'How a rule\'s conditions were judged, with the fact values used.',
  oneOf: [
    record({ all: arrayOf(ref('ConditionExplanation')), result: { type: 'boolean' } }),
    record({ any: arrayOf(ref('ConditionExplanation')), result: { type: 'boolean' } }),
    record({ not: ref('ConditionExplanation'), result: { type: 'boolean' } }),
    record({
      fact: string, path: nullable(string),
      operator: { enum: ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'] },
      value: {}, factValue: {}, result: { type: 'boolean' },
    }),
  ],
};

const evaluationResult: Schema = {
  ...record({
    provenance: record({ policyId: string, version: string, contentHash: hash, engineVersion: string }),
    asOf: isoDate,
    person: record({ reference: nullable(string), age: integer, clientGroup: string, questionnaire: string }),
    points: record({
      total: { type: 'number' }, wholePoints: integer,
      byDomain: arrayOf(record({ domain: string, raw: { type: 'number' }, weighted: { type: 'number' } })),
    }),
    allocation: record({ period, pence }),
    weeklyPence: pence,
    monthlyPence: pence,
    annualPence: pence,
    carerAdjustment: record({ applied: { type: 'boolean' }, reason: ref('CarerReason'), percent: { type: 'number' }, reductionPence: pence }),
    flags: arrayOf(ref('Flag')),
    explanation: arrayOf(ref('ExplanationLine')),
  }),
  description: 'The indicative allocation for one assessment, with the version it came from and every step of how it was worked out.',
};

const decisionCommon = {
  id: string, createdAt: timestamp, createdBy: string, policyId: string, version: string, contentHash: hash,
  asOf: nullable(isoDate), finalBudget: nullable(ref('FinalBudget')),
};

// Cohorts, comparisons and calibration.

const cohortRecord: Schema = {
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
  description: 'A stored cohort\'s description; its people are kept apart and never shown whole.',
};

const summary = record({ people: count, totalPence: pence, meanPence: pence, medianPence: pence, p90Pence: pence, maxPence: pence });

const histogramSchema: Schema = {
  ...record({
    binWidthPence: { type: 'integer', minimum: 0 },
    bins: arrayOf(record({ fromPence: integer, toPence: integer, count })),
  }),
  description: 'Counts in bins of a round width (1, 2 or 5 times a power of ten pounds), from the lowest value to the highest; no bins when there are no values.',
};

const currentCostComparison = record({
  people: count, meanDifferencePence: signedPence, medianDifferencePence: signedPence, above: count, below: count, equal: count,
});

const pairStats: Schema = {
  ...record({
    people: count, gainers: count, losers: count, unchanged: count,
    gainersShare: share, losersShare: share, unchangedShare: share,
    totalBasePence: pence, totalCandidatePence: pence, totalChangePence: signedPence, meanChangePence: signedPence,
  }),
  description: 'Who gains and who loses between two versions. A change counts only when it is larger than every materiality threshold given.',
};

const personChange = record({ ref: string, clientGroup: string, ageBand: string, basePence: pence, candidatePence: pence, changePence: signedPence });

const policyChange: Schema = {
  ...record({
    area: { enum: ['questionnaire', 'weights', 'pricing', 'carer', 'uplifts', 'rounding', 'rules', 'description'] },
    path: { type: 'string', description: 'JSON Pointer into the candidate (or the base, for a removal).' },
    description: string,
    before: {},
    after: {},
  }),
  description: 'One change between two versions, in words a committee can read.',
};

const versionOutcome = record({
  version: string,
  contentHash: hash,
  summary: ref('Summary'),
  byClientGroup: mapOf(ref('Summary')),
  byAgeBand: mapOf(ref('Summary')),
  flags: { ...mapOf(count), description: 'How many people each flag was raised for.' },
  histogram: ref('Histogram'),
  currentCost: { ...nullable(ref('CurrentCostComparison')), description: 'Against the current package costs in the cohort, where known; null when none are.' },
});

const pairComparison = record({
  base: string,
  candidate: string,
  overall: ref('PairStats'),
  byClientGroup: mapOf(ref('PairStats')),
  byAgeBand: mapOf(ref('PairStats')),
  largestLosses: { ...arrayOf(ref('PersonChange')), description: 'Largest loss first; equal losses in order of reference.' },
  largestGains: { ...arrayOf(ref('PersonChange')), description: 'Largest gain first; equal gains in order of reference.' },
  changeHistogram: ref('Histogram'),
  policyChanges: arrayOf(ref('PolicyChange')),
});

const attributionStep: Schema = {
  ...record({
    id: { type: 'string', description: 'The part of the policy, e.g. pricing:default; parts that could not be applied alone are joined with +.' },
    label: string,
    changes: arrayOf(ref('PolicyChange')),
    totalWeeklyChangePence: signedPence,
    totalAnnualChangePence: signedPence,
    peopleAffected: count,
  }),
  description: 'One changed part of the policy, applied after the ones before it; the steps sum to the whole change for every person.',
};

/** A comparison's figures (without the per-person amounts, which are exported separately). */
const comparisonCore = {
  asOf: isoDate,
  cohortSize: count,
  evaluated: count,
  excluded: {
    ...record({ count, examples: { ...arrayOf(record({ ref: string, version: string, reason: string })), maxItems: 100 } }),
    description: 'People some version cannot evaluate; they are left out of every total, so totals are like for like.',
  },
  versions: arrayOf(ref('VersionOutcome')),
  pairs: { ...arrayOf(ref('PairComparison')), description: 'Each version after the first, against the first.' },
};

const comparisonResult = record({
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

const comparisonJob: Schema = {
  description: 'A comparison job: running (with progress), done (with its result) or failed.',
  oneOf: [
    record({ ...comparisonJobCommon, status: { const: 'running' } }),
    record({ ...comparisonJobCommon, status: { const: 'done' }, result: ref('ComparisonResult') }),
    record({ ...comparisonJobCommon, status: { const: 'failed' }, error: string }),
  ],
};

const personRow: Schema = {
  ...record({
    ref: string, clientGroup: string, ageBand: string,
    annualPence: { ...mapOf(pence), description: 'Each version\'s annual amount, by version.' },
    changePence: { ...mapOf(signedPence), description: 'The change from the first version, by later version.' },
    attribution: { ...mapOf(mapOf(signedPence)), description: 'By later version, the annual change from each attribution step; empty without attribution.' },
  }),
  description: 'One compared person.',
};

const tablePrice = record({
  table: string,
  method: { enum: ['price-per-point', 'bands', 'hour-bands'] },
  before: { type: 'number' },
  after: { type: 'number' },
  unit: { enum: ['pence a point', 'pence a band (top band shown)', 'pence an hour'] },
});

const calibrationProperties: Record<string, Schema> = {
  budgetPence: pence,
  contingencyPercent: { type: 'number', minimum: 0, maximum: 100 },
  targetPence: { ...pence, description: 'The budget less the contingency, rounded down to the penny.' },
  people: count,
  excluded: count,
  current: record({ totalPence: pence, againstBudgetPence: signedPence, againstTargetPence: signedPence }),
  factor: { type: 'number', minimum: 0, description: 'What every price was multiplied by.' },
  prices: arrayOf(ref('TablePrice')),
  calibratedTotalPence: pence,
  gapPence: { ...pence, description: 'The target less the calibrated total: what is left unspent, at most the smallest step the prices allow.' },
  sensitivity: arrayOf(record({ percent: { type: 'number' }, factor: { type: 'number' }, totalPence: pence, againstBudgetPence: signedPence })),
  currentCost: nullable(ref('CurrentCostComparison')),
  cohortId: string,
  asOf: isoDate,
  source: record({ version: string, contentHash: hash }),
};

const ratificationComparison: Schema = {
  ...record({
    cohortId: string,
    against: { type: 'string', description: 'The version in force on the effective date.' },
    asOf: isoDate,
    people: count,
    excluded: count,
    overall: ref('PairStats'),
    byClientGroup: mapOf(ref('PairStats')),
    byAgeBand: mapOf(ref('PairStats')),
    worseOff: arrayOf(record({
      dimension: { enum: ['clientGroup', 'ageBand'] }, group: string, losers: { type: 'integer', minimum: 1 }, people: count, totalChangePence: signedPence,
    })),
  }),
  description: 'The version compared, before ratification, with the version in force on its effective date over the policy\'s reference cohort.',
};

const components = {
  securitySchemes: {
    bearer: { type: 'http', scheme: 'bearer', description: 'A session token from POST /api/auth/login.' },
    ApiKey: {
      type: 'apiKey', in: 'header', name: 'Authorization',
      description: 'An API key issued by an admin, sent as `Authorization: ApiKey ras_<id>_<secret>`.',
    },
    ApiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'The same API key, sent as `X-API-Key: ras_<id>_<secret>`.' },
  },
  schemas: {
    Problem: problem,
    ProblemError: problemError,
    Policy: embedded(policySchema, 'Policy'),
    Assessment: embedded(assessmentSchema, 'Assessment'),
    Cohort: embedded(cohortSchema, 'Cohort'),
    WorkedExample: workedExample,
    Role: role,
    VersionStatus: versionStatus,
    Health: record({ status: { const: 'ok' }, engineVersion: string }),
    SetupStatus: record({ needed: { type: 'boolean' } }),
    ApiKeySummary: apiKeySummary,
    User: { ...record(userProperties), description: 'A user as the API shows it: never a password hash or a key hash.' },
    Me: record({ ...userProperties, via: { enum: ['session', 'api-key'] } }),
    LoginResponse: record({ token: string, expiresAt: timestamp, user: ref('User') }),
    NewApiKey: { ...record({ id: string, label: string, key: { type: 'string', pattern: '^ras_[^_]+_.+$' } }), description: 'The key is shown once, here.' },
    PolicyRecord: record(policyRecordProperties, POLICY_OPTIONAL),
    PolicyListItem: record({
      ...policyRecordProperties, versions: { type: 'integer', minimum: 0 },
      inForce: nullable(record({ version: string, effectiveFrom: isoDate })),
    }, POLICY_OPTIONAL),
    PolicyDetail: record({ ...policyRecordProperties, inForce: nullable(string), versions: arrayOf(ref('VersionSummary')) }, POLICY_OPTIONAL),
    Ratification: ratification,
    RatificationComparison: ratificationComparison,
    VersionRecord: record(versionRecordProperties, VERSION_OPTIONAL),
    VersionWithLinks: record({
      ...versionRecordProperties,
      examplesEtag: { type: 'string', description: 'The worked examples\' own ETag, for If-Match when replacing them.' },
      links: ref('VersionLinks'),
    }, VERSION_OPTIONAL),
    VersionLinks: record({ self: string, examples: string, evaluate: string, audit: string }),
    WorkedExamples: record({ examples: arrayOf(ref('WorkedExample')) }),
    VersionSummary: record(versionSummaryProperties, VERSION_OPTIONAL),
    InForceVersion: record({ date: isoDate, ...versionSummaryProperties }, VERSION_OPTIONAL),
    PublishedPolicy: record({
      id: string, title: string, council: string,
      inForce: nullable(record({ version: string, effectiveFrom: isoDate })),
      versions: arrayOf(record({ version: string, status: { enum: ['ratified', 'superseded'] }, effectiveFrom: isoDate })),
    }),
    PublishedVersion: {
      ...record({
        policyId: string, version: string, status: { enum: ['ratified', 'superseded'] }, contentHash: hash, document: ref('Policy'),
        ratification: record({ body: string, decisionDate: isoDate, minuteReference: string, rationale: string, effectiveFrom: isoDate, equalityImpact: string }, ['equalityImpact']),
        superseded: nullable(record({ by: string, from: isoDate })),
      }),
      description: 'A ratified version as the public sees it: the whole RAS and who decided it, not who edited the drafts.',
    },
    Issue: issue,
    ExamplesReport: record({ passed: { type: 'boolean' }, examples: arrayOf(exampleOutcome) }),
    CarerReason: { enum: ['applied', 'no-carer-table', 'no-carer', 'not-willing', 'not-able', 'not-willing-or-able'] },
    Flag: record({ code: string, message: string, severity: { enum: ['info', 'review', 'action'] }, rule: string }),
    ExplanationLine: explanationLine,
    ConditionExplanation: conditionExplanation,
    EvaluationResult: evaluationResult,
    BatchResult: record({
      results: arrayOf({
        oneOf: [
          record({ index: integer, ok: { const: true }, result: ref('EvaluationResult') }),
          record({ index: integer, ok: { const: false }, problem: ref('Problem') }),
        ],
      }),
    }),
    FinalBudget: record({ weeklyPence: pence, reason: string, recordedBy: string, recordedAt: timestamp }),
    Decision: record({ ...decisionCommon, assessment: ref('Assessment'), result: ref('EvaluationResult') }),
    DecisionSummary: record({ ...decisionCommon, weeklyPence: pence, flags: arrayOf(string) }),
    ReplayResult: record({
      decisionId: string, identical: { type: 'boolean' }, contentHash: hash, recordedEngineVersion: string, replayedEngineVersion: string,
      differences: arrayOf(record({ pointer: string, type: { enum: ['CREATE', 'REMOVE', 'CHANGE'] }, recorded: {}, replayed: {} }, ['recorded', 'replayed'])),
    }),
    AuditEntry: record({
      seq: { type: 'integer', minimum: 1 }, at: timestamp, actor: string, action: string, target: string,
      details: { type: 'object' }, prevHash: { type: 'string', pattern: '^[0-9a-f]{64}$' }, hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    }),
    CohortRecord: cohortRecord,
    Summary: { ...summary, description: 'Annual amounts over the people compared: total, mean (rounded), nearest-rank median and 90th percentile, and maximum.' },
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
      description: 'What the version costs over the cohort, the prices that fit the budget after contingency, and a sensitivity table; money is annual.',
    },
    SavedCalibration: {
      ...record({ ...calibrationProperties, comparison: record(comparisonCore) }),
      description: 'The calibration a draft was saved from, with the comparison of the draft with its source over the same cohort.',
    },
    CalibratedDraft: {
      ...record({ ...calibrationProperties, calibratedPolicy: ref('Policy'), draft: ref('VersionLinks') }),
      description: 'The calibration, and where the new draft with the calibrated prices is.',
    },
    ChainCheck: {
      oneOf: [
        record({ ok: { const: true }, entries: { type: 'integer', minimum: 0 }, head: string }),
        record({ ok: { const: false }, seq: integer, reason: string }),
      ],
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Per-operation details.

type Status = 200 | 201 | 202 | 204 | 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428;

interface Parameter { name: string; in: 'query' | 'header'; required?: boolean; description: string; schema: Schema }

interface Operation {
  body?: Schema;
  /** The body may also be sent as these media types (besides application/json, when `body` is given). */
  bodyTypes?: Record<string, Schema>;
  params?: Parameter[];
  /** The success response: status, and its schema (none for 204). */
  ok: [Status, Schema?];
  /** Response headers on success. */
  okHeaders?: Record<string, string>;
  /** A second success response, when the operation has two outcomes (a job accepted or finished; a result saved or not). */
  alsoOk?: { status: Status; description: string; schema: Schema; headers?: Record<string, string> };
  /** What the main success response means, when there is a second one. */
  okDescription?: string;
  /** Problems this operation can answer with, besides the ones every operation of its kind can. */
  problems?: Partial<Record<Status, string>>;
  /** Another media type for the success body. */
  okType?: string;
}

const asOf: Parameter = { name: 'asOf', in: 'query', description: 'Judge uplifts on this date instead of the assessment date.', schema: isoDate };
const ifMatch: Parameter = { name: 'If-Match', in: 'header', required: true, description: 'The ETag from the last read of this version.', schema: string };
const etag = { ETag: 'The version\'s content hash, for If-Match.' };
const examplesEtag = { ETag: 'The worked examples\' own ETag, for If-Match.' };
const created = (path: string) => ({ Location: `Where the new resource is: ${path}` });

const NOT_FOUND_POLICY = 'No such policy.';
const NOT_FOUND_VERSION = 'No such policy or version.';
const NOT_FOUND_DECISION = 'No such decision.';
const INVALID_BODY = 'The body does not fit its schema; `errors` lists each fault at its pointer.';
const ASSESSMENT_INVALID = 'The assessment does not fit its schema or the policy version; `errors` point into the body.';
const BAD_AS_OF = 'The asOf query parameter is not a real date (pointer /query/asOf).';
const IMMUTABLE = 'The version is not a draft, so it can never change.';
const NOT_FOUND_COHORT = 'No such cohort.';
const NOT_FOUND_COMPARISON = 'No such comparison: finished comparisons are kept for a while only.';
const NOT_READY = 'The comparison is still running (or failed), so there are no rows yet.';
const EDIT = { 404: NOT_FOUND_VERSION, 409: IMMUTABLE, 412: 'The version changed since the ETag sent was read.', 422: INVALID_BODY, 428: 'If-Match is missing.' } as const;

const evaluateBody = ref('Assessment');
const batchRequest = refine(batchBody, { assessments: { ...(batchBody.properties.assessments as Schema), items: ref('Assessment') } });

const OPERATIONS: Record<string, Operation> = {
  'get /api/health': { ok: [200, ref('Health')] },
  'get /api/openapi.json': { ok: [200, { type: 'object', required: ['openapi', 'info', 'paths'] }] },
  'get /api/schemas/{name}': { ok: [200, { type: 'object' }], okType: 'application/schema+json', problems: { 404: 'There is no schema of that name.' } },

  'post /api/auth/login': { body: loginBody, ok: [200, ref('LoginResponse')], problems: { 401: 'The username or password is wrong, or the account is disabled.', 422: INVALID_BODY } },
  'post /api/auth/logout': { ok: [204] },
  'get /api/auth/me': { ok: [200, ref('Me')] },
  'get /api/setup': { ok: [200, ref('SetupStatus')] },
  'post /api/setup': {
    body: setupBody, ok: [201, ref('User')],
    problems: { 403: 'The setup code is wrong.', 409: 'Setup is done: there are users already.', 422: INVALID_BODY },
  },

  'get /api/users': { ok: [200, arrayOf(ref('User'))] },
  'post /api/users': { body: createUserBody, ok: [201, ref('User')], okHeaders: created('/api/users/{userId}'), problems: { 409: 'The username is taken.', 422: INVALID_BODY } },
  'patch /api/users/{userId}': {
    body: updateUserBody, ok: [200, ref('User')],
    problems: { 404: 'No such user.', 409: 'An admin cannot disable themself or remove their own admin role.', 422: INVALID_BODY },
  },
  'post /api/users/{userId}/api-keys': { body: createApiKeyBody, ok: [201, ref('NewApiKey')], problems: { 404: 'No such user.', 422: INVALID_BODY } },
  'delete /api/users/{userId}/api-keys/{keyId}': { ok: [204], problems: { 404: 'No such user or API key.' } },

  'get /api/policies': { ok: [200, arrayOf(ref('PolicyListItem'))] },
  'post /api/policies': {
    body: refine(createPolicyBody, { document: ref('Policy'), examples: { ...(createPolicyBody.properties.examples as Schema), items: ref('WorkedExample') } }),
    ok: [201, ref('VersionRecord')], okHeaders: created('/api/policies/{id}'),
    problems: { 409: 'There is a policy with that id already.', 422: 'The body or the policy document is invalid; pointers start /document.' },
  },
  'get /api/policies/{id}': { ok: [200, ref('PolicyDetail')], problems: { 404: NOT_FOUND_POLICY } },
  'get /api/public/policies': { ok: [200, arrayOf(ref('PublishedPolicy'))] },
  'get /api/public/policies/{id}/in-force': {
    params: [{ name: 'date', in: 'query', description: 'The date to ask about (default today).', schema: isoDate }],
    ok: [200, ref('PublishedVersion')],
    problems: { 400: 'The date is not a real date (pointer /query/date).', 404: 'No such policy, or no version is in force on that date.' },
  },
  'get /api/public/policies/{id}/versions/{version}': { ok: [200, ref('PublishedVersion')], problems: { 404: 'No such published (ratified) version.' } },
  'get /api/policies/{id}/in-force': {
    params: [{ name: 'date', in: 'query', description: 'The date to ask about (default today).', schema: isoDate }],
    ok: [200, ref('InForceVersion')],
    problems: { 400: 'The date is not a real date (pointer /query/date).', 404: 'No such policy, or no version is in force on that date.' },
  },

  'get /api/policies/{id}/versions': { ok: [200, arrayOf(ref('VersionSummary'))], problems: { 404: NOT_FOUND_POLICY } },
  'post /api/policies/{id}/versions': {
    body: ref('Policy'), ok: [201, ref('VersionRecord')], okHeaders: { ...created('/api/policies/{id}/versions/{version}'), ...etag },
    problems: { 404: NOT_FOUND_POLICY, 409: 'The policy has a version of that name already.', 422: 'The policy document is invalid, or its id is not the one in the URL.' },
  },
  'get /api/policies/{id}/versions/{version}': { ok: [200, ref('VersionWithLinks')], okHeaders: etag, problems: { 404: NOT_FOUND_VERSION } },
  'put /api/policies/{id}/versions/{version}': { body: ref('Policy'), params: [ifMatch], ok: [200, ref('VersionRecord')], okHeaders: etag, problems: EDIT },
  'get /api/policies/{id}/versions/{version}/examples': { ok: [200, ref('WorkedExamples')], okHeaders: examplesEtag, problems: { 404: NOT_FOUND_VERSION } },
  'put /api/policies/{id}/versions/{version}/examples': {
    body: refine(examplesBody, { examples: { ...(examplesBody.properties.examples as Schema), items: ref('WorkedExample') } }),
    params: [{ ...ifMatch, description: 'The worked examples\' ETag from their last read.' }], ok: [200, ref('WorkedExamples')], okHeaders: examplesEtag,
    problems: { ...EDIT, 412: 'The worked examples changed since the ETag sent was read.' },
  },
  'delete /api/policies/{id}/versions/{version}': { ok: [204], problems: { 404: NOT_FOUND_VERSION, 409: IMMUTABLE } },
  'post /api/policies/{id}/versions/{version}/clone': {
    body: cloneBody, ok: [201, ref('VersionRecord')], okHeaders: { ...created('/api/policies/{id}/versions/{version}'), ...etag },
    problems: { 404: NOT_FOUND_VERSION, 409: 'The policy has a version of that name already.', 422: INVALID_BODY },
  },
  'post /api/policies/{id}/versions/{version}/examples/run': { ok: [200, ref('ExamplesReport')], problems: { 404: NOT_FOUND_VERSION } },
  'post /api/policies/{id}/versions/{version}/submit': {
    ok: [200, ref('VersionRecord')],
    problems: { 404: NOT_FOUND_VERSION, 409: 'The version is not a draft, or changed while it was checked.', 422: 'The version has no worked examples, or some do not give their expected result.' },
  },
  'post /api/policies/{id}/versions/{version}/return-to-draft': { ok: [200, ref('VersionRecord')], problems: { 404: NOT_FOUND_VERSION, 409: 'The version is not submitted.' } },
  'post /api/policies/{id}/versions/{version}/ratify': {
    body: ratifyBody, ok: [200, ref('VersionRecord')],
    problems: {
      403: 'The caller submitted this version: someone else must ratify it.', 404: NOT_FOUND_VERSION,
      409: 'The version is not submitted, or changed while it was compared.',
      422: `${INVALID_BODY} Also (equality_impact_required, pointer /equalityImpact) when the policy has a reference cohort and, compared with the version in force `
        + 'on the effective date over it, the version leaves any client group or age band with people worse off, and no equalityImpact note was given.',
    },
  },
  'post /api/policies/{id}/versions/{version}/withdraw': {
    body: withdrawBody, ok: [200, ref('VersionRecord')], problems: { 404: NOT_FOUND_VERSION, 409: 'The version is not ratified or superseded.', 422: INVALID_BODY },
  },
  'get /api/policies/{id}/versions/{version}/audit': { ok: [200, arrayOf(ref('AuditEntry'))], problems: { 404: NOT_FOUND_VERSION } },

  'post /api/policies/{id}/evaluate': {
    body: evaluateBody, params: [asOf], ok: [200, ref('EvaluationResult')],
    problems: { 400: BAD_AS_OF, 404: NOT_FOUND_POLICY, 422: `${ASSESSMENT_INVALID} Also when no version is in force on the assessment date.` },
  },
  'post /api/policies/{id}/versions/{version}/evaluate': {
    body: evaluateBody, params: [asOf], ok: [200, ref('EvaluationResult')], problems: { 400: BAD_AS_OF, 404: NOT_FOUND_VERSION, 422: ASSESSMENT_INVALID },
  },
  'post /api/policies/{id}/evaluate-batch': {
    body: batchRequest, ok: [200, ref('BatchResult')],
    problems: { 404: NOT_FOUND_POLICY, 422: 'The body is not a list of 1 to 1000 assessments. (A single assessment that fails is reported in its own result.)' },
  },
  'post /api/policies/{id}/versions/{version}/evaluate-batch': {
    body: batchRequest, params: [asOf], ok: [200, ref('BatchResult')],
    problems: { 400: BAD_AS_OF, 404: NOT_FOUND_VERSION, 422: 'The body is not a list of 1 to 1000 assessments.' },
  },

  'post /api/decisions': {
    body: refine(recordDecisionBody, { assessment: ref('Assessment') }), ok: [201, ref('Decision')], okHeaders: created('/api/decisions/{decisionId}'),
    problems: {
      404: NOT_FOUND_VERSION, 409: 'The version named (or in force) is not ratified or superseded: decisions rest only on ratified policy.',
      422: `${ASSESSMENT_INVALID} Pointers start /assessment.`,
    },
  },
  'get /api/decisions': {
    params: [{ name: 'policyId', in: 'query', description: 'Only decisions made with this policy.', schema: string }],
    ok: [200, { ...arrayOf(ref('DecisionSummary')), maxItems: 500 }],
  },
  'get /api/decisions/{decisionId}': { ok: [200, ref('Decision')], problems: { 404: NOT_FOUND_DECISION } },
  'post /api/decisions/{decisionId}/replay': {
    ok: [200, ref('ReplayResult')], problems: { 404: NOT_FOUND_DECISION, 409: 'The version\'s content is not what the decision used.' },
  },
  'put /api/decisions/{decisionId}/final-budget': { body: finalBudgetBody, ok: [200, ref('Decision')], problems: { 404: NOT_FOUND_DECISION, 422: INVALID_BODY } },

  'get /api/audit': {
    params: ['target', 'actor', 'action'].map((name) => ({ name, in: 'query' as const, description: `Only entries with this ${name}.`, schema: string })),
    ok: [200, arrayOf(ref('AuditEntry'))],
  },
  'get /api/audit/verify': { ok: [200, ref('ChainCheck')] },

  'get /api/cohorts': { ok: [200, arrayOf(ref('CohortRecord'))] },
  'post /api/cohorts': {
    body: ref('Cohort'),
    bodyTypes: {
      'text/csv': {
        type: 'string',
        description: 'A header row naming the columns ref, clientGroup and ageBand (required), carerWilling, carerAble, carerSupportLevel and carerImpact '
          + '(all four or none), currentAnnualCost (pounds), and one column per question id whose cells are answer ids. Name the cohort with ?name=.',
      },
    },
    params: [
      { name: 'name', in: 'query', description: 'CSV only, and then required: the cohort\'s name (1 to 200 characters).', schema: { type: 'string', minLength: 1, maxLength: 200 } },
      { name: 'description', in: 'query', description: 'CSV only: a description of the cohort.', schema: string },
      { name: 'policyId', in: 'query', description: 'CSV only: the scheme whose questionnaire the answers follow; client groups, questions and answers are then checked against its versions.', schema: string },
    ],
    ok: [201, ref('CohortRecord')], okHeaders: created('/api/cohorts/{cohortId}'),
    problems: {
      404: 'The policyId names no policy.',
      413: 'The cohort is larger than 100 MB.',
      415: 'The body is neither JSON (application/json) nor CSV (text/csv).',
      422: 'The cohort is invalid, and nothing was stored: `errors` point at /rows/<row>/<column> for CSV (data rows from 1, the header is row 0; each message starts with the line of the file) '
        + 'or /people/<index>/<field> for JSON. Also when a CSV has no ?name= (pointer /query/name), or a cohort has nobody in it.',
    },
  },
  'get /api/cohorts/{cohortId}': { ok: [200, ref('CohortRecord')], problems: { 404: NOT_FOUND_COHORT } },
  'post /api/cohorts/generate': {
    body: generateCohortBody, ok: [201, ref('CohortRecord')], okHeaders: created('/api/cohorts/{cohortId}'),
    problems: { 404: NOT_FOUND_VERSION, 422: INVALID_BODY },
  },
  'delete /api/cohorts/{cohortId}': { ok: [204], problems: { 404: NOT_FOUND_COHORT } },
  'put /api/policies/{id}/reference-cohort': {
    body: referenceCohortBody, ok: [200, ref('PolicyRecord')],
    problems: { 404: 'No such policy, or no such cohort.', 422: INVALID_BODY },
  },

  'post /api/comparisons': {
    body: compareBody,
    ok: [202, ref('ComparisonJob')], okHeaders: created('/api/comparisons/{comparisonId}'),
    okDescription: 'The comparison has started: poll the job at Location.',
    alsoOk: { status: 200, description: 'With wait: true, the job once it has finished.', schema: ref('ComparisonJob'), headers: created('/api/comparisons/{comparisonId}') },
    problems: { 404: 'No such policy, version or cohort.', 422: INVALID_BODY },
  },
  'get /api/comparisons/{comparisonId}': { ok: [200, ref('ComparisonJob')], problems: { 404: NOT_FOUND_COMPARISON } },
  'get /api/comparisons/{comparisonId}/people.csv': {
    ok: [200, { type: 'string', description: 'One row per compared person: ref, clientGroup, ageBand, each version\'s annual amount, the change to each later version and, with attribution, its parts; amounts in pounds.' }],
    okType: 'text/csv', okHeaders: { 'Content-Disposition': 'attachment, with a file name naming the policy and versions.' },
    problems: { 404: NOT_FOUND_COMPARISON, 409: NOT_READY },
  },
  'get /api/comparisons/{comparisonId}/people.json': { ok: [200, ref('ComparisonPeople')], problems: { 404: NOT_FOUND_COMPARISON, 409: NOT_READY } },
  'post /api/policies/{id}/versions/{version}/calibrate': {
    body: calibrateBody,
    ok: [200, ref('Calibration')],
    okDescription: 'The calibration (without saveAs).',
    alsoOk: {
      status: 201, description: 'With saveAs: the calibration, and a new draft with the calibrated prices, which keeps the calibration.',
      schema: ref('CalibratedDraft'), headers: { ...created('/api/policies/{id}/versions/{saveAs}'), ...etag },
    },
    problems: {
      403: 'saveAs was given, and saving a calibrated draft needs the officer role.',
      404: 'No such policy, version or cohort.',
      409: 'The policy has a version named saveAs already.',
      422: INVALID_BODY,
    },
  },
};

// ---------------------------------------------------------------------------------------------

const REASONS: Record<number, string> = {
  400: 'The body is not valid JSON, a path segment cannot be decoded, or a query parameter is malformed.',
  401: 'No credentials, or the credentials sent are malformed, unknown, expired or revoked.',
  403: 'The caller does not have a role this operation needs.',
  404: 'Not found.',
  409: 'Conflict with the current state.',
  412: 'Precondition failed.',
  413: 'The body is larger than the limit (1 MB by default).',
  415: 'A body was sent that is not JSON (Content-Type must be application/json), or in an unsupported charset or encoding.',
  422: 'The body is well-formed JSON but invalid.',
  428: 'Precondition required.',
};

export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}');
}

/** Which roles may call a route: none named for public routes, all of them for any signed-in caller. */
export function rolesOf(access: Access): readonly string[] {
  if (access === 'public') return [];
  return access === 'signed-in' ? ROLES : access;
}

export function openApiDocument(routes: readonly RouteSpec[]): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    const details = OPERATIONS[`${route.method} ${path}`];
    paths[path] ??= {};
    paths[path][route.method] = operation(route, path, details);
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'RAS policy engine API',
      version: ENGINE_VERSION,
      description: 'Resource Allocation System for social-care personal budgets: policy versions as data, their lifecycle and ratification, '
        + 'evaluation of assessments with a full explanation, recorded decisions and an append-only audit log, '
        + 'and scrutiny: cohorts of anonymised assessments, comparisons of versions over them, calibration to a budget. '
        + 'Errors are RFC 9457 problem details (application/problem+json). Money is in integer pence.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { ApiKey: [] }, { ApiKeyHeader: [] }],
    tags: [...new Set(routes.map((r) => tagOf(r.path)))].map((name) => ({ name })),
    paths,
    components,
  };
}

function operation(route: RouteSpec, path: string, details: Operation | undefined): object {
  const d: Operation = details ?? { ok: [200] };
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const takesBody = route.method === 'post' || route.method === 'put' || route.method === 'patch';
  const [okStatus, okSchema] = d.ok;

  const problems: Partial<Record<number, string>> = { 400: REASONS[400] };
  if (route.access !== 'public') problems[401] = REASONS[401];
  else problems[401] = 'Credentials were sent but are malformed, unknown, expired or revoked (they are checked even here).';
  if (Array.isArray(route.access)) problems[403] = REASONS[403];
  if (takesBody) Object.assign(problems, { 413: REASONS[413], 415: REASONS[415] });
  for (const [status, why] of Object.entries(d.problems ?? {})) {
    const code = Number(status);
    problems[code] = problems[code] && code === 403 ? `${problems[code]} Or: ${why}` : code === 400 ? `${REASONS[400]} ${why}` : why;
  }

  const headers = (named: Record<string, string> | undefined) =>
    named ? { headers: Object.fromEntries(Object.entries(named).map(([name, description]) => [name, { description, schema: string }])) } : {};
  const responses: Record<string, object> = {
    [okStatus]: {
      description: d.okDescription ?? (okStatus === 204 ? 'Done; no content.' : 'Success.'),
      ...headers(d.okHeaders),
      ...(okSchema ? { content: { [d.okType ?? 'application/json']: { schema: okSchema } } } : {}),
    },
  };
  if (d.alsoOk) {
    responses[d.alsoOk.status] = { description: d.alsoOk.description, ...headers(d.alsoOk.headers), content: { 'application/json': { schema: d.alsoOk.schema } } };
  }
  for (const status of Object.keys(problems).map(Number).sort((a, b) => a - b)) {
    responses[status] = { description: problems[status], content: { 'application/problem+json': { schema: ref('Problem') } } };
  }

  return {
    operationId: operationId(route.method, path),
    summary: route.summary,
    tags: [tagOf(route.path)],
    ...(route.access === 'public' ? { security: [] } : {}),
    'x-access': Array.isArray(route.access) ? 'roles' : route.access,
    'x-roles': [...rolesOf(route.access)],
    ...(pathParams.length + (d.params?.length ?? 0) > 0 ? { parameters: [...pathParams, ...(d.params ?? [])] } : {}),
    ...(d.body ? { requestBody: { required: true, content: { 'application/json': { schema: d.body }, ...mediaTypes(d.bodyTypes) } } } : {}),
    responses,
  };
}

function mediaTypes(types: Record<string, Schema> | undefined): Record<string, { schema: Schema }> {
  return Object.fromEntries(Object.entries(types ?? {}).map(([type, schema]) => [type, { schema }]));
}

function tagOf(path: string): string {
  return path.split('/')[2] ?? 'api';
}

function operationId(method: string, path: string): string {
  const words = path.replace(/^\/api\//, '').split(/[/{}.-]+/).filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}
