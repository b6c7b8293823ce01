/**
 * Money in the console's forms is typed in pounds and kept in pence, as policies store it: read from
 * the digits, never by float multiplication, and shown back as pounds to type over.
 */

import { describe, expect, it } from 'vitest';
import { penceToPoundsText, poundsToPence } from '../../admin/src/versions/pounds.js';

describe('pounds typed in a form', () => {
  it('become whole pence for an amount: 160 is 16000, £1,234.5 is 123450, 0.29 is 29 (not 28.999…)', () => {
    expect(poundsToPence('160', 2)).toBe(16_000);
    expect(poundsToPence('£1,234.5', 2)).toBe(123_450);
    expect(poundsToPence(' 0.29 ', 2)).toBe(29);
    expect(poundsToPence('160.', 2)).toBe(16_000);
  });

  it('keep a price per point exact to a ten-thousandth of a penny: £4.883417 is 488.3417p', () => {
    expect(poundsToPence('4.883417', 6)).toBe(488.3417);
    expect(poundsToPence('5.10', 6)).toBe(510);
  });

  it('say how to write an amount that is not one, in words', () => {
    expect(poundsToPence('160 a week', 2)).toBe('Write an amount in pounds, such as 160 or £160.50');
    expect(poundsToPence('-5', 2)).toBe('Write an amount in pounds, such as 160 or £160.50');
    expect(poundsToPence('1.234', 2)).toBe('Pounds have at most two decimals (pence)');
    expect(poundsToPence('1.2345678', 6)).toBe('Give at most 6 decimals of a pound');
  });

  it('show pence as pounds to type over', () => {
    expect(penceToPoundsText(16_000)).toBe('160.00');
    expect(penceToPoundsText(488.3417)).toBe('4.883417');
    expect(penceToPoundsText(5)).toBe('0.05');
    expect(penceToPoundsText(undefined)).toBe('');
  });
});
