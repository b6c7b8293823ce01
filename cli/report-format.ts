/** Plain-text pieces for committee reports: money, signed changes, shares and aligned tables. */

import { formatPence } from '../engine/index.js';

/** £1,234.56 for an amount that may have fractions of a penny in a mean: rounded to the penny. */
export const money = (pence: number): string => formatPence(Math.round(pence));

/** +£12.00 / -£12.00 / £0.00: the sign says which way a change went. */
export const change = (pence: number): string => (Math.round(pence) > 0 ? '+' : '') + money(pence);

export const share = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * Columns padded to their widest cell; the first column left-aligned, the rest right-aligned
 * (they hold numbers), so figures line up for reading down a column.
 */
export function table(header: string[], rows: string[][], indent = '  '): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    indent +
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
