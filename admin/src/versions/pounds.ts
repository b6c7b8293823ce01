/** Money typed in pounds and kept in pence, as policies store it. */

import { parsePounds } from '../../../engine/cohort/pounds.js';
import { plainPounds } from '../../../engine/words/money.js';

/** Pounds as typed to pence (the engine's parsePounds), or what to write instead, in the form's words. */
export function poundsToPence(text: string, decimals: number): number | string {
  const parsed = parsePounds(text, decimals);
  if ('pence' in parsed) return parsed.pence;
  if (parsed.problem !== 'too-many-decimals') return 'Write an amount in pounds, such as 160 or £160.50';
  return decimals === 2 ? 'Pounds have at most two decimals (pence)' : `Give at most ${decimals} decimals of a pound`;
}

/** Pence as pounds to type over: 16000 -> "160.00", 488.3417 -> "4.883417". */
export function penceToPoundsText(pence: unknown): string {
  if (typeof pence !== 'number') return pence === undefined || pence === null ? '' : String(pence);
  return plainPounds(pence);
}

/**
 * A field's validation message as a person reads it. react-admin hands an input's own validator message back
 * wrapped for its translator ('@@react-admin@@{"message":…,"args":{}}'); a plain input shows the words alone.
 */
export function validationWords(error: string | undefined): string | undefined {
  const WRAPPED = '@@react-admin@@';
  if (!error?.startsWith(WRAPPED)) return error;
  try {
    const inner = JSON.parse(error.slice(WRAPPED.length)) as unknown;
    if (typeof inner === 'string') return inner;
    const message = (inner as { message?: unknown } | null)?.message;
    return typeof message === 'string' ? message : 'Check this amount.';
  } catch {
    return 'Check this amount.';
  }
}
