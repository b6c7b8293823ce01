/**
 * `ras compare` and `ras calibrate` as a user runs them. The three-person cohort is the adult worked
 * examples' people, so every figure below is hand-computed in those files' arithmetic.
 */

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validatePolicy } from '../../engine/index.js';
import { ROOT, ras } from '../support/cli.js';

const ADULT = join(ROOT, 'rules/examples/adult-ras');

const tempDir = () => mkdtempSync(join(tmpdir(), 'ras-compare-'));
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** "£1,234.56" or "+£1,234.56" or "-£1,234.56" -> pence. */
function pence(text: string): number {
  const m = /^([+-])?£([\d,]+)\.(\d\d)$/.exec(text);
  if (!m) throw new Error(`not money: ${text}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]!.replaceAll(',', '')) * 100 + Number(m[3]));
}

function moneyAfter(report: string, label: string): string {
  const m = new RegExp(`${label}\\s+([+-]?£[\\d,]+\\.\\d\\d)`).exec(report);
  if (!m) throw new Error(`no '${label}' in:\n${report}`);
  return m[1]!;
}

/** The CSV rows as objects (no quoted cells in these files but the headers). */
function csvRows(file: string): Array<Record<string, string>> {
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const names = header!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((cell, i) => [names[i]!, cell])));
}

const toPence = (pounds: string) => Math.round(Number(pounds) * 100);

// Three people from the 2009 pilot's worked examples (their 2010 examples have the same answers).
const WORKED = ['older-person-carer-reduction', 'learning-disability-no-carer', 'mental-health-carer-not-able'];
const BANDS: Record<string, string> = { 'A-0001': '75-84', 'A-0004': '18-24', 'A-0003': '25-44' };

function workedCohortCsv(): string {
  const assessments = WORKED.map((name) => readJson(join(ADULT, '2009-pilot/examples', `${name}.json`)).assessment);
  const questions = Object.keys(assessments[0].answers).sort();
  const header = [
    'ref',
    'clientGroup',
    'ageBand',
    'carerWilling',
    'carerAble',
    'carerSupportLevel',
    'carerImpact',
    'currentAnnualCost',
    ...questions,
  ];
  const rows = assessments.map((a) => [
    a.reference,
    a.clientGroup,
    BANDS[a.reference],
    ...(a.carer
      ? [String(a.carer.willingToContinue), String(a.carer.ableToContinue), a.carer.supportLevel, a.carer.impact]
      : ['', '', '', '']),
    '',
    ...questions.map((q) => a.answers[q]),
  ]);
  return `${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`;
}

let dir: string;
let worked: string;
let generated: string;

beforeAll(async () => {
  dir = tempDir();
  worked = join(dir, 'worked.csv');
  writeFileSync(worked, workedCohortCsv());
  generated = join(dir, 'generated.csv');
  const { stdout } = await ras(
    'cohort',
    'generate',
    '--policy',
    join(ADULT, '2009-pilot/policy.json'),
    '--size',
    '300',
    '--seed',
    '5',
    '--format',
    'csv',
  );
  writeFileSync(generated, stdout);
});

describe('ras compare', () => {
  it("prints each version's cost and who gains, hand-computed for the worked examples' three people", async () => {
    const csv = join(dir, 'worked-out.csv');
    const json = join(dir, 'worked-out.json');
    const { code, stdout, stderr } = await ras(
      'compare',
      'adult-ras',
      '2009-pilot',
      '2010-revised',
      '--cohort',
      worked,
      '--csv',
      csv,
      '--json',
      json,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // Default date: the 2010 uplift's, so it is in force.
    expect(stdout).toContain('As of: 2010-04-01 (the latest uplift date, so every uplift is in force)');
    // 2009 pilot, annual: 1 664 000 + 2 345 200 + 2 412 800 = 6 422 000p (worked examples).
    // 2010 revised with the uplift: 1 887 600 + 2 574 000 + 2 891 200 = 7 352 800p.
    expect(stdout).toMatch(/2009-pilot\s+3\s+£64,220\.00\s+£21,406\.67\s+£23,452\.00\s+£24,128\.00\s+£24,128\.00/);
    expect(stdout).toMatch(/2010-revised\s+3\s+£73,528\.00\s+£24,509\.33\s+£25,740\.00\s+£28,912\.00\s+£28,912\.00/);
    expect(stdout).toMatch(/Gainers\s+3\s+100\.0%/);
    expect(stdout).toMatch(/Losers\s+0\s+0\.0%/);
    expect(moneyAfter(stdout, 'Total change:')).toBe('+£9,308.00');
    expect(stdout).toContain('Total annual cost: £64,220.00 → £73,528.00');
    expect(stdout).toContain('Largest losses: none');
    // The largest gain: A-0003, 2 412 800 -> 2 891 200 = +478 400p.
    expect(stdout).toMatch(/A-0003\s+mental-health\s+25-44\s+£24,128\.00\s+£28,912\.00\s+\+£4,784\.00/);
    expect(stdout).toMatch(/learning-disability\s+1\s+1 \(100\.0%\)\s+0 \(0\.0%\)\s+0\s+\+£2,288\.00\s+\+£2,288\.00/);
    expect(stdout).toMatch(/75-84\s+1\s+1 \(100\.0%\)\s+0 \(0\.0%\)\s+0\s+\+£2,236\.00/);
    expect(stdout).toContain('Price per point (the standard table): £4.88 → £5.02 a week');
    expect(stdout).toContain('New uplift of 2.5% from 1 April 2010');

    const rows = csvRows(csv);
    expect(
      rows.map((r) => [r.ref, r['2009-pilot (£ a year)'], r['2010-revised (£ a year)'], r['change 2009-pilot to 2010-revised (£ a year)']]),
    ).toEqual([
      ['A-0001', '16640.00', '18876.00', '2236.00'],
      ['A-0004', '23452.00', '25740.00', '2288.00'],
      ['A-0003', '24128.00', '28912.00', '4784.00'],
    ]);
    const doc = readJson(json);
    expect(doc).not.toHaveProperty('amounts');
    expect(doc).not.toHaveProperty('included');
    expect(doc.pairs[0].overall.totalChangePence).toBe(930800);
    expect(doc.people[2]).toEqual({
      ref: 'A-0003',
      clientGroup: 'mental-health',
      ageBand: '25-44',
      compared: true,
      annualPence: { '2009-pilot': 2412800, '2010-revised': 2891200 },
      changePence: { '2010-revised': 478400 },
    });
  });

  it('takes a scheme folder as well as an example id, and an earlier --as-of leaves the uplift out', async () => {
    const { code, stdout } = await ras('compare', ADULT, '2009-pilot', '2010-revised', '--cohort', worked, '--as-of', '2010-03-31');
    expect(code).toBe(0);
    expect(stdout).toContain('As of: 2010-03-31 (as given)');
    // Before the uplift (older-person-before-uplift.json): A-0001 is £354.00 a week = 1 840 800p a year.
    expect(stdout).toMatch(/A-0001\s+older-people\s+75-84\s+£16,640\.00\s+£18,408\.00\s+\+£1,768\.00/);
  });

  it('counts changes within the materiality thresholds as unchanged', async () => {
    // Changes are £2,236, £2,288 and £4,784: at most £2,300 leaves one gainer.
    const { stdout } = await ras('compare', 'adult-ras', '2009-pilot', '2010-revised', '--cohort', worked, '--materiality-pounds', '2300');
    expect(stdout).toMatch(/Gainers\s+1\s+33\.3%/);
    expect(stdout).toMatch(/Unchanged\s+2\s+66\.7%/);
    expect(stdout).toContain('more than £2,300.00 a year');
  });

  it('writes a per-person CSV whose changes, and attribution steps, sum to the reported totals', async () => {
    const csv = join(dir, 'generated-out.csv');
    const { code, stdout } = await ras(
      'compare',
      'adult-ras',
      '2009-pilot',
      '2010-revised',
      '--cohort',
      generated,
      '--csv',
      csv,
      '--attribution',
    );
    expect(code).toBe(0);
    const rows = csvRows(csv);
    expect(rows).toHaveLength(300);
    const changeColumn = 'change 2009-pilot to 2010-revised (£ a year)';
    const total = rows.reduce((sum, r) => sum + toPence(r[changeColumn]!), 0);
    expect(total).toBe(pence(moneyAfter(stdout, 'Total change:')));
    expect(total).toBe(pence(moneyAfter(stdout, 'All steps')));
    const stepColumns = Object.keys(rows[0]!).slice(7);
    expect(stepColumns.length).toBeGreaterThanOrEqual(3);
    for (const r of rows)
      expect(
        stepColumns.reduce((s, c) => s + toPence(r[c]!), 0),
        r.ref,
      ).toBe(toPence(r[changeColumn]!));
    expect(stdout).toMatch(/Domain weights\s+\+£[\d,]+\.\d\d\s+\d+/);
    expect(stdout).toMatch(/Uplifts\s+\+£[\d,]+\.\d\d\s+\d+/);
    const gainers = Number(/Gainers\s+(\d+)/.exec(stdout)![1]);
    expect(gainers).toBe(rows.filter((r) => toPence(r[changeColumn]!) > 0).length);
  });

  it.each([
    [['adult-ras', '2009-pilot', '2010-revised'], '--cohort is required'],
    [['adult-ras', '2009-pilot', '--cohort', 'x.csv'], "'compare' takes a scheme and at least two versions"],
    [
      ['adult-ras', '2009-pilot', '2010-revised', '--cohort', 'x.csv', '--as-of', '2010-02-30'],
      '--as-of must be a date written YYYY-MM-DD',
    ],
    [
      ['adult-ras', '2009-pilot', '2010-revised', '--cohort', 'x.csv', '--materiality-percent', 'lots'],
      '--materiality-percent must be a percentage',
    ],
  ])('refuses %j with usage, exit 2', async (args, message) => {
    const { code, stderr } = await ras('compare', ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('names the versions there are when one is not, exit 2', async () => {
    const { code, stderr } = await ras('compare', 'adult-ras', '2009-pilot', '2099-future', '--cohort', worked);
    expect(code).toBe(2);
    expect(stderr).toContain('2099-future/policy.json: no such file; versions in');
    expect(stderr).toContain('2009-pilot, 2010-revised');
  });
});

describe('ras calibrate', () => {
  /**
   * The 2009 pilot priced a year at a time and rounded to the penny, so one step of the price
   * (£0.000001 a point) moves each person by at most a penny a year: the calibrated total must land
   * within a penny per person of the target.
   */
  function pennyScheme(): string {
    const scheme = join(tempDir(), 'penny-ras');
    const policy = readJson(join(ADULT, '2009-pilot/policy.json'));
    delete policy.$schema;
    policy.version = 'penny';
    policy.rounding = { unit: 'penny', mode: 'half-up' };
    policy.pricing.default = { ...policy.pricing.default, period: 'year', pencePerPoint: 10000 };
    policy.pricing.byClientGroup['learning-disability'] = {
      ...policy.pricing.byClientGroup['learning-disability'],
      period: 'year',
      pencePerPoint: 12000,
    };
    mkdirSync(join(scheme, 'penny'), { recursive: true });
    writeFileSync(join(scheme, 'penny/policy.json'), JSON.stringify(policy, null, 2));
    return scheme;
  }

  it('lands within a penny per person of the target, hand-computed before, and saves a valid policy', async () => {
    const scheme = pennyScheme();
    const { code, stdout, stderr } = await ras(
      'calibrate',
      scheme,
      'penny',
      '--cohort',
      worked,
      '--budget',
      '£20,000',
      '--save-as',
      'penny-calibrated',
      '--out',
      scheme,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // A-0001: 77 × 10 000 = 770 000, less 15% (115 500) = 654 500; A-0004: 85 × 12 000 = 1 020 000;
    // A-0003: 95 × 10 000 = 950 000 (carer not able). Total 2 624 500p.
    expect(moneyAfter(stdout, 'Current total:')).toBe('£26,245.00');
    expect(stdout).toContain('£6,245.00 over the budget');
    expect(moneyAfter(stdout, 'Target:')).toBe('£20,000.00');
    const calibrated = pence(moneyAfter(stdout, 'Calibrated total:'));
    expect(calibrated).toBeLessThanOrEqual(2_000_000);
    expect(2_000_000 - calibrated).toBeLessThanOrEqual(3);
    expect(pence(moneyAfter(stdout, 'Gap to target:'))).toBe(2_000_000 - calibrated);
    expect(stdout).toMatch(/100%\s+1\.00\s+£26,245\.00\s+\+£6,245\.00/);

    const file = join(scheme, 'penny-calibrated/policy.json');
    expect(stdout).toContain(`Wrote the calibrated policy as version penny-calibrated: ${file}`);
    const saved = readJson(file);
    expect(saved.version).toBe('penny-calibrated');
    expect(validatePolicy(saved).ok).toBe(true);
    expect((await ras('validate', file)).code).toBe(0);
    expect(stdout).toContain(`£100.00 a point  £${(saved.pricing.default.pencePerPoint / 100).toString()} a point`);

    // Evaluated afresh, the saved version costs what calibrate said it would.
    const compared = await ras('compare', scheme, 'penny', 'penny-calibrated', '--cohort', worked);
    expect(compared.code).toBe(0);
    expect(compared.stdout).toContain(`Total annual cost: £26,245.00 → ${moneyAfter(stdout, 'Calibrated total:')}`);
  });

  it('holds back the contingency and stays within a penny per person on a larger cohort', async () => {
    const scheme = pennyScheme();
    const { code, stdout } = await ras(
      'calibrate',
      scheme,
      'penny',
      '--cohort',
      generated,
      '--budget',
      '1234567.89',
      '--contingency',
      '2.5',
    );
    expect(code).toBe(0);
    // 123 456 789 × 97.5% = 120 370 369.275, rounded down to 120 370 369p.
    expect(moneyAfter(stdout, 'Target:')).toBe('£1,203,703.69');
    expect(stdout).toContain('2.5% (£30,864.20 held back)');
    const gap = pence(moneyAfter(stdout, 'Gap to target:'));
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThanOrEqual(300);
    expect(stdout).toMatch(/Against current package costs, at the calibrated prices \(\d+ people with a known cost\)/);
  });

  it('scales band amounts for a banded scheme', async () => {
    const cohort = join(dir, 'children.csv');
    writeFileSync(
      cohort,
      (
        await ras(
          'cohort',
          'generate',
          '--policy',
          join(ROOT, 'rules/examples/childrens-ras/2013-revised/policy.json'),
          '--size',
          '100',
          '--seed',
          '2',
          '--format',
          'csv',
        )
      ).stdout,
    );
    const { code, stdout } = await ras('calibrate', 'childrens-ras', '2013-revised', '--cohort', cohort, '--budget', '500000');
    expect(code).toBe(0);
    expect(stdout).toMatch(/standard\s+bands\s+£1,040\.00 \(top band\)\s+£[\d,]+\.\d\d \(top band\)/);
    expect(stdout).toContain('Band amounts are each scaled by');
    expect(pence(moneyAfter(stdout, 'Gap to target:'))).toBeGreaterThanOrEqual(0);
  });

  it.each([
    [['--cohort', 'x.csv'], '--budget is required'],
    [['--cohort', 'x.csv', '--budget', '12.345'], "--budget: '12.345' has 3 decimal places"],
    [['--cohort', 'x.csv', '--budget', '100', '--save-as', 'v2'], '--save-as and --out go together'],
    [['--cohort', 'x.csv', '--budget', '100', '--contingency', '100'], '--contingency must be a percentage from 0 to 99.99'],
  ])('refuses %j with usage, exit 2', async (args, message) => {
    const { code, stderr } = await ras('calibrate', 'adult-ras', '2010-revised', ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('will not overwrite an existing version', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'taken'));
    writeFileSync(join(out, 'taken/policy.json'), '{"keep": true}');
    const { code, stderr } = await ras(
      'calibrate',
      'adult-ras',
      '2010-revised',
      '--cohort',
      worked,
      '--budget',
      '70000',
      '--save-as',
      'taken',
      '--out',
      out,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('taken/policy.json: already exists');
    expect(readJson(join(out, 'taken/policy.json'))).toEqual({ keep: true });
  });
});
