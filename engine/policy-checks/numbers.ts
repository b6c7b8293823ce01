import { error, pointer, type Issue } from '../issues.js';
import { PRICE_DECIMAL_PLACES, toScaled } from '../money.js';
import type { Policy } from '../policy.js';
import { pricingTables } from './bands.js';

/**
 * Decimals in a policy are kept exact by scaling them to integers (weights to thousandths,
 * percentages and hours to hundredths), so each must fit its range and its number of places.
 */
export function checkNumbers(policy: Policy): Issue[] {
  const table = policy.carerAdjustment;
  return [
    ...policy.domains.flatMap((d, i) =>
      d.weight === undefined ? [] : decimal(d.weight, 3, 0, 10, 'weight_out_of_range', `domain '${d.id}' weight`, ['domains', i, 'weight']),
    ),
    ...Object.entries(table?.reductions ?? {}).flatMap(([level, row]) =>
      Object.entries(row).flatMap(([impact, percent]) =>
        decimal(percent, 2, 0, 100, 'percent_out_of_range', `carer reduction for ${level}/${impact}`, [
          'carerAdjustment',
          'reductions',
          level,
          impact,
        ]),
      ),
    ),
    ...(policy.uplifts ?? []).flatMap((u, i) =>
      decimal(u.percent, 2, 0, 100, 'percent_out_of_range', `uplift from ${u.from}`, ['uplifts', i, 'percent']),
    ),
    ...pricePerPoint(policy),
    ...hourBands(policy),
    ...decimal(policy.weeksPerYear, 4, 52, 53, 'too_many_decimals', 'weeksPerYear', ['weeksPerYear']),
  ];
}

function pricePerPoint(policy: Policy): Issue[] {
  return pricingTables(policy).flatMap(({ pricing, at }) =>
    pricing.method !== 'price-per-point'
      ? []
      : decimal(pricing.pencePerPoint, PRICE_DECIMAL_PLACES, 0, 1_000_000, 'too_many_decimals', 'pencePerPoint', [...at, 'pencePerPoint']),
  );
}

function hourBands(policy: Policy): Issue[] {
  const tables = [['default', policy.pricing.default] as const, ...Object.entries(policy.pricing.byClientGroup ?? {})];
  return tables.flatMap(([name, pricing]) =>
    pricing.method !== 'hour-bands'
      ? []
      : pricing.bands.flatMap((b, i) => {
          if (b.hours === undefined) return [];
          const path =
            name === 'default' ? ['pricing', 'default', 'bands', i, 'hours'] : ['pricing', 'byClientGroup', name, 'bands', i, 'hours'];
          return decimal(b.hours, 2, 0, 1000, 'too_many_decimals', `band ${i + 1} hours`, path);
        }),
  );
}

function decimal(
  value: number,
  places: number,
  min: number,
  max: number,
  rangeCode: 'weight_out_of_range' | 'percent_out_of_range' | 'too_many_decimals',
  what: string,
  at: Array<string | number>,
): Issue[] {
  if (value < min || value > max) {
    return [error(rangeCode, pointer(...at), `${what} is ${value}: it must be between ${min} and ${max}`, { value, min, max })];
  }
  if (toScaled(value, places) === null) {
    return [
      error('too_many_decimals', pointer(...at), `${what} is ${value}: at most ${places} decimal places are allowed`, { value, places }),
    ];
  }
  return [];
}
