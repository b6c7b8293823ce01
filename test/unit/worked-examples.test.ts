/**
 * Every example policy's worked examples, computed by hand, must come out of the engine exactly;
 * and each result must match its golden file byte for byte, so an engine change that moves any
 * figure or explanation line is seen (regenerate with `npm run golden` and review the diff).
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, runWorkedExample, validatePolicy } from '../../engine/index.js';
import { exampleVersions } from '../support/examples.js';

for (const version of exampleVersions()) {
  describe(`${version.scheme} ${version.version}`, () => {
    // The one warning an example may carry is the ADASS one, which every scheme with a maximum gets.
    it('is a valid policy with no warnings but the ADASS one for a maximum', () => {
      const checked = validatePolicy(version.policy);
      expect(checked.ok ? checked.warnings.map((w) => w.code) : checked.issues).toEqual(
        (version.policy as { maximum?: unknown }).maximum === undefined ? [] : ['maximum_set'],
      );
    });

    it('has at least five worked examples, each stating the amounts and flags it expects', () => {
      expect(version.examples.length).toBeGreaterThanOrEqual(5);
      for (const { json } of version.examples) {
        expect(Object.keys(json.expect), json.name).toEqual(
          expect.arrayContaining(['totalPoints', 'allocation', 'weeklyPence', 'monthlyPence', 'annualPence', 'flags']),
        );
        expect(json.arithmetic?.length, json.name).toBeGreaterThan(0);
      }
    });

    it('fails a worked example whose hand figure is a penny out', async () => {
      const { json } = version.examples.find((e) => e.json.expect.weeklyPence != null)!;
      const wrong = { ...json, expect: { ...json.expect, weeklyPence: json.expect.weeklyPence + 1 } };
      const outcome = await runWorkedExample(version.policy, wrong);
      expect(outcome.passed).toBe(false);
      expect(outcome.differences).toEqual([
        { field: 'weeklyPence', expected: json.expect.weeklyPence + 1, actual: json.expect.weeklyPence },
      ]);
    });

    for (const example of version.examples) {
      describe(example.json.name, () => {
        it('gives the hand-computed amount and flags', async () => {
          const outcome = await runWorkedExample(version.policy, example.json);
          expect(outcome.issues ?? []).toEqual([]);
          expect(outcome.differences).toEqual([]);
        });

        it('reproduces its golden result byte for byte', () => {
          const golden = join(version.dir, 'golden', `${example.name}.result.json`);
          expect(existsSync(golden), `${golden} is missing: run npm run golden`).toBe(true);
          const { asOf, assessment } = example.json;
          const result = evaluate(version.policy, assessment, asOf ? { asOf } : {});
          expect(`${JSON.stringify(result, null, 2)}\n`).toBe(readFileSync(golden, 'utf8'));
        });
      });
    }
  });
}
