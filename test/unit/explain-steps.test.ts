/**
 * explainSteps() is explain() itself, listed: the console's calculator, a decision's page and the published
 * example show these lines, so the steps read the same everywhere (one renderer of explanations).
 */

import { describe, expect, it } from 'vitest';
import { evaluate, explain, explainSteps } from '../../engine/index.js';
import { exampleVersions } from '../support/examples.js';

describe('the steps of an explanation', () => {
  for (const version of exampleVersions()) {
    const example = version.examples[0]!;
    it(`${version.scheme} ${version.version}: are explain()'s own lines from the total on, without the officers' flags`, () => {
      const result = evaluate(version.policy, example.json.assessment, example.json.asOf ? { asOf: example.json.asOf } : {});
      const steps = explainSteps(result);
      const text = explain(result);
      expect(steps[0]).toMatch(/^Total: [\d.]+ points?\.$/);
      for (const step of steps) expect(text).toContain(`  ${step}`);
      expect(steps.some((s) => s.includes('(because '))).toBe(false);
      if (result.weeklyPence !== null && !result.award) expect(steps.at(-1)).toMatch(/ a week; .* a month; .* a year \(a year counted as /);
    });
  }
});
