import { isIsoDate } from '../dates.js';
import { error, pointer, type Issue } from '../issues.js';
import type { Policy } from '../policy.js';
import { pricingTables } from './bands.js';

/**
 * An award (one-off or yearly) is an amount a year, so every allocation table must be priced per
 * year; and the award year must start on a day every year has (not 29 February).
 */
export function checkAward(policy: Policy): Issue[] {
  const award = policy.award;
  if (!award) return [];
  const issues = pricingTables(policy)
    .filter(({ pricing }) => pricing.period !== 'year')
    .map(({ pricing, at }) =>
      error(
        'award_period_not_year',
        pointer(...at, 'period'),
        `${award.kind === 'one-off' ? 'A one-off award' : 'A yearly award'} is an amount for the year, but ${at.length === 2 ? "the standard table ('default')" : `the table for '${at[2]}'`} gives ${pricing.period}ly amounts: price it per year`,
        { period: pricing.period, expected: 'year' },
      ),
    );
  if (award.kind === 'yearly' && award.yearStarts !== undefined) {
    // A leap year and a common year: a start day that is not real in both is not real every year.
    const realEveryYear = isIsoDate(`2023-${award.yearStarts}`) && isIsoDate(`2024-${award.yearStarts}`);
    if (!realEveryYear)
      issues.push(
        error(
          'award_year_start_not_every_year',
          pointer('award', 'yearStarts'),
          `the award year cannot start on ${award.yearStarts} (MM-DD): not every year has that day. Use a day such as 04-01`,
          { yearStarts: award.yearStarts },
        ),
      );
  }
  return issues;
}
