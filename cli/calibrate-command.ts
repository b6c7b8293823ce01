import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calibrate, perPoint, validatePolicy, type Calibration, type Policy } from '../engine/index.js';
import { formatIssues } from './format-issues.js';
import { readCohortFile } from './cohort-file.js';
import { InvalidInputError } from './invalid-input.js';
import { defaultAsOf, readVersion, schemeDir } from './policy-files.js';
import { InputError } from './read-json.js';
import { change, money, plural, table } from './report-format.js';

export interface CalibrateArgs {
  scheme: string;
  version: string;
  cohortFile: string;
  budgetPence: number;
  contingencyPercent: number;
  asOf?: string;
  saveAs?: string;
  outDir?: string;
}

/**
 * ras calibrate <scheme> <version> --cohort <file> --budget <pounds>: the prices that make the cohort
 * cost what the budget allows after contingency, how near they come, and how the total moves with
 * the prices; --save-as writes the calibrated version as a new draft policy file.
 */
export async function calibrateCommand(args: CalibrateArgs, out: NodeJS.WritableStream): Promise<number> {
  const compiled = await readVersion(schemeDir(args.scheme), args.version);
  const { cohort, meta } = await readCohortFile(args.cohortFile, [compiled]);
  const dated = args.asOf ? { asOf: args.asOf, why: 'as given' } : defaultAsOf([compiled]);
  const result = calibrate(compiled, cohort, {
    asOf: dated.asOf,
    budgetPence: args.budgetPence,
    contingencyPercent: args.contingencyPercent,
  });

  let saved: string | undefined;
  if (args.saveAs) saved = await saveCalibrated(result.calibratedPolicy, args.saveAs, args.outDir!);
  out.write(report(args, compiled.policy, meta.name, dated, result, saved));
  return 0;
}

function report(
  args: CalibrateArgs,
  policy: Policy,
  cohortName: string,
  dated: { asOf: string; why: string },
  c: Calibration,
  saved: string | undefined,
): string {
  const lines: string[] = [];
  const overUnder = (pence: number) => (pence > 0 ? `${money(pence)} over` : pence < 0 ? `${money(-pence)} under` : 'exactly on');
  lines.push(`Calibration of ${policy.id} ${policy.version} (${policy.title})`);
  lines.push(
    `Cohort: "${cohortName}" (${args.cohortFile}), ${plural(c.people, 'person', 'people')} costed${c.excluded ? `, ${plural(c.excluded, 'person', 'people')} could not be evaluated and are left out` : ''}`,
  );
  lines.push(`As of: ${dated.asOf} (${dated.why})`);
  lines.push('');
  lines.push(`Budget:          ${money(c.budgetPence)} a year`);
  lines.push(`Contingency:     ${c.contingencyPercent}% (${money(c.budgetPence - c.targetPence)} held back)`);
  lines.push(`Target:          ${money(c.targetPence)} a year`);
  lines.push(
    `Current total:   ${money(c.current.totalPence)} a year: ${overUnder(c.current.againstBudgetPence)} the budget, ${overUnder(c.current.againstTargetPence)} the target`,
  );
  lines.push('');
  lines.push(`Calibrated prices (every price scaled by ${c.factor.toFixed(6)}):`);
  lines.push(
    table(
      ['table', 'method', 'now', 'calibrated'],
      c.prices.map((p) => {
        const price = (pence: number) =>
          p.unit === 'pence a point'
            ? perPoint(pence)
            : p.unit === 'pence an hour'
              ? `${money(pence)} an hour`
              : `${money(pence)} (top band)`;
        return [p.table === 'default' ? 'standard' : p.table, p.method, price(p.before), price(p.after)];
      }),
    ),
  );
  if (c.prices.some((p) => p.method === 'bands'))
    lines.push(`  Band amounts are each scaled by ${c.factor.toFixed(6)} and rounded to the penny.`);
  lines.push(`Calibrated total: ${money(c.calibratedTotalPence)} a year`);
  lines.push(`Gap to target:    ${money(c.gapPence)} unspent (prices move in steps, so the total cannot always meet the target exactly)`);
  lines.push('');
  lines.push("Sensitivity (all prices at a percentage of today's):");
  lines.push(
    table(
      ['prices', 'factor', 'total a year', 'against budget'],
      c.sensitivity.map((s) => [`${s.percent}%`, s.factor.toFixed(2), money(s.totalPence), change(s.againstBudgetPence)]),
    ),
  );
  if (c.currentCost) {
    const k = c.currentCost;
    lines.push('');
    lines.push(`Against current package costs, at the calibrated prices (${plural(k.people, 'person', 'people')} with a known cost):`);
    lines.push(
      `  mean difference ${change(k.meanDifferencePence)}, median ${change(k.medianDifferencePence)}; ${k.above} above, ${k.equal} equal, ${k.below} below their current cost`,
    );
  }
  if (saved) {
    lines.push('');
    lines.push(`Wrote the calibrated policy as version ${args.saveAs}: ${saved}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes <dir>/<version>/policy.json, refusing to overwrite (a calibrated version is a new draft,
 * never a silent edit of one already ratified) and checking it is a valid policy first.
 */
async function saveCalibrated(calibrated: Policy, version: string, dir: string): Promise<string> {
  // The example files' relative $schema would point nowhere from another folder.
  const { $schema: _, ...rest } = calibrated as Policy & { $schema?: string };
  const policy = { ...rest, version };
  const checked = validatePolicy(policy);
  const file = join(dir, version, 'policy.json');
  if (!checked.ok)
    throw new InvalidInputError(
      `${formatIssues(file, checked.issues)}\n${file}: the calibrated policy is not valid, so it was not written`,
    );
  if (existsSync(file)) throw new InputError(`${file}: already exists; choose another --save-as version or --out folder`);
  try {
    await mkdir(join(dir, version), { recursive: true });
    await writeFile(file, `${JSON.stringify(policy, null, 2)}\n`);
  } catch (e) {
    throw new InputError(`${file}: cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return file;
}
