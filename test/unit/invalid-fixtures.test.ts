/**
 * Runs the invalid-input fixtures in rules/invalid/: one JSON file per failure, each saying which
 * issues (code and JSON Pointer) the engine must report. Policies are a base plus an RFC 6902 patch.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilePolicy, parseAssessment, validatePolicy, type Issue } from '../../engine/index.js';
import { applyPatch, type PatchOperation } from '../support/json-patch.js';
import { basePolicy } from '../support/policy-builder.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const INVALID = join(ROOT, 'rules', 'invalid');

interface Expected {
  code: string;
  path: string;
}

interface PolicyFixture {
  description: string;
  base: string;
  patch: PatchOperation[];
  expect: Expected[];
  expectWarnings?: Expected[];
}

interface AssessmentFixture {
  description: string;
  policy: string;
  /** Optional: a patch to the policy before the assessment is checked against it (e.g. to add a carer table). */
  policyPatch?: PatchOperation[];
  assessment: unknown;
  expect: Expected[];
}

function load<T>(kind: 'policies' | 'assessments'): Array<{ file: string; fixture: T }> {
  const dir = join(INVALID, kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, fixture: JSON.parse(readFileSync(join(dir, file), 'utf8')) as T }));
}

/** "test-minimal" is basePolicy(); anything else names rules/examples/<scheme>/<version>/policy.json. */
function basePolicyJson(base: string): unknown {
  if (base === 'test-minimal') return basePolicy();
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(base)) throw new Error(`unknown base '${base}'`);
  return JSON.parse(readFileSync(join(ROOT, 'rules', 'examples', base, 'policy.json'), 'utf8'));
}

/** Order-insensitive, but a problem reported twice still counts twice. */
function keys(issues: ReadonlyArray<Expected>): string[] {
  return issues.map((i) => `${i.code} at '${i.path}'`).sort();
}

function expectTeachingMessages(issues: readonly Issue[]): void {
  for (const issue of issues) {
    expect(issue.message.trim(), `message of ${issue.code} at ${issue.path}`).not.toBe('');
    // A message that teaches names something concrete: a number, or a quoted id, value or property.
    expect(issue.message, `message of ${issue.code} at ${issue.path} names nothing concrete`).toMatch(/[0-9'"‘’“”]/);
  }
}

const policies = load<PolicyFixture>('policies');
const assessments = load<AssessmentFixture>('assessments');

describe('invalid policy fixtures (rules/invalid/policies)', () => {
  it('are well formed and have unique descriptions', () => {
    expect(policies.length).toBeGreaterThan(0);
    for (const { file, fixture } of policies) {
      expect(typeof fixture.description, file).toBe('string');
      expect(typeof fixture.base, file).toBe('string');
      expect(Array.isArray(fixture.patch) && Array.isArray(fixture.expect), file).toBe(true);
      expect(fixture.expect.length > 0 || (fixture.expectWarnings?.length ?? 0) > 0, `${file} expects nothing`).toBe(true);
    }
    const descriptions = policies.map((p) => p.fixture.description);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });

  it.each([...new Set(policies.map((p) => p.fixture.base))])(
    'base %s is itself a valid policy with no warnings (but the ADASS one for a maximum)',
    (base) => {
      const json = basePolicyJson(base) as { maximum?: unknown };
      const checked = validatePolicy(json);
      expect(checked.ok ? checked.warnings.map((w) => w.code) : checked.issues).toEqual(json.maximum ? ['maximum_set'] : []);
    },
  );

  for (const { file, fixture } of policies) {
    it(`${fixture.description} (${file})`, () => {
      const json = applyPatch(basePolicyJson(fixture.base), fixture.patch);
      const checked = validatePolicy(json);
      const issues = checked.ok ? checked.warnings : checked.issues;
      const errors = issues.filter((i) => i.severity === 'error');
      const warnings = issues.filter((i) => i.severity === 'warning');

      expect(keys(errors), 'errors').toEqual(keys(fixture.expect));
      if (fixture.expectWarnings !== undefined) expect(keys(warnings), 'warnings').toEqual(keys(fixture.expectWarnings));
      expect(checked.ok, 'ok').toBe(fixture.expect.length === 0);
      expectTeachingMessages(issues);
    });
  }
});

describe('invalid assessment fixtures (rules/invalid/assessments)', () => {
  it('are well formed and have unique descriptions', () => {
    expect(assessments.length).toBeGreaterThan(0);
    for (const { file, fixture } of assessments) {
      expect(typeof fixture.description, file).toBe('string');
      expect(typeof fixture.policy, file).toBe('string');
      expect(Array.isArray(fixture.expect) && fixture.expect.length > 0, file).toBe(true);
    }
    const descriptions = assessments.map((a) => a.fixture.description);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });

  for (const { file, fixture } of assessments) {
    it(`${fixture.description} (${file})`, () => {
      const policy = applyPatch(basePolicyJson(fixture.policy), fixture.policyPatch ?? []);
      const checked = parseAssessment(compilePolicy(policy), fixture.assessment);
      expect(checked.ok, 'ok').toBe(false);
      const issues = checked.ok ? [] : checked.issues;
      expect(keys(issues)).toEqual(keys(fixture.expect));
      expect(
        issues.every((i) => i.severity === 'error'),
        'all are errors',
      ).toBe(true);
      expectTeachingMessages(issues);
    });
  }
});

describe('fixture coverage', () => {
  /** The codes of one union type in engine/issues.ts, read from the source so a new code needs a fixture. */
  function codesOf(typeName: string): string[] {
    const source = readFileSync(join(ROOT, 'engine', 'issues.ts'), 'utf8');
    const body = new RegExp(`export type ${typeName} =([^;]*);`).exec(source)?.[1];
    if (!body) throw new Error(`${typeName} not found in engine/issues.ts`);
    return [...body.replace(/\/\/.*$/gm, '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);
  }

  it('every PolicyIssueCode has a policy fixture', () => {
    const covered = new Set(policies.flatMap(({ fixture }) => [...fixture.expect, ...(fixture.expectWarnings ?? [])].map((e) => e.code)));
    expect(
      codesOf('PolicyIssueCode').filter((c) => !covered.has(c)),
      'policy codes with no fixture',
    ).toEqual([]);
  });

  it('every AssessmentIssueCode has an assessment fixture', () => {
    const covered = new Set(assessments.flatMap(({ fixture }) => fixture.expect.map((e) => e.code)));
    expect(
      codesOf('AssessmentIssueCode').filter((c) => !covered.has(c)),
      'assessment codes with no fixture',
    ).toEqual([]);
  });
});

describe('applyPatch (test/support/json-patch.ts)', () => {
  it('adds, replaces and removes, unescaping ~1 and ~0, without changing the input', () => {
    const input = { 'a/b': { 'c~d': 1 }, list: [1, 2] };
    const output = applyPatch(input, [
      { op: 'replace', path: '/a~1b/c~0d', value: 2 },
      { op: 'add', path: '/list/-', value: 3 },
      { op: 'add', path: '/list/0', value: 0 },
      { op: 'remove', path: '/list/1' },
      { op: 'add', path: '/new', value: { x: 1 } },
    ]);
    expect(output).toEqual({ 'a/b': { 'c~d': 2 }, list: [0, 2, 3], new: { x: 1 } });
    expect(input).toEqual({ 'a/b': { 'c~d': 1 }, list: [1, 2] });
  });

  it('refuses paths that do not resolve, so a stale fixture fails loudly', () => {
    expect(() => applyPatch({ a: 1 }, [{ op: 'replace', path: '/b', value: 1 }])).toThrow();
    expect(() => applyPatch({ a: [] }, [{ op: 'remove', path: '/a/0' }])).toThrow();
    expect(() => applyPatch({ a: 1 }, [{ op: 'add', path: '/x/y', value: 1 }])).toThrow();
  });
});
