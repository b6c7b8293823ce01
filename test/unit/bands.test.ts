/**
 * Pricing by bands (rules/README.md step 6): the band whose from–to (both included) holds the total in
 * whole points, rounded down, gives its amount. The top band is open: there is no ceiling.
 */

import { describe, expect, it } from 'vitest';
import { evaluate, type BandTable, validatePolicy } from '../../engine/index.js';
import { lineOf, scoringAssessment, scoringPolicy } from '../support/scoring-policy.js';

const bands: BandTable = {
  method: 'bands',
  period: 'month',
  bands: [
    { label: 'Nil', from: 0, to: 14, pence: 0 },
    { label: 'Band 1', from: 15, to: 24, pence: 16000 },
    { label: 'Band 2', from: 25, to: 34, pence: 23500 },
    { label: 'Band 3', from: 35, pence: 30000 },
  ],
};

const policy = scoringPolicy({ pricing: { default: bands } });

describe('band table', () => {
  // [points, band number, label, from, to, pence]
  const edges: Array<[number, number, string, number, number | null, number]> = [
    // 0 points: first band starts at 0 → Nil, 0p
    [0, 1, 'Nil', 0, 14, 0],
    // 14 points: last point of Nil (0–14) → 0p
    [14, 1, 'Nil', 0, 14, 0],
    // 15 points: one past Nil, first point of Band 1 (15–24) → 16 000p
    [15, 2, 'Band 1', 15, 24, 16000],
    // 24 points: last point of Band 1 → 16 000p
    [24, 2, 'Band 1', 15, 24, 16000],
    // 25 points: one past Band 1, first point of Band 2 (25–34) → 23 500p
    [25, 3, 'Band 2', 25, 34, 23500],
    // 34 points: last point of Band 2 → 23 500p
    [34, 3, 'Band 2', 25, 34, 23500],
    // 35 points: one past Band 2, first point of the open top band (35+) → 30 000p
    [35, 4, 'Band 3', 35, null, 30000],
  ];

  it.each(edges)('puts %i points in band %i (%s, %i to %s) worth %i p', (points, band, label, from, to, pence) => {
    const result = evaluate(policy, scoringAssessment({ 'personal-care': points }));
    expect(lineOf(result, 'pricing')).toEqual({
      step: 'pricing',
      method: 'bands',
      wholePoints: points,
      band,
      label,
      from,
      to,
      period: 'month',
      pence,
    });
    expect(result.allocation).toEqual({ period: 'month', pence });
  });

  it('keeps a part point in the lower band: 24.5 points are 24 whole points, Band 1', () => {
    const weighted = scoringPolicy({
      domains: [
        { id: 'personal-care', label: 'Personal care', weight: 0.5 },
        { id: 'health', label: 'Health' },
      ],
      pricing: { default: bands },
    });
    const result = evaluate(weighted, scoringAssessment({ 'personal-care': 49 }));
    // 49 raw × 0.5 = 24.5 points; whole points ⌊24.5⌋ = 24 → Band 1 (15–24) → 16 000p, not Band 2's 23 500p
    expect(lineOf(result, 'total')).toEqual({ step: 'total', points: 24.5, wholePoints: 24 });
    expect(lineOf(result, 'pricing')).toEqual({
      step: 'pricing',
      method: 'bands',
      wholePoints: 24,
      band: 2,
      label: 'Band 1',
      from: 15,
      to: 24,
      period: 'month',
      pence: 16000,
    });
    expect(result.allocation!.pence).toBe(16000);
  });

  it('keeps 34.9 points in Band 2', () => {
    const weighted = scoringPolicy({
      domains: [
        { id: 'personal-care', label: 'Personal care', weight: 0.1 },
        { id: 'health', label: 'Health' },
      ],
      pricing: { default: bands },
    });
    const result = evaluate(weighted, scoringAssessment({ 'personal-care': 349 }));
    // 349 × 0.1 = 34.9 points; ⌊34.9⌋ = 34 → Band 2 (25–34) → 23 500p
    expect(lineOf(result, 'pricing')).toMatchObject({ wholePoints: 34, band: 3, label: 'Band 2', pence: 23500 });
  });

  it('gives the open top band to a very large total: there is no cap', () => {
    const heavy = scoringPolicy({
      domains: [
        { id: 'personal-care', label: 'Personal care', weight: 10 },
        { id: 'health', label: 'Health', weight: 10 },
      ],
      pricing: { default: bands },
    });
    const result = evaluate(heavy, scoringAssessment({ 'personal-care': 999, health: 999 }));
    // (999 + 999) × 10 = 19 980 points; top band 35+ has no 'to' → Band 3, 30 000p
    expect(lineOf(result, 'pricing')).toEqual({
      step: 'pricing',
      method: 'bands',
      wholePoints: 19980,
      band: 4,
      label: 'Band 3',
      from: 35,
      to: null,
      period: 'month',
      pence: 30000,
    });
    expect(result.allocation!.pence).toBe(30000);
  });

  it('gives a band without a label the label null', () => {
    const unlabelled = scoringPolicy({
      pricing: {
        default: {
          method: 'bands',
          period: 'week',
          bands: [
            { from: 0, to: 9, pence: 1000 },
            { from: 10, pence: 1400 },
          ],
        },
      },
    });
    const result = evaluate(unlabelled, scoringAssessment({ health: 12 }));
    // 12 points ≥ 10 → second band, 1 400p a week
    expect(lineOf(result, 'pricing')).toEqual({
      step: 'pricing',
      method: 'bands',
      wholePoints: 12,
      band: 2,
      label: null,
      from: 10,
      to: null,
      period: 'week',
      pence: 1400,
    });
  });
});

describe('the checks of a band table name bands as the officer sees them', () => {
  it("by their labels, so a table whose second row is labelled 'Band 1' is not told about 'band 3'", () => {
    const overlapping: BandTable = {
      ...bands,
      bands: bands.bands.map((b) => (b.label === 'Band 2' ? { ...b, from: 20 } : b)),
    };
    const checked = validatePolicy(scoringPolicy({ pricing: { default: overlapping } }));
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.issues).toContainEqual(
      expect.objectContaining({
        code: 'band_overlap',
        path: '/pricing/default/bands/2/from',
        message:
          "band 'Band 2' starts at 20 points but band 'Band 1' ends at 24: bands must be contiguous and must not overlap (expected 25)",
      }),
    );
  });
});
