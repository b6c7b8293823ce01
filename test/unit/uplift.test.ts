/**
 * Uplifts (rules/README.md step 8): each uplift whose from date is on or before the evaluation date (the
 * assessment date unless the caller gives asOf) applies in date order, compounding: amount × percent%,
 * rounded to the penny with the rounding mode, is added. Uplifts not yet in force are listed, not applied.
 */

import { describe, expect, it } from 'vitest';
import { evaluate, type Policy } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { lineOf, linesOf } from '../support/scoring-policy.js';

const policy: Policy = basePolicy({
  uplifts: [
    { from: '2010-04-01', percent: 2.5, reference: { title: 'Inflation 2010-11' } },
    { from: '2011-04-01', percent: 1.7 },
  ],
});

describe('uplifts', () => {
  it('applies none before the first uplift date', () => {
    const result = evaluate(policy, baseAssessment({ assessmentDate: '2010-03-31' }));
    // 15 × 488p = 7 320p; neither uplift is in force on 31 March 2010
    expect(linesOf(result, 'uplift')).toEqual([
      {
        step: 'uplift',
        from: '2010-04-01',
        percent: 2.5,
        applied: false,
        reference: 'Inflation 2010-11',
        beforePence: 7320,
        upliftPence: 0,
        afterPence: 7320,
      },
      {
        step: 'uplift',
        from: '2011-04-01',
        percent: 1.7,
        applied: false,
        reference: null,
        beforePence: 7320,
        upliftPence: 0,
        afterPence: 7320,
      },
    ]);
    expect(result.allocation!.pence).toBe(7320);
  });

  it('applies an uplift on its own from date', () => {
    const result = evaluate(policy, baseAssessment({ assessmentDate: '2010-04-01' }));
    // 7 320p × 2.5% = 183p → 7 503p
    expect(linesOf(result, 'uplift')[0]).toMatchObject({ applied: true, beforePence: 7320, upliftPence: 183, afterPence: 7503 });
    expect(result.allocation!.pence).toBe(7503);
  });

  it('applies the first only, between the two dates', () => {
    const result = evaluate(policy, baseAssessment({ assessmentDate: '2010-06-01' }));
    // 7 320p × 2.5% = 183p → 7 503p; 1.7% from 2011 not yet in force
    expect(linesOf(result, 'uplift')).toEqual([
      {
        step: 'uplift',
        from: '2010-04-01',
        percent: 2.5,
        applied: true,
        reference: 'Inflation 2010-11',
        beforePence: 7320,
        upliftPence: 183,
        afterPence: 7503,
      },
      {
        step: 'uplift',
        from: '2011-04-01',
        percent: 1.7,
        applied: false,
        reference: null,
        beforePence: 7503,
        upliftPence: 0,
        afterPence: 7503,
      },
    ]);
    expect(result.allocation!.pence).toBe(7503);
  });

  it('compounds both after the second date', () => {
    const result = evaluate(policy, baseAssessment({ assessmentDate: '2011-06-01' }));
    // 7 320p × 2.5% = 183p → 7 503p; 7 503p × 1.7% = 127.551p → 128p → 7 631p
    // (not simple: 7 320p × 4.2% = 307.44p would give 7 627p)
    expect(linesOf(result, 'uplift')).toEqual([
      {
        step: 'uplift',
        from: '2010-04-01',
        percent: 2.5,
        applied: true,
        reference: 'Inflation 2010-11',
        beforePence: 7320,
        upliftPence: 183,
        afterPence: 7503,
      },
      {
        step: 'uplift',
        from: '2011-04-01',
        percent: 1.7,
        applied: true,
        reference: null,
        beforePence: 7503,
        upliftPence: 128,
        afterPence: 7631,
      },
    ]);
    expect(result.allocation!.pence).toBe(7631);
  });

  it('rounds each uplift with the rounding mode (down)', () => {
    const result = evaluate({ ...policy, rounding: { unit: 'penny', mode: 'down' } }, baseAssessment({ assessmentDate: '2011-06-01' }));
    // 7 320p × 2.5% = 183p → 7 503p; 7 503p × 1.7% = 127.551p → down 127p → 7 630p
    expect(linesOf(result, 'uplift')[1]).toMatchObject({ applied: true, beforePence: 7503, upliftPence: 127, afterPence: 7630 });
    expect(result.allocation!.pence).toBe(7630);
  });

  it('judges uplifts on the asOf date when the caller gives one, later than the assessment', () => {
    const result = evaluate(policy, baseAssessment({ assessmentDate: '2010-06-01' }), { asOf: '2011-04-01' });
    // both in force on 1 April 2011: 7 320p → 7 503p → 7 631p
    expect(result.asOf).toBe('2011-04-01');
    expect(lineOf(result, 'person').asOf).toBe('2011-04-01');
    expect(linesOf(result, 'uplift').map((u) => u.applied)).toEqual([true, true]);
    expect(result.allocation!.pence).toBe(7631);
  });

  it('judges uplifts on the asOf date when the caller gives one, earlier than the assessment', () => {
    const result = evaluate(policy, baseAssessment({ assessmentDate: '2011-06-01' }), { asOf: '2010-03-31' });
    // neither in force on 31 March 2010: 7 320p
    expect(linesOf(result, 'uplift').map((u) => u.applied)).toEqual([false, false]);
    expect(result.allocation!.pence).toBe(7320);
  });

  it('applies after the carer reduction, to the reduced amount', () => {
    const withCarer = basePolicy({
      carerAdjustment: {
        supportLevels: [{ id: 'regular', label: 'Regular' }],
        impacts: [{ id: 'low', label: 'Low' }],
        reductions: { regular: { low: 20 } },
      },
      uplifts: [{ from: '2010-04-01', percent: 2.5 }],
    });
    const result = evaluate(
      withCarer,
      baseAssessment({
        carer: { willingToContinue: true, ableToContinue: true, supportLevel: 'regular', impact: 'low' },
      }),
    );
    // 7 320p − 20% (1 464p) = 5 856p; 5 856p × 2.5% = 146.4p → 146p → 6 002p
    expect(lineOf(result, 'uplift')).toEqual({
      step: 'uplift',
      from: '2010-04-01',
      percent: 2.5,
      applied: true,
      reference: null,
      beforePence: 5856,
      upliftPence: 146,
      afterPence: 6002,
    });
    expect(result.allocation!.pence).toBe(6002);
  });

  it('has no uplift lines when the policy has no uplifts', () => {
    const result = evaluate(basePolicy(), baseAssessment());
    expect(linesOf(result, 'uplift')).toEqual([]);
    // 7 320p, straight from pricing to rounding
    expect(lineOf(result, 'rounding').beforePence).toBe(7320);
  });
});
