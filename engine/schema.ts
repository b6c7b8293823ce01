/**
 * JSON Schema checks with ajv. Each schema is compiled once, when this module loads;
 * ajv's errors become Issues with JSON Pointer paths.
 */

import { Ajv2020, type ErrorObject, type Options, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import policySchema from '../rules/policy.schema.json' with { type: 'json' };
import assessmentSchema from '../rules/assessment.schema.json' with { type: 'json' };
import resultSchema from '../rules/result.schema.json' with { type: 'json' };
import cohortSchema from '../rules/cohort.schema.json' with { type: 'json' };
import { error, pointer, type Issue, type SchemaIssueCode } from './issues.js';
import { jsonShapeIssue } from './json-shape.js';

// tsType is json-schema-to-typescript's annotation: how a shape JSON Schema states as a condition
// (exactly one of two properties, a recursive if/then/else) reads as a TypeScript type.
const OPTIONS: Options = {
  strict: true,
  strictRequired: false,
  discriminator: true,
  allowUnionTypes: true,
  keywords: ['tsType'],
};
const ajv = new Ajv2020({ ...OPTIONS, allErrors: true });
formats.default(ajv, ['date', 'date-time', 'uri']);

const validatePolicySchema = ajv.compile(policySchema);
const validateAssessmentSchema = ajv.compile(assessmentSchema);
// The result refers to the policy's definitions (a price per point, a period); the cohort to the
// assessment's carer.
ajv.addSchema(resultSchema);
ajv.addSchema(cohortSchema);

/**
 * The same assessment and cohort schemas compiled to accept quickly: a string's length is counted in
 * UTF-16 code units rather than in characters, and the check stops at the first problem. Counting
 * characters was 60% of checking an assessment. Whatever this accepts, the exact check accepts too: a
 * string has at most as many characters as code units, so one within a maxLength in units is within it
 * in characters, and one of at least one unit has at least one character, which is as long as any of
 * these schemas' minLengths asks (held below, else there is no quick check). Whatever it refuses is
 * checked again exactly, which alone gives the answer and its issues. `unicode` is deprecated in ajv 8
 * but still honoured; its warning is silenced with this instance's logger, as the exact instance
 * compiling the same schemas reports anything else.
 */
const quick = new Ajv2020({ ...OPTIONS, allErrors: false, unicode: false, logger: false });
formats.default(quick, ['date', 'date-time', 'uri']);
quick.addSchema(assessmentSchema);
quick.addSchema(cohortSchema);
const quickAgrees = [assessmentSchema, cohortSchema].every((schema) => longestMinLength(schema) <= 1);

function longestMinLength(schema: unknown): number {
  if (typeof schema !== 'object' || schema === null) return 0;
  const own = 'minLength' in schema && typeof schema.minLength === 'number' ? schema.minLength : 0;
  return Math.max(own, ...Object.values(schema).map(longestMinLength));
}

/** The quick check for a schema of the assessment or cohort documents, when it agrees with the exact one. */
function quickCheck(id: string): ValidateFunction | undefined {
  return quickAgrees ? quick.getSchema(id) : undefined;
}

export { policySchema, assessmentSchema, resultSchema, cohortSchema };

/**
 * A checker for any other JSON Schema (the server's request bodies), reporting Issues in the same
 * shape and words as the policy and assessment checks.
 */
export function schemaValidator(schema: object): (json: unknown) => Issue[] {
  return checker(ajv.compile(schema));
}

export const policySchemaIssues = checker(validatePolicySchema);
export const assessmentSchemaIssues = checker(validateAssessmentSchema, quickCheck(assessmentSchema.$id));

/** Cohorts and results are checked far less often than assessments: each compiles on its first use, not at start-up. */
export const cohortSchemaIssues = compiledOnFirstUse(cohortSchema.$id, true);

/** One person of a cohort, as the cohort schema states them: a streamed import checks people one at a time. */
export const cohortPersonSchemaIssues = compiledOnFirstUse(`${cohortSchema.$id}#/$defs/person`, true);

/** A person's reference and current cost, the fields unique to each person, checked on their own. */
export const cohortRefSchemaIssues = compiledOnFirstUse(`${cohortSchema.$id}#/$defs/person/properties/ref`, true);
export const cohortCostSchemaIssues = compiledOnFirstUse(`${cohortSchema.$id}#/$defs/person/properties/currentAnnualCostPence`, true);

/** Whether a result has the shape rules/result.schema.json states, as Issues (the tests hold every worked example's result to it). */
export const resultSchemaIssues = compiledOnFirstUse(resultSchema.$id);

function compiledOnFirstUse(id: string, withQuickCheck = false): (json: unknown) => Issue[] {
  let check: ((json: unknown) => Issue[]) | undefined;
  return (json) => {
    check ??= checker(ajv.getSchema(id)!, withQuickCheck ? quickCheck(id) : undefined);
    return check(json);
  };
}

/** Refuses absurdly deep input, and text that is not Unicode, before ajv (whose checks recurse) walks into it. */
function checker(exact: ValidateFunction, quickly?: ValidateFunction): (json: unknown) => Issue[] {
  return (json) => {
    const shape = jsonShapeIssue(json);
    if (shape) return [shape];
    if (quickly?.(json)) return [];
    return exact(json) ? [] : toIssues(exact.errors ?? []);
  };
}

function toIssues(errors: ErrorObject[]): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  // 'if' only says that a 'then' branch failed; that branch's own errors are the useful ones.
  for (const e of errors.filter(isUseful)) {
    const issue = toIssue(e);
    const key = `${issue.code}|${issue.path}|${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

function isUseful(e: ErrorObject): boolean {
  if (e.keyword === 'if' || e.keyword === 'propertyNames') return false;
  // A missing discriminator is already reported as a missing required property.
  return !(e.keyword === 'discriminator' && (e.params as { tagValue?: unknown }).tagValue === undefined);
}

function toIssue(e: ErrorObject): Issue {
  const params = e.params as Record<string, unknown>;
  if (e.propertyName !== undefined) {
    return error(
      codeFor(e.keyword),
      e.instancePath + pointer(e.propertyName),
      `the key '${e.propertyName}' ${e.message ?? 'is invalid'}${allowed(params)}: keys are lower-case ids (letters, digits and hyphens)`,
      params,
    );
  }
  switch (e.keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      return error('schema_required', e.instancePath + pointer(name), `'${name}' is required here`, { property: name });
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      return error(
        'schema_additional_property',
        e.instancePath + pointer(name),
        `'${name}' is not a known property here; check its spelling against the schema`,
        { property: name },
      );
    }
    case 'discriminator': {
      const tag = String(params.tag);
      return error(
        'schema_enum',
        e.instancePath + pointer(tag),
        `'${tag}' must be one of "price-per-point", "bands", "hour-bands" (got ${JSON.stringify(params.tagValue)})`,
        params,
      );
    }
    default:
      // The keyword rides with ajv's params, so a reader can word the limit (minLength or maxLength) without parsing the message.
      return error(codeFor(e.keyword), e.instancePath, `${describe(e.instancePath)} ${e.message ?? 'is invalid'}${allowed(params)}`, {
        ...params,
        keyword: e.keyword,
      });
  }
}

function describe(path: string): string {
  const last = path.split('/').pop();
  return last ? `'${last}'` : 'the document';
}

function allowed(params: Record<string, unknown>): string {
  return Array.isArray(params.allowedValues) ? `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}` : '';
}

const CODES: Record<string, SchemaIssueCode> = {
  type: 'schema_type',
  enum: 'schema_enum',
  const: 'schema_const',
  pattern: 'schema_pattern',
  format: 'schema_format',
  minimum: 'schema_range',
  maximum: 'schema_range',
  exclusiveMinimum: 'schema_range',
  exclusiveMaximum: 'schema_range',
  minLength: 'schema_length',
  maxLength: 'schema_length',
  minItems: 'schema_size',
  maxItems: 'schema_size',
  minProperties: 'schema_size',
  maxProperties: 'schema_size',
  uniqueItems: 'schema_unique',
  oneOf: 'schema_one_of',
  propertyNames: 'schema_pattern',
};

function codeFor(keyword: string): SchemaIssueCode {
  return CODES[keyword] ?? 'schema_invalid';
}
