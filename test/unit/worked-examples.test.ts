/**
 * Every example policy's worked examples, computed by hand, must come out of the engine exactly;
 * and each result must match its golden file byte for byte, so an engine change that moves any
 * figure or explanation line is seen (regenerate with `npm run golden` and review the diff).
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, validatePolicy } from '../../engine/index.js';
import { exampleVersions } from '../support/examples.js';

for (const version of exampleVersions()) {
  describe(`${version.scheme} ${version.version}`, () => {
    it('is a valid policy with no warnings', () => {
      const checked = validatePolicy(version.policy);
      expect(checked.ok ? checked.warnings : checked.issues).toEqual([]);
    });

    it('has at least five worked examples', () => {
      expect(version.examples.length).toBeGreaterThanOrEqual(5);
    });

    for (const example of version.examples) {
      describe(example.json.name, () => {
        it('gives the hand-computed amount and flags', async () => {
          const { asOf, assessment, expect: want } = example.json;
          const result = await evaluate(version.policy, assessment, asOf ? { asOf } : {});
          expect({
            totalPoints: result.points.total,
            allocation: result.allocation,
            weeklyPence: result.weeklyPence,
            monthlyPence: result.monthlyPence,
            annualPence: result.annualPence,
            flags: result.flags.map((f) => f.code),
            ...(want.carerReductionApplied === undefined ? {} : { carerReductionApplied: result.carerAdjustment.applied }),
          }).toEqual(want);
        });

        it('reproduces its golden result byte for byte', async () => {
          const golden = join(version.dir, 'golden', `${example.name}.result.json`);
          expect(existsSync(golden), `${golden} is missing: run npm run golden`).toBe(true);
          const { asOf, assessment } = example.json;
          const result = await evaluate(version.policy, assessment, asOf ? { asOf } : {});
          expect(JSON.stringify(result, null, 2) + '\n').toBe(readFileSync(golden, 'utf8'));
        });
      });
    }
  });
}
