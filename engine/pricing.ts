import type { BandPlace, OutcomeBandLine, PricingLine } from './explanation.js';
import { fromMilli, multiplyDivide, PRICE_DECIMAL_PLACES, PRICE_STEPS_A_PENNY, scaled } from './money.js';
import type { Outcome, Pricing, RoundingMode } from './policy.js';

/** A thousandth of a point at a price's smallest step: the unit a price per point's product comes in. */
const MILLI_PRICE_STEPS = 1000 * PRICE_STEPS_A_PENNY;

/**
 * Turns the weighted total into an amount for the table's period. A price per point uses the exact
 * total; bands use whole points, rounded down, so a part point never reaches the next band. A band
 * whose outcome has no amount gives that outcome instead of a price.
 */
export function price(
  pricing: Pricing,
  totalMilli: number,
  mode: RoundingMode,
  outcomes: ReadonlyMap<string, Outcome>,
): PricingLine | OutcomeBandLine {
  const wholePoints = Math.floor(totalMilli / 1000);
  switch (pricing.method) {
    case 'price-per-point': {
      // Points in thousandths × pence a point in its smallest steps: one exact division.
      const pointsPence = multiplyDivide(totalMilli, scaled(pricing.pencePerPoint, PRICE_DECIMAL_PLACES), MILLI_PRICE_STEPS, mode);
      const points = fromMilli(totalMilli);
      const { method, pencePerPoint, period, basePence } = pricing;
      // A version-1 line keeps exactly the fields it always had, in their order, so its results replay
      // byte for byte. (Written out rather than spread from a shared part: the copy was most of pricing's time.)
      return basePence === undefined
        ? { step: 'pricing', method, points, pencePerPoint, period, pence: pointsPence }
        : { step: 'pricing', method, points, pencePerPoint, basePence, pointsPence, period, pence: basePence + pointsPence };
    }
    case 'bands': {
      const { band, index } = findBand(pricing.bands, wholePoints);
      const place = bandPlace(pricing, band, index, wholePoints);
      if (band.outcome !== undefined) return outcomeBand(place, pricing.period, band.outcome, outcomes);
      return { ...place, period: pricing.period, pence: band.pence! };
    }
    case 'hour-bands': {
      const { band, index } = findBand(pricing.bands, wholePoints);
      const place = bandPlace(pricing, band, index, wholePoints);
      if (band.outcome !== undefined) return outcomeBand(place, pricing.period, band.outcome, outcomes);
      return {
        ...place,
        hours: band.hours!,
        hourlyRatePence: pricing.hourlyRatePence,
        period: pricing.period,
        pence: hourBandPence(band.hours!, pricing.hourlyRatePence, mode),
      };
    }
  }
}

/** A band's hours (two decimals) at the hourly rate, rounded to the penny the policy's way. */
export function hourBandPence(hours: number, hourlyRatePence: number, mode: RoundingMode): number {
  return multiplyDivide(scaled(hours, 2), hourlyRatePence, 100, mode);
}

/** Which band a total fell in, as every band line starts (its fields in this order, so results replay byte for byte). */
function bandPlace<M extends 'bands' | 'hour-bands'>(
  pricing: { method: M },
  band: { label?: string; from: number; to?: number },
  index: number,
  wholePoints: number,
): BandPlace & { method: M } {
  return {
    step: 'pricing',
    method: pricing.method,
    wholePoints,
    band: index + 1,
    label: band.label ?? null,
    from: band.from,
    to: band.to ?? null,
  };
}

function outcomeBand(
  place: BandPlace & { method: 'bands' | 'hour-bands' },
  period: Pricing['period'],
  outcome: string,
  outcomes: ReadonlyMap<string, Outcome>,
): OutcomeBandLine {
  // Validation guarantees every band's outcome is one the policy declares.
  const { id, label, words } = outcomes.get(outcome)!;
  return { ...place, period, outcome: { id, label, words } };
}

function findBand<B extends { from: number; to?: number }>(bands: readonly B[], points: number): { band: B; index: number } {
  const index = bands.findIndex((b) => points >= b.from && (b.to === undefined || points <= b.to));
  const band = bands[index];
  // Validation guarantees contiguous bands from 0 with an open top band, so every total has one.
  if (!band) throw new Error(`no band holds ${points} points`);
  return { band, index };
}
