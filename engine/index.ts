/**
 * The engine's public surface: all the server, CLI and benchmarks may call. Pure functions: no I/O,
 * no clock (dates are inputs), no randomness.
 */

export { validatePolicy } from './validate-policy.js';
export { compilePolicy, isCompiledPolicy, type CompiledPolicy } from './compile.js';
export { parseAssessment, type ParsedAssessment } from './parse-assessment.js';
export { evaluate, type EvaluationResult, type EvaluateOptions, type Provenance } from './evaluate.js';
export { explain, explainSections, explainSteps, type ExplanationSection } from './explain.js';
export {
  expectationOf,
  runWorkedExample,
  type WorkedExample,
  type WorkedExpectation,
  type WorkedExampleOutcome,
} from './worked-example.js';
export { contentHash } from './content-hash.js';
export { syntheticAssessments, syntheticPeople, type SyntheticCohortOptions, type SyntheticPerson } from './synthetic-cohort.js';
export { diffVersions, type PolicyChange, type ChangeArea } from './diff.js';
export * from './cohort/index.js';
export { amountPer, formatPence, formatPrice, perPoint, plainPounds, PRICE_POUND_DECIMALS } from './words/money.js';
export {
  awardWords,
  bandName,
  CARER_ADJUSTMENT,
  NO_CARER_ADJUSTMENT,
  paysAtMost,
  periodsSentence,
  roundingWords,
} from './words/policy.js';
export { conditionInWords, ruleInWords } from './words/conditions.js';
export { PERIODS } from './periods.js';
export { PRICE_DECIMAL_PLACES } from './money.js';
export { contactLines, DEFAULT_NEXT_STEPS, nextStepsWords, reviewWords } from './publication.js';
export { isIsoDate, longDate } from './dates.js';
export { isWellFormed, jsonShapeIssue, MAX_DEPTH } from './json-shape.js';
export { csvLine, csvLines, type CsvCell } from './csv.js';
export { ENGINE_VERSION } from './version.js';
export { policySchema, assessmentSchema, resultSchema, cohortSchema, resultSchemaIssues, schemaValidator } from './schema.js';
export {
  PolicyInvalidError,
  AssessmentInvalidError,
  type Issue,
  type IssueCode,
  type Checked,
} from './issues.js';
export type * from './policy.js';
export type * from './assessment.js';
export type * from './explanation.js';
