/** Summary figures over amounts in pence; percentiles use the nearest-rank method on sorted values. */

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
  const sorted = values.slice().sort();
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i]!;
  return {
    people: n,
    totalPence: total,
    meanPence: Math.round(total / n),
    medianPence: nearestRank(sorted, 50),
    p90Pence: nearestRank(sorted, 90),
    maxPence: sorted[n - 1]!,
  };
}

/** The value at rank ceil(p/100 × n): the smallest value with at least p% of values at or below it. */
export function nearestRank(sorted: Float64Array, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

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
