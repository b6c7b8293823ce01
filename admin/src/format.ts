/** Money, numbers, shares, periods, rounding and dates in words, as the whole console writes them. */

import { isIsoDate, longDate as dateInWords } from '../../engine/dates';
import { formatPence as enginePence } from '../../engine/money';

const wholePounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const numbers = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
const percents = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

/** Whole pence as pounds, as the engine writes them in every explanation and letter: 36300 -> "£363.00". */
export const formatPence = (pence: number): string => enginePence(pence);
/** 123456 -> "£1,235" (for axes and large totals). */
export const formatWholePounds = (pence: number): string => wholePounds.format(Math.round(pence / 100));
/** A signed change: "+£12.00", "−£3.50", "£0.00". */
export const formatChange = (pence: number): string => (pence > 0 ? '+' : pence < 0 ? '−' : '') + enginePence(Math.abs(pence));
export const formatNumber = (n: number): string => numbers.format(n);
/** 0.125 -> "12.5%". */
export const formatShare = (share: number): string => percents.format(share);
/** Pence with up to four decimals, as a price: 488 -> "£4.88", 501.5 -> "£5.015". */
export const formatPrice = (pence: number): string => {
  const text = (pence / 100).toFixed(6).replace(/0+$/, '');
  const [whole, decimals = ''] = text.split('.');
  return `£${Number(whole).toLocaleString('en-GB')}.${decimals.padEnd(2, '0')}`;
};

export const periodWord: Record<string, string> = { week: 'a week', month: 'a month', year: 'a year' };
export const periodNoun: Record<string, string> = { week: 'weekly', month: 'monthly', year: 'annual' };

export const roundingWords = (unit: string, mode: string): string => {
  const to = unit === 'pound' ? 'the whole pound' : 'the penny';
  return mode === 'up'
    ? `rounded up to ${to}`
    : mode === 'down'
      ? `rounded down to ${to}`
      : `rounded to the nearest ${unit === 'pound' ? 'pound' : 'penny'} (halves up)`;
};

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
