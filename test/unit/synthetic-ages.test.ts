/** The synthetic cohort's ages are plausible for each client group: older people are 65 and over. */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePolicy, syntheticPeople } from '../../engine/index.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const policy = (path: string) => compilePolicy(JSON.parse(readFileSync(`${ROOT}rules/examples/${path}/policy.json`, 'utf8')));

describe('syntheticPeople: ages by client group', () => {
  const people = [...syntheticPeople(policy('adult-ras/2009-pilot'), { size: 2_000, seed: 3 })];

  it('draws older people from 65 to 95 only, in the bands from 65-74', () => {
    const older = people.filter((p) => p.person.clientGroup === 'older-people');
    expect(older.length).toBeGreaterThan(300);
    expect(Math.min(...older.map((p) => p.age))).toBeGreaterThanOrEqual(65);
    expect(Math.max(...older.map((p) => p.age))).toBeLessThanOrEqual(95);
    expect(new Set(older.map((p) => p.person.ageBand))).toEqual(new Set(['65-74', '75-84', '85+']));
  });

  it("draws other adults over the questionnaire's whole range, from 18", () => {
    const others = people.filter((p) => p.person.clientGroup !== 'older-people');
    expect(Math.min(...others.map((p) => p.age))).toBe(18);
    expect(new Set(others.map((p) => p.person.ageBand))).toEqual(new Set(['18-24', '25-44', '45-64', '65-74', '75-84', '85+']));
  });

  it('is reproducible: the same seed gives the same people', () => {
    const again = [...syntheticPeople(policy('adult-ras/2009-pilot'), { size: 2_000, seed: 3 })];
    expect(again).toEqual(people);
  });
});
