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
