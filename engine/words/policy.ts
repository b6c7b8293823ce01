/**
 * The parts of a policy in words, one sentence function a part, for every place that says what the part
 * does in general (the explanation words a person's own figures, and uses the same phrases): the
 * published page, the ATRS record, the console's view of a version and the explanation.
 */

import { DEFAULT_YEAR_STARTS } from '../award.js';
import type { Award, Maximum, Period, Rounding } from '../policy.js';
import { amountPer } from './money.js';

/** A band by the name the table gives it, or by its place (numbered from 1): "Band 3". */
export function bandName(band: { label?: string }, index: number): string {
  return band.label ?? `Band ${index + 1}`;
}

/** How the policy rounds: "to the nearest penny", "up to the whole pound"; with `ties`, how a half goes too. */
export function roundingWords({ unit, mode }: Pick<Rounding, 'unit' | 'mode'>, ties = false): string {
  const how = mode === 'half-up' ? 'to the nearest' : mode === 'up' ? 'up to the' : 'down to the';
  const what = unit === 'pound' ? 'whole pound' : 'penny';
  return `${how} ${what}${ties && mode === 'half-up' ? ' (halves up)' : ''}`;
}

/** The scheme's maximum: "pays at most £330.00 a week". */
export function paysAtMost(maximum: Pick<Maximum, 'pence' | 'period'>): string {
  return `pays at most ${amountPer(maximum.pence, maximum.period)}`;
}

/** The carer adjustment, where the policy has one. */
export const CARER_ADJUSTMENT =
  'Where an unpaid carer is willing and able to carry on, the amount is reduced by a percentage that depends on how much they do and what it costs them.';

/** Where the policy has no carer adjustment. */
export const NO_CARER_ADJUSTMENT = 'This policy makes no reduction for support from family or friends.';

/** How the policy pays the amount, when it has award periods: once, or for a year, pro rata for a late start. */
export function awardWords(award: Award): string {
  if (award.kind === 'one-off') return `The amount is paid once.${award.words ? ` ${award.words}` : ''}`;
  const counted = award.proRata === 'days' ? 'days' : 'whole months (the month it starts in counts in full)';
  return `The amount is for a year from ${award.yearStarts ?? DEFAULT_YEAR_STARTS} (month-day). Support that starts part-way through the year is paid for the part of the year that is left, counted in ${counted}.`;
}

/**
 * How the weekly, monthly and yearly amounts follow from a table's own period, as periods.ts works them
 * out: the number of weeks as the policy states it, never rounded for display.
 */
export function periodsSentence(period: Period, weeksPerYear: number): string {
  const weeks = `${weeksPerYear} weeks`;
  switch (period) {
    case 'week':
      return `The table gives a weekly amount. The yearly amount is the weekly amount times ${weeks}, and the monthly amount is a twelfth of the yearly amount.`;
    case 'month':
      return `The table gives a monthly amount. The yearly amount is the monthly amount times 12, and the weekly amount is the yearly amount divided by ${weeks}.`;
    case 'year':
      return `The table gives a yearly amount. The monthly amount is a twelfth of it, and the weekly amount is the yearly amount divided by ${weeks}.`;
  }
}
