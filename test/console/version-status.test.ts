/**
 * A version's status as a person reads it on a day: a version replaced by one that comes into force
 * later is still in force until then, so it is not called superseded before that day.
 */

import { describe, expect, it } from 'vitest';
import { statusWords } from '../../admin/src/versions/status';

const replaced = { status: 'superseded' as const, superseded: { by: '2026-27', from: '2027-04-01' } };

describe("a version's status on a day", () => {
  it('is ratified, replaced from a date, until the version replacing it comes into force', () => {
    expect(statusWords(replaced, '2026-12-07')).toEqual({ label: 'Ratified, replaced by 2026-27 from 1 April 2027', colour: 'success' });
    expect(statusWords(replaced, '2027-03-31').label).toBe('Ratified, replaced by 2026-27 from 1 April 2027');
  });

  it('is superseded from that day on', () => {
    expect(statusWords(replaced, '2027-04-01')).toEqual({ label: 'Superseded', colour: 'warning' });
  });

  it('says every other status as it is', () => {
    expect(statusWords({ status: 'submitted' }, '2026-12-07').label).toBe('Submitted for ratification');
    expect(statusWords({ status: 'draft', superseded: null }, '2026-12-07').label).toBe('Draft');
  });
});
