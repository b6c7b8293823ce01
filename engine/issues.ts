/**
 * Problems found in a policy or an assessment. Schema (ajv) and semantic checks share this shape,
 * so the console, the API and the CLI render both the same way.
 */

export type SchemaIssueCode =
  | 'schema_required'
  | 'schema_type'
  | 'schema_additional_property'
  | 'schema_enum'
  | 'schema_const'
  | 'schema_pattern'
  | 'schema_format'
  | 'schema_range'
  | 'schema_length'
  | 'schema_size'
  | 'schema_unique'
  | 'schema_one_of'
  | 'schema_invalid'
  | 'too_deep'
  | 'not_unicode';

export type PolicyIssueCode =
  | 'duplicate_id'
  | 'unknown_domain'
  | 'unknown_client_group'
  | 'unknown_support_level'
  | 'unknown_impact'
  | 'carer_table_incomplete'
  | 'not_applicable_scores_points'
  | 'weight_out_of_range'
  | 'percent_out_of_range'
  | 'too_many_decimals'
  | 'band_not_from_zero'
  | 'band_gap'
  | 'band_overlap'
  | 'band_range_inverted'
  | 'band_top_closed'
  | 'band_open_not_last'
  | 'uplift_dates_not_ascending'
  | 'age_range_inverted'
  | 'questionnaire_overlap'
  | 'unknown_fact'
  | 'unknown_fact_path'
  | 'fact_path_required'
  | 'duplicate_rule_name'
  | 'rule_value_type'
  | 'needs_schema_version_2'
  | 'maximum_period_mismatch'
  | 'unknown_outcome'
  | 'eligibility_tests_amount'
  | 'award_period_not_year'
  | 'award_year_start_not_every_year'
  // warnings
  | 'outcome_unused'
  | 'maximum_set'
  | 'band_above_maximum'
  | 'amount_falls_as_points_rise'
  | 'cliff_edge'
  | 'domain_without_questions';

export type AssessmentIssueCode =
  | 'unknown_client_group'
  | 'no_questionnaire'
  | 'questionnaire_mismatch'
  | 'unknown_question'
  | 'unknown_answer'
  | 'missing_answer'
  | 'unknown_support_level'
  | 'unknown_impact'
  | 'born_after_assessment'
  | 'requested_not_used'
  | 'requested_period_mismatch'
  | 'contribution_not_used'
  | 'contribution_period_mismatch'
  | 'answers_or_points'
  | 'given_points_not_accepted'
  | 'unknown_domain_in_points'
  | 'age_or_date_of_birth'
  | 'fact_missing'
  | 'fact_type'
  | 'fact_not_declared'
  | 'start_date_not_used';

export type IssueCode = SchemaIssueCode | PolicyIssueCode | AssessmentIssueCode;

export interface Issue {
  code: IssueCode;
  /** JSON Pointer (RFC 6901) into the document that has the problem. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
  params?: Record<string, unknown>;
}

export type Checked<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; issues: Issue[] };

export function error(code: IssueCode, path: string, message: string, params?: Record<string, unknown>): Issue {
  return params ? { code, path, message, severity: 'error', params } : { code, path, message, severity: 'error' };
}

export function warning(code: IssueCode, path: string, message: string, params?: Record<string, unknown>): Issue {
  return params ? { code, path, message, severity: 'warning', params } : { code, path, message, severity: 'warning' };
}

/** Builds a JSON Pointer from path segments, escaping '~' and '/' as RFC 6901 requires. */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

export function isError(issue: Issue): boolean {
  return issue.severity === 'error';
}

/** Thrown when a policy that failed validation is used; carries every issue found. */
export class PolicyInvalidError extends Error {
  readonly code = 'policy_invalid';
  constructor(readonly issues: Issue[]) {
    super(summarise('Policy is invalid', issues));
    this.name = 'PolicyInvalidError';
  }
}

/** Thrown when an assessment does not fit the schema or the policy version it is evaluated with. */
export class AssessmentInvalidError extends Error {
  readonly code = 'assessment_invalid';
  constructor(readonly issues: Issue[]) {
    super(summarise('Assessment is invalid', issues));
    this.name = 'AssessmentInvalidError';
  }
}

function summarise(title: string, issues: Issue[]): string {
  const errors = issues.filter(isError);
  const first = errors
    .slice(0, 3)
    .map((i) => `${i.path || '/'}: ${i.message}`)
    .join('; ');
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `${title}: ${first}${more}`;
}
