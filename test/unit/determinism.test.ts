/**
 * Determinism: the same policy content and assessment give byte-identical results, whatever the key
 * order of the policy's JSON (its content hash is of canonical JSON, RFC 8785).
 */

import { describe, expect, it, vi } from 'vitest';
import { contentHash, evaluate, type Policy } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';

/** The same JSON value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

/**
 * A new instance of the engine's modules, with nothing compiled or cached yet: two results from two
 * instances are computed independently, so comparing them tests the engine, not its compile cache.
 */
async function freshEngine(): Promise<typeof import('../../engine/index.js')> {
  vi.resetModules();
  return import('../../engine/index.js');
}

const policy: Policy = basePolicy({
  domains: [
    { id: 'personal-care', label: 'Personal care', weight: 1.5 },
    { id: 'health', label: 'Health', weight: 0.333 },
  ],
  carerAdjustment: {
    supportLevels: [{ id: 'regular', label: 'Regular support' }],
    impacts: [
      { id: 'low', label: 'Low impact' },
      { id: 'high', label: 'High impact' },
    ],
    reductions: { regular: { low: 12.5, high: 5 } },
  },
  uplifts: [{ from: '2010-04-01', percent: 2.5 }],
  rules: [
    {
      name: 'a',
      conditions: { all: [{ fact: 'totalPoints', operator: 'greaterThan', value: 1 }] },
      event: { type: 'a', params: { message: 'A' } },
    },
    {
      name: 'b',
      priority: 9,
      conditions: { any: [{ fact: 'age', operator: 'greaterThan', value: 1 }] },
      event: { type: 'b', params: { message: 'B' } },
    },
  ],
});
const assessment = baseAssessment({
  answers: { washing: 'lots', 'health-needs': 'high' },
  carer: { willingToContinue: true, ableToContinue: true, supportLevel: 'regular', impact: 'high' },
});

describe('determinism', () => {
  it('gives byte-identical JSON for the same inputs', () => {
    const first = JSON.stringify(evaluate(policy, assessment));
    const second = JSON.stringify(evaluate(structuredClone(policy), structuredClone(assessment)));
    expect(second).toBe(first);
  });

  it("gives the same content hash and byte-identical JSON when the policy's keys are in another order", async () => {
    const reordered = reverseKeys(policy);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(policy));
    expect(contentHash(reordered)).toBe(contentHash(policy));
    const [one, other] = [await freshEngine(), await freshEngine()];
    const first = await one.evaluate(policy, assessment);
    const second = await other.evaluate(reordered, reverseKeys(assessment));
    // Each engine compiled the document it was given, keys in its own order.
    expect(Object.keys(other.compilePolicy(reordered).policy)).toEqual(Object.keys(one.compilePolicy(policy).policy).reverse());
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(second.provenance.contentHash).toBe(contentHash(policy));
    expect(second.provenance.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('gives a different content hash when the content changes', () => {
    expect(contentHash(basePolicy({ weeksPerYear: 52.1429 }))).not.toBe(contentHash(basePolicy()));
  });

  it('gives the same result from a compiled policy as from its JSON', async () => {
    const [one, other] = [await freshEngine(), await freshEngine()];
    const fromJson = await one.evaluate(policy, assessment);
    const compiled = other.compilePolicy(policy);
    expect(one.compilePolicy(policy)).not.toBe(compiled);
    const fromCompiled = await other.evaluate(compiled, assessment);
    expect(JSON.stringify(fromCompiled)).toBe(JSON.stringify(fromJson));
  });

  it("leaves the caller's policy and assessment as they were", () => {
    const policyBefore = JSON.stringify(policy);
    const assessmentBefore = JSON.stringify(assessment);
    evaluate(policy, assessment);
    expect(JSON.stringify(policy)).toBe(policyBefore);
    expect(JSON.stringify(assessment)).toBe(assessmentBefore);
  });

  it('reports its provenance', () => {
    const result = evaluate(policy, assessment);
    expect(result.provenance).toMatchObject({ policyId: 'test-ras', version: 'v1', contentHash: contentHash(policy) });
  });
});
