/**
 * The money arithmetic the benchmarks' plain-loop floors do by hand for the adult examples: points
 * priced per point, a carer reduction, uplifts, rounded up to the pound, all in exact integer steps.
 */

import { multiplyDivide } from '../engine/money.js';

/**
 * @param pricePer10k pence a point, in ten-thousandths of a penny
 * @param carerBasisPoints the carer reduction in hundredths of a percent, or 0 for none
 */
export function plainWeeklyPence(
  totalMilli: number,
  pricePer10k: number,
  carerBasisPoints: number,
  upliftBasisPoints: readonly number[],
): number {
  let pence = multiplyDivide(totalMilli, pricePer10k, 10_000_000, 'up');
  if (carerBasisPoints > 0) pence -= multiplyDivide(pence, carerBasisPoints, 10_000, 'up');
  for (const basisPoints of upliftBasisPoints) pence += multiplyDivide(pence, basisPoints, 10_000, 'up');
  return Math.ceil(pence / 100) * 100;
}
