/** A cohort: anonymised assessments for scrutiny (rules/cohort.schema.json). */

// Its shape has one statement, rules/cohort.schema.json; the types are generated from it (engine/contract/cohort.ts).
export type { Cohort, CohortPerson } from '../contract/cohort.js';

export interface AgeBand {
  label: string;
  min: number;
  max: number;
}

const OLDEST = 130;

/** "65-74" -> 65..74; "85+" -> 85..130. Returns null for anything else, or a band that runs backwards. */
export function parseAgeBand(label: string): AgeBand | null {
  const match = /^(\d{1,3})(?:-(\d{1,3})|(\+))$/.exec(label);
  if (!match) return null;
  const min = Number(match[1]);
  const max = match[3] ? OLDEST : Number(match[2]);
  return min <= max && max <= OLDEST ? { label, min, max } : null;
}
