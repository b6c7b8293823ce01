/**
 * A caller may pass the same parsed policy JSON on every call: it is found again by identity, without
 * hashing, and an object changed since is compiled afresh, never answered with what it used to say.
 * The example: 238 points for a person with physical disabilities and no carer (the pilot's worked
 * example "Very high needs, no carer").
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, PolicyInvalidError } from '../../engine/index.js';
import { thrown } from '../support/thrown.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const read = (path: string) => JSON.parse(readFileSync(`${ROOT}rules/examples/adult-ras/2009-pilot/${path}`, 'utf8'));
const { assessment } = read('examples/high-need-panel-nhs-safeguarding.json');

describe('compiling the same policy object again', () => {
  it('gives the same compiled policy for the same object and for a copy with the same content', () => {
    const policy = read('policy.json');
    const compiled = compilePolicy(policy);
    expect(compilePolicy(policy)).toBe(compiled);
    expect(compilePolicy(structuredClone(policy))).toBe(compiled);
  });

  it('sees a change made to the object since: the new price per point is the one used', () => {
    const policy = read('policy.json');
    // 238 points × 488p = 116,144p, rounded up to the pound: £1,162.00 a week.
    expect(evaluate(policy, assessment).weeklyPence).toBe(116_200);
    policy.pricing.default.pencePerPoint = 500;
    // 238 × 500p = 119,000p, already whole pounds.
    const changed = evaluate(policy, assessment);
    expect(changed.weeklyPence).toBe(119_000);
    expect(changed.provenance.contentHash).not.toBe(compilePolicy(read('policy.json')).contentHash);
    // And back again: the first content's compiled policy, found by its hash.
    policy.pricing.default.pencePerPoint = 488;
    expect(evaluate(policy, assessment).weeklyPence).toBe(116_200);
  });

  it('refuses an object changed into an invalid policy, though it was valid before', () => {
    const policy = read('policy.json');
    compilePolicy(policy);
    policy.pricing.default.pencePerPoint = -1;
    expect(() => compilePolicy(policy)).toThrow(PolicyInvalidError);
  });

  it('is not fooled by an object that can no longer be written as JSON', () => {
    const policy = read('policy.json');
    compilePolicy(policy);
    policy.self = policy;
    // A cycle nests without end: refused as too deep, at the field that holds it, as validation names it.
    const refusal = thrown(() => compilePolicy(policy));
    expect(refusal).toBeInstanceOf(PolicyInvalidError);
    expect((refusal as PolicyInvalidError).issues.map((i) => [i.code, i.path])).toEqual([['too_deep', '/self']]);
  });
});
