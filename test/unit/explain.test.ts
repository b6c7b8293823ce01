/**
 * explain(): the result in plain words, as a letter would put it. Fixed sentences filled from the
 * explanation lines, amounts formatted like £1,234.56, so the same result always reads the same.
 */

import { describe, expect, it } from 'vitest';
import { evaluate, explain, type Policy } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';

const policy: Policy = basePolicy({
  carerAdjustment: {
    supportLevels: [{ id: 'regular', label: 'Regular support' }],
    impacts: [{ id: 'low', label: 'Low impact' }],
    reductions: { regular: { low: 20 } },
  },
  uplifts: [
    { from: '2010-04-01', percent: 2.5, reference: { title: 'Inflation 2010-11' } },
    { from: '2011-04-01', percent: 1.7 },
  ],
  rules: [
    {
      name: 'high-points',
      conditions: { all: [{ fact: 'totalPoints', operator: 'greaterThanInclusive', value: 50 }] },
      event: { type: 'refer-to-panel', params: { message: 'Refer to the resource panel' } },
    },
  ],
});

const assessment = baseAssessment({
  answers: { washing: 'lots', 'health-needs': 'high' },
  carer: { willingToContinue: true, ableToContinue: true, supportLevel: 'regular', impact: 'low' },
});

describe('explain', () => {
  it('tells the whole calculation in plain words, with amounts in pounds', () => {
    const text = explain(evaluate(policy, assessment));
    const lines = text.split('\n');
    expect(lines[0]).toBe('How your indicative personal budget was worked out');
    expect(lines).toContain('Policy test-ras, version v1. Worked out for 1 June 2010.');
    expect(lines).toContain('Age 70; client group: Older people; questionnaire: Adults.');
    expect(lines).toContain('  Washing: "A lot of help", 40 points.');
    expect(lines).toContain('  Health needs: "High", 30 points.');
    expect(lines).toContain('  Personal care: 40 points.');
    // 40 + 30 = 70 points
    expect(lines).toContain('  Total: 70 points.');
    expect(lines).toContain('  The standard allocation table is used.');
    // 70 × 488p = 34 160p = £341.60
    expect(lines).toContain('  70 points × £4.88 a point = £341.60 a week.');
    // 20% of 34 160p = 6 832p → 27 328p
    expect(lines).toContain(
      '  Your carer is willing and able to carry on (support: Regular support; impact on them: Low impact), so the amount is reduced by 20%: £341.60 − £68.32 = £273.28 a week.',
    );
    // 27 328p × 2.5% = 683.2p → 683p → 28 011p
    expect(lines).toContain('  Uplift of 2.5% from 1 April 2010 (Inflation 2010-11): £273.28 + £6.83 = £280.11 a week.');
    expect(lines).toContain('  The uplift of 1.7% from 1 April 2011 does not apply yet on this date.');
    expect(lines).toContain('  Rounded to the nearest penny: £280.11 becomes £280.11 a week.');
    // annual 28 011 × 52 = 1 456 572p = £14,565.72; monthly 1 456 572 ÷ 12 = 121 381p = £1,213.81
    expect(lines).toContain('  £280.11 a week; £1,213.81 a month; £14,565.72 a year (a year counted as 52 weeks or 12 months).');
    expect(lines).toContain('For review by the council');
    expect(lines).toContain('  Refer to the resource panel (because totalPoints is 70 (rule: greaterThanInclusive 50)).');
    expect(lines.at(-1)).toBe(
      'This amount is indicative. Your personal budget is agreed after support planning, and the reason for any difference is recorded.',
    );
  });

  it('reads identically across two runs', () => {
    const first = explain(evaluate(policy, assessment));
    const second = explain(evaluate(structuredClone(policy), structuredClone(assessment)));
    expect(second).toBe(first);
  });

  it('shows weights, a client-group band and why there is no carer reduction', () => {
    const banded = basePolicy({
      domains: [
        { id: 'personal-care', label: 'Personal care', weight: 1.5 },
        { id: 'health', label: 'Health' },
      ],
      pricing: {
        default: { method: 'price-per-point', period: 'week', pencePerPoint: 488 },
        byClientGroup: {
          'learning-disability': {
            method: 'bands',
            period: 'month',
            bands: [
              { label: 'Low', from: 0, to: 19, pence: 50000 },
              { label: 'High', from: 20, pence: 123456 },
            ],
          },
        },
      },
      rounding: { unit: 'pound', mode: 'down' },
    });
    const text = explain(
      evaluate(
        banded,
        baseAssessment({
          clientGroup: 'learning-disability',
          carer: { willingToContinue: false, ableToContinue: true, supportLevel: 'regular', impact: 'low' },
        }),
      ),
    );
    // 10 × 1.5 = 15; 15 + 5 = 20 points → band 2 "High" (20+) → 123 456p = £1,234.56 a month
    expect(text).toContain('  Personal care: 10 points × weight 1.5 = 15 points.');
    expect(text).toContain('  Health: 5 points.');
    expect(text).toContain('  The allocation table for Learning disability is used.');
    expect(text).toContain('  20 points falls in "High" (20 points or more), which gives £1,234.56 a month.');
    expect(text).toContain('  This policy makes no reduction for support from family or friends.');
    // £1,234.56 down to the pound → £1,234.00
    expect(text).toContain('  Rounded down to the whole pound: £1,234.56 becomes £1,234.00 a month.');
    // annual 123 400 × 12 = 1 480 800p; weekly 1 480 800 ÷ 52 = 28 476.92 → 28 477p
    expect(text).toContain('  £284.77 a week; £1,234.00 a month; £14,808.00 a year (a year counted as 52 weeks or 12 months).');
    expect(text).not.toContain('For review by the council');
  });

  it('says why a carer who is not willing brings no reduction', () => {
    const text = explain(evaluate(policy, { ...assessment, carer: { ...assessment.carer!, willingToContinue: false } }));
    expect(text).toContain('  No reduction for informal support: your carer is not willing to carry on.');
  });

  it('says when there is no carer', () => {
    const { carer: _carer, ...noCarer } = assessment;
    const text = explain(evaluate(policy, noCarer));
    expect(text).toContain('  No reduction for informal support: no carer was recorded.');
  });
});
