import type { PeriodsLine } from './explanation.js';
import { multiplyDivide } from './money.js';
import type { Period } from './policy.js';

/** One period a table's amounts may be for. */
export interface PeriodFacts {
  /** How an amount for the period reads: "£363.00 a week". */
  readonly per: string;
  /** The period as an adjective: "a weekly amount". */
  readonly adjective: string;
  /** How many of the period a year holds, in ten-thousandths: a year is the policy's weeksPerYear weeks, or 12 months. */
  readonly inAYear10k: (weeksPerYear10k: number) => number;
}

/**
 * The periods, their words and how many make a year: the one statement of them that every conversion
 * (convertPeriods) and every text of an amount a period (words/money.ts, the console's choices) reads.
 */
export const PERIODS: Readonly<Record<Period, PeriodFacts>> = {
  week: { per: 'a week', adjective: 'weekly', inAYear10k: (weeksPerYear10k) => weeksPerYear10k },
  month: { per: 'a month', adjective: 'monthly', inAYear10k: () => 12 * 10_000 },
  year: { per: 'a year', adjective: 'yearly', inAYear10k: () => 10_000 },
};

/**
 * Weekly, monthly and annual amounts from the allocation in its own period: the annual amount is the
 * allocation times the period's number in a year, and each other period's amount is the annual amount
 * divided by its number, each rounded half-up to the penny (a conversion by 12 or by 1 is exact).
 */
export function convertPeriods(pence: number, period: Period, weeksPerYear10k: number): PeriodsLine {
  const annualPence = multiplyDivide(pence, inAYear10k(period, weeksPerYear10k), 10_000, 'half-up');
  return {
    step: 'periods',
    period,
    weeksPerYear: weeksPerYear10k / 10_000,
    weeklyPence: period === 'week' ? pence : multiplyDivide(annualPence, 10_000, inAYear10k('week', weeksPerYear10k), 'half-up'),
    monthlyPence: period === 'month' ? pence : multiplyDivide(annualPence, 10_000, inAYear10k('month', weeksPerYear10k), 'half-up'),
    annualPence,
  };
}

/** How many of a period a year holds, in ten-thousandths. (A plain function, not a closure: it runs for every amount.) */
function inAYear10k(period: Period, weeksPerYear10k: number): number {
  return PERIODS[period].inAYear10k(weeksPerYear10k);
}
