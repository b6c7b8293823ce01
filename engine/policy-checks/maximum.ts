import { hourBandPence } from '../pricing.js';
import { error, pointer, warning, type Issue } from '../issues.js';
import { PERIODS } from '../periods.js';
import { amountPer, formatPence } from '../words/money.js';
import type { Policy } from '../policy.js';
import { pricingTables } from './bands.js';

/**
 * A maximum is a ceiling, which the ADASS framework recommends against: the check
 * says so, and says which bands it would limit. It is compared in the allocation's own period, so every
 * table must use the maximum's period.
 */
export function checkMaximum(policy: Policy): Issue[] {
  const maximum = policy.maximum;
  if (!maximum) return [];
  const issues: Issue[] = [
    warning(
      'maximum_set',
      pointer('maximum'),
      `This scheme limits amounts to ${amountPer(maximum.pence, maximum.period)}; the ADASS framework recommends no cost ceiling (high results flagged, not capped). The route above it is '${maximum.route.label}'.`,
      { pence: maximum.pence, period: maximum.period },
    ),
  ];
  for (const { pricing, at } of pricingTables(policy)) {
    if (pricing.period !== maximum.period) {
      issues.push(
        error(
          'maximum_period_mismatch',
          pointer('maximum', 'period'),
          `The maximum is a ${PERIODS[maximum.period].adjective} amount, but ${at.length === 2 ? "the standard table ('default')" : `the table for '${at[2]}'`} gives ${PERIODS[pricing.period].adjective} amounts: use the same period`,
          { maximumPeriod: maximum.period, tablePeriod: pricing.period, table: pointer(...at) },
        ),
      );
      continue;
    }
    if (pricing.method === 'price-per-point') continue;
    const amounts =
      pricing.method === 'bands'
        ? pricing.bands.map((b) => b.pence)
        : pricing.bands.map((b) =>
            b.hours === undefined ? undefined : hourBandPence(b.hours, pricing.hourlyRatePence, policy.rounding.mode),
          );
    amounts.forEach((pence, i) => {
      const label = pricing.bands[i]!.label;
      if (pence !== undefined && pence > maximum.pence)
        issues.push(
          warning(
            'band_above_maximum',
            pointer(...at, 'bands', i),
            `${label ? `Band '${label}'` : `Band ${i + 1}`} gives ${formatPence(pence)}, above the maximum of ${formatPence(maximum.pence)}: everyone in it is limited to the maximum`,
            { band: i + 1, pence, maximumPence: maximum.pence },
          ),
        );
    });
  }
  return issues;
}
