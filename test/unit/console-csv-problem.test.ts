/** The Compare page's words for a CSV upload's problems: the file's row, as a spreadsheet numbers it. */

import { describe, expect, it } from 'vitest';
import { csvProblemText } from '../../admin/src/compare/csvProblemText.js';

describe('csvProblemText', () => {
  it('says a short row plainly, by the row of the file, without the pointer', () => {
    const text = csvProblemText({
      pointer: '/rows/1',
      message:
        'line 2: the row has 8 values but the heading row names 26 columns: every row needs a value (or an empty one) for each column, and a value with a comma in it needs quotes',
    });
    expect(text).toBe(
      'Row 2 has 8 values but the heading row names 26 columns: every row needs a value (or an empty one) for each column, and a value with a comma in it needs quotes.',
    );
  });

  it('names the row of any other problem before its words', () => {
    expect(csvProblemText({ pointer: '/rows/3/ageBand', message: "line 5: 'old' is not an age band" })).toBe(
      "Row 5: 'old' is not an age band",
    );
  });

  it('falls back to the pointer when there is no line', () => {
    expect(csvProblemText({ pointer: '/name', message: 'name is empty' })).toBe(', name: name is empty');
  });
});
