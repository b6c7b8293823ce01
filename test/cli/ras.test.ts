/** The `ras` command, run as a user runs it: a real process, real files, real exit codes. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ras, ROOT, tempFile } from '../support/cli.js';
import { describe, expect, it } from 'vitest';

const ADULT = join(ROOT, 'rules/examples/adult-ras/2009-pilot');
const CHILDREN = join(ROOT, 'rules/examples/childrens-ras/2013-revised');

describe('ras validate', () => {
  it('accepts a valid policy and names it', async () => {
    const { code, stdout } = await ras('validate', join(ADULT, 'policy.json'));
    expect(code).toBe(0);
    expect(stdout).toContain('valid policy adult-ras version 2009-pilot');
  });

  it('lists every problem of an invalid policy with its JSON Pointer and exits 1', async () => {
    const policy = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(ADULT, 'policy.json'), 'utf8')));
    policy.pricing.default.pencePerPoint = -5;
    policy.rounding.mode = 'nearest';
    const { code, stderr } = await ras('validate', tempFile('bad.json', JSON.stringify(policy)));
    expect(code).toBe(1);
    expect(stderr).toContain('#/pricing/default/pencePerPoint  error  schema_range');
    expect(stderr).toContain('#/rounding/mode  error  schema_enum');
    expect(stderr).toContain('invalid policy, 2 errors');
  });

  it('says which file is not JSON, and exits 2', async () => {
    const { code, stderr } = await ras('validate', tempFile('broken.json', '{ "id": '));
    expect(code).toBe(2);
    expect(stderr).toMatch(/broken\.json: not valid JSON/);
  });

  it('says a missing file is missing, and exits 2', async () => {
    const { code, stderr } = await ras('validate', '/nonexistent/policy.json');
    expect(code).toBe(2);
    expect(stderr).toContain('/nonexistent/policy.json: no such file');
  });
});

describe('ras evaluate', () => {
  it('prints the explained amount for a worked example', async () => {
    // 2009 pilot, older person with a carer: the worked example expects £320.00 a week.
    const { code, stdout } = await ras('evaluate', join(ADULT, 'policy.json'), join(ADULT, 'examples/older-person-carer-reduction.json'));
    expect(code).toBe(0);
    expect(stdout).toContain('How your indicative personal budget was worked out');
    expect(stdout).toContain('£320.00 a week');
    expect(stdout).toContain('reduced by');
  });

  it('prints the full result as JSON with --json', async () => {
    const { code, stdout } = await ras(
      'evaluate',
      join(CHILDREN, 'policy.json'),
      join(CHILDREN, 'examples/teenage-85-top-band-on-uplift-day.json'),
      '--json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    // Top band £1,040.00 a month, +1.7% uplift on its first day = 105 768p; × 12 = 1 269 216p a year.
    expect(result.allocation).toEqual({ period: 'month', pence: 105768 });
    expect(result.annualPence).toBe(1269216);
    expect(result.provenance.policyId).toBe('childrens-ras');
  });

  it('evaluates a plain assessment file as of another date with --as-of', async () => {
    const example = JSON.parse(
      await import('node:fs').then((fs) => fs.readFileSync(join(CHILDREN, 'examples/teenage-85-top-band-on-uplift-day.json'), 'utf8')),
    );
    const file = tempFile('assessment.json', JSON.stringify(example.assessment));
    // The day before the uplift, the top band is £1,040.00 a month with no uplift.
    const { code, stdout } = await ras('evaluate', join(CHILDREN, 'policy.json'), file, '--json', '--as-of', '2013-03-31');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).allocation.pence).toBe(104000);
  });

  it('names each bad field of an invalid assessment and exits 1', async () => {
    const file = tempFile('assessment.json', JSON.stringify({ assessmentDate: '2009-06-01', age: 70, clientGroup: 'aliens', answers: {} }));
    const { code, stderr } = await ras('evaluate', join(ADULT, 'policy.json'), file);
    expect(code).toBe(1);
    expect(stderr).toContain("#/clientGroup  error  unknown_client_group: client group 'aliens' is not one of this policy's");
    expect(stderr).toContain('invalid assessment for this policy');
  });

  it('refuses a malformed --as-of date and shows usage, exit 2', async () => {
    const { code, stderr } = await ras(
      'evaluate',
      join(ADULT, 'policy.json'),
      join(ADULT, 'examples/older-person-carer-reduction.json'),
      '--as-of',
      '1/4/2010',
    );
    expect(code).toBe(2);
    expect(stderr).toContain('--as-of must be a date written YYYY-MM-DD');
    expect(stderr).toContain('Usage:');
  });
});

describe('ras usage', () => {
  it('refuses an unknown command with usage, exit 2', async () => {
    const { code, stderr } = await ras('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'frobnicate'");
  });

  it('refuses the wrong number of files, exit 2', async () => {
    const { code, stderr } = await ras('evaluate', join(ADULT, 'policy.json'));
    expect(code).toBe(2);
    expect(stderr).toContain("'evaluate' takes 2 files, got 1");
  });
});

describe('a base amount beside a price per point', () => {
  const pilot = () => JSON.parse(readFileSync(join(ADULT, 'policy.json'), 'utf8'));
  const assessment = () =>
    tempFile(
      'carer-assessment.json',
      JSON.stringify(JSON.parse(readFileSync(join(ADULT, 'examples/older-person-carer-reduction.json'), 'utf8')).assessment),
    );

  it('evaluates with the base added before the carer adjustment and the rounding', async () => {
    const policy = { ...pilot(), schemaVersion: 2 };
    policy.pricing.default.basePence = 2000;
    const { code, stdout } = await ras('evaluate', tempFile('base.json', JSON.stringify(policy)), assessment());
    expect(code).toBe(0);
    // 77 points × 488p = 37 576p; + base 2 000p = 39 576p
    expect(stdout).toContain('A base of £20.00, plus 77 points × £4.88 a point (£375.76) = £395.76 a week.');
    // carer 15%: 39 576p × 15% = 5 936.4p, rounded up 5 937p; 39 576p − 5 937p = 33 639p; to the pound, up: £337.00
    expect(stdout).toContain('£337.00 a week');
  });

  it('refuses a base amount in a version-1 policy, with its pointer and what to do (exit 1)', async () => {
    const policy = pilot();
    policy.pricing.default.basePence = 2000;
    const { code, stderr } = await ras('validate', tempFile('v1-base.json', JSON.stringify(policy)));
    expect(code).toBe(1);
    expect(stderr).toContain('#/pricing/default/basePence  error  needs_schema_version_2');
    expect(stderr).toContain('set schemaVersion to 2, or remove basePence');
  });

  it('validates a maximum with a warning that the ADASS framework recommends no ceiling (exit 0)', async () => {
    const policy = { ...pilot(), schemaVersion: 2 };
    policy.maximum = { pence: 50_000, period: 'week', route: { id: 'panel', label: 'Resource panel', words: 'Ask for a panel review.' } };
    const { code, stdout, stderr } = await ras('validate', tempFile('maximum.json', JSON.stringify(policy)));
    expect(code).toBe(0);
    expect(`${stdout}${stderr}`).toContain('#/maximum  warning  maximum_set');
    expect(`${stdout}${stderr}`).toContain('the ADASS framework recommends no cost ceiling');
  });
});

describe('results without an amount, eligibility and awards', () => {
  const SHORT_BREAKS = join(ROOT, 'rules/examples/childrens-short-breaks/2024-25');
  const CARERS = join(ROOT, 'rules/examples/carers-one-off-payment/2024-25');
  const exampleAssessment = (dir: string, name: string) =>
    tempFile(`${name}.json`, JSON.stringify(JSON.parse(readFileSync(join(dir, 'examples', `${name}.json`), 'utf8')).assessment));

  it('evaluates a band whose outcome has no amount: the outcome in words, no figure (exit 0)', async () => {
    const { code, stdout } = await ras(
      'evaluate',
      join(SHORT_BREAKS, 'policy.json'),
      exampleAssessment(SHORT_BREAKS, 'answers-8-universal-services'),
    );
    expect(code).toBe(0);
    expect(stdout).toContain(
      '8 points falls in "Universal and targeted services" (0 to 9 points), which gives no amount: Universal and targeted services.',
    );
    expect(stdout).not.toContain('a week;');
  });

  it('evaluates a yearly award pro rata, saying how much of the year is left', async () => {
    const { code, stdout } = await ras(
      'evaluate',
      join(SHORT_BREAKS, 'policy.json'),
      exampleAssessment(SHORT_BREAKS, 'given-25-band-b-from-june'),
    );
    expect(code).toBe(0);
    expect(stdout).toContain('£1,000.00 × 10/12 = £833.33 is paid for this year.');
  });

  it('evaluates a carer who has had a payment this year as not eligible, with the reason (exit 0)', async () => {
    const { code, stdout } = await ras('evaluate', join(CARERS, 'policy.json'), exampleAssessment(CARERS, 'not-eligible-paid-this-year'));
    expect(code).toBe(0);
    expect(stdout).toContain('No payment yet this financial year: not met. A carer can have one payment in a financial year');
    expect(stdout).toContain('So you are not eligible for this scheme, and no amount is worked out.');
  });

  it('refuses an assessment that leaves out a fact the policy tests, naming it (exit 1)', async () => {
    const assessment = JSON.parse(readFileSync(join(CARERS, 'examples/15-points-asked-300.json'), 'utf8')).assessment;
    delete assessment.facts['payments-this-year'];
    const { code, stderr } = await ras('evaluate', join(CARERS, 'policy.json'), tempFile('no-fact.json', JSON.stringify(assessment)));
    expect(code).toBe(1);
    expect(stderr).toContain('fact_missing');
    expect(stderr).toContain("state 'payments-this-year'");
  });
});
