/**
 * Integer arithmetic on money. Amounts are whole pence; nothing here touches a float amount. A price per
 * point may be finer than a penny, to PRICE_DECIMAL_PLACES; words/money.ts writes money in words.
 */

import type { RoundingMode } from './policy.js';

/**
 * A price per point is exact to this many decimal places of a penny (488.3417p), so that a calibrated price
 * is the price the policy states. The policy checks, pricing, calibration and every text of a price use it.
 */
export const PRICE_DECIMAL_PLACES = 4;

/** The smallest steps of a price per point in a penny: ten-thousandths. */
export const PRICE_STEPS_A_PENNY = 10 ** PRICE_DECIMAL_PLACES;

/** The nearest price a policy can state: 488.34172 -> 488.3417. */
export function roundPrice(pence: number): number {
  return Math.round(pence * PRICE_STEPS_A_PENNY) / PRICE_STEPS_A_PENNY;
}

/**
 * Divides two non-negative integers and rounds the quotient to an integer.
 * Exact for any numerator below 2^53; multiplyDivide handles larger products.
 */
export function divideRounding(numerator: number, denominator: number, mode: RoundingMode): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new Error(`divideRounding needs safe non-negative integers, got ${numerator} / ${denominator}`);
  }
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  if (remainder === 0 || mode === 'down') return quotient;
  if (mode === 'up') return quotient + 1;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

/**
 * (a × b) ÷ d, rounded. Uses plain numbers while the product is exact, and BigInt beyond 2^53, so even
 * the largest amounts the schema allows convert exactly.
 */
export function multiplyDivide(a: number, b: number, d: number, mode: RoundingMode): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return divideRounding(product, d, mode);
  const n = BigInt(a) * BigInt(b);
  const big = BigInt(d);
  const quotient = n / big;
  const remainder = n - quotient * big;
  const up = remainder !== 0n && (mode === 'up' || (mode === 'half-up' && remainder * 2n >= big));
  const result = Number(quotient + (up ? 1n : 0n));
  if (!Number.isSafeInteger(result)) throw new Error(`${a} × ${b} ÷ ${d} is beyond exact arithmetic`);
  return result;
}

/**
 * Scales a decimal from the policy (a weight, percentage, hours or weeks) to an integer count of
 * 1/10^places, or null when it has more decimal places than the policy format allows.
 */
export function toScaled(value: number, places: number): number | null {
  const factor = 10 ** places;
  const exact = value * factor;
  const scaled = Math.round(exact);
  // Only binary floating-point noise (4.88 × 100 = 488.00000000000006) is forgiven, not a real extra digit.
  return Math.abs(scaled - exact) <= 1e-12 * Math.max(1, Math.abs(exact)) ? scaled : null;
}

/** Like toScaled, for values that validation has already checked. */
export function scaled(value: number, places: number): number {
  const result = toScaled(value, places);
  if (result === null) throw new Error(`${value} has more than ${places} decimal places`);
  return result;
}

/** Points are carried in thousandths so that weights multiply exactly; 12345 -> 12.345 */
export function fromMilli(milli: number): number {
  return milli / 1000;
}
