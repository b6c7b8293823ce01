/** Money typed in pounds and kept in pence, as policies store it. */

/** Pounds as typed to pence, reading the digits (no float multiplication), or why it is not an amount. */
export function poundsToPence(text: string, decimals: number): number | string {
  const match = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return 'Write an amount in pounds, such as 160 or £160.50';
  const [, whole, fraction = ''] = match;
  if (fraction.length > decimals)
    return decimals === 2 ? 'Pounds have at most two decimals (pence)' : `Give at most ${decimals} decimals of a pound`;
  const scaled = Number(`${whole!.replaceAll(',', '')}${fraction.padEnd(decimals, '0')}`);
  // Whole pence exactly; a price's part pence as the nearest number, as the policy's JSON holds it.
  return decimals === 2 ? scaled : scaled / 10 ** (decimals - 2);
}

/** Pence as pounds to type over: 16000 -> "160.00", 488.3417 -> "4.883417". */
export function penceToPoundsText(pence: unknown): string {
  if (typeof pence !== 'number') return pence === undefined || pence === null ? '' : String(pence);
  const text = (pence / 100).toFixed(6).replace(/0+$/, '');
  const [whole, decimals = ''] = text.split('.');
  return `${whole}.${decimals.padEnd(2, '0')}`;
}
