import type { PeriodsLine } from './explanation.js';
import { divideRounding, multiplyDivide } from './money.js';
import type { Period } from './policy.js';

/**
 * Weekly, monthly and annual amounts from the allocation in its own period, each rounded half-up to
 * the penny. A year is weeksPerYear weeks (in ten-thousandths) or twelve months.
 */
export function convertPeriods(pence: number, period: Period, weeksPerYear10k: number): PeriodsLine {
  switch (period) {
    case 'week': {
      const annual = multiplyDivide(pence, weeksPerYear10k, 10_000, 'half-up');
      return line(period, weeksPerYear10k, pence, monthlyFromAnnual(annual), annual);
    }
    case 'month': {
      const annual = pence * 12;
      return line(period, weeksPerYear10k, weeklyFromAnnual(annual, weeksPerYear10k), pence, annual);
    }
    case 'year':
      return line(period, weeksPerYear10k, weeklyFromAnnual(pence, weeksPerYear10k), monthlyFromAnnual(pence), pence);
  }
}

function weeklyFromAnnual(annual: number, weeksPerYear10k: number): number {
  return multiplyDivide(annual, 10_000, weeksPerYear10k, 'half-up');
}

function monthlyFromAnnual(annual: number): number {
  return divideRounding(annual, 12, 'half-up');
}

function line(period: Period, weeksPerYear10k: number, weeklyPence: number, monthlyPence: number, annualPence: number): PeriodsLine {
  return { step: 'periods', period, weeksPerYear: weeksPerYear10k / 10_000, weeklyPence, monthlyPence, annualPence };
}
