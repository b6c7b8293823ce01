/**
 * The request bodies, stated once as JSON Schema. From these come the check each route runs before its
 * handler (the route table names the body a route takes), the handler's TypeScript type (generated to
 * server/contract/request-bodies.ts by `npm run contracts`), and the API document's components. Adding
 * a field to a body is one edit here, then `npm run contracts`, then the code that uses it.
 *
 * A body may hold a document of the engine's (a policy, an assessment, a worked example's assessment):
 * it is named by reference to its component, and left to the engine to check, which says more about it
 * than a schema error would (its pointers, its semantic checks), so the route's check passes it through.
 */

import { CHECKPOINT_LINE_PATTERN } from '../audit/checkpoint.js';
import { ref } from '../domain/json-schema.js';
import { ROLES } from '../domain/record-schemas.js';

const text = (max = 500) => ({ type: 'string', minLength: 1, maxLength: max });
const date = { type: 'string', format: 'date' };
const slug = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' };
const object = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});

export const loginBody = object({ username: text(64), password: text(1024) });

export const setupBody = object(
  {
    code: text(128),
    username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{1,63}$' },
    displayName: text(200),
    password: { type: 'string', minLength: 12, maxLength: 1024 },
  },
  ['code', 'username', 'password'],
);

/** No password: people set their own, with the one-time code their account comes with. */
export const createUserBody = object({
  username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{1,63}$' },
  displayName: text(200),
  roles: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ROLES } },
});

export const enrolBody = object({
  username: text(64),
  code: text(128),
  password: { type: 'string', minLength: 12, maxLength: 1024 },
});

export const updateUserBody = {
  ...object(
    {
      displayName: text(200),
      roles: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ROLES } },
      disabled: { type: 'boolean' },
    },
    [],
  ),
  minProperties: 1,
};

export const createApiKeyBody = object(
  {
    label: text(200),
    expiresAt: { type: 'string', format: 'date-time', description: 'When the key stops working; without it, it works until revoked.' },
  },
  ['label'],
);

export const changePasswordBody = object({
  currentPassword: text(1024),
  newPassword: { type: 'string', minLength: 12, maxLength: 1024 },
});

export const workedExampleSchema = object(
  {
    name: text(300),
    asOf: date,
    assessment: ref('Assessment'),
    arithmetic: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 1000 } },
    expect: object(
      {
        totalPoints: { type: 'number' },
        // Null where the result has no amount, and then `outcome` says which.
        allocation: {
          anyOf: [object({ period: { enum: ['week', 'month', 'year'] }, pence: { type: 'integer', minimum: 0 } }), { type: 'null' }],
        },
        weeklyPence: { type: ['integer', 'null'], minimum: 0 },
        monthlyPence: { type: ['integer', 'null'], minimum: 0 },
        annualPence: { type: ['integer', 'null'], minimum: 0 },
        outcome: { anyOf: [slug, { type: 'null' }] },
        awardPence: { type: 'integer', minimum: 0 },
        carerReductionApplied: { type: 'boolean' },
        flags: { type: 'array', items: slug },
      },
      [],
    ),
  },
  ['name', 'assessment', 'expect'],
);

/** A draft's worked examples, replaced whole; the reason (why an expectation changed, say) goes to the audit log. */
export const examplesBody = object({ examples: { type: 'array', maxItems: 200, items: ref('WorkedExample') }, reason: text(2000) }, [
  'examples',
]);

export const createPolicyBody = object(
  {
    document: ref('Policy'),
    examples: { type: 'array', maxItems: 200, items: ref('WorkedExample') },
  },
  ['document'],
);

export const cloneBody = object(
  {
    version: slug,
    title: { ...text(500), description: "The new version's title; default the source's." },
    description: { ...text(4000), description: "The new version's description; default the source's." },
  },
  ['version'],
);

export const ratifyBody = object(
  {
    body: text(300),
    decisionDate: date,
    minuteReference: text(100),
    rationale: text(4000),
    effectiveFrom: date,
    equalityImpact: text(8000),
    comparisonWaiver: text(4000),
    confirmEffectiveFrom: {
      type: 'boolean',
      description: 'Confirms an effective date before today or more than a year ahead: the ratification is refused without it.',
    },
  },
  ['body', 'decisionDate', 'minuteReference', 'rationale', 'effectiveFrom'],
);

export const withdrawBody = object({ reason: text(4000) });

export const confirmWithdrawalBody = object({ equalityImpact: text(8000), comparisonWaiver: text(4000) }, []);

export const batchBody = object({
  assessments: {
    type: 'array',
    minItems: 1,
    maxItems: 1000,
    items: ref('Assessment'),
    description: 'Each is evaluated on its own: one that does not fit gives a problem in its place, and the others are answered.',
  },
});

export const recordDecisionBody = object(
  {
    policyId: slug,
    version: slug,
    asOf: date,
    assessment: ref('Assessment'),
    reason: {
      ...text(2000),
      description: 'Why an assessment dated under a version no longer in force is recorded under it: required then, kept in the audit log.',
    },
  },
  ['policyId', 'assessment'],
);

export const finalBudgetBody = object({ weeklyPence: { type: 'integer', minimum: 0, maximum: 100_000_000 }, reason: text(4000) });

export const compareBody = object(
  {
    policyId: slug,
    versions: { type: 'array', minItems: 2, maxItems: 6, uniqueItems: true, items: slug },
    cohortId: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$' },
    asOf: date,
    materiality: object(
      { pounds: { type: 'number', minimum: 0, maximum: 1_000_000 }, percent: { type: 'number', minimum: 0, maximum: 100 } },
      [],
    ),
    attribution: { type: 'boolean' },
    wait: { type: 'boolean' },
  },
  ['policyId', 'versions', 'cohortId'],
);

export const generateCohortBody = object(
  {
    policyId: slug,
    version: slug,
    name: text(200),
    description: { type: 'string', maxLength: 4000 },
    size: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    seed: { type: 'integer', minimum: 0, maximum: 2 ** 31 - 1 },
  },
  ['policyId', 'version', 'name', 'size', 'seed'],
);

export const referenceCohortBody = object({ cohortId: { anyOf: [{ type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$' }, { type: 'null' }] } });

export const calibrateBody = object(
  {
    cohortId: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$' },
    budgetPence: { type: 'integer', minimum: 0, maximum: 1e15 },
    contingencyPercent: { type: 'number', minimum: 0, maximum: 100 },
    asOf: date,
    sensitivityPercents: { type: 'array', maxItems: 50, items: { type: 'number', exclusiveMinimum: 0, maximum: 1000 } },
    saveAs: slug,
  },
  ['cohortId', 'budgetPence'],
);

/** Checkpoints kept outside the record, to verify it against: each line as `ras audit checkpoint` prints it. */
export const verifyBody = object(
  {
    checkpoints: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'string',
        pattern: CHECKPOINT_LINE_PATTERN,
        description: 'A checkpoint line: ras-checkpoint v1 commit=… entry=… head=… at=… key=… sig=…',
      },
    },
    text: {
      type: 'string',
      maxLength: 1_000_000,
      description: 'Text holding checkpoint lines among other words (minutes pasted whole): every line in it is checked.',
    },
  },
  [],
);

/** Every request body, by the name its component and its TypeScript type take. */
export const REQUEST_BODIES = {
  LoginRequest: loginBody,
  SetupRequest: setupBody,
  CreateUserRequest: createUserBody,
  EnrolRequest: enrolBody,
  UpdateUserRequest: updateUserBody,
  CreateApiKeyRequest: createApiKeyBody,
  ChangePasswordRequest: changePasswordBody,
  WorkedExamplesRequest: examplesBody,
  CreatePolicyRequest: createPolicyBody,
  CloneRequest: cloneBody,
  RatifyRequest: ratifyBody,
  WithdrawRequest: withdrawBody,
  ConfirmWithdrawalRequest: confirmWithdrawalBody,
  BatchRequest: batchBody,
  RecordDecisionRequest: recordDecisionBody,
  FinalBudgetRequest: finalBudgetBody,
  CompareRequest: compareBody,
  GenerateCohortRequest: generateCohortBody,
  ReferenceCohortRequest: referenceCohortBody,
  CalibrateRequest: calibrateBody,
  VerifyRequest: verifyBody,
};

export type RequestName = keyof typeof REQUEST_BODIES;

/** Shapes the bodies share, by their components' names. */
export const REQUEST_PARTS = { WorkedExample: workedExampleSchema };

/** The engine's documents a body may hold: the engine checks them, so a route's check passes them through. */
export const ENGINE_DOCUMENTS = ['Policy', 'Assessment', 'Cohort'] as const;
