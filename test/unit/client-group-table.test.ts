/**
 * Choosing the allocation table (rules/README.md step 5): pricing.byClientGroup[clientGroup] when the
 * policy has one, otherwise pricing.default. The 'allocation-table' line says which.
 */

import { describe, expect, it } from 'vitest';
import { evaluate, type Policy } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { lineOf } from '../support/scoring-policy.js';

const policy: Policy = basePolicy({
  pricing: {
    default: { method: 'price-per-point', period: 'week', pencePerPoint: 488 },
    byClientGroup: {
      'learning-disability': {
        method: 'bands',
        period: 'year',
        bands: [
          { label: 'Standard', from: 0, to: 9, pence: 500000 },
          { label: 'Enhanced', from: 10, pence: 700000 },
        ],
      },
    },
  },
});

describe('client-group allocation table', () => {
  it('uses the table of a client group that has its own', () => {
    const result = evaluate(policy, baseAssessment({ clientGroup: 'learning-disability' }));
    expect(lineOf(result, 'allocation-table')).toEqual({
      step: 'allocation-table',
      clientGroup: 'learning-disability',
      table: 'client-group',
      method: 'bands',
      period: 'year',
    });
    // 15 points → "Enhanced" (10+) → 700 000p a year
    expect(lineOf(result, 'pricing')).toEqual({
      step: 'pricing',
      method: 'bands',
      wholePoints: 15,
      band: 2,
      label: 'Enhanced',
      from: 10,
      to: null,
      period: 'year',
      pence: 700000,
    });
    expect(result.allocation).toEqual({ period: 'year', pence: 700000 });
  });

  it('falls back to the default table for a client group without one', () => {
    const result = evaluate(policy, baseAssessment({ clientGroup: 'older-people' }));
    expect(lineOf(result, 'allocation-table')).toEqual({
      step: 'allocation-table',
      clientGroup: 'older-people',
      table: 'default',
      method: 'price-per-point',
      period: 'week',
    });
    // 15 points × 488p = 7 320p a week
    expect(lineOf(result, 'pricing')).toMatchObject({ method: 'price-per-point', pence: 7320 });
    expect(result.allocation).toEqual({ period: 'week', pence: 7320 });
  });

  it('uses the default table when the policy has no client-group tables at all', () => {
    const result = evaluate(basePolicy(), baseAssessment({ clientGroup: 'learning-disability' }));
    expect(lineOf(result, 'allocation-table')).toEqual({
      step: 'allocation-table',
      clientGroup: 'learning-disability',
      table: 'default',
      method: 'price-per-point',
      period: 'week',
    });
    // 15 points × 488p = 7 320p
    expect(result.allocation!.pence).toBe(7320);
  });

  it('gives a client group its own price per point', () => {
    const own = basePolicy({
      pricing: {
        default: { method: 'price-per-point', period: 'week', pencePerPoint: 488 },
        byClientGroup: { 'learning-disability': { method: 'price-per-point', period: 'week', pencePerPoint: 600 } },
      },
    });
    const result = evaluate(own, baseAssessment({ clientGroup: 'learning-disability' }));
    // 15 points × 600p = 9 000p
    expect(lineOf(result, 'pricing')).toEqual({
      step: 'pricing',
      method: 'price-per-point',
      points: 15,
      pencePerPoint: 600,
      period: 'week',
      pence: 9000,
    });
    expect(lineOf(result, 'allocation-table').table).toBe('client-group');
  });
});
