/** Storing an encoded cohort: columns as base64 round-trip exactly, compactly, and damage is refused. */

import { describe, expect, it } from 'vitest';
import { compilePolicy, decodePerson, encodeCohort, syntheticPeople, type CohortPerson } from '../../../engine/index.js';
import { deserializeCohort, serializeCohort } from '../../../server/store/cohort-columns.js';
import { exampleVersions } from '../../support/examples.js';
import { who, willingAndAble } from '../../support/cohort-people.js';

const adult = exampleVersions().find((v) => v.scheme === 'adult-ras')!;
const generated = (size: number): CohortPerson[] =>
  [...syntheticPeople(compilePolicy(adult.policy), { size, seed: 11 })].map((p) => p.person);

describe('a stored cohort', () => {
  it('gives back every person exactly, carer, current cost and all', () => {
    const people = [
      who('A', 'older-people', '65-74', 'some', 'some', { currentAnnualCostPence: 380_640 }),
      who('B', 'learning-disability', '85+', 'na', undefined, { carer: { ...willingAndAble('high'), ableToContinue: false } }),
      who('C', 'older-people', '18-24', 'lots', 'high', { carer: willingAndAble('low'), currentAnnualCostPence: 0 }),
    ];
    const cohort = encodeCohort(people);
    const back = deserializeCohort(JSON.parse(JSON.stringify(serializeCohort(cohort))));
    expect(back.size).toBe(3);
    for (let i = 0; i < 3; i++) expect(decodePerson(back, i)).toEqual(people[i]);
    expect([...back.clientGroupOf]).toEqual([...cohort.clientGroupOf]);
    expect([...back.currentAnnualCostPence]).toEqual([380_640, NaN, 0]);
  });

  it('round-trips ten thousand generated people, person by person', () => {
    const people = generated(10_000);
    const cohort = encodeCohort(people);
    const stored = JSON.parse(JSON.stringify(serializeCohort(cohort)));
    const back = deserializeCohort(stored);
    expect(back.size).toBe(10_000);
    for (let i = 0; i < back.size; i++) {
      if (JSON.stringify(decodePerson(back, i)) !== JSON.stringify(people[i])) expect(decodePerson(back, i)).toEqual(people[i]);
    }
    expect(back.columns.map((c) => c.questionId)).toEqual(cohort.columns.map((c) => c.questionId));
  });

  it('is much smaller as JSON than the list of people', () => {
    const people = generated(10_000);
    const columns = JSON.stringify(serializeCohort(encodeCohort(people))).length;
    const plain = JSON.stringify(people).length;
    // 18 answers a person as "question":"answer" text, against two bytes a column in base64
    expect(columns * 3).toBeLessThan(plain);
  });

  it('an empty cohort round-trips', () => {
    const back = deserializeCohort(serializeCohort(encodeCohort([])));
    expect(back.size).toBe(0);
    expect(back.columns).toEqual([]);
  });

  it('a column of the wrong length is refused, naming the column and both lengths', () => {
    const stored = serializeCohort(
      encodeCohort([who('A', 'older-people', '65-74', 'some', 'some'), who('B', 'older-people', '65-74', 'none', 'none')]),
    );
    // one Uint16 entry instead of two
    const short = Buffer.from(new Uint16Array([0]).buffer).toString('base64');
    expect(() => deserializeCohort({ ...stored, clientGroupOf: short })).toThrow(
      'stored cohort column clientGroupOf has 1 entries, expected 2',
    );
    const columns = stored.columns.map((c, k) => (k === 0 ? { ...c, codes: short } : c));
    expect(() => deserializeCohort({ ...stored, columns })).toThrow('stored cohort column washing has 1 entries, expected 2');
    expect(() => deserializeCohort({ ...stored, size: 3 })).toThrow(/has 2 entries, expected 3/);
    const costs = Buffer.from(new Float64Array([1, 2, 3]).buffer).toString('base64');
    expect(() => deserializeCohort({ ...stored, currentAnnualCostPence: costs })).toThrow(
      'stored cohort column currentAnnualCostPence has 3 entries, expected 2',
    );
  });

  it('a column whose bytes do not make whole entries is refused, naming the column', () => {
    const stored = serializeCohort(encodeCohort([who('A', 'older-people', '65-74', 'some', 'some')]));
    const threeBytes = Buffer.from([1, 0, 0]).toString('base64');
    expect(() => deserializeCohort({ ...stored, ageBandOf: threeBytes })).toThrow(/ageBandOf/);
    const nineBytes = Buffer.alloc(9).toString('base64');
    expect(() => deserializeCohort({ ...stored, currentAnnualCostPence: nineBytes })).toThrow(/currentAnnualCostPence/);
  });

  it('an unknown format is refused', () => {
    const stored = serializeCohort(encodeCohort([]));
    expect(() => deserializeCohort({ ...stored, format: 'other' as 'ras-cohort-columns/1' })).toThrow(
      "unknown stored cohort format 'other'",
    );
  });
});
