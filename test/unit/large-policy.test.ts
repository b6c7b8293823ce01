/**
 * The size limits, raised where it is safe: a questionnaire may have 5,000 questions (an assessment or a
 * cohort person as many answers, a policy document up to 8 MiB over HTTP). A policy that size validates,
 * evaluates and compares, with figures worked by hand.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareCohort, compilePolicy, encodeCohort, evaluate, type Policy, validatePolicy } from '../../engine/index.js';

const base = JSON.parse(
  readFileSync(new URL('../../rules/examples/adult-ras/2010-revised/policy.json', import.meta.url), 'utf8'),
) as Policy;

/** 5,000 questions over the scheme's domains, each answered none (0), some (1) or lots (2); no weights, uplifts or rules. */
function largePolicy(version: string, pencePerPoint: number, questions = 5000): Policy {
  const domains = base.domains.map((d) => ({ id: d.id, label: d.label }));
  return {
    ...base,
    version,
    domains,
    uplifts: [],
    rules: [],
    carerAdjustment: undefined,
    rounding: { unit: 'penny', mode: 'half-up' },
    pricing: { default: { method: 'price-per-point', period: 'week', pencePerPoint } },
    questionnaires: [
      {
        id: 'large',
        label: 'A very long questionnaire',
        questions: Array.from({ length: questions }, (_, i) => ({
          id: `q-${i + 1}`,
          domain: domains[i % domains.length]!.id,
          text: `Question ${i + 1}`,
          answers: [
            { id: 'none', text: 'None', points: 0 },
            { id: 'some', text: 'Some', points: 1 },
            { id: 'lots', text: 'Lots', points: 2 },
          ],
        })),
      },
    ],
  } as Policy;
}

/** Question i (from 0) answered none, some, lots in turn: 0 + 1 + 2 every three questions. */
const answers = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`q-${i + 1}`, ['none', 'some', 'lots'][i % 3]!]));

describe('a policy with 5,000 questions', () => {
  it('validates: the schema takes 5,000 questions, and refuses 5,001', () => {
    expect(validatePolicy(largePolicy('large', 502)).ok).toBe(true);
    const over = validatePolicy(largePolicy('too-large', 502, 5001));
    expect(over.ok ? [] : over.issues.map((i) => [i.path, i.code])).toEqual([['/questionnaires/0/questions', 'schema_size']]);
  });

  it('names twenty of its questions, not 5,000, when a rule tests a question it does not ask', () => {
    const rule = {
      name: 'typo',
      conditions: { all: [{ fact: 'answers', path: '$.q-0', operator: 'equal', value: 'lots' }] },
      event: { type: 'typo', params: { severity: 'info', message: 'A typo' } },
    };
    const checked = validatePolicy({ ...largePolicy('typo', 502), rules: [rule] } as Policy);
    const issue = checked.ok ? undefined : checked.issues.find((i) => i.code === 'unknown_fact_path');
    expect(issue?.message).toBe(
      `'q-0' is not a key of fact 'answers'; it has ${Array.from({ length: 20 }, (_, i) => `'q-${i + 1}'`).join(', ')} and 4980 more`,
    );
  });

  it('evaluates: 1,666 runs of 0 + 1 + 2 and a last 0 + 1 make 4,999 points; × £5.02 = £25,094.98 a week', () => {
    const result = evaluate(largePolicy('large', 502), { assessmentDate: '2010-06-01', age: 70, clientGroup: 'older-people', answers });
    expect(result.points.total).toBe(4999);
    expect(result.weeklyPence).toBe(2_509_498);
    expect(result.explanation.filter((l) => l.step === 'answer')).toHaveLength(5000);
  });

  it('compares two versions over a cohort: at £5.10 a point each person gains 4,999 × 8p = £399.92 a week', () => {
    const cohort = encodeCohort(['A', 'B', 'C'].map((ref) => ({ ref, clientGroup: 'older-people', ageBand: '65-74', answers })));
    const versions = [
      { version: 'large', compiled: compilePolicy(largePolicy('large', 502)) },
      { version: 'large-dearer', compiled: compilePolicy(largePolicy('large-dearer', 510)) },
    ];
    const comparison = compareCohort(versions, cohort, { asOf: '2010-06-01' });
    expect(comparison.evaluated).toBe(3);
    expect(comparison.pairs[0]!.overall).toMatchObject({ people: 3, gainers: 3, losers: 0 });
    expect(comparison.versions.map((v) => v.summary.people)).toEqual([3, 3]);
  });
});
