/**
 * The console names a refused field by the labels on screen and says what is wrong in plain English:
 * never a JSON Pointer, a pattern or a schema keyword.
 */

import { describe, expect, it } from 'vitest';
import { plainMessage, whereInPolicy } from '../../admin/src/plainErrors.js';
import { basePolicy } from '../support/policy-builder.js';

const policy = basePolicy({
  pricing: {
    default: {
      method: 'bands',
      period: 'week',
      bands: [
        { label: 'Nil band', from: 0, to: 9, pence: 0 },
        { from: 10, pence: 5000 },
      ],
    },
    byClientGroup: { 'learning-disability': { method: 'price-per-point', period: 'week', pencePerPoint: 500 } },
  },
});

describe('where a problem is', () => {
  it('names bands, questions, answers and tables as the screen does', () => {
    expect(whereInPolicy(policy, '/pricing/default/bands/0/to')).toBe("Pricing, the standard table, band 'Nil band': to (points)");
    expect(whereInPolicy(policy, '/pricing/default/bands/1/pence')).toBe('Pricing, the standard table, band 2: amount');
    expect(whereInPolicy(policy, '/pricing/byClientGroup/learning-disability/pencePerPoint')).toBe(
      'Pricing, the table for Learning disability: price per point',
    );
    expect(whereInPolicy(policy, '/questionnaires/0/questions/1/answers/2/points')).toBe(
      "Questionnaire 'Adults', question 'Health needs', answer 'High': points",
    );
    expect(whereInPolicy(policy, '/domains/1/weight')).toBe("Area of need 'Health': weight");
    expect(whereInPolicy(policy, '/carerAdjustment/reductions/regular/high')).toBe('Carer reduction for regular support with high impact');
    expect(whereInPolicy(policy, '/version')).toBe('Version name');
  });
});

describe('what is wrong', () => {
  it('rephrases the schema in plain English', () => {
    const plain = (code: string, message: string, pointer = '/x') => plainMessage({ code, message, pointer });
    expect(plain('schema_pattern', '\'version\' must match pattern "^[a-z0-9][a-z0-9-]{0,63}$"', '/version')).toBe(
      'Use lower-case letters, digits and hyphens only, such as 2011-revised.',
    );
    expect(plain('schema_range', "'pence' must be >= 0")).toBe('This must be 0 or more.');
    expect(plain('schema_range', "'percent' must be <= 100")).toBe('This must be 100 or less.');
    expect(plain('schema_required', "'title' is required here")).toBe('This must be filled in.');
    expect(plain('schema_length', "'title' must NOT have fewer than 1 characters")).toBe('This must be filled in.');
    expect(plain('schema_type', "'weight' must be number")).toBe('Enter a number.');
  });

  it("keeps the semantic checks' own words, which already use the labels", () => {
    expect(plainMessage({ code: 'band_gap', pointer: '/pricing/default/bands/1/from', message: "band 'B' starts at 30 points" })).toBe(
      "Band 'B' starts at 30 points",
    );
  });
});
