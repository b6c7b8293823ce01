/**
 * The `ras` command as installed (bin/ras.js in a process of its own): it starts, reads real files and
 * exits with the documented statuses. Every other CLI test runs the same main() in-process.
 */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, rasProcess, tempFile } from '../support/cli.js';

const ADULT = join(ROOT, 'rules/examples/adult-ras/2009-pilot');

describe('the installed ras command', () => {
  it('validates a policy and exits 0', async () => {
    const { code, stdout } = await rasProcess('validate', join(ADULT, 'policy.json'));
    expect(code).toBe(0);
    expect(stdout).toContain('valid policy adult-ras version 2009-pilot');
  });

  it('evaluates a worked example in words: £320.00 a week for the older person with a carer', async () => {
    const { code, stdout } = await rasProcess(
      'evaluate',
      join(ADULT, 'policy.json'),
      join(ADULT, 'examples/older-person-carer-reduction.json'),
    );
    expect(code).toBe(0);
    expect(stdout).toContain('£320.00 a week');
  });

  it('exits 1 for an invalid policy, naming the problem', async () => {
    const { code, stderr } = await rasProcess('validate', tempFile('empty.json', '{}'));
    expect(code).toBe(1);
    expect(stderr).toContain("empty.json#/id  error  schema_required: 'id' is required here");
    expect(stderr).toContain('invalid policy, 11 errors');
  });

  it('exits 2 with usage for an unknown command', async () => {
    const { code, stderr } = await rasProcess('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toContain('Usage:');
  });
});
