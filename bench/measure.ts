/** Small timing helpers for the benchmarks: wall time with hrtime, percentiles, and readable figures. */

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function rate(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString('en-GB')}/s`;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function row(label: string, value: string): void {
  console.log(`  ${label.padEnd(44)} ${value}`);
}

/**
 * The median time of `runs` calls after one untimed (so what is timed runs compiled, not while the JIT
 * warms up), and the last call's value: one noisy run on a shared machine does not decide a figure.
 */
export function timed<T>(runs: number, work: () => T): { ms: number; value: T; note: string; spread: string } {
  const times: number[] = [];
  let value = work();
  for (let r = 0; r < runs; r++) {
    const start = nowMs();
    value = work();
    times.push(nowMs() - start);
  }
  const ms = [...times].sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  return { ms, value, note: ` (median of ${runs} after one untimed)`, spread: ` [${times.map((t) => t.toFixed(0)).join(', ')}]` };
}
