/**
 * Reasons that are reasons. Wherever the service asks a person why (a comparison waiver, an equality
 * impact note, a rationale, a withdrawal, a final budget that differs), the answer goes on the public
 * record and is read by a scrutiny committee, so " ", a zero-width space, a tab or "." will not do.
 *
 * One rule, used everywhere a reason is asked: take away white space (Unicode's White_Space) and
 * invisible characters (format and control characters, and what Unicode says may be ignored) from
 * both ends; what is left must hold at least REASON_MINIMUM.words words of two or more letters and
 * REASON_MINIMUM.letters letters in all. The reason is kept as trimmed.
 */

import { DomainError } from './errors.js';

export const REASON_MINIMUM = { words: 2, letters: 10 } as const;

const INVISIBLE_AT_ENDS =
  /^[\p{White_Space}\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]+|[\p{White_Space}\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]+$/gu;
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]/gu;
/**
 * A word: letters (with their marks), possibly joined by an apostrophe or hyphen. Modifier letters (a
 * kashida, a length mark) lengthen a word but are no letter of their own: a line of them says nothing.
 */
const WORD = /[\p{Lu}\p{Ll}\p{Lt}\p{Lo}][\p{L}\p{M}]*(?:['’-][\p{Lu}\p{Ll}\p{Lt}\p{Lo}][\p{L}\p{M}]*)*/gu;
const LETTER = /[\p{Lu}\p{Ll}\p{Lt}\p{Lo}]/gu;

/** The reason as it is kept, or a DomainError naming the field when it says nothing. */
export function requireReason(value: string, pointer: string, what = 'the reason'): string {
  const trimmed = value.replace(INVISIBLE_AT_ENDS, '');
  const words = trimmed.replace(INVISIBLE, '').match(WORD) ?? [];
  const letters = words.join('').match(LETTER)?.length ?? 0;
  const realWords = words.filter((w) => (w.match(LETTER)?.length ?? 0) >= 2).length;
  if (realWords < REASON_MINIMUM.words || letters < REASON_MINIMUM.letters)
    throw new DomainError(
      'invalid',
      'reason_required',
      `Write ${what} in words: at least ${REASON_MINIMUM.words} words and ${REASON_MINIMUM.letters} letters (this has ${realWords} and ${letters}, once spaces and invisible characters are left out).`,
      pointer,
    );
  return trimmed;
}

/** An optional reason: absent stays absent, given must be a reason. */
export function optionalReason(value: string | undefined, pointer: string, what?: string): string | undefined {
  return value === undefined ? undefined : requireReason(value, pointer, what);
}
