/**
 * Money is whole pence throughout (engine/money.ts): integer division with the three rounding modes,
 * decimals from the policy scaled to exact integers, and pence shown as £1,234.56.
 */

import { describe, expect, it } from 'vitest';
import { formatPence, formatPrice, plainPounds } from '../../engine/index.js';
import { divideRounding, fromMilli, toScaled } from '../../engine/money.js';

describe('formatPence', () => {
  const cases: Array<[number, string]> = [
    [0, '£0.00'],
    [5, '£0.05'],
    [99, '£0.99'],
    [100, '£1.00'],
    [123456, '£1,234.56'],
    [100000, '£1,000.00'],
    [99999, '£999.99'],
    [100000000, '£1,000,000.00'],
    [-150, '-£1.50'],
  ];
  it.each(cases)('shows %i pence as %s', (pence, text) => {
    expect(formatPence(pence)).toBe(text);
  });
});

describe('formatPrice', () => {
  // A price per point is exact to four decimal places of a penny, so six of a pound: pence ÷ 100, every digit kept.
  const cases: Array<[number, string]> = [
    [488, '£4.88'],
    [488.3417, '£4.883417'],
    [501.5, '£5.015'],
    [610.0277, '£6.100277'],
    [0.0001, '£0.000001'],
    [123_456.7891, '£1,234.567891'],
    [1_000_000, '£10,000.00'],
  ];
  it.each(cases)('shows %d pence as %s', (pence, text) => {
    expect(formatPrice(pence)).toBe(text);
  });
});

describe('plainPounds', () => {
  const cases: Array<[number, string]> = [
    [16_000, '160.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [123_456, '1234.56'],
    [488.3417, '4.883417'],
  ];
  it.each(cases)('writes %d pence as %s, without a £ or separators', (pence, text) => {
    expect(plainPounds(pence)).toBe(text);
  });
});

describe('divideRounding', () => {
  const cases: Array<[number, number, 'up' | 'down' | 'half-up', number]> = [
    // 7 ÷ 2 = 3.5: exactly half
    [7, 2, 'half-up', 4],
    [7, 2, 'up', 4],
    [7, 2, 'down', 3],
    // 5 ÷ 3 = 1.67
    [5, 3, 'half-up', 2],
    [5, 3, 'up', 2],
    [5, 3, 'down', 1],
    // 4 ÷ 3 = 1.33
    [4, 3, 'half-up', 1],
    [4, 3, 'up', 2],
    [4, 3, 'down', 1],
    // 6 ÷ 3 = 2 exactly: no mode moves it
    [6, 3, 'half-up', 2],
    [6, 3, 'up', 2],
    [6, 3, 'down', 2],
    // 0 ÷ 7 = 0
    [0, 7, 'up', 0],
    // 8 522 500 ÷ 1 000 = 8 522.5 (17.5 points × 487p in thousandths)
    [8_522_500, 1000, 'half-up', 8523],
  ];
  it.each(cases)('%i ÷ %i rounded %s is %i', (n, d, mode, q) => {
    expect(divideRounding(n, d, mode)).toBe(q);
  });

  it('refuses what it cannot divide exactly', () => {
    expect(() => divideRounding(-1, 2, 'up')).toThrow(/safe non-negative integers/);
    expect(() => divideRounding(1.5, 2, 'up')).toThrow(/safe non-negative integers/);
    expect(() => divideRounding(1, 0, 'up')).toThrow(/safe non-negative integers/);
    expect(() => divideRounding(2 ** 53, 2, 'up')).toThrow(/safe non-negative integers/);
  });
});

describe('toScaled', () => {
  const cases: Array<[number, number, number | null]> = [
    // weeksPerYear 52.1429 in ten-thousandths
    [52.1429, 4, 521429],
    // a weight of 0.333 in thousandths
    [0.333, 3, 333],
    // 33.33% in hundredths
    [33.33, 2, 3333],
    // 7.5 hours in hundredths
    [7.5, 2, 750],
    // a fourth decimal is too many for a weight
    [0.3333, 3, null],
    // a third decimal is too many for a percentage
    [2.125, 2, null],
  ];
  it.each(cases)('scales %d to %i places as %s', (value, places, scaled) => {
    expect(toScaled(value, places)).toBe(scaled);
  });
});

describe('fromMilli', () => {
  it('turns thousandths of a point back into points', () => {
    // 9 990 thousandths = 9.99 points
    expect(fromMilli(9990)).toBe(9.99);
    expect(fromMilli(24500)).toBe(24.5);
  });
});
