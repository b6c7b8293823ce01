/**
 * Pricing by hour bands (rules/README.md step 6): the band (by whole points, rounded down) gives hours
 * of support, at most two decimals; hours × hourlyRatePence, rounded to the penny with the rounding mode.
 */

import { describe, expect, it } from 'vitest';
import { evaluate, type HourBandTable, type RoundingMode } from '../../engine/index.js';
import { lineOf, scoringAssessment, scoringPolicy } from '../support/scoring-policy.js';

function hourBands(hourlyRatePence: number): HourBandTable {
  return {
    method: 'hour-bands',
    period: 'week',
    hourlyRatePence,
    bands: [
      { label: 'No hours', from: 0, to: 9, hours: 0 },
      { label: 'Low', from: 10, to: 29, hours: 7.5 },
      { label: 'Higher', from: 30, hours: 10.25 },
    ],
  };
}

describe('hour bands', () => {
  it('prices a fractional band of 7.5 hours at the hourly rate', () => {
    const result = evaluate(scoringPolicy({ pricing: { default: hourBands(1500) } }), scoringAssessment({ 'personal-care': 20 }));
    // 20 points → band 2 (10–29): 7.5 hours × 1 500p = 11 250p a week
    expect(lineOf(result, 'pricing')).toEqual({
      step: 'pricing',
      method: 'hour-bands',
      wholePoints: 20,
      band: 2,
      label: 'Low',
      from: 10,
      to: 29,
      hours: 7.5,
      hourlyRatePence: 1500,
      period: 'week',
      pence: 11250,
    });
    expect(result.allocation).toEqual({ period: 'week', pence: 11250 });
  });

  it('gives no money for a band of zero hours', () => {
    const result = evaluate(scoringPolicy({ pricing: { default: hourBands(1500) } }), scoringAssessment({ 'personal-care': 9 }));
    // 9 points → band 1 (0–9): 0 hours × 1 500p = 0p
    expect(lineOf(result, 'pricing')).toMatchObject({ wholePoints: 9, band: 1, hours: 0, pence: 0 });
  });

  it('moves to the next band one point past the edge', () => {
    const result = evaluate(scoringPolicy({ pricing: { default: hourBands(1500) } }), scoringAssessment({ 'personal-care': 10 }));
    // 10 points → band 2 (10–29): 7.5 hours × 1 500p = 11 250p
    expect(lineOf(result, 'pricing')).toMatchObject({ wholePoints: 10, band: 2, hours: 7.5, pence: 11250 });
  });

  it('gives the open top band to any large total', () => {
    const result = evaluate(
      scoringPolicy({ pricing: { default: hourBands(1500) } }),
      scoringAssessment({ 'personal-care': 999, health: 999 }),
    );
    // 1 998 points → band 3 (30+): 10.25 hours × 1 500p = 15 375p
    expect(lineOf(result, 'pricing')).toEqual({
      step: 'pricing',
      method: 'hour-bands',
      wholePoints: 1998,
      band: 3,
      label: 'Higher',
      from: 30,
      to: null,
      hours: 10.25,
      hourlyRatePence: 1500,
      period: 'week',
      pence: 15375,
    });
  });

  const rounded: Array<[RoundingMode, number, number]> = [
    // 7.5 h × 1 333p = 9 997.5p → half-up 9 998p;  10.25 h × 1 333p = 13 663.25p → half-up 13 663p
    ['half-up', 9998, 13663],
    // 9 997.5p → up 9 998p;  13 663.25p → up 13 664p
    ['up', 9998, 13664],
    // 9 997.5p → down 9 997p;  13 663.25p → down 13 663p
    ['down', 9997, 13663],
  ];
  it.each(rounded)('rounds hours × rate to the penny %s: 9 997.5p → %i p and 13 663.25p → %i p', (mode, low, higher) => {
    const policy = scoringPolicy({ pricing: { default: hourBands(1333) }, rounding: { unit: 'penny', mode } });
    const lowResult = evaluate(policy, scoringAssessment({ health: 15 }));
    const higherResult = evaluate(policy, scoringAssessment({ health: 30 }));
    expect(lineOf(lowResult, 'pricing')).toMatchObject({ band: 2, hours: 7.5, hourlyRatePence: 1333, pence: low });
    expect(lineOf(higherResult, 'pricing')).toMatchObject({ band: 3, hours: 10.25, hourlyRatePence: 1333, pence: higher });
    expect(lowResult.allocation!.pence).toBe(low);
    expect(higherResult.allocation!.pence).toBe(higher);
  });

  it('uses whole points, so 29.9 weighted points stay in the 7.5-hour band', () => {
    const policy = scoringPolicy({
      domains: [
        { id: 'personal-care', label: 'Personal care', weight: 0.1 },
        { id: 'health', label: 'Health' },
      ],
      pricing: { default: hourBands(1500) },
    });
    const result = evaluate(policy, scoringAssessment({ 'personal-care': 299 }));
    // 299 × 0.1 = 29.9 points; ⌊29.9⌋ = 29 → band 2: 7.5 h × 1 500p = 11 250p
    expect(lineOf(result, 'pricing')).toMatchObject({ wholePoints: 29, band: 2, hours: 7.5, pence: 11250 });
  });
});
