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
