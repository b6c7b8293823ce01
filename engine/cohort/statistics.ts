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
  private everyone: Float64Array | undefined;

  private constructor(
    /** The distinct amounts, smallest first. */
    private readonly values: Float64Array,
    /** Each included person's place in `values`; -1 for a person left out. */
    private readonly rankOf: Int32Array,
  ) {}

  static of(amounts: Float64Array, included: Uint8Array, limit = 1 << 16): DistinctAmounts | null {
    const idOf = new Int32Array(amounts.length).fill(-1);
    const ids = new AmountIds(limit);
    const found: number[] = [];
    for (let i = 0; i < amounts.length; i++) {
      if (!included[i]) continue;
      const amount = amounts[i]!;
      let id = ids.get(amount);
      if (id < 0) {
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
    return this.fromCounts(this.counts(), 0);
  }

  /** The same bins as histogram() gives over everyone's amounts. */
  histogram(target = 20): Histogram {
    const { values } = this;
    if (values.length === 0) return { binWidthPence: 0, bins: [] };
    const counts = this.counts();
    const bins = new Bins(values[0]!, values[values.length - 1]!, target);
    for (let r = 0; r < values.length; r++) bins.add(values[r]!, counts[r]!);
    return bins.histogram();
  }

  /** How many people have each distinct amount, counted once. */
  private counts(): Float64Array {
    if (this.everyone) return this.everyone;
    const counts = new Float64Array(this.values.length);
    for (let i = 0; i < this.rankOf.length; i++) if (this.rankOf[i]! >= 0) counts[this.rankOf[i]!]!++;
    this.everyone = counts;
    return counts;
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

/**
 * Whole amounts to small ids, in typed arrays with open addressing: a million lookups of a few
 * thousand amounts, which a Map does several times slower. Holds at most `limit` amounts.
 */
class AmountIds {
  private readonly keys: Float64Array;
  private readonly ids: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  constructor(limit: number) {
    // At most half full, so a probe ends soon.
    const bits = Math.max(4, Math.ceil(Math.log2(limit * 2)));
    this.keys = new Float64Array(2 ** bits).fill(Number.NaN);
    this.ids = new Int32Array(2 ** bits);
    this.shift = 32 - bits;
    this.mask = 2 ** bits - 1;
  }

  /** The amount's id, or -1. */
  get(amount: number): number {
    for (let slot = this.slotOf(amount); ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot]!;
      if (key === amount) return this.ids[slot]!;
      if (Number.isNaN(key)) return -1;
    }
  }

  set(amount: number, id: number): void {
    let slot = this.slotOf(amount);
    while (!Number.isNaN(this.keys[slot]!)) slot = (slot + 1) & this.mask;
    this.keys[slot] = amount;
    this.ids[slot] = id;
  }

  /** Fibonacci hashing of the amount's low and high 32 bits. */
  private slotOf(amount: number): number {
    return Math.imul((amount | 0) ^ Math.imul((amount / 0x1_0000_0000) | 0, 0x85eb_ca6b), 0x9e37_79b1) >>> this.shift;
  }
}

/** The value at rank ceil(p/100 × n) of values, found by selection: values are reordered, not copied. */
export function nearestRankInPlace(values: Float64Array, p: number): number {
  const rank = rankOf(p, values.length);
  selectInPlace(values, rank - 1, 0, values.length - 1);
  return values[rank - 1]!;
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
  for (let i = 0; i < values.length; i++) {
    if (values[i]! < min) min = values[i]!;
    if (values[i]! > max) max = values[i]!;
  }
  const bins = new Bins(min, max, target);
  for (let i = 0; i < values.length; i++) bins.add(values[i]!, 1);
  return bins.histogram();
}

/** Bins of a round width from min to max, counted into. */
class Bins {
  private readonly width: number;
  private readonly start: number;
  private readonly counts: Float64Array;

  constructor(min: number, max: number, target: number) {
    this.width = niceWidth((max - min) / target);
    this.start = Math.floor(min / this.width) * this.width;
    this.counts = new Float64Array(Math.max(1, Math.floor((max - this.start) / this.width) + 1));
  }

  add(value: number, count: number): void {
    this.counts[Math.min(this.counts.length - 1, Math.floor((value - this.start) / this.width))]! += count;
  }

  histogram(): Histogram {
    const { width, start } = this;
    const bins = Array.from(this.counts, (count, k) => ({ fromPence: start + k * width, toPence: start + (k + 1) * width, count }));
    return { binWidthPence: width, bins };
  }
}

function niceWidth(raw: number): number {
  if (raw <= 100) return 100;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].find((m) => m * power >= raw)!;
  return step * power;
}
