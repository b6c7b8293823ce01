/**
 * What the API answers about comparisons and the cohorts they run over (POST /api/comparisons, GET
 * /api/comparisons/:id, GET and POST /api/cohorts): the data layer's types, used by its pages. The
 * comparison's shapes are the engine's own: the server sends the engine's comparison as it is, without
 * the per-person amounts, and with each pair's attribution.
 */

import type { PairStats } from '../../engine/cohort/compare';

export type { PairStats };

import type { ComparisonJob } from './contract/api-answers';

export type { CohortRecord, ComparisonJob } from './contract/api-answers';

/** A comparison that has finished: only then has it a result. */
export type FinishedComparison = Extract<ComparisonJob, { status: 'done' }>;
