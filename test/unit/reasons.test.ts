/**
 * Reasons that are reasons: a waiver, an equality impact note, a rationale, a withdrawal or a final
 * budget's reason holds at least two words and ten letters once white space and invisible characters
 * are taken away, and is kept without what surrounded it.
 */

import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/domain/errors.js';
import { optionalReason, REASON_MINIMUM, requireReason } from '../../server/domain/reasons.js';

const refusal = (value: string) => {
  try {
    requireReason(value, '/comparisonWaiver');
  } catch (e) {
    return e as DomainError;
  }
  throw new Error(`${JSON.stringify(value)} was accepted`);
};

describe('a reason', () => {
  it('asks for two words and ten letters', () => {
    expect(REASON_MINIMUM).toEqual({ words: 2, letters: 10 });
  });

  it.each([
    ['a space', ' '],
    ['a zero-width space', '\u200b'],
    ['a tab', '\t'],
    ['a full stop', '.'],
    ['a no-break space and a word joiner', '\u00a0\u2060'],
    ['a byte-order mark', '\ufeff'],
    ['one long word', 'Unreasonable'],
    ['two short words', 'no op'],
    ['letters spaced by invisible characters', 'a\u200bb\u200bc\u200bd e\u200bf'],
    ['digits and punctuation', '12/34 56-78 !!!'],
    ['Arabic kashidas (modifier letters)', 'ــ ــــــــــ'],
    ["N'Ko lajanyalan (modifier letters)", '\u07fa\u07fa \u07fa\u07fa\u07fa\u07fa\u07fa\u07fa\u07fa\u07fa'],
  ])('is refused when it is %s, naming the field and the rule', (_, value) => {
    const e = refusal(value);
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ kind: 'invalid', code: 'reason_required', pointer: '/comparisonWaiver' });
    expect(e.message).toMatch(/at least 2 words and 10 letters/);
  });

  it('counts letters of any script, with their marks, and words joined by an apostrophe or hyphen', () => {
    expect(requireReason('Cyngor Sir Ddinbych', '/rationale')).toBe('Cyngor Sir Ddinbych');
    expect(requireReason('Ce n’est qu’un début', '/rationale')).toBe('Ce n’est qu’un début');
    expect(requireReason('ميزانية شخصية جديدة', '/rationale')).toBe('ميزانية شخصية جديدة');
    // "re-assessed" is one word; "everyone" another: two words, 18 letters.
    expect(requireReason('everyone re-assessed', '/rationale')).toBe('everyone re-assessed');
  });

  it('is kept without the white space and invisible characters around it, and with those inside it', () => {
    expect(requireReason('\u200b\t No comparison: a new scheme.\u00a0\ufeff\n', '/x')).toBe('No comparison: a new scheme.');
  });

  it('may be left out where it is optional, but not given blank', () => {
    expect(optionalReason(undefined, '/reason')).toBeUndefined();
    expect(() => optionalReason(' ', '/reason')).toThrow(DomainError);
  });
});
