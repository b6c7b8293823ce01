import type { PeriodsLine } from './explanation.js';
import { divideRounding, multiplyDivide } from './money.js';
import type { Period } from './policy.js';

/**
 * Weekly, monthly and annual amounts from the allocation in its own period, each rounded half-up to
 * the penny. A year is weeksPerYear weeks (in ten-thousandths) or twelve months.
 */
export function convertPeriods(pence: number, period: Period, weeksPerYear10k: number): PeriodsLine {
  const weeksPerYear = weeksPerYear10k / 10_000;
  const annualFromWeekly = (weekly: number) => multiplyDivide(weekly, weeksPerYear10k, 10_000, 'half-up');
  const weeklyFromAnnual = (annual: number) => multiplyDivide(annual, 10_000, weeksPerYear10k, 'half-up');
  const monthlyFromAnnual = (annual: number) => divideRounding(annual, 12, 'half-up');
  const line = (weeklyPence: number, monthlyPence: number, annualPence: number): PeriodsLine =>
    ({ step: 'periods', period, weeksPerYear, weeklyPence, monthlyPence, annualPence });
  switch (period) {
    case 'week': {
      const annual = annualFromWeekly(pence);
      return line(pence, monthlyFromAnnual(annual), annual);
    }
    case 'month': {
      const annual = pence * 12;
      return line(weeklyFromAnnual(annual), pence, annual);
    }
    case 'year':
      return line(weeklyFromAnnual(pence), monthlyFromAnnual(pence), pence);
  }
}
