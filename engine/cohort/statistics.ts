/** Summary figures over amounts in pence; percentiles use the nearest-rank method (found by selection, not by sorting). */

export interface Summary {
  people: number;
  totalPence: number;
  meanPence: number;
  medianPence: number;
  p90Pence: number;
  maxPence: number;
}

export function summarise(values: Float64Array): Summary {
  const n = values.length;
  if (n === 0) return { people: 0, totalPence: 0, meanPence: 0, medianPence: 0, p90Pence: 0, maxPence: 0 };
  let total = 0;
  let max = values[0]!;
  for (let i = 0; i < n; i++) {
    total += values[i]!;
    if (values[i]! > max) max = values[i]!;
  }
  // Percentiles by selection, in linear time: no sort of everyone. The median's selection leaves every
  // larger value after it, so the 90th percentile is selected from that part only.
  const work = values.slice();
  const medianRank = rankOf(50, n);
  const p90Rank = rankOf(90, n);
  selectInPlace(work, medianRank - 1, 0, n - 1);
  selectInPlace(work, p90Rank - 1, medianRank - 1, n - 1);
  return {
    people: n,
    totalPence: total,
    meanPence: Math.round(total / n),
    medianPence: work[medianRank - 1]!,
    p90Pence: work[p90Rank - 1]!,
    maxPence: max,
  };
}

/**
 * A version's amounts over a cohort take few distinct values (they come from its price tables, carer
 * effects and point totals), so they are ranked once and the summary of everyone, and of each group,
 * is counted from that ranking rather than selected from a copy of the amounts: the same figures as
 * summarise() gives. For amounts that are not whole pence, or too many distinct ones, `of` gives null.
 */
export class DistinctAmounts {
  private constructor(
    /** The distinct amounts, smallest first. */
    private readonly values: Float64Array,
    /** Each included person's place in `values`; -1 for a person left out. */
    private readonly rankOf: Int32Array,
  ) {}

  static of(amounts: Float64Array, included: Uint8Array, limit = 1 << 16): DistinctAmounts | null {
    const idOf = new Int32Array(amounts.length).fill(-1);
    const ids = new Map<number, number>();
    const found: number[] = [];
    for (let i = 0; i < amounts.length; i++) {
      if (!included[i]) continue;
      const amount = amounts[i]!;
      let id = ids.get(amount);
      if (id === undefined) {
        if (found.length === limit || !Number.isSafeInteger(amount)) return null;
        id = found.length;
        found.push(amount);
        ids.set(amount, id);
      }
      idOf[i] = id;
    }
    const order = found.map((_, id) => id).sort((a, b) => found[a]! - found[b]!);
    const rankOfId = new Int32Array(found.length);
    order.forEach((id, rank) => {
      rankOfId[id] = rank;
    });
    for (let i = 0; i < idOf.length; i++) if (idOf[i]! >= 0) idOf[i] = rankOfId[idOf[i]!]!;
    return new DistinctAmounts(
      Float64Array.from(order, (id) => found[id]!),
      idOf,
    );
  }

  /** Everyone included. */
  summary(): Summary {
    const counts = new Float64Array(this.values.length);
    for (let i = 0; i < this.rankOf.length; i++) if (this.rankOf[i]! >= 0) counts[this.rankOf[i]!]!++;
    return this.fromCounts(counts, 0);
  }

  /** Each group's summary, by the group's code in `codes` (null for a group with no one included). */
  summariesBy(codes: Uint16Array, groups: number): Array<Summary | null> {
    const size = this.values.length;
    const counts = new Float64Array(groups * size);
    for (let i = 0; i < this.rankOf.length; i++) if (this.rankOf[i]! >= 0) counts[codes[i]! * size + this.rankOf[i]!]!++;
    return Array.from({ length: groups }, (_, group) => {
      const summary = this.fromCounts(counts, group * size);
      return summary.people === 0 ? null : summary;
    });
  }

  /** The summary of the people counted in counts[from .. from + values.length), by nearest rank. */
  private fromCounts(counts: Float64Array, from: number): Summary {
    const { values } = this;
    let people = 0;
    let total = 0;
    let max = 0;
    for (let r = 0; r < values.length; r++) {
      const count = counts[from + r]!;
      if (count === 0) continue;
      people += count;
      total += count * values[r]!;
      max = values[r]!;
    }
    if (people === 0) return summarise(new Float64Array(0));
    const medianRank = rankOf(50, people);
    const p90Rank = rankOf(90, people);
    let median = 0;
    let p90 = 0;
    let seen = 0;
    for (let r = 0; r < values.length && seen < p90Rank; r++) {
      const count = counts[from + r]!;
      if (count === 0) continue;
      if (seen < medianRank && seen + count >= medianRank) median = values[r]!;
      if (seen + count >= p90Rank) p90 = values[r]!;
      seen += count;
    }
    return { people, totalPence: total, meanPence: Math.round(total / people), medianPence: median, p90Pence: p90, maxPence: max };
  }
}

/** The value at rank ceil(p/100 × n): the smallest value with at least p% of values at or below it. */
export function nearestRank(sorted: Float64Array, p: number): number {
  return sorted[rankOf(p, sorted.length) - 1]!;
}

const rankOf = (p: number, n: number) => Math.max(1, Math.ceil((p / 100) * n));

/**
 * Puts the k-th smallest value of values[from..to] at index k, smaller or equal ones before it and larger
 * or equal ones after (quickselect, median-of-three pivots). Should the partitions keep coming out
 * lopsided, the rest is sorted instead, so the worst case stays O(n log n).
 */
export function selectInPlace(values: Float64Array, k: number, from: number, to: number): void {
  let left = from;
  let right = to;
  let budget = 2 * Math.ceil(Math.log2(to - from + 2)) + 8;
  while (right > left) {
    if (budget-- === 0) {
      values.subarray(left, right + 1).sort();
      return;
    }
    const pivot = medianOfThree(values[left]!, values[(left + right) >>> 1]!, values[right]!);
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

const medianOfThree = (a: number, b: number, c: number) => Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));

export interface Histogram {
  binWidthPence: number;
  bins: Array<{ fromPence: number; toPence: number; count: number }>;
}

/** About `target` bins of a round width (1, 2 or 5 × a power of ten pounds), covering min to max. */
export function histogram(values: Float64Array, target = 20): Histogram {
  if (values.length === 0) return { binWidthPence: 0, bins: [] };
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const width = niceWidth((max - min) / target);
  const start = Math.floor(min / width) * width;
  const count = Math.max(1, Math.floor((max - start) / width) + 1);
  const bins = Array.from({ length: count }, (_, k) => ({ fromPence: start + k * width, toPence: start + (k + 1) * width, count: 0 }));
  for (const v of values) bins[Math.min(count - 1, Math.floor((v - start) / width))]!.count++;
  return { binWidthPence: width, bins };
}

function niceWidth(raw: number): number {
  if (raw <= 100) return 100;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].find((m) => m * power >= raw)!;
  return step * power;
}
