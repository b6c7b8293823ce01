/**
 * Nobody disappears from a comparison unseen. A person the base version gives an amount, and the
 * candidate cannot evaluate (a new required question the cohort does not answer) or moves to an
 * outcome with no amount, is left out of the money figures like everyone not evaluated by both; but
 * for that person the change is the loss of the whole amount, so they are counted here, by client
 * group and age band, beside the gainers and losers.
 */

import type { EncodedCohort } from './encoded-cohort.js';

export interface LostAmounts {
  /** People with an amount under the base version and none under the candidate. */
  people: number;
  /** Of them, those the candidate cannot evaluate at all. */
  cannotEvaluate: number;
  /** Of them, those the candidate gives an outcome with no amount (such as an individual assessment). */
  noAmount: number;
  /** The same people by client group and by age band (groups with none are left out). */
  byClientGroup: Record<string, number>;
  byAgeBand: Record<string, number>;
}

/** People who lose their amount under one candidate, noted as the comparison meets them. */
export class LostAmountTally {
  private readonly people: number[] = [];
  private cannotEvaluate = 0;

  note(person: number, why: 'cannot-evaluate' | 'no-amount'): void {
    this.people.push(person);
    if (why === 'cannot-evaluate') this.cannotEvaluate++;
  }

  result(cohort: EncodedCohort): LostAmounts {
    const byClientGroup: Record<string, number> = {};
    const byAgeBand: Record<string, number> = {};
    for (const i of this.people) {
      const group = cohort.clientGroups[cohort.clientGroupOf[i]!]!;
      const band = cohort.ageBands[cohort.ageBandOf[i]!]!.label;
      byClientGroup[group] = (byClientGroup[group] ?? 0) + 1;
      byAgeBand[band] = (byAgeBand[band] ?? 0) + 1;
    }
    return {
      people: this.people.length,
      cannotEvaluate: this.cannotEvaluate,
      noAmount: this.people.length - this.cannotEvaluate,
      byClientGroup: sortedKeys(byClientGroup),
      byAgeBand: sortedKeys(byAgeBand),
    };
  }
}

function sortedKeys(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
