/**
 * Award periods: a one-off award is the allocation paid once; a yearly award is a
 * year's allocation, paid pro rata for a start part-way through the award year (the financial year
 * from 1 April unless the policy says otherwise), in whole months or in days as the policy says.
 * The allocation and its weekly, monthly and annual figures stay the full rate.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AssessmentInvalidError, evaluate, explain, type Policy, validatePolicy } from '../../engine/index.js';
import { awardYear } from '../../engine/award.js';
import { dayNumber, fromDayNumber } from '../../engine/dates.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { lineOf } from '../support/scoring-policy.js';
import { thrown } from '../support/thrown.js';

/** One band for every total, 120 000p (£1,200) a year, keeps the arithmetic plain. */
const yearly = (award: Policy['award'], overrides: Partial<Policy> = {}): Policy =>
  basePolicy({
    schemaVersion: 2,
    award,
    pricing: { default: { method: 'bands', period: 'year', bands: [{ from: 0, pence: 120_000 }] } },
    ...overrides,
  });

const months = yearly({ kind: 'yearly', proRata: 'whole-months' });
const days = yearly({ kind: 'yearly', proRata: 'days' });
const starting = (startDate?: string) => baseAssessment({ assessmentDate: '2024-05-01', ...(startDate ? { startDate } : {}) });

describe('a yearly award paid pro rata in whole months', () => {
  it('pays the whole year from 1 April', () => {
    const result = evaluate(months, starting('2024-04-01'));
    expect(result.award).toEqual({ kind: 'yearly', pence: 120_000 });
    expect(result.allocation).toEqual({ period: 'year', pence: 120_000 });
  });

  it('counts the month of the start in full: from 15 June, 10 of 12 months, £1,000', () => {
    const result = evaluate(months, starting('2024-06-15'));
    expect(lineOf(result, 'award')).toEqual({
      step: 'award',
      kind: 'yearly',
      proRata: 'whole-months',
      yearFrom: '2024-04-01',
      yearTo: '2025-03-31',
      startDate: '2024-06-15',
      remaining: 10,
      whole: 12,
      unit: 'months',
      fullPence: 120_000,
      pence: 100_000,
    });
    // The rate is unchanged: the annual figure is still the full year's.
    expect(result.annualPence).toBe(120_000);
    expect(explain(result)).toContain(
      'Starting on 15 June 2024, 10 of the 12 months of the year 1 April 2024 to 31 March 2025 are left, so £1,200.00 × 10/12 = £1,000.00 is paid for this year.',
    );
  });

  it('finds the award year a start in January to March falls in (the one that began the April before)', () => {
    const result = evaluate(months, starting('2025-02-28'));
    expect(lineOf(result, 'award')).toMatchObject({ yearFrom: '2024-04-01', yearTo: '2025-03-31', remaining: 2, pence: 20_000 });
  });

  it('pays the whole year when the assessment gives no start date', () => {
    expect(evaluate(months, starting()).award).toEqual({ kind: 'yearly', pence: 120_000 });
  });

  it('rounds the share as the policy rounds: £1,000 a year from May, 11/12 = £916.67 (half-up)', () => {
    const policy = yearly(
      { kind: 'yearly', proRata: 'whole-months' },
      { pricing: { default: { method: 'bands', period: 'year', bands: [{ from: 0, pence: 100_000 }] } } },
    );
    // 100 000 × 11 ÷ 12 = 91 666.67 → 91 667
    expect(evaluate(policy, starting('2024-05-20')).award?.pence).toBe(91_667);
    const down = { ...policy, rounding: { unit: 'pound' as const, mode: 'down' as const } };
    // to whole pounds, down: 916.67 → £916
    expect(evaluate(down, starting('2024-05-20')).award?.pence).toBe(91_600);
  });

  it('starts the year where the policy says (6 April, the tax year)', () => {
    const taxYear = yearly({ kind: 'yearly', proRata: 'whole-months', yearStarts: '04-06' });
    // 5 May is before the 6th, so still in the first award month: 12 months left
    expect(lineOf(evaluate(taxYear, starting('2024-05-05')), 'award')).toMatchObject({ yearFrom: '2024-04-06', remaining: 12 });
    expect(lineOf(evaluate(taxYear, starting('2024-05-06')), 'award')).toMatchObject({ remaining: 11 });
  });
});

describe('a yearly award paid pro rata in days', () => {
  it('counts the start day: from 1 March 2025, 31 of 365 days', () => {
    // 120 000 × 31 ÷ 365 = 10 191.78 → 10 192
    expect(lineOf(evaluate(days, starting('2025-03-01')), 'award')).toMatchObject({
      remaining: 31,
      whole: 365,
      unit: 'days',
      pence: 10_192,
    });
  });

  it('counts 366 days in a year with 29 February: from 1 March 2024, 31 of 366', () => {
    // the year 1 April 2023 to 31 March 2024 holds 29 February 2024; 120 000 × 31 ÷ 366 = 10 163.93 → 10 164
    expect(lineOf(evaluate(days, starting('2024-03-01')), 'award')).toMatchObject({ whole: 366, remaining: 31, pence: 10_164 });
  });

  it('never pays more than the full year, and pays less the later the start (property)', () => {
    const day = fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2030-12-31') });
    fc.assert(
      fc.property(day, fc.constantFrom(months, days), (n, policy) => {
        const earlier = evaluate(policy, starting(fromDayNumber(n)));
        const later = evaluate(policy, starting(fromDayNumber(n + 1)));
        expect(earlier.award!.pence).toBeLessThanOrEqual(120_000);
        // the next day may be the first of a new award year, which starts full again
        const sameYear = awardYear(fromDayNumber(n), '04-01').from === awardYear(fromDayNumber(n + 1), '04-01').from;
        if (sameYear) expect(later.award!.pence).toBeLessThanOrEqual(earlier.award!.pence);
      }),
    );
  });
});

describe('a one-off award', () => {
  it('is the allocation, paid once, and said so', () => {
    const oneOff = yearly({ kind: 'one-off', words: 'One payment in a financial year.' });
    const result = evaluate(oneOff, starting());
    expect(result.award).toEqual({ kind: 'one-off', pence: 120_000 });
    expect(explain(result)).toContain('£1,200.00, paid as one payment. One payment in a financial year.');
    expect(explain(result)).not.toContain('a week;');
  });
});

describe('the checks on awards', () => {
  it('refuse a table that is not priced by the year', () => {
    const weekly = yearly({ kind: 'one-off' }, { pricing: { default: { method: 'price-per-point', period: 'week', pencePerPoint: 488 } } });
    const checked = validatePolicy(weekly);
    expect(checked.ok ? [] : checked.issues.map((i) => [i.code, i.path])).toEqual([['award_period_not_year', '/pricing/default/period']]);
  });

  it('refuse an award year that starts on a day not every year has', () => {
    const checked = validatePolicy(yearly({ kind: 'yearly', proRata: 'days', yearStarts: '02-29' }));
    expect(checked.ok ? [] : checked.issues.map((i) => [i.code, i.path])).toEqual([
      ['award_year_start_not_every_year', '/award/yearStarts'],
    ]);
  });

  it('refuse a start date for a policy that pays no yearly award', () => {
    const e = thrown(() => evaluate(basePolicy({ schemaVersion: 2 }), starting('2024-06-01')));
    expect(e).toBeInstanceOf(AssessmentInvalidError);
    expect((e as AssessmentInvalidError).issues.map((i) => i.code)).toEqual(['start_date_not_used']);
  });
});

describe('calendar arithmetic without a clock', () => {
  it('numbers days as the proleptic Gregorian calendar does, and back', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1);
    expect(fromDayNumber(dayNumber('2024-02-29') + 1)).toBe('2024-03-01');
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('0001-01-01'), max: dayNumber('9999-12-31') }), (n) => dayNumber(fromDayNumber(n)) === n),
    );
  });
});
