/** The scrutiny side of the engine: cohorts, the fast evaluator, comparison, attribution and calibration. */

export { parseAgeBand, type Cohort, type CohortPerson, type AgeBand } from './cohort.js';
export { CohortEncoder, encodeCohort, decodePerson, type EncodedCohort } from './encoded-cohort.js';
export { compileFastEvaluator, emptyResult, type FastEvaluator, type FastOutcome, type FastResult } from './fast-evaluator.js';
export { assessmentFor } from './reference.js';
export {
  compareCohort,
  compareCohortInSteps,
  isMaterial,
  type Comparison,
  type CompareOptions,
  type Materiality,
  type PairComparison,
  type PairStats,
  type VersionOutcome,
  type VersionUnderTest,
} from './compare.js';
export type { LostAmounts } from './lost-amount.js';
export { attributeChanges, type Attribution, type AttributionStep } from './attribution.js';
export { calibrate, scalePolicy, type Calibration, type CalibrationOptions } from './calibrate.js';
export { summarise, histogram, type Summary, type Histogram } from './statistics.js';
export {
  importCohortJson,
  importCohortCsv,
  importCohortCsvStream,
  type ImportResult,
  type ImportOptions,
  type CsvImportOptions,
  type CsvStreamOptions,
  type CohortMeta,
} from './import.js';
export { CSV_COLUMNS } from './csv-cohort.js';
export { csvLineEnd, type CsvLineEnd } from './csv-records.js';
export { cohortCsvChunks, cohortToCsv } from './cohort-csv-writer.js';
export { peopleTable, type PeopleTable } from './people-table.js';
export { parsePounds } from './pounds.js';
export { MAX_ISSUES, type RowIssue } from './row-issues.js';
