/**
 * The person and the questionnaire (rules/README.md steps 1–2): age is the given age, or whole years from
 * dateOfBirth to the assessment date (a 29 February birthday falls on 1 March in other years). The
 * questionnaire is the one whose appliesTo holds the age (minAge to maxAge, both included) and client group.
 */

import { describe, expect, it } from 'vitest';
import { evaluate, type Assessment, type Policy, type Questionnaire } from '../../engine/index.js';
import { ageOn } from '../../engine/dates.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { lineOf } from '../support/scoring-policy.js';
import { thrown } from '../support/thrown.js';

const questions = basePolicy().questionnaires[0]!.questions;
const questionnaire = (id: string, label: string, appliesTo: Questionnaire['appliesTo']): Questionnaire => ({
  id,
  label,
  appliesTo,
  questions,
});

const policy: Policy = basePolicy({
  clientGroups: [
    { id: 'physical-disability', label: 'Physical disability' },
    { id: 'learning-disability', label: 'Learning disability' },
  ],
  questionnaires: [
    questionnaire('children', 'Children 0 to 17', { minAge: 0, maxAge: 17 }),
    questionnaire('adults', 'Adults 18 to 64', { minAge: 18, maxAge: 64, clientGroups: ['physical-disability'] }),
    questionnaire('older', 'Older people 65 and over', { minAge: 65, clientGroups: ['physical-disability'] }),
    questionnaire('ld-adults', 'Adults with a learning disability', { minAge: 18, clientGroups: ['learning-disability'] }),
  ],
});

/** An assessment giving a date of birth instead of an age. */
function bornOn(dateOfBirth: string, assessmentDate: string): Assessment {
  const { age: _age, ...rest } = baseAssessment({ clientGroup: 'physical-disability', assessmentDate });
  return { ...rest, dateOfBirth };
}

describe('age from date of birth', () => {
  it('counts a birthday on the assessment date: 18 today', () => {
    const result = evaluate(policy, bornOn('2000-06-01', '2018-06-01'));
    // 2018-06-01 − 2000-06-01: birthday today → 18 → 'adults' (18–64)
    expect(lineOf(result, 'person')).toEqual({
      step: 'person',
      asOf: '2018-06-01',
      age: 18,
      ageFrom: 'date-of-birth',
      clientGroup: 'physical-disability',
      clientGroupLabel: 'Physical disability',
      questionnaire: 'adults',
      questionnaireLabel: 'Adults 18 to 64',
    });
    expect(result.person).toEqual({ reference: 'T-0001', age: 18, clientGroup: 'physical-disability', questionnaire: 'adults' });
  });

  it('does not count a birthday tomorrow: still 17', () => {
    const result = evaluate(policy, bornOn('2000-06-02', '2018-06-01'));
    // 18th birthday is 2018-06-02, the day after → 17 → 'children' (0–17)
    expect(lineOf(result, 'person')).toMatchObject({ age: 17, ageFrom: 'date-of-birth', questionnaire: 'children' });
  });

  it('takes the age at the assessment date, not at the asOf date', () => {
    const result = evaluate(policy, bornOn('2000-06-02', '2018-06-01'), { asOf: '2019-01-01' });
    // on 2018-06-01 the person is 17, whatever date uplifts are judged on
    expect(lineOf(result, 'person')).toMatchObject({ asOf: '2019-01-01', age: 17, questionnaire: 'children' });
  });

  describe('a 29 February birthday falls on 1 March in other years', () => {
    const leapling: Array<[string, number, string]> = [
      // 2018 has no 29 February: on 28 February the 18th birthday has not come → 17
      ['2018-02-28', 17, 'children'],
      // 1 March 2018 is the birthday → 18
      ['2018-03-01', 18, 'adults'],
      // 2016 is a leap year: 29 February 2016 is the 16th birthday → 16
      ['2016-02-29', 16, 'children'],
      // the day before, 28 February 2016 → 15
      ['2016-02-28', 15, 'children'],
    ];
    it.each(leapling)('born 29 February 2000, assessed %s, is %i', (assessmentDate, age, questionnaireId) => {
      const result = evaluate(policy, bornOn('2000-02-29', assessmentDate));
      expect(lineOf(result, 'person')).toMatchObject({ age, ageFrom: 'date-of-birth', questionnaire: questionnaireId });
      expect(ageOn('2000-02-29', assessmentDate)).toBe(age);
    });
  });

  it('is 0 on the day of birth', () => {
    // same day → 0 whole years
    expect(ageOn('2010-06-01', '2010-06-01')).toBe(0);
  });

  it('rejects a date of birth after the assessment date', () => {
    expect(thrown(() => evaluate(policy, bornOn('2018-06-02', '2018-06-01')))).toMatchObject({
      name: 'AssessmentInvalidError',
      issues: [expect.objectContaining({ code: 'born_after_assessment' })],
    });
  });
});

describe('questionnaire selection', () => {
  // [age, client group, questionnaire]
  const cases: Array<[number, string, string]> = [
    // 17 ≤ 17 → children (any client group)
    [17, 'learning-disability', 'children'],
    // 18 ≥ 18 and physical disability → adults
    [18, 'physical-disability', 'adults'],
    // 64 ≤ 64 → adults, both ends included
    [64, 'physical-disability', 'adults'],
    // 65 → older
    [65, 'physical-disability', 'older'],
    // 65 with a learning disability → ld-adults (18+), by client group
    [65, 'learning-disability', 'ld-adults'],
    // 40 with a learning disability → ld-adults
    [40, 'learning-disability', 'ld-adults'],
  ];
  it.each(cases)('gives age %i in %s the %s questionnaire', (age, clientGroup, id) => {
    const result = evaluate(policy, baseAssessment({ age, clientGroup }));
    expect(lineOf(result, 'person')).toMatchObject({ age, ageFrom: 'age', clientGroup, questionnaire: id });
    expect(result.person.questionnaire).toBe(id);
  });

  it('accepts an assessment that names the questionnaire that matches', () => {
    const result = evaluate(policy, baseAssessment({ age: 70, clientGroup: 'physical-disability', questionnaire: 'older' }));
    expect(lineOf(result, 'person')).toMatchObject({ questionnaire: 'older', questionnaireLabel: 'Older people 65 and over' });
  });

  it('rejects an assessment that names a questionnaire other than the one that matches', () => {
    expect(
      thrown(() => evaluate(policy, baseAssessment({ age: 70, clientGroup: 'physical-disability', questionnaire: 'adults' }))),
    ).toMatchObject({
      name: 'AssessmentInvalidError',
      issues: [expect.objectContaining({ code: 'questionnaire_mismatch', params: { questionnaire: 'adults', expected: 'older' } })],
    });
  });

  it('rejects a client group the policy does not declare', () => {
    expect(thrown(() => evaluate(policy, baseAssessment({ age: 70, clientGroup: 'older-people' })))).toMatchObject({
      name: 'AssessmentInvalidError',
      issues: [expect.objectContaining({ code: 'unknown_client_group' })],
    });
  });
});
