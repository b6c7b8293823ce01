/**
 * Points given instead of answers: where the questionnaire is scored in the
 * case-management system, it sends the total, or raw points per domain (weighted by the policy). The
 * result and its provenance say the figures were given, not scored.
 */

import { describe, expect, it } from 'vitest';
import { type Assessment, evaluate, explain, type Policy } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { lineOf } from '../support/scoring-policy.js';

const accepting = (forms: Array<'total' | 'domains'>, overrides: Partial<Policy> = {}) =>
  basePolicy({ schemaVersion: 2, acceptsGivenPoints: forms, ...overrides });
const givenPoints = (points: NonNullable<Assessment['points']>): Assessment => {
  const { answers: _answers, ...rest } = baseAssessment();
  return { ...rest, points };
};

describe('a total given by the assessment', () => {
  it('is priced as a scored total would be, and the result says it was given', () => {
    // 40 points × 488p = 19 520p a week
    const result = evaluate(accepting(['total']), givenPoints({ total: 40 }));
    expect(lineOf(result, 'total')).toEqual({ step: 'total', points: 40, wholePoints: 40, given: 'total' });
    expect(result.provenance.pointsGiven).toBe('total');
    expect(result.explanation.some((l) => l.step === 'answer' || l.step === 'domain')).toBe(false);
    expect(result.points).toEqual({ total: 40, wholePoints: 40, byDomain: [] });
    expect(result.allocation!.pence).toBe(19_520);
    expect(explain(result)).toContain('The points were given by the assessment (the total), not scored from answers here.');
  });
});

describe('points per domain given by the assessment', () => {
  it("are weighted by the policy's weights, and the domains without a figure score nothing", () => {
    const policy = accepting(['domains'], {
      domains: [
        { id: 'personal-care', label: 'Personal care' },
        { id: 'health', label: 'Health', weight: 1.5 },
      ],
    });
    // health 7 × 1.5 = 10.5; personal care not given = 0; total 10.5 × 488p = 5 124p
    const result = evaluate(policy, givenPoints({ byDomain: { health: 7 } }));
    expect(result.points.byDomain).toEqual([
      { domain: 'personal-care', raw: 0, weighted: 0 },
      { domain: 'health', raw: 7, weighted: 10.5 },
    ]);
    expect(lineOf(result, 'total')).toEqual({ step: 'total', points: 10.5, wholePoints: 10, given: 'domains' });
    expect(result.provenance.pointsGiven).toBe('domains');
    expect(result.allocation!.pence).toBe(5124);
  });
});

describe('what is refused', () => {
  const issueOf = (policy: Policy, assessment: unknown) => {
    try {
      evaluate(policy, assessment);
      return null;
    } catch (e) {
      return (e as { issues: unknown[] }).issues;
    }
  };

  it('points for a policy that scores answers only, or in a form it does not accept', () => {
    expect(issueOf(basePolicy(), givenPoints({ total: 40 }))).toEqual([
      expect.objectContaining({ code: 'given_points_not_accepted', path: '/points' }),
    ]);
    expect(issueOf(accepting(['total']), givenPoints({ byDomain: { health: 3 } }))).toEqual([
      expect.objectContaining({
        code: 'given_points_not_accepted',
        path: '/points',
        message: "this policy accepts points given as 'total', not as 'domains'",
      }),
    ]);
  });

  it('a domain the policy does not have, naming the ones it has', () => {
    expect(issueOf(accepting(['domains']), givenPoints({ byDomain: { mobility: 3 } }))).toEqual([
      expect.objectContaining({
        code: 'unknown_domain_in_points',
        path: '/points/byDomain/mobility',
        message: "'mobility' is not one of this policy's domains: 'personal-care', 'health'",
      }),
    ]);
  });

  it('both answers and points, or neither', () => {
    expect(issueOf(accepting(['total']), { ...baseAssessment(), points: { total: 3 } })).toEqual([
      expect.objectContaining({ code: 'answers_or_points', path: '/points' }),
    ]);
    const { answers: _answers, ...neither } = baseAssessment();
    expect(issueOf(accepting(['total']), neither)).toEqual([expect.objectContaining({ code: 'schema_required', path: '/answers' })]);
  });
});
