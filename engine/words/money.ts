/**
 * Money in words, as every text of the house writes it (the explanation, the diff, the letter, the published
 * page, the ATRS record, the CLI and the console): whole pence as pounds, a price per point exact to the
 * places of a penny a policy may state (£4.883417, never rounded to £4.88), an amount a period.
 */

import { PRICE_DECIMAL_PLACES, PRICE_STEPS_A_PENNY, toScaled } from '../money.js';
import { PERIODS } from '../periods.js';
import type { Period } from '../policy.js';

/** The decimals of a pound a price may have: two for the pence, and the price's own places of a penny. */
export const PRICE_POUND_DECIMALS = 2 + PRICE_DECIMAL_PLACES;

/** Whole pence as pounds: 123456 -> "£1,234.56", -150 -> "-£1.50". */
export function formatPence(pence: number): string {
  const abs = Math.abs(pence);
  return `${sign(pence)}£${thousands(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/** A price in pence, exact to the places of a penny a policy may state: 488 -> "£4.88", 488.3417 -> "£4.883417". */
export function formatPrice(pence: number): string {
  if (Number.isInteger(pence)) return formatPence(pence);
  const [pounds, decimals] = poundsOf(pence);
  return `${sign(pence)}£${thousands(pounds)}.${decimals}`;
}

/**
 * Pounds as a spreadsheet holds them and a person types them, without a £ or separators: 16000 -> "160.00",
 * -5 -> "-0.05", and a price exact: 488.3417 -> "4.883417".
 */
export function plainPounds(pence: number): string {
  const [pounds, decimals] = poundsOf(pence);
  return `${sign(pence)}${pounds}.${decimals}`;
}

/** An amount a period: "£363.00 a week". */
export function amountPer(pence: number, period: Period): string {
  return `${formatPence(pence)} ${PERIODS[period].per}`;
}

/** A price per point: "£4.883417 a point". */
export function perPoint(pencePerPoint: number): string {
  return `${formatPrice(pencePerPoint)} a point`;
}

/** The whole pounds and the decimals of a pound: two for whole pence, as many as a price has up to PRICE_POUND_DECIMALS. */
function poundsOf(pence: number): [number, string] {
  const abs = Math.abs(pence);
  if (Number.isInteger(abs)) return [Math.floor(abs / 100), String(abs % 100).padStart(2, '0')];
  const steps = toScaled(abs, PRICE_DECIMAL_PLACES);
  if (steps === null) {
    // Finer than a policy may state (a draft not yet checked): every digit it has, as written.
    const [whole, fraction = ''] = String(abs).split('.');
    return [Math.floor(Number(whole) / 100), `${String(Number(whole) % 100).padStart(2, '0')}${fraction}`];
  }
  const aPound = 100 * PRICE_STEPS_A_PENNY;
  const decimals = String(steps % aPound)
    .padStart(PRICE_POUND_DECIMALS, '0')
    .replace(/0+$/, '')
    .padEnd(2, '0');
  return [Math.floor(steps / aPound), decimals];
}

const sign = (pence: number) => (pence < 0 ? '-' : '');
const thousands = (pounds: number) => String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
