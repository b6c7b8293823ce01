import { isError, type Checked } from './issues.js';
import type { Policy } from './policy.js';
import { semanticIssues } from './policy-checks/index.js';
import { policySchemaIssues } from './schema.js';

/**
 * Checks a policy document against the JSON Schema, then (if it has the right shape) against the
 * semantic rules. Reports every problem found, errors and warnings, each with its JSON Pointer.
 * @example
 *   const checked = validatePolicy(json);
 *   if (!checked.ok) for (const i of checked.issues) console.error(`${i.path}: ${i.message}`);
 */
export function validatePolicy(json: unknown): Checked<Policy> {
  const schemaIssues = policySchemaIssues(json);
  if (schemaIssues.length > 0) return { ok: false, issues: schemaIssues };
  const policy = json as Policy;
  const issues = semanticIssues(policy);
  const errors = issues.filter(isError);
  return errors.length > 0 ? { ok: false, issues } : { ok: true, value: policy, warnings: issues };
}
