/** Money as spreadsheets and people write it, read to pence; words/money.ts (plainPounds) writes it out again. */

/** Why a text is not an amount of money, for callers that word it their own way. */
export type PoundsProblem = 'not-pounds' | 'too-many-decimals' | 'negative' | 'too-large';

/**
 * Pounds as written by people and spreadsheets ("12345.67", "£12,345.67", "12,345", "160.") to pence, by
 * reading the digits: no float multiplication, so 0.29 is 29p, never 28.999…. Pounds have at most two
 * decimals; a price may allow more (`decimals`: PRICE_POUND_DECIMALS for a price per point, which is then
 * the nearest number to that many pence, as the policy's JSON holds it).
 * Returns a reason instead when the text is not an amount of money.
 */
export function parsePounds(text: string, decimals = 2): { pence: number } | { reason: string; problem: PoundsProblem } {
  const plain = decimals === 2 ? plainPence(text) : null;
  if (plain !== null) return { pence: plain };
  const trimmed = text.trim();
  const match = /^(-)?£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(trimmed);
  if (!match) return { reason: `'${text}' is not an amount in pounds: write it like 12345.67 or £12,345.67`, problem: 'not-pounds' };
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > decimals)
    return {
      reason: `'${text}' has ${fraction.length} decimal places: ${decimals === 2 ? 'pounds have at most 2 (pence)' : `at most ${decimals} here`}`,
      problem: 'too-many-decimals',
    };
  if (minus) return { reason: `'${text}' is negative: an amount of money here is 0 or more`, problem: 'negative' };
  const scaled = Number(`${whole!.replaceAll(',', '')}${fraction.padEnd(decimals, '0')}`);
  if (!Number.isSafeInteger(scaled)) return { reason: `'${text}' is too large to be an amount of money here`, problem: 'too-large' };
  return { pence: decimals === 2 ? scaled : scaled / 10 ** (decimals - 2) };
}

/**
 * The common case read digit by digit: "24457.30", "160" or "0.5", digits only with at most two
 * decimals, short enough that the pence are exact. Anything else (a £, commas, spaces, a sign, more
 * decimals) is left to the full reading, which also words what is wrong.
 */
function plainPence(text: string): number | null {
  const n = text.length;
  if (n === 0 || n > 13) return null;
  let whole = 0;
  let i = 0;
  for (; i < n; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    whole = whole * 10 + digit;
  }
  if (i === 0) return null;
  if (i === n) return whole * 100;
  if (text.charCodeAt(i) !== 46 || n - i - 1 > 2) return null;
  let fraction = 0;
  for (let j = i + 1; j < n; j++) {
    const digit = text.charCodeAt(j) - 48;
    if (digit < 0 || digit > 9) return null;
    fraction = fraction * 10 + digit;
  }
  return whole * 100 + (n - i - 1 === 1 ? fraction * 10 : fraction);
}
