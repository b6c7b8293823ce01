/**
 * A decision is kept as a summary (what lists show) and its input and output (the payload). The record is
 * put together again from the two, field by field as its schema has them: a field added to the record's
 * schema is kept without the store being taught it, and a record's fields come back in the order they were
 * digested when it was written (the digest is of its JSON), so every journal written before verifies.
 */

import { describe, expect, it } from 'vitest';
import { decisionRecord } from '../../server/store/commit-content.js';
import type { DecisionRecord } from '../../server/store/records.js';
import { summaryOf } from '../../server/store/store-core.js';

const result = { weeklyPence: 36_300, flags: [{ code: 'refer-to-panel' }] } as unknown as DecisionRecord['result'];
const assessment = { assessmentDate: '2011-06-01', clientGroup: 'older-people', answers: {} };
const recorded: DecisionRecord = {
  id: 'd-1',
  createdAt: '2026-12-07T10:00:00.000Z',
  createdBy: 'case-system',
  policyId: 'adult-ras',
  version: '2010-revised',
  contentHash: `sha256:${'a'.repeat(64)}`,
  asOf: null,
  revision: 7,
  assessment,
  result,
  finalBudget: null,
};

describe('a decision put together again from its summary and payload', () => {
  it('is the record as written, field for field and in the same order', () => {
    const summary = summaryOf(recorded);
    expect(summary).toMatchObject({ weeklyPence: 36_300, flags: ['refer-to-panel'] });
    expect(JSON.stringify(decisionRecord(summary, { assessment, result }))).toBe(JSON.stringify(recorded));
  });

  it('is the same record whichever order the summary was read back in (PostgreSQL keeps no order in jsonb)', () => {
    const summary = summaryOf(recorded);
    const reversed = Object.fromEntries(Object.entries(summary).reverse()) as typeof summary;
    expect(JSON.stringify(decisionRecord(reversed, { assessment, result }))).toBe(JSON.stringify(recorded));
  });

  it('keeps a field the store was never taught, as one added to the schema would be', () => {
    const withNotes = { ...recorded, notes: 'Discussed with the daughter' } as DecisionRecord;
    const summary = summaryOf(withNotes);
    expect(summary).toHaveProperty('notes', 'Discussed with the daughter');
    expect(decisionRecord(summary, { assessment, result })).toHaveProperty('notes', 'Discussed with the daughter');
  });
});
