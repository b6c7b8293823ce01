/**
 * Points by domain for a run of consecutive people of an encoded cohort, scored column by column:
 * for each question, one tight loop down its column of answer codes, rather than every question for
 * each person in turn. A cohort is stored by column, so this reads memory in order, and the loop
 * over a column does nothing but look up and add.
 */

/** How one questionnaire scores an encoded cohort: its questions' columns, point tables and domains. */
export interface ScoringPlan {
  /** Each question's answer codes, by person (0 for no answer). */
  columns: readonly Uint16Array[];
  /** points[code] for each question; UNSCORABLE where the code cannot be scored (not answered but required, or not an answer). */
  points: readonly Float64Array[];
  /** Each question's domain, by index. */
  domains: Int32Array;
}

/**
 * What a code that cannot be scored adds to its domain. Points are whole numbers from 0 to 1,000, so
 * even 5,000 questions of a domain cannot make up for one of these: a domain below zero means a
 * question that could not be scored, found without a test in the loop down each column.
 */
export const UNSCORABLE = -(2 ** 32);

/** The run scored when a caller goes on from where the last run ended: people one after another. */
export const RUN_LENGTH = 1024;

export class ColumnScores {
  /** The run scored: people from .. to - 1. */
  from = 0;
  to = 0;
  /** raw[d * RUN_LENGTH + j]: the points in domain d of person from + j (below zero if one could not be scored). */
  readonly raw: Float64Array;
  /** Weighted points of person from + j, in milli-points. */
  readonly totalMilli: Float64Array;
  /** 1 when some question could not be scored for person from + j (the caller finds which). */
  readonly unscorable: Uint8Array;
  private readonly planOf = new Int32Array(RUN_LENGTH);
  private readonly members = new Int32Array(RUN_LENGTH);

  constructor(
    private readonly plans: readonly ScoringPlan[],
    private readonly weights: Int32Array,
  ) {
    this.raw = new Float64Array(weights.length * RUN_LENGTH);
    this.totalMilli = new Float64Array(RUN_LENGTH);
    this.unscorable = new Uint8Array(RUN_LENGTH);
  }

  /**
   * Makes sure person i is scored and gives their place in the run: a caller going on from the last
   * run gets the next RUN_LENGTH people scored at once; one jumping elsewhere gets only person i.
   * `planIndexOf` gives a person's plan, or -1 for a person who is not to be scored.
   */
  cover(i: number, size: number, planIndexOf: (i: number) => number): number {
    if (i < this.from || i >= this.to) this.score(i, i === this.to ? Math.min(size, i + RUN_LENGTH) : i + 1, planIndexOf);
    return i - this.from;
  }

  private score(from: number, to: number, planIndexOf: (i: number) => number): void {
    const n = to - from;
    this.from = from;
    this.to = to;
    const { raw, planOf, members, weights, totalMilli, unscorable } = this;
    for (let d = 0; d < weights.length; d++) raw.fill(0, d * RUN_LENGTH, d * RUN_LENGTH + n);
    let first = -1;
    let mixed = false;
    for (let j = 0; j < n; j++) {
      const plan = planIndexOf(from + j);
      planOf[j] = plan;
      if (j === 0) first = plan;
      else if (plan !== first) mixed = true;
    }
    if (!mixed) {
      if (first >= 0) this.scoreColumns(this.plans[first]!, from, null, n);
    } else {
      // People under different questionnaires: each plan scores its own people, listed in `members`.
      for (let plan = 0; plan < this.plans.length; plan++) {
        let count = 0;
        for (let j = 0; j < n; j++) if (planOf[j] === plan) members[count++] = j;
        if (count > 0) this.scoreColumns(this.plans[plan]!, from, members, count);
      }
    }
    totalMilli.fill(0, 0, n);
    unscorable.fill(0, 0, n);
    for (let d = 0; d < weights.length; d++) {
      const weight = weights[d]!;
      const at = d * RUN_LENGTH;
      for (let j = 0; j < n; j++) {
        const points = raw[at + j]!;
        totalMilli[j]! += points * weight;
        if (points < 0) unscorable[j] = 1;
      }
    }
  }

  /** Adds each question's points to its domain, for people from + j (j < n, or j in members[0 .. n)). */
  private scoreColumns({ columns, points, domains }: ScoringPlan, from: number, members: Int32Array | null, n: number): void {
    const { raw } = this;
    for (let s = 0; s < columns.length; s++) {
      const column = columns[s]!;
      const table = points[s]!;
      const at = domains[s]! * RUN_LENGTH;
      if (members === null) {
        for (let j = 0; j < n; j++) raw[at + j]! += table[column[from + j]!]!;
      } else {
        for (let m = 0; m < n; m++) raw[at + members[m]!]! += table[column[from + members[m]!]!]!;
      }
    }
  }
}
