/** How the reference cohort's upload words a refused CSV: by the row of the file, without a pointer. */

import { describe, expect, it } from 'vitest';
import { describeError } from '../../admin/src/versions/format';

describe('describeError, as the reference cohort upload shows a refusal', () => {
  it('says the cohort problem by the row of the file, with no pointer', () => {
    const refusal = {
      message: 'The cohort has 1 problem; nothing was imported.',
      body: {
        problems: [
          {
            pointer: '/rows/1',
            code: 'column_count',
            message:
              'line 2: the row has 8 values but the heading row names 26 columns: every row needs a value (or an empty one) for each column, and a value with a comma in it needs quotes',
          },
        ],
      },
    };
    expect(describeError(refusal)).toBe(
      'The cohort has 1 problem; nothing was imported. Row 2 has 8 values but the heading row names 26 columns: every row needs a value (or an empty one) for each column, and a value with a comma in it needs quotes.',
    );
  });
});
