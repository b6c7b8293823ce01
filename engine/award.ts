import { dayNumber, fromDayNumber, parts } from './dates.js';
import type { AwardLine } from './explanation.js';
import { multiplyDivide } from './money.js';
import type { Award, IsoDate, Rounding } from './policy.js';

/** The financial year: an award year starts on 1 April unless the policy says otherwise. */
export const DEFAULT_YEAR_STARTS = '04-01';

/**
 * How the allocation is paid, for a policy with award periods. A one-off award is
 * the allocation, paid once. A yearly award is the allocation for a whole year, paid pro rata when it
 * starts part-way through the award year: the share of the year left, in whole months (the month of
 * the start counts in full) or in days (the start day counts), rounded as the policy rounds. The
 * allocation itself, and its weekly, monthly and annual figures, stay the full rate.
 */
export function payAward(
  award: Award | undefined,
  pence: number,
  startDate: IsoDate | undefined,
  asOf: IsoDate,
  rounding: Rounding,
): AwardLine | null {
  if (!award) return null;
  if (award.kind === 'one-off') return { step: 'award', kind: 'one-off', words: award.words ?? null, pence };

  const { from, to } = awardYear(startDate ?? asOf, award.yearStarts ?? DEFAULT_YEAR_STARTS);
  const share =
    award.proRata === 'days'
      ? { unit: 'days' as const, whole: daysBetween(from, to) + 1, remaining: startDate ? daysBetween(startDate, to) + 1 : null }
      : { unit: 'months' as const, whole: 12, remaining: startDate ? 12 - wholeMonthsBetween(from, startDate) : null };
  const remaining = share.remaining ?? share.whole;
  // Rounded to the policy's unit in its direction: pence × remaining ÷ (whole × unit), then × unit.
  const unitPence = rounding.unit === 'pound' ? 100 : 1;
  const paid = multiplyDivide(pence, remaining, share.whole * unitPence, rounding.mode) * unitPence;
  return {
    step: 'award',
    kind: 'yearly',
    proRata: award.proRata,
    yearFrom: from,
    yearTo: to,
    startDate: startDate ?? null,
    remaining,
    whole: share.whole,
    unit: share.unit,
    fullPence: pence,
    pence: Math.min(paid, pence),
  };
}

/** The award year a date falls in: its first and last day. */
export function awardYear(date: IsoDate, yearStarts: string): { from: IsoDate; to: IsoDate } {
  const [y, m, d] = parts(date);
  const [sm, sd] = yearStarts.split('-').map(Number) as [number, number];
  const startYear = m > sm || (m === sm && d >= sd) ? y : y - 1;
  const day = (year: number) => `${year}-${yearStarts}`;
  return { from: day(startYear), to: fromDayNumber(dayNumber(day(startYear + 1)) - 1) };
}

function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Whole award months from the year's first day to a date in the year (0 in the first month). */
function wholeMonthsBetween(from: IsoDate, date: IsoDate): number {
  const [fy, fm, fd] = parts(from);
  const [y, m, d] = parts(date);
  return y * 12 + m - (fy * 12 + fm) - (d < fd ? 1 : 0);
}
