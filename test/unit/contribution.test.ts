/**
 * The person's assessed contribution: it splits the budget into the person's share and
 * the council's. The budget itself is unchanged; a contribution larger than the budget leaves the
 * council nothing to pay, never a negative share.
 */

import { describe, expect, it } from 'vitest';
import { evaluate, explain, type Policy } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { lineOf } from '../support/scoring-policy.js';
import { thrown } from '../support/thrown.js';

const splitting = (overrides: Partial<Policy> = {}) =>
  basePolicy({ schemaVersion: 2, contribution: { label: 'Your assessed contribution' }, ...overrides });

describe("the person's contribution", () => {
  it('splits the budget: the person pays their contribution, the council the rest, and the budget is unchanged', () => {
    // 15 points × 488p = 7 320p a week; contribution 2 150p: the council pays 7 320p − 2 150p = 5 170p
    const result = evaluate(splitting(), baseAssessment({ contribution: { pence: 2150, period: 'week' } }));
    expect(lineOf(result, 'contribution')).toEqual({
      step: 'contribution',
      label: 'Your assessed contribution',
      period: 'week',
      budgetPence: 7320,
      personPence: 2150,
      councilPence: 5170,
    });
    expect(result.contribution).toEqual({ period: 'week', personPence: 2150, councilPence: 5170 });
    expect(result.allocation!.pence).toBe(7320);
    expect(result.weeklyPence).toBe(7320);
    expect(explain(result)).toContain('Your assessed contribution: £21.50 a week of the £73.20 is yours to pay; the council pays £51.70.');
  });

  it('at most the whole budget: a contribution above it leaves the council nothing, never less', () => {
    const result = evaluate(splitting(), baseAssessment({ contribution: { pence: 9000, period: 'week' } }));
    expect(result.contribution).toEqual({ period: 'week', personPence: 7320, councilPence: 0 });
  });

  it('is not in the result when none is given, and a version-1 result never has it', () => {
    expect(evaluate(splitting(), baseAssessment()).contribution).toBeUndefined();
    const v1 = evaluate(basePolicy(), baseAssessment());
    expect(Object.keys(v1)).not.toContain('contribution');
  });

  it('is refused for a policy that does not split by it, and in another period than the table', () => {
    expect(thrown(() => evaluate(basePolicy(), baseAssessment({ contribution: { pence: 100, period: 'week' } })))).toMatchObject({
      issues: [expect.objectContaining({ code: 'contribution_not_used', path: '/contribution' })],
    });
    expect(thrown(() => evaluate(splitting(), baseAssessment({ contribution: { pence: 100, period: 'year' } })))).toMatchObject({
      issues: [
        expect.objectContaining({
          code: 'contribution_period_mismatch',
          path: '/contribution/period',
          message: "the contribution is given a year, but this client group's amounts are a week: give it a week",
        }),
      ],
    });
  });
});
