/**
 * What a full check of the record found: the same report whichever store kept the record (a data
 * directory or PostgreSQL), from the store's verify(), GET /api/audit/verify and `ras audit verify`.
 * Its shape is the API document's IntegrityReport component, and its types are generated from it.
 */

export type { IntegrityCode, IntegrityProblem, IntegrityReport } from '../contract/records.js';
