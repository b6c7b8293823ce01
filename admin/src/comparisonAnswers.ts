/**
 * What the API answers about comparisons and the cohorts they run over (POST /api/comparisons, GET
 * /api/comparisons/:id, GET and POST /api/cohorts): the data layer's types, used by its pages. The
 * comparison's shapes are the engine's own: the server sends the engine's comparison as it is, without
 * the per-person amounts, and with each pair's attribution.
 */

import type { AttributionStep } from '../../engine/cohort/attribution';
import type { Comparison, PairStats } from '../../engine/cohort/compare';

export type { PairStats };

/** A comparison run as a job: what was asked, how far it has got, then its result. */
export interface ComparisonJob {
  id: string;
  status: 'running' | 'done' | 'failed' | string;
  progress: { done: number; total: number };
  policyId: string;
  versions: string[];
  cohortId: string;
  asOf: string;
  materiality: { pence?: number; percent?: number };
  error?: string;
  links: { csv: string };
  result?: Omit<Comparison, 'amounts' | 'included'> & {
    attribution: Array<{ base: string; candidate: string; steps: AttributionStep[] }>;
  };
}

/** A stored cohort: who is in it, counted by client group and age band (never the people themselves). */
export interface CohortRecord {
  id: string;
  name: string;
  description: string | null;
  policyId: string | null;
  source: string;
  people: number;
  byClientGroup: Record<string, number>;
  byAgeBand: Record<string, number>;
  createdAt: string;
  createdBy: string;
}
