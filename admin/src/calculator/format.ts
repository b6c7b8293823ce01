/** Money and wording helpers shared by the calculator, the comparison and the published RAS. */

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const wholePounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const numbers = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
const percents = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

/** 123456 -> "£1,234.56"; a negative amount keeps its minus sign. */
export const formatPence = (pence: number): string => pounds.format(pence / 100);
/** 123456 -> "£1,235" (for axes and large totals). */
export const formatWholePounds = (pence: number): string => wholePounds.format(Math.round(pence / 100));
/** A signed change: "+£12.00", "−£3.50", "£0.00". */
export const formatChange = (pence: number): string => (pence > 0 ? '+' : pence < 0 ? '−' : '') + pounds.format(Math.abs(pence) / 100);
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

/** A calendar date in words: "1 June 2010". */
export const formatDate = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
};

export const todayIso = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
