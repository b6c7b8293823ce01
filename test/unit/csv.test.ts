/** One CSV writer for every export: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../engine/cohort/csv-records.js';
import { csvLine, csvLines } from '../../engine/index.js';

describe('the CSV writer', () => {
  it('quotes cells with commas, quotes and line ends, and ends every record with CRLF', () => {
    expect(
      csvLines([
        ['a', 'b,c'],
        ['say "hi"', 'two\nlines'],
      ]),
    ).toBe('a,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1+cmd|/C calc!A0', "'+1+cmd|/C calc!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('defuses %j, which a spreadsheet would run, with a leading apostrophe', (cell, written) => {
    expect(csvLine([cell])).toBe(`${written}\r\n`);
  });

  it('leaves negative amounts, as numbers or as text, as they are', () => {
    expect(csvLine([-156, '-156.00', '-0.5', 'older-people', '65-74'])).toBe('-156,-156.00,-0.5,older-people,65-74\r\n');
  });

  it('writes a header alone when there are no rows', () => {
    expect(csvLines([['ref', 'clientGroup']])).toBe('ref,clientGroup\r\n');
  });

  it('writes large exports in chunks with the same result', () => {
    const rows = Array.from({ length: 25_001 }, (_, i) => [`R-${i}`, i % 2 === 0 ? `=${i}` : String(-i)]);
    const text = csvLines(rows);
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(25_002);
    expect(lines[0]).toBe("R-0,'=0");
    expect(lines[25_000]).toBe("R-25000,'=25000");
    expect(lines[9_999]).toBe('R-9999,-9999');
  });

  it('writes any text so that a CSV reader gets it back, with an apostrophe before a formula that is not only a number', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', '1', '.', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', ' ', "'", 'é'),
      maxLength: 8,
    });
    const isFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 5 }), (cells) => {
        const records: string[][] = [];
        expect(readCsvText(csvLine(cells), (read) => records.push(read))).toBeNull();
        expect(records).toHaveLength(1);
        expect(records[0]).toEqual(cells.map((cell) => (isFormula(cell) ? `'${cell}` : cell)));
      }),
      { seed: 20_261_128, numRuns: 2_000 },
    );
  });
});
