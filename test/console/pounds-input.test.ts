/**
 * Pounds typed into a policy's form: what cannot be read as pounds is said in words under the field, never
 * as react-admin's wrapped message ('@@react-admin@@{"message":…}').
 */

import { describe, expect, it } from 'vitest';
import { penceToPoundsText, poundsToPence, validationWords } from '../../admin/src/versions/pounds';

describe('a bad pounds entry', () => {
  it('is told how to write pounds, in plain words', () => {
    const problem = poundsToPence('five pounds', 2);
    expect(problem).toBe('Write an amount in pounds, such as 160 or £160.50');
    // What react-admin gives the field back for that message, and what the field shows.
    const wrapped = `@@react-admin@@${JSON.stringify({ message: problem, args: {} })}`;
    expect(validationWords(wrapped)).toBe('Write an amount in pounds, such as 160 or £160.50');
    expect(validationWords('@@react-admin@@"Pounds have at most two decimals (pence)"')).toBe('Pounds have at most two decimals (pence)');
    expect(validationWords('@@react-admin@@{not json')).toBe('Check this amount.');
    expect(validationWords(undefined)).toBeUndefined();
    expect(validationWords('Enter the price.')).toBe('Enter the price.');
  });

  it('reads good pounds as pence, and shows pence as pounds to type over', () => {
    expect(poundsToPence('£160.50', 2)).toBe(16_050);
    expect(poundsToPence('4.883417', 6)).toBe(488.3417);
    expect(poundsToPence('160.505', 2)).toBe('Pounds have at most two decimals (pence)');
    expect(penceToPoundsText(16_000)).toBe('160.00');
  });
});
