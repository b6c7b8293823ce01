/** A list's counts are written as every other number in the console: with thousands separators. */

import { describe, expect, it } from 'vitest';
import { pageRange } from '../../admin/src/layout/ListPagination';

describe("a list's pages", () => {
  it('count the rows with thousands separators', () => {
    expect(pageRange({ from: 51, to: 75, count: 12_345 })).toBe('51–75 of 12,345');
    expect(pageRange({ from: 1_001, to: 1_025, count: -1 })).toBe('1,001–1,025');
  });
});
