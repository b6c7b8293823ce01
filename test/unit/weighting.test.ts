/**
 * Domains (rules/README.md steps 3–4): each answer scores its points; a domain's raw points are the sum
 * of its answers; weighted points are raw × weight (default 1, three decimals); the total is their sum.
 */

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { lineOf, linesOf } from '../support/scoring-policy.js';

describe('domain weights', () => {
  it('multiplies each domain by its weight (1.5 and 0.333) and sums the weighted points', () => {
    const policy = basePolicy({
      domains: [
        { id: 'personal-care', label: 'Personal care', weight: 1.5 },
        { id: 'health', label: 'Health', weight: 0.333 },
      ],
    });
    const result = evaluate(policy, baseAssessment({ answers: { washing: 'lots', 'health-needs': 'high' } }));
    // personal care: 40 raw × 1.5 = 60; health: 30 raw × 0.333 = 9.99
    expect(linesOf(result, 'domain')).toEqual([
      { step: 'domain', domain: 'personal-care', label: 'Personal care', rawPoints: 40, weight: 1.5, weightedPoints: 60 },
      { step: 'domain', domain: 'health', label: 'Health', rawPoints: 30, weight: 0.333, weightedPoints: 9.99 },
    ]);
    // 60 + 9.99 = 69.99 points, 69 whole points
    expect(lineOf(result, 'total')).toEqual({ step: 'total', points: 69.99, wholePoints: 69 });
    expect(result.points).toEqual({
      total: 69.99,
      wholePoints: 69,
      byDomain: [
        { domain: 'personal-care', raw: 40, weighted: 60 },
        { domain: 'health', raw: 30, weighted: 9.99 },
      ],
    });
    // 69.99 × 488p = 34 155.12p → 34 155p
    expect(lineOf(result, 'pricing')).toMatchObject({ points: 69.99, pence: 34155 });
  });

  it('weights a domain 1 when the policy gives no weight', () => {
    const result = evaluate(basePolicy(), baseAssessment());
    // 10 × 1 = 10; 5 × 1 = 5; total 15
    expect(linesOf(result, 'domain')).toEqual([
      { step: 'domain', domain: 'personal-care', label: 'Personal care', rawPoints: 10, weight: 1, weightedPoints: 10 },
      { step: 'domain', domain: 'health', label: 'Health', rawPoints: 5, weight: 1, weightedPoints: 5 },
    ]);
    expect(lineOf(result, 'total')).toEqual({ step: 'total', points: 15, wholePoints: 15 });
  });

  it('lets a weight of 0 remove a domain from the total', () => {
    const policy = basePolicy({
      domains: [
        { id: 'personal-care', label: 'Personal care' },
        { id: 'health', label: 'Health', weight: 0 },
      ],
    });
    const result = evaluate(policy, baseAssessment({ answers: { washing: 'some', 'health-needs': 'high' } }));
    // health: 30 × 0 = 0; total 10 + 0 = 10; 10 × 488p = 4 880p
    expect(linesOf(result, 'domain')[1]).toEqual({
      step: 'domain',
      domain: 'health',
      label: 'Health',
      rawPoints: 30,
      weight: 0,
      weightedPoints: 0,
    });
    expect(result.allocation!.pence).toBe(4880);
  });

  it('scores a "does not apply" answer 0 and says so on its answer line', () => {
    const result = evaluate(basePolicy(), baseAssessment({ answers: { washing: 'na', 'health-needs': 'some' } }));
    // washing: does not apply → 0; health 5; total 5; 5 × 488p = 2 440p
    expect(linesOf(result, 'answer')).toEqual([
      {
        step: 'answer',
        question: 'washing',
        questionText: 'Washing',
        domain: 'personal-care',
        answer: 'na',
        answerText: 'Does not apply',
        notApplicable: true,
        points: 0,
      },
      {
        step: 'answer',
        question: 'health-needs',
        questionText: 'Health needs',
        domain: 'health',
        answer: 'some',
        answerText: 'Some',
        notApplicable: false,
        points: 5,
      },
    ]);
    expect(lineOf(result, 'total').points).toBe(5);
    expect(result.allocation!.pence).toBe(2440);
  });

  it('scores an optional question left unanswered 0', () => {
    const base = basePolicy();
    const questionnaire = base.questionnaires[0]!;
    const policy = basePolicy({
      questionnaires: [
        { ...questionnaire, questions: questionnaire.questions.map((q) => (q.id === 'health-needs' ? { ...q, required: false } : q)) },
      ],
    });
    const result = evaluate(policy, baseAssessment({ answers: { washing: 'lots' } }));
    // washing 40; health-needs not answered → 0; total 40; 40 × 488p = 19 520p
    expect(linesOf(result, 'answer')[1]).toEqual({
      step: 'answer',
      question: 'health-needs',
      questionText: 'Health needs',
      domain: 'health',
      answer: null,
      answerText: null,
      notApplicable: false,
      points: 0,
    });
    expect(result.allocation!.pence).toBe(19520);
  });

  it('lists a domain with no questions at 0 points', () => {
    const policy = basePolicy({
      domains: [
        { id: 'personal-care', label: 'Personal care' },
        { id: 'health', label: 'Health' },
        { id: 'housing', label: 'Housing', weight: 2 },
      ],
    });
    const result = evaluate(policy, baseAssessment());
    // housing has no questions: 0 × 2 = 0; total still 10 + 5 + 0 = 15
    expect(linesOf(result, 'domain')[2]).toEqual({
      step: 'domain',
      domain: 'housing',
      label: 'Housing',
      rawPoints: 0,
      weight: 2,
      weightedPoints: 0,
    });
    expect(lineOf(result, 'total')).toEqual({ step: 'total', points: 15, wholePoints: 15 });
  });
});
