import type { MaximumLine } from './explanation.js';
import { PERIODS } from './periods.js';
import type { Maximum, Period } from './policy.js';

/**
 * The policy's maximum, when it has one: an amount over it is limited to it. The
 * line is there whether or not the amount reached the maximum, so the person always sees the limit
 * and the route for going above it. The checks require the maximum's period to be the tables' period.
 */
export function limitToMaximum(maximum: Maximum | undefined, pence: number, period: Period): MaximumLine | null {
  if (!maximum) return null;
  if (maximum.period !== period)
    throw new Error(`the maximum is a ${PERIODS[maximum.period].adjective} amount, the allocation a ${PERIODS[period].adjective} one`);
  const afterPence = Math.min(pence, maximum.pence);
  return {
    step: 'maximum',
    maximumPence: maximum.pence,
    period,
    beforePence: pence,
    limitedByPence: pence - afterPence,
    afterPence,
    applied: afterPence < pence,
    route: { id: maximum.route.id, label: maximum.route.label, words: maximum.route.words },
  };
}
