/** The Compare page's template CSV for a version: the columns the reader expects, and it imports as it is. */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cohortTemplateCsv, cohortTemplateName } from '../../admin/src/compare/cohortTemplate.js';
import { compilePolicy, decodePerson, importCohortCsv } from '../../engine/index.js';
import type { Policy } from '../../engine/policy.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const PILOT = JSON.parse(readFileSync(`${ROOT}rules/examples/adult-ras/2009-pilot/policy.json`, 'utf8')) as Policy;

describe('cohortTemplateCsv', () => {
  const text = cohortTemplateCsv(PILOT);
  const [header, example, ...rest] = text.split('\r\n');

  it('names the fixed columns, then every question of the version once, in id order', () => {
    const questions = PILOT.questionnaires.flatMap((q) => q.questions.map((x) => x.id));
    expect(questions).toHaveLength(18);
    expect(header!.split(',')).toEqual([
      'ref',
      'clientGroup',
      'ageBand',
      'carerWilling',
      'carerAble',
      'carerSupportLevel',
      'carerImpact',
      'currentAnnualCost',
      ...[...questions].sort(),
    ]);
    expect(header!.split(',')).toHaveLength(26);
    // One example person, and the file ends with its line end.
    expect(example!.split(',')).toHaveLength(26);
    expect(example!.startsWith('EXAMPLE-1,')).toBe(true);
    expect(rest).toEqual(['']);
  });

  it('imports back as it is, checked against the version: one person', () => {
    const result = importCohortCsv(text, { name: 'Template', policies: [compilePolicy(PILOT)] });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.cohort.size).toBe(1);
    const person = decodePerson(result.cohort, 0);
    // The first questionnaire (adults, from 18, every client group): the first client group, ages 18 and over,
    // and each question's answer of fewest points.
    expect(PILOT.questionnaires[0]!.appliesTo).toEqual({ minAge: 18 });
    expect(person).toMatchObject({ ref: 'EXAMPLE-1', clientGroup: 'older-people', ageBand: '18+' });
    expect(person.answers['pc-washing']).toBe('independent');
    expect(Object.keys(person.answers)).toHaveLength(18);
  });

  it('is named for the scheme and version it fits', () => {
    expect(cohortTemplateName('adult-ras', '2009-pilot')).toBe('adult-ras-2009-pilot-cohort-template.csv');
  });
});
