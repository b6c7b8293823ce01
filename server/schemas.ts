/** JSON Schemas of request bodies. The same objects check requests and describe them in OpenAPI. */

import { ROLES } from './store/records.js';

const text = (max = 500) => ({ type: 'string', minLength: 1, maxLength: max });
const date = { type: 'string', format: 'date' };
const slug = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' };
const object = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) =>
  ({ type: 'object', additionalProperties: false, required, properties });

export const loginBody = object({ username: text(64), password: text(1024) });

export const setupBody = object({
  code: text(128), username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{1,63}$' },
  displayName: text(200), password: { type: 'string', minLength: 12, maxLength: 1024 },
}, ['code', 'username', 'password']);

export const createUserBody = object({
  username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{1,63}$' },
  displayName: text(200),
  roles: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ROLES } },
  password: { type: 'string', minLength: 12, maxLength: 1024 },
}, ['username', 'displayName', 'roles']);

export const updateUserBody = {
  ...object({
    displayName: text(200),
    roles: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ROLES } },
    disabled: { type: 'boolean' },
    password: { type: 'string', minLength: 12, maxLength: 1024 },
  }, []),
  minProperties: 1,
};

export const createApiKeyBody = object({ label: text(200) });

export const workedExampleSchema = object({
  name: text(300),
  asOf: date,
  assessment: { type: 'object' },
  arithmetic: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 1000 } },
  expect: object({
    totalPoints: { type: 'number' },
    allocation: object({ period: { enum: ['week', 'month', 'year'] }, pence: { type: 'integer', minimum: 0 } }),
    weeklyPence: { type: 'integer', minimum: 0 },
    monthlyPence: { type: 'integer', minimum: 0 },
    annualPence: { type: 'integer', minimum: 0 },
    carerReductionApplied: { type: 'boolean' },
    flags: { type: 'array', items: slug },
  }, []),
}, ['name', 'assessment', 'expect']);

export const examplesBody = object({ examples: { type: 'array', maxItems: 200, items: workedExampleSchema } });

export const createPolicyBody = object({
  document: { type: 'object' },
  examples: { type: 'array', maxItems: 200, items: workedExampleSchema },
}, ['document']);

export const cloneBody = object({ version: slug });

export const ratifyBody = object({
  body: text(300), decisionDate: date, minuteReference: text(100), rationale: text(4000), effectiveFrom: date,
});

export const withdrawBody = object({ reason: text(4000) });

export const batchBody = object({ assessments: { type: 'array', minItems: 1, maxItems: 1000, items: {} } });

export const recordDecisionBody = object({
  policyId: slug, version: slug, asOf: date, assessment: { type: 'object' },
}, ['policyId', 'assessment']);

export const finalBudgetBody = object({ weeklyPence: { type: 'integer', minimum: 0, maximum: 100_000_000 }, reason: text(4000) });
