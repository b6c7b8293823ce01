/**
 * A CSV cohort read as a stream is the same cohort, with the same problems on the same lines, as the
 * whole text read at once, wherever the chunks happen to break (inside a quoted cell, between the CR
 * and LF of a line end, inside the BOM's line).
 */

import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  compilePolicy,
  csvLineEnd,
  decodePerson,
  importCohortCsv,
  importCohortCsvStream,
  type CsvImportOptions,
  type ImportResult,
} from '../../../engine/index.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const PILOT = compilePolicy(JSON.parse(readFileSync(`${ROOT}rules/examples/adult-ras/2009-pilot/policy.json`, 'utf8')));
const HEADER = 'ref,clientGroup,ageBand,carerWilling,carerAble,carerSupportLevel,carerImpact,currentAnnualCost,pc-washing,pc-dressing';

/** The text in pieces of `size` characters, as a file stream with that chunk size delivers it. */
const streamOf = (text: string, size: number) =>
  Readable.from(Array.from({ length: Math.ceil(text.length / size) }, (_, k) => text.slice(k * size, (k + 1) * size)));

/** As the CLI reads a file: its line end found from its start, then the text streamed. */
const importStreamed = (text: string, size: number, options: CsvImportOptions) =>
  importCohortCsvStream(streamOf(text, size), { ...options, lineEnd: csvLineEnd(text.slice(0, 1 << 20)) });

function outcome(result: ImportResult) {
  return result.ok
    ? { people: Array.from({ length: result.cohort.size }, (_, i) => decodePerson(result.cohort, i)), meta: result.meta }
    : { issues: result.issues };
}

const FILES: Record<string, string> = {
  'a sound file with carers and costs': `${HEADER}\nA-1,older-people,75-84,yes,TRUE,substantial,moderate,"£12,345.67",some-help,prompting\nA-2,learning-disability,18-24,,,,,,full-help,\n`,
  'a BOM, CRLF line ends and blank lines': `\uFEFF${HEADER}\r\n\r\nA-1,older-people,85+,,,,,,some-help,\r\n\r\nA-2,older-people,65-74,,,,,,full-help,\r\n`,
  'a quoted line break then bad rows': `${HEADER}\r\n\r\nA-1,older-people,75-84,,,,,"1\r\n2",,\r\nA-2,older-people,74-65,,,,,,,\r\nA-3,aliens,75-84,,,,,,washy,\r\n`,
  'broken quoting': `${HEADER}\nA-1,older-people,75-84,,,,,,,\nA-2,"older-people,75-84\n`,
  'a header alone': `${HEADER}\n`,
  'old Mac line ends': `${HEADER}\rA-1,older-people,75-84,,,,,,some-help,\rA-2,older-people,74-65,,,,,,,\r`,
  'mixed line ends, a quoted CRLF kept': `${HEADER}\r\nA-1,older-people,75-84,,,,,,some-help,\nA-2,"older\r\npeople",65-74,,,,,,,\rA-3,older-people,85+,,,,,,,\r\n`,
};

describe('importCohortCsvStream', () => {
  const options: CsvImportOptions = { name: 'Stream', policies: [PILOT] };

  for (const [what, text] of Object.entries(FILES)) {
    it.each([1, 2, 3, 7, 64])(`reads ${what} in %i-character chunks as the whole text reads`, async (size) => {
      const whole = outcome(importCohortCsv(text, options));
      expect(outcome(await importStreamed(text, size, options))).toEqual(whole);
    });
  }

  it('gives the lines the rows start on, counting a quoted line break, in a stream too', async () => {
    const result = await importStreamed(FILES['a quoted line break then bad rows']!, 5, options);
    expect(result.ok ? [] : result.issues.map((i) => [i.row, i.line, i.field, i.code])).toEqual([
      [1, 3, 'currentAnnualCost', 'bad_amount'],
      [2, 5, 'ageBand', 'bad_age_band'],
      [3, 6, 'clientGroup', 'unknown_client_group'],
      [3, 6, 'pc-washing', 'unknown_answer'],
    ]);
  });

  it('reads a row that ends in LF in a CRLF file as one row: a short row is 3 values, not 3 + 10 - 1 run into the next', async () => {
    // As a tester made it: a CRLF file (as the generator writes) with row 2 cut short in an editor that ended it with LF.
    const text = `${HEADER}\r\nA-1,older-people,75-84\nA-2,older-people,75-84,,,,,,some-help,prompting\r\n`;
    for (const size of [1, 2, 5, 4096]) {
      const result = await importStreamed(text, size, options);
      expect(result.ok ? [] : result.issues).toEqual([
        {
          row: 1,
          line: 2,
          field: '',
          code: 'column_count',
          message:
            'the row has 3 values but the heading row names 10 columns: every row needs a value (or an empty one) for each column, and a value with a comma in it needs quotes',
        },
      ]);
    }
    expect(outcome(importCohortCsv(text, options))).toEqual(outcome(await importStreamed(text, 3, options)));
  });

  it('keeps a quoted line break as it is, whatever the line ends around it', async () => {
    const result = await importStreamed(FILES['mixed line ends, a quoted CRLF kept']!, 2, { name: 'x' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(Array.from({ length: result.cohort.size }, (_, i) => decodePerson(result.cohort, i).clientGroup)).toEqual([
      'older-people',
      'older\r\npeople',
      'older-people',
    ]);
  });

  it('reports where the quoting breaks, on the line the bad record starts', async () => {
    const result = await importStreamed(FILES['broken quoting']!, 4, options);
    expect(result.ok ? null : result.issues).toEqual([expect.objectContaining({ row: 0, line: 3, code: 'csv_syntax' })]);
  });

  it('codes each distinct answer once yet gives every person their own answers', async () => {
    const rows = Array.from(
      { length: 5_000 },
      (_, i) => `P-${i},older-people,75-84,,,,,,${['independent', 'prompting', 'some-help'][i % 3]},${i % 2 ? 'full-help' : ''}`,
    );
    const result = await importStreamed(`${[HEADER, ...rows].join('\n')}\n`, 4096, options);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.cohort.size).toBe(5_000);
    expect(decodePerson(result.cohort, 4_999)).toEqual({
      ref: 'P-4999',
      clientGroup: 'older-people',
      ageBand: '75-84',
      // 4,999 = 3 × 1,666 + 1: the second answer; odd, so dressing is answered.
      answers: { 'pc-washing': 'prompting', 'pc-dressing': 'full-help' },
    });
    expect(decodePerson(result.cohort, 3).answers).toEqual({ 'pc-washing': 'independent', 'pc-dressing': 'full-help' });
    const washing = result.cohort.columns.find((c) => c.questionId === 'pc-washing')!;
    expect(washing.answerIds).toEqual(['independent', 'prompting', 'some-help']);
  });
});

describe('a column with many distinct cells', () => {
  it('is coded right before and after it has more than a question usually has', () => {
    // Without versions to check against, any answer id is accepted: 20 distinct ones, each seen twice.
    const rows = Array.from({ length: 40 }, (_, i) => `M-${i},older-people,75-84,,,,,,a-${i % 20},`);
    const result = importCohortCsv(`${[HEADER, ...rows].join('\n')}\n`, { name: 'many' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const answers = Array.from({ length: 40 }, (_, i) => decodePerson(result.cohort, i).answers['pc-washing']);
    expect(answers).toEqual(Array.from({ length: 40 }, (_, i) => `a-${i % 20}`));
    expect(result.cohort.columns.find((c) => c.questionId === 'pc-washing')!.answerIds).toHaveLength(20);
  });

  it('names every distinct bad answer, and each row that repeats one', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `B-${i},older-people,75-84,,,,,,bad-${i % 20},`);
    const result = importCohortCsv(`${[HEADER, ...rows].join('\n')}\n`, { name: 'bad', policies: [PILOT] });
    const issues = result.ok ? [] : result.issues;
    expect(issues).toHaveLength(40);
    expect(issues[39]).toMatchObject({ row: 40, line: 41, field: 'pc-washing', code: 'unknown_answer' });
    expect(issues[39]!.message).toMatch(/^'bad-19' is not an answer to question 'pc-washing'/);
  });
});

describe("the cohort schema's limits, held while reading", () => {
  it('refuses a file of more than 2,000,000 people, read as a stream to the end', async () => {
    // Made as it is read, 10,000 rows at a time: the file never exists whole.
    const rows = function* () {
      yield 'ref,clientGroup,ageBand\n';
      for (let start = 0; start < 2_000_003; start += 10_000) {
        const end = Math.min(start + 10_000, 2_000_003);
        yield Array.from({ length: end - start }, (_, k) => `P-${start + k},older-people,75-84\n`).join('');
      }
    };
    const result = await importCohortCsvStream(Readable.from(rows()), { name: 'county', lineEnd: '\n' });
    expect(result.ok ? [] : result.issues).toEqual([
      { row: 0, field: '', code: 'too_many_people', message: 'the file has 2,000,003 people; a cohort holds at most 2,000,000' },
    ]);
  }, 60_000);

  it('refuses a header with more question columns than a person may have answers (5,000)', () => {
    const questions = Array.from({ length: 5001 }, (_, i) => `q-${i + 1}`);
    const result = importCohortCsv(`ref,clientGroup,ageBand,${questions.join(',')}\nA-1,older-people,75-84${',x'.repeat(5001)}\n`, {
      name: 'wide',
    });
    expect(result.ok ? [] : result.issues).toEqual([
      {
        row: 0,
        line: 1,
        field: '',
        code: 'too_many_columns',
        message: 'the header names 5,001 question columns; a person has at most 5,000 answers',
      },
    ]);
  });
});

describe('csvLineEnd', () => {
  it.each([
    ['ref,ageBand\r\nA-1,85+\r\n', '\r\n'],
    ['ref,ageBand\nA-1,85+\n', '\n'],
    ['ref,ageBand\rA-1,85+\r', '\r'],
    // A line break inside a quoted header cell is not the line end.
    ['"ref\nnumber",ageBand\r\nA-1,85+', '\r\n'],
    // A sample that stops between CR and LF.
    ['ref,ageBand\r', '\r\n'],
    ['ref,ageBand', '\n'],
  ])('finds the line end of %j: %j', (sample, lineEnd) => {
    expect(csvLineEnd(sample)).toBe(lineEnd);
  });
});
