/**
 * Percentiles by selection must be the percentiles of the sorted values, whatever the values: many
 * equal amounts, already sorted, reversed, or all the same (the shapes that defeat a naive quickselect).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DistinctAmounts,
  histogram,
  nearestRank,
  nearestRankInPlace,
  selectInPlace,
  summarise,
} from '../../../engine/cohort/statistics.js';

const amounts = fc.oneof(
  fc.array(fc.integer({ min: -50_000, max: 500_000 }), { minLength: 1, maxLength: 3000 }),
  fc.array(fc.constantFrom(0, 16_000, 23_500, 30_000), { minLength: 1, maxLength: 3000 }),
  fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 3000 }).map((a) => a.sort((x, y) => x - y)),
  fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 3000 }).map((a) => a.sort((x, y) => y - x)),
  fc.integer({ min: 1, max: 3000 }).map((n) => new Array<number>(n).fill(36_300)),
  // Whole amounts beyond 32 bits, and ones that differ only there.
  fc.array(fc.constantFrom(2 ** 32, 2 ** 32 + 7, 7, 3 * 2 ** 40 + 7, -(2 ** 33), 2 ** 41 + 2 ** 32), { minLength: 1, maxLength: 3000 }),
);

describe('summary figures', () => {
  it('are those of the sorted values: median and 90th percentile by nearest rank, the largest, the total', () => {
    fc.assert(
      fc.property(amounts, (values) => {
        const sorted = Float64Array.from(values).sort();
        const total = values.reduce((a, b) => a + b, 0);
        expect(summarise(Float64Array.from(values))).toEqual({
          people: values.length,
          totalPence: total,
          meanPence: Math.round(total / values.length),
          medianPence: nearestRank(sorted, 50),
          p90Pence: nearestRank(sorted, 90),
          maxPence: sorted[sorted.length - 1],
        });
      }),
      { seed: 424_242, numRuns: 300 },
    );
  });

  it('counted from the distinct amounts, for everyone and for each group, are the figures summarise() and histogram() give', () => {
    const people = amounts.chain((values) =>
      fc.tuple(
        fc.constant(values),
        fc.array(fc.boolean(), { minLength: values.length, maxLength: values.length }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: values.length, maxLength: values.length }),
      ),
    );
    fc.assert(
      fc.property(people, ([values, kept, groups]) => {
        const included = Uint8Array.from(kept, (k) => (k ? 1 : 0));
        const distinct = DistinctAmounts.of(Float64Array.from(values), included)!;
        const of = (keep: (i: number) => boolean) => Float64Array.from(values.filter((_, i) => included[i] && keep(i)));
        expect(distinct.summary()).toEqual(summarise(of(() => true)));
        expect(distinct.histogram()).toEqual(histogram(of(() => true)));
        const codes = Uint16Array.from(groups);
        expect(distinct.summariesBy(codes, 6)).toEqual(
          Array.from({ length: 6 }, (_, g) => {
            const group = of((i) => groups[i] === g);
            return group.length === 0 ? null : summarise(group);
          }),
        );
      }),
      { seed: 20_261_127, numRuns: 300 },
    );
  });

  it('are selected, not counted, when the amounts have more distinct values than the limit, or are not whole pence', () => {
    const included = Uint8Array.from([1, 1, 1]);
    expect(DistinctAmounts.of(Float64Array.from([1, 2, 3]), included, 2)).toBeNull();
    expect(DistinctAmounts.of(Float64Array.from([1, 2.5, 3]), included)).toBeNull();
    expect(DistinctAmounts.of(Float64Array.from([1, 2, 3]), included, 3)?.summary()).toMatchObject({ people: 3, medianPence: 2 });
  });

  it('a percentile selected in place is the one read from the sorted values', () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 1, max: 100 }), (values, p) => {
        const sorted = Float64Array.from(values).sort();
        expect(nearestRankInPlace(Float64Array.from(values), p)).toBe(nearestRank(sorted, p));
      }),
      { seed: 20_261_128, numRuns: 300 },
    );
  });

  it('by hand: 1, 2, 3, 4 and 10 have median 3, 90th percentile 10 and largest 10', () => {
    expect(summarise(Float64Array.from([10, 3, 1, 4, 2]))).toMatchObject({ medianPence: 3, p90Pence: 10, maxPence: 10, totalPence: 20 });
  });

  it('selection puts the k-th smallest at k, none larger before it and none smaller after', () => {
    fc.assert(
      fc.property(amounts, fc.nat(), (values, pick) => {
        const work = Float64Array.from(values);
        const k = pick % work.length;
        selectInPlace(work, k, 0, work.length - 1);
        expect(work[k]).toBe(Float64Array.from(values).sort()[k]);
        for (let i = 0; i < k; i++) expect(work[i]).toBeLessThanOrEqual(work[k]!);
        for (let i = k + 1; i < work.length; i++) expect(work[i]).toBeGreaterThanOrEqual(work[k]!);
      }),
      { seed: 1_337, numRuns: 200 },
    );
  });
});
