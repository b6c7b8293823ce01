/**
 * Carer adjustment (rules/README.md step 7): only when the assessment has a carer who is both willing
 * and able to carry on, the amount is reduced by reductions[supportLevel][impact] percent, the reduction
 * rounded to the penny with the rounding mode. Otherwise there is no reduction, and the line says why.
 */

import { describe, expect, it } from 'vitest';
import { evaluate, type CarerAdjustment, type CarerSituation, type RoundingMode } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { lineOf } from '../support/scoring-policy.js';
import { thrown } from '../support/thrown.js';

const carerTable: CarerAdjustment = {
  supportLevels: [
    { id: 'regular', label: 'Regular support' },
    { id: 'substantial', label: 'Substantial support' },
  ],
  impacts: [
    { id: 'low', label: 'Low impact' },
    { id: 'high', label: 'High impact' },
  ],
  reductions: {
    regular: { low: 20, high: 10 },
    substantial: { low: 33.33, high: 0 },
  },
};

const policy = basePolicy({ carerAdjustment: carerTable });

function carer(overrides: Partial<CarerSituation> = {}): CarerSituation {
  return { willingToContinue: true, ableToContinue: true, supportLevel: 'regular', impact: 'low', ...overrides };
}

describe('carer adjustment', () => {
  it('reduces by 20% when the carer is willing and able and gives regular support with low impact', () => {
    const result = evaluate(policy, baseAssessment({ carer: carer() }));
    // 15 points × 488p = 7 320p; 20% of 7 320p = 1 464p → 5 856p
    expect(lineOf(result, 'carer-adjustment')).toEqual({
      step: 'carer-adjustment',
      applied: true,
      reason: 'applied',
      supportLevel: 'regular',
      supportLevelLabel: 'Regular support',
      impact: 'low',
      impactLabel: 'Low impact',
      percent: 20,
      beforePence: 7320,
      reductionPence: 1464,
      afterPence: 5856,
    });
    expect(result.carerAdjustment).toEqual({ applied: true, reason: 'applied', percent: 20, reductionPence: 1464 });
    expect(result.allocation!.pence).toBe(5856);
  });

  it('looks the percentage up by support level and impact: regular support with high impact is 10%', () => {
    const result = evaluate(policy, baseAssessment({ carer: carer({ impact: 'high' }) }));
    // 7 320p × 10% = 732p → 6 588p
    expect(lineOf(result, 'carer-adjustment')).toMatchObject({
      applied: true,
      impact: 'high',
      impactLabel: 'High impact',
      percent: 10,
      reductionPence: 732,
      afterPence: 6588,
    });
    expect(result.allocation!.pence).toBe(6588);
  });

  it('applies a 0% entry as a reduction of nothing', () => {
    const result = evaluate(policy, baseAssessment({ carer: carer({ supportLevel: 'substantial', impact: 'high' }) }));
    // 7 320p × 0% = 0p → 7 320p
    expect(lineOf(result, 'carer-adjustment')).toMatchObject({
      applied: true,
      reason: 'applied',
      percent: 0,
      reductionPence: 0,
      afterPence: 7320,
    });
    expect(result.allocation!.pence).toBe(7320);
  });

  const rounded: Array<[RoundingMode, number, number]> = [
    // 7 320p × 33.33% = 2 439.756p → half-up 2 440p → 4 880p
    ['half-up', 2440, 4880],
    // 2 439.756p → up 2 440p → 4 880p
    ['up', 2440, 4880],
    // 2 439.756p → down 2 439p → 4 881p
    ['down', 2439, 4881],
  ];
  it.each(rounded)('rounds a 33.33%% reduction to the penny %s: %i p off', (mode, reductionPence, afterPence) => {
    const result = evaluate(
      basePolicy({ carerAdjustment: carerTable, rounding: { unit: 'penny', mode } }),
      baseAssessment({ carer: carer({ supportLevel: 'substantial', impact: 'low' }) }),
    );
    expect(lineOf(result, 'carer-adjustment')).toMatchObject({
      applied: true,
      supportLevel: 'substantial',
      percent: 33.33,
      beforePence: 7320,
      reductionPence,
      afterPence,
    });
    expect(result.allocation!.pence).toBe(afterPence);
  });

  describe('makes no reduction unless the carer is both willing and able', () => {
    const refused: Array<[string, CarerSituation, 'not-willing' | 'not-able' | 'not-willing-or-able']> = [
      ['not willing', carer({ willingToContinue: false }), 'not-willing'],
      ['not able', carer({ ableToContinue: false }), 'not-able'],
      ['neither willing nor able', carer({ willingToContinue: false, ableToContinue: false }), 'not-willing-or-able'],
    ];
    it.each(refused)('when the carer is %s', (_, situation, reason) => {
      const result = evaluate(policy, baseAssessment({ carer: situation }));
      // 15 × 488p = 7 320p; no reduction → 7 320p
      expect(lineOf(result, 'carer-adjustment')).toEqual({
        step: 'carer-adjustment',
        applied: false,
        reason,
        supportLevel: 'regular',
        supportLevelLabel: 'Regular support',
        impact: 'low',
        impactLabel: 'Low impact',
        percent: 0,
        beforePence: 7320,
        reductionPence: 0,
        afterPence: 7320,
      });
      expect(result.carerAdjustment).toEqual({ applied: false, reason, percent: 0, reductionPence: 0 });
      expect(result.allocation!.pence).toBe(7320);
    });

    it('when no carer is recorded', () => {
      const result = evaluate(policy, baseAssessment());
      // 7 320p unchanged
      expect(lineOf(result, 'carer-adjustment')).toEqual({
        step: 'carer-adjustment',
        applied: false,
        reason: 'no-carer',
        supportLevel: null,
        supportLevelLabel: null,
        impact: null,
        impactLabel: null,
        percent: 0,
        beforePence: 7320,
        reductionPence: 0,
        afterPence: 7320,
      });
      expect(result.allocation!.pence).toBe(7320);
    });

    it('when the policy has no carer table, even for a willing and able carer', () => {
      const result = evaluate(basePolicy(), baseAssessment({ carer: carer() }));
      // no table → no reduction: 7 320p unchanged
      expect(lineOf(result, 'carer-adjustment')).toEqual({
        step: 'carer-adjustment',
        applied: false,
        reason: 'no-carer-table',
        supportLevel: 'regular',
        supportLevelLabel: null,
        impact: 'low',
        impactLabel: null,
        percent: 0,
        beforePence: 7320,
        reductionPence: 0,
        afterPence: 7320,
      });
      expect(result.carerAdjustment).toEqual({ applied: false, reason: 'no-carer-table', percent: 0, reductionPence: 0 });
      expect(result.allocation!.pence).toBe(7320);
    });
  });

  it('rejects a support level the carer table does not have', () => {
    expect(thrown(() => evaluate(policy, baseAssessment({ carer: carer({ supportLevel: 'occasional' }) })))).toMatchObject({
      name: 'AssessmentInvalidError',
      issues: [expect.objectContaining({ code: 'unknown_support_level', path: '/carer/supportLevel' })],
    });
  });
});
