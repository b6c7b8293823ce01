/** Money as spreadsheets write it: pounds in, whole pence stored, pounds out again. */

/**
 * Pounds as written by people and spreadsheets ("12345.67", "£12,345.67", "12,345") to whole pence,
 * by reading the digits: no float multiplication, so 0.29 is 29p, never 28.999…
 * Returns a reason instead when the text is not an amount of money with at most two decimals.
 */
export function parsePounds(text: string): { pence: number } | { reason: string } {
  const trimmed = text.trim();
  const match = /^(-)?£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (!match) return { reason: `'${text}' is not an amount in pounds: write it like 12345.67 or £12,345.67` };
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > 2) return { reason: `'${text}' has ${fraction.length} decimal places: pounds have at most 2 (pence)` };
  if (minus) return { reason: `'${text}' is negative: an amount of money here is 0 or more` };
  const pounds = Number(whole!.replaceAll(',', ''));
  const pence = pounds * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(pence)) return { reason: `'${text}' is too large to be an amount of money here` };
  return { pence };
}

/** Whole pence as plain pounds for a spreadsheet: 123456 -> "1234.56", -5 -> "-0.05". */
export function penceToPounds(pence: number): string {
  const abs = Math.abs(pence);
  return `${pence < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
