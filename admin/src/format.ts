/**
 * Money, numbers, shares and dates in words, as the whole console writes them. Money, prices, periods and
 * the policy's parts are the engine's own words (engine/words/), so the console says them as every
 * explanation and letter does.
 */

import { isIsoDate, longDate as dateInWords } from '../../engine/dates';
import { formatPence } from '../../engine/words/money';

// Whole pence as pounds ("£363.00"), and a price exact to the places of a penny a policy may state ("£4.883417").
export { formatPence, formatPrice } from '../../engine/words/money';

const wholePounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const numbers = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
const percents = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

/** 123456 -> "£1,235" (for axes and large totals). */
export const formatWholePounds = (pence: number): string => wholePounds.format(Math.round(pence / 100));
/** A signed change: "+£12.00", "−£3.50", "£0.00". */
export const formatChange = (pence: number): string => (pence > 0 ? '+' : pence < 0 ? '−' : '') + formatPence(Math.abs(pence));
export const formatNumber = (n: number): string => numbers.format(n);
/** 0.125 -> "12.5%". */
export const formatShare = (share: number): string => percents.format(share);
/**
 * A date in words, "1 June 2010", whatever the browser's language: the engine's own words for a calendar
 * date; a moment (a timestamp) is said as the day it fell on where the reader is.
 */
export const formatDate = (iso: string | null | undefined): string => {
  if (!iso) return '';
  if (isIsoDate(iso)) return dateInWords(iso);
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateInWords(localDay(d));
};

/** A date in words, or a dash where there is none. */
export const longDate = (iso: string | null | undefined): string => formatDate(iso) || '–';

/** A moment as the reader's day and time: "3 Dec 2026, 14:05"; a dash where there is none. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}, ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}

export const todayIso = (): string => localDay(new Date());

/** The calendar day of a moment where the reader is, YYYY-MM-DD. */
const localDay = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
