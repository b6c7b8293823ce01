/**
 * Cohort import: a CSV or JSON cohort is either wholly sound and encoded, or every problem is named
 * with its row (and line, for CSV), field and what would be valid.
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cohortToCsv,
  compilePolicy,
  decodePerson,
  encodeCohort,
  importCohortCsv,
  importCohortJson,
  parsePounds,
  syntheticPeople,
  type CohortPerson,
  type ImportResult,
  type RowIssue,
} from '../../../engine/index.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const policy = (path: string) => compilePolicy(JSON.parse(readFileSync(`${ROOT}rules/examples/${path}/policy.json`, 'utf8')));
const PILOT = policy('adult-ras/2009-pilot');
const REVISED = policy('adult-ras/2010-revised');
const CHILDREN = policy('childrens-ras/2013-revised');

const HEADER = 'ref,clientGroup,ageBand,carerWilling,carerAble,carerSupportLevel,carerImpact,currentAnnualCost,pc-washing,pc-dressing';

function issuesOf(result: ImportResult): RowIssue[] {
  if (result.ok) throw new Error('expected the import to fail');
  return result.issues;
}

function peopleOf(result: ImportResult): CohortPerson[] {
  if (!result.ok) throw new Error(`expected the import to succeed: ${JSON.stringify(result.issues)}`);
  return Array.from({ length: result.cohort.size }, (_, i) => decodePerson(result.cohort, i));
}

const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;

describe('importCohortCsv', () => {
  it('reads a good file: carers, costs in pounds to exact pence, empty cells as unanswered', () => {
    const result = importCohortCsv(
      csv(
        'A-1,older-people,75-84,yes,TRUE,substantial,moderate,"£12,345.67",some-help,prompting',
        'A-2,learning-disability,18-24,,,,,,full-help,',
        'A-3,mental-health,25-44,No,false,regular,high,0.29,independent,independent',
      ),
      { name: 'Pilot sample', description: 'three people', policyId: 'adult-ras', policies: [PILOT] },
    );
    expect(result.ok && result.meta).toEqual({ name: 'Pilot sample', description: 'three people', policyId: 'adult-ras', people: 3 });
    expect(peopleOf(result)).toEqual([
      {
        ref: 'A-1',
        clientGroup: 'older-people',
        ageBand: '75-84',
        answers: { 'pc-washing': 'some-help', 'pc-dressing': 'prompting' },
        carer: { willingToContinue: true, ableToContinue: true, supportLevel: 'substantial', impact: 'moderate' },
        currentAnnualCostPence: 1234567,
      },
      { ref: 'A-2', clientGroup: 'learning-disability', ageBand: '18-24', answers: { 'pc-washing': 'full-help' } },
      // 0.29 × 100 is 28.999… in floating point; read as digits it is 29p.
      {
        ref: 'A-3',
        clientGroup: 'mental-health',
        ageBand: '25-44',
        answers: { 'pc-washing': 'independent', 'pc-dressing': 'independent' },
        carer: { willingToContinue: false, ableToContinue: false, supportLevel: 'regular', impact: 'high' },
        currentAnnualCostPence: 29,
      },
    ]);
  });

  it('reads a BOM, CRLF line ends, quoted commas and quotes, blank lines and loosely named columns', () => {
    const text =
      '\uFEFFRef,Client group,age_band,"pc-washing"\r\n' +
      '"A,1",older-people,85+,"some-help"\r\n\r\n' +
      'A-2,"older-people",65-74,full-help\r\n';
    const result = importCohortCsv(text, { name: 'excel' });
    // "A,1" is read whole (then refused by the ref pattern, which has no commas), on line 2.
    expect(issuesOf(result)).toEqual([expect.objectContaining({ row: 1, line: 2, field: 'ref', code: 'schema_pattern' })]);
    const fixed = importCohortCsv(text.replace('"A,1"', '"A-1"'), { name: 'excel' });
    expect(peopleOf(fixed).map((p) => [p.ref, p.ageBand, p.answers['pc-washing']])).toEqual([
      ['A-1', '85+', 'some-help'],
      ['A-2', '65-74', 'full-help'],
    ]);
  });

  it('gives the line each row starts on, after blank lines and a quoted line break in a CRLF file', () => {
    const text = `${HEADER}\r\n\r\nA-1,older-people,75-84,,,,,"1\r\n2",,\r\nA-2,older-people,74-65,,,,,,,\r\n`;
    expect(issuesOf(importCohortCsv(text, { name: 'x' }))).toEqual([
      expect.objectContaining({ row: 1, line: 3, field: 'currentAnnualCost', code: 'bad_amount' }),
      expect.objectContaining({ row: 2, line: 5, field: 'ageBand', code: 'bad_age_band' }),
    ]);
  });

  it.each([
    ['a bad age band', 'A-1,older-people,74-65,,,,,,some-help,', 'ageBand', 'bad_age_band', "'74-65' is not an age band"],
    ['an age band past 130', 'A-1,older-people,120-140,,,,,,some-help,', 'ageBand', 'bad_age_band', 'at most 130'],
    [
      'an unknown client group',
      'A-1,aliens,75-84,,,,,,some-help,',
      'clientGroup',
      'unknown_client_group',
      "'older-people', 'physical-disability'",
    ],
    [
      'an unknown answer id',
      'A-1,older-people,75-84,,,,,,washy,',
      'pc-washing',
      'unknown_answer',
      "valid answers are 'independent', 'prompting', 'some-help', 'full-help', 'two-people'",
    ],
    [
      'a half-filled carer',
      'A-1,older-people,75-84,yes,,substantial,,,some-help,',
      'carer',
      'incomplete_carer',
      'carerAble, carerImpact are empty',
    ],
    [
      'a carer answer that is not yes or no',
      'A-1,older-people,75-84,maybe,no,substantial,low,,some-help,',
      'carerWilling',
      'bad_boolean',
      'yes, no, true or false',
    ],
    [
      'an unknown carer impact',
      'A-1,older-people,75-84,yes,no,substantial,dire,,some-help,',
      'carerImpact',
      'unknown_impact',
      "'low', 'moderate', 'high', 'critical'",
    ],
    ['a cost with three decimals', 'A-1,older-people,75-84,,,,,12.345,some-help,', 'currentAnnualCost', 'bad_amount', 'at most 2'],
    [
      'a cost that is not a number',
      'A-1,older-people,75-84,,,,,abc,some-help,',
      'currentAnnualCost',
      'bad_amount',
      "'abc' is not an amount in pounds",
    ],
    ['a negative cost', 'A-1,older-people,75-84,,,,,-5.00,some-help,', 'currentAnnualCost', 'bad_amount', 'negative'],
    ['an empty ref', ',older-people,75-84,,,,,,some-help,', 'ref', 'required', 'ref is empty'],
    ['too few cells', 'A-1,older-people,75-84', '', 'column_count', 'the row has 3 values but the heading row names 10 columns'],
  ])('reports %s with its row, line and field', (_, row, field, code, words) => {
    const issues = issuesOf(importCohortCsv(csv('A-0,older-people,65-74,,,,,,independent,', row), { name: 'x', policies: [PILOT] }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 2, line: 3, field, code });
    expect(issues[0]!.message).toContain(words);
  });

  it('reports a duplicate ref on the later row, naming the first', () => {
    const issues = issuesOf(
      importCohortCsv(csv('A-1,older-people,75-84,,,,,,,', 'A-2,older-people,75-84,,,,,,,', 'A-1,older-people,75-84,,,,,,,'), {
        name: 'x',
      }),
    );
    expect(issues).toEqual([
      {
        row: 3,
        line: 4,
        field: 'ref',
        code: 'duplicate_ref',
        message: "ref 'A-1' is already used by row 1: each person needs a reference of their own",
      },
    ]);
  });

  it('reports missing, unknown, duplicate and partial carer columns as header problems (row 0, line 1)', () => {
    const issues = issuesOf(
      importCohortCsv('ref,ageBand,carerWilling,pc-washing,colour,Ref\nA-1,75-84,yes,some-help,blue,A-1\n', {
        name: 'x',
        policies: [PILOT],
      }),
    );
    expect(issues.map((i) => [i.row, i.line, i.field, i.code])).toEqual([
      [0, 1, 'colour', 'unknown_column'],
      [0, 1, 'Ref', 'duplicate_column'],
      [0, 1, 'clientGroup', 'missing_column'],
      [0, 1, 'carerAble', 'missing_column'],
      [0, 1, 'carerSupportLevel', 'missing_column'],
      [0, 1, 'carerImpact', 'missing_column'],
    ]);
    expect(issues[0]!.message).toContain('nor a question any of the versions asks');
  });

  it('reports every bad row of a file, not just the first', () => {
    const issues = issuesOf(
      importCohortCsv(
        csv(
          'A-1,older-people,75-84,,,,,,some-help,',
          'A-2,older-people,7-5,,,,,,some-help,',
          'A-3,martians,75-84,,,,,,some-help,',
          'A-4,older-people,75-84,,,,,£1.234,some-help,',
          'A-5,older-people,75-84,,,,,,some-help,nope',
        ),
        { name: 'x', policies: [PILOT] },
      ),
    );
    expect(issues.map((i) => [i.row, i.line, i.field])).toEqual([
      [2, 3, 'ageBand'],
      [3, 4, 'clientGroup'],
      [4, 5, 'currentAnnualCost'],
      [5, 6, 'pc-dressing'],
    ]);
  });

  it('stops listing at 100 problems and says how many more there were', () => {
    const rows = Array.from({ length: 130 }, (_, i) => `A-${i},older-people,bad,,,,,,,`);
    const issues = issuesOf(importCohortCsv(csv(...rows), { name: 'x' }));
    expect(issues).toHaveLength(101);
    expect(issues[100]).toMatchObject({ code: 'too_many_issues', message: expect.stringContaining('and 30 more problems') });
  });

  it('refuses a file with no header, and a header with no rows', () => {
    expect(issuesOf(importCohortCsv('', { name: 'x' }))[0]).toMatchObject({ row: 0, code: 'no_header' });
    expect(issuesOf(importCohortCsv(`${HEADER}\n`, { name: 'x' }))[0]).toMatchObject({ row: 0, code: 'no_rows' });
  });

  it('reports broken CSV quoting with the line it starts on', () => {
    expect(issuesOf(importCohortCsv(`${HEADER}\nA-1,"older-people,75-84\n`, { name: 'x' }))[0]).toMatchObject({
      row: 0,
      line: 2,
      code: 'csv_syntax',
    });
  });

  it('accepts answers that any one of several versions knows', () => {
    // The children's questions are asked by neither adult version; with the children's policy too they are known.
    const text = 'ref,clientGroup,ageBand,ey-care\nC-1,children-with-disabilities,0-4,\n';
    // A wrong header is reported alone: the rows' cells mean nothing until it is right.
    expect(issuesOf(importCohortCsv(text, { name: 'x', policies: [PILOT, REVISED] })).map((i) => [i.field, i.code])).toEqual([
      ['ey-care', 'unknown_column'],
    ]);
    expect(
      issuesOf(
        importCohortCsv('ref,clientGroup,ageBand\nC-1,children-with-disabilities,0-4\n', { name: 'x', policies: [PILOT, REVISED] }),
      ).map((i) => i.code),
    ).toEqual(['unknown_client_group']);
    expect(importCohortCsv(text, { name: 'x', policies: [PILOT, CHILDREN] }).ok).toBe(true);
  });
});

describe('importCohortJson', () => {
  const person = (over: Partial<CohortPerson> = {}): CohortPerson => ({
    ref: 'A-1',
    clientGroup: 'older-people',
    ageBand: '75-84',
    answers: { 'pc-washing': 'some-help' },
    ...over,
  });
  const doc = (people: unknown[], extra: object = {}) => ({ schemaVersion: 1, name: 'Sample', people, ...extra });

  it('encodes a valid document and keeps its name, description and scheme', () => {
    const people = [
      person(),
      person({
        ref: 'A-2',
        carer: { willingToContinue: true, ableToContinue: false, supportLevel: 'regular', impact: 'low' },
        currentAnnualCostPence: 500000,
      }),
    ];
    const result = importCohortJson(doc(people, { description: 'd', policyId: 'adult-ras' }), { policies: [PILOT] });
    expect(result.ok && result.meta).toEqual({ name: 'Sample', description: 'd', policyId: 'adult-ras', people: 2 });
    expect(peopleOf(result)).toEqual(people);
  });

  it('reports every bad person by person number and field, schema and policy problems alike', () => {
    const issues = issuesOf(
      importCohortJson(
        doc([
          person(),
          person({ ref: 'A-2', ageBand: '90-80' }),
          person({ ref: 'A-3', clientGroup: 'aliens', answers: { washing: 'yes', 'pc-dressing': 'never' } }),
          person({ ref: 'A-1', carer: { willingToContinue: true, ableToContinue: true, supportLevel: 'huge', impact: 'dire' } }),
          { ref: 'A-5', clientGroup: 'older-people', answers: {}, carer: { willingToContinue: 'yes' } },
        ]),
        { policies: [PILOT] },
      ),
    );
    // Row by row; within a row, the schema's findings come in ajv's order.
    expect(issues.map((i) => i.row)).toEqual([2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5]);
    expect(issues.map((i) => [i.row, i.field, i.code])).toEqual(
      expect.arrayContaining([
        [2, 'ageBand', 'bad_age_band'],
        [3, 'clientGroup', 'unknown_client_group'],
        [3, 'answers.washing', 'unknown_question'],
        [3, 'answers.pc-dressing', 'unknown_answer'],
        [4, 'ref', 'duplicate_ref'],
        [4, 'carer.supportLevel', 'unknown_support_level'],
        [4, 'carer.impact', 'unknown_impact'],
        [5, 'ageBand', 'schema_required'],
        [5, 'carer.willingToContinue', 'schema_type'],
        [5, 'carer.ableToContinue', 'schema_required'],
        [5, 'carer.supportLevel', 'schema_required'],
        [5, 'carer.impact', 'schema_required'],
      ]),
    );
    expect(issues.find((i) => i.field === 'answers.pc-dressing')!.message).toContain("'never' is not an answer to question 'pc-dressing'");
  });

  it('reports document problems as row 0', () => {
    const issues = issuesOf(importCohortJson({ schemaVersion: 2, people: [], colour: 'blue' }));
    expect(issues.map((i) => [i.row, i.field, i.code])).toEqual(
      expect.arrayContaining([
        [0, 'name', 'schema_required'],
        [0, 'schemaVersion', 'schema_const'],
        [0, 'colour', 'schema_additional_property'],
      ]),
    );
  });

  it('refuses a cohort of one scheme checked against another', () => {
    expect(issuesOf(importCohortJson(doc([person()], { policyId: 'childrens-ras' }), { policies: [PILOT] }))).toEqual([
      expect.objectContaining({ row: 0, field: 'policyId', code: 'policy_mismatch' }),
    ]);
  });
});

describe('cohortToCsv', () => {
  it.each([
    ['adult-ras', PILOT],
    ['childrens-ras', CHILDREN],
  ] as const)('round-trips a generated %s cohort through CSV', (_, compiled) => {
    const people = [...syntheticPeople(compiled, { size: 400, seed: 11 })].map((p) => p.person);
    const text = cohortToCsv(encodeCohort(people));
    expect(
      text.split('\n')[0]!.startsWith('ref,clientGroup,ageBand,carerWilling,carerAble,carerSupportLevel,carerImpact,currentAnnualCost,'),
    ).toBe(true);
    const questions = text.split('\n')[0]!.split(',').slice(8);
    expect(questions).toEqual([...questions].sort());
    expect(peopleOf(importCohortCsv(text, { name: 'again', policies: [compiled] }))).toEqual(people);
  });
});

describe('parsePounds', () => {
  it.each([
    ['12345.67', 1234567],
    ['£12,345.67', 1234567],
    ['0.29', 29],
    ['1.1', 110],
    ['1,000', 100000],
    ['0', 0],
    [' £7 ', 700],
    ['1000000000.00', 100000000000],
  ])('reads %s as %i pence', (text, pence) => expect(parsePounds(text)).toEqual({ pence }));

  it.each(['12.345', 'abc', '£', '1,00', '12,34.5', '.5', '1e3', '-1'])('refuses %s', (text) =>
    expect(parsePounds(text)).toHaveProperty('reason'),
  );

  it('reads plain digits and a point, taken digit by digit, exactly as with a £ sign in front (the full reading)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9.]{1,16}$/), (text) => {
        const plain = parsePounds(text);
        const full = parsePounds(`£${text}`);
        expect('pence' in plain ? plain.pence : 'refused').toEqual('pence' in full ? full.pence : 'refused');
      }),
      { numRuns: 2000, seed: 20261127 },
    );
  });
});
