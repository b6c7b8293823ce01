import { writeFile } from 'node:fs/promises';
import {
  attributeChanges,
  compareCohort,
  csvLines,
  peopleTable,
  type Attribution,
  type Comparison,
  type PairComparison,
  type PairStats,
  type VersionUnderTest,
} from '../engine/index.js';
import { readCohortFile, type LoadedCohort } from './cohort-file.js';
import { defaultAsOf, readVersion, schemeDir } from './policy-files.js';
import { InputError } from './read-json.js';
import { change, money, plural, share, table } from './report-format.js';

export interface CompareArgs {
  scheme: string;
  versions: string[];
  cohortFile: string;
  asOf?: string;
  materialityPence?: number;
  materialityPercent?: number;
  csvFile?: string;
  jsonFile?: string;
  attribution: boolean;
}

/** How many of the largest gains and losses a printed report lists. */
const TOP = 5;

/**
 * ras compare <scheme> <versionA> <versionB> [...] --cohort <file>: what each version costs over the
 * cohort, and for each later version against the first who gains and who loses, by how much, where,
 * and why (the policy changes, and with --attribution the share of the change each part accounts for).
 */
const PROGRESS_FROM = 100_000;
const PROGRESS_EVERY = 100_000;

export async function compareCommand(args: CompareArgs, out: NodeJS.WritableStream, progress: NodeJS.WritableStream): Promise<number> {
  const dir = schemeDir(args.scheme);
  const versions: VersionUnderTest[] = await Promise.all(
    args.versions.map(async (version) => ({ version, compiled: await readVersion(dir, version) })),
  );
  const loaded = await readCohortFile(
    args.cohortFile,
    versions.map((v) => v.compiled),
  );
  const dated = args.asOf ? { asOf: args.asOf, why: 'as given' } : defaultAsOf(versions.map((v) => v.compiled));
  const materiality = {
    ...(args.materialityPence !== undefined ? { pence: args.materialityPence } : {}),
    ...(args.materialityPercent !== undefined ? { percent: args.materialityPercent } : {}),
  };
  // A large cohort takes seconds: say how far it has got, on stderr so the report stays clean.
  const onProgress =
    loaded.cohort.size >= PROGRESS_FROM
      ? (done: number, total: number) => {
          if (done % PROGRESS_EVERY === 0 || done === total)
            progress.write(`compared ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} people\n`);
        }
      : undefined;
  const comparison = compareCohort(versions, loaded.cohort, { asOf: dated.asOf, materiality, top: TOP, onProgress });
  const attributions = args.attribution
    ? comparison.pairs.map((_, k) => attributeChanges(versions[0]!, versions[k + 1]!, loaded.cohort, dated.asOf, comparison.included))
    : [];

  const written: string[] = [];
  if (args.csvFile) {
    const table = peopleTable(comparison, loaded.cohort, attributions);
    await save(args.csvFile, csvLines([table.header, ...table.rows]));
    written.push(`per-person CSV: ${args.csvFile}`);
  }
  if (args.jsonFile) {
    await save(args.jsonFile, `${JSON.stringify(comparisonJson(args, versions, loaded, dated, comparison, attributions), null, 2)}\n`);
    written.push(`comparison JSON: ${args.jsonFile}`);
  }
  out.write(report(args, versions, loaded, dated, comparison, attributions, written));
  return 0;
}

async function save(file: string, content: string): Promise<void> {
  try {
    await writeFile(file, content);
  } catch (e) {
    throw new InputError(`${file}: cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

function report(
  args: CompareArgs,
  versions: VersionUnderTest[],
  loaded: LoadedCohort,
  dated: { asOf: string; why: string },
  comparison: Comparison,
  attributions: Attribution[],
  written: string[],
): string {
  const { policy } = versions[0]!.compiled;
  const lines: string[] = [];
  const blank = () => lines.push('');
  lines.push(`Comparison of ${policy.id}: ${args.versions.join(' → ')}`);
  lines.push(
    `Cohort: "${loaded.meta.name}" (${args.cohortFile}), ${plural(comparison.cohortSize, 'person', 'people')}; ${plural(comparison.evaluated, 'person', 'people')} compared`,
  );
  lines.push(`As of: ${dated.asOf} (${dated.why})`);
  lines.push(`Materiality: ${materialityText(args)}`);
  if (comparison.excluded.count > 0) {
    blank();
    lines.push(
      `Not compared: ${plural(comparison.excluded.count, 'person', 'people')} could not be evaluated under every version, for example:`,
    );
    for (const x of comparison.excluded.examples.slice(0, TOP)) lines.push(`  ${x.ref} under ${x.version}: ${x.reason}`);
  }
  blank();
  lines.push('Annual cost by version');
  lines.push(
    table(
      ['version', 'people', 'total', 'mean', 'median', 'p90', 'max'],
      comparison.versions.map((v) => [
        v.version,
        String(v.summary.people),
        money(v.summary.totalPence),
        money(v.summary.meanPence),
        money(v.summary.medianPence),
        money(v.summary.p90Pence),
        money(v.summary.maxPence),
      ]),
    ),
  );
  for (const v of comparison.versions) {
    const flags = Object.entries(v.flags);
    if (flags.length) lines.push(`  Flags under ${v.version}: ${flags.map(([f, n]) => `${f} ${n}`).join(', ')}`);
  }
  const withCost = comparison.versions.filter((v) => v.currentCost);
  if (withCost.length) {
    blank();
    lines.push(`Against current package costs (${plural(withCost[0]!.currentCost!.people, 'person', 'people')} with a known cost)`);
    lines.push(
      table(
        ['version', 'mean difference', 'median difference', 'above', 'equal', 'below'],
        withCost.map((v) => [
          v.version,
          change(v.currentCost!.meanDifferencePence),
          change(v.currentCost!.medianDifferencePence),
          String(v.currentCost!.above),
          String(v.currentCost!.equal),
          String(v.currentCost!.below),
        ]),
      ),
    );
  }
  comparison.pairs.forEach((pair, k) => {
    blank();
    lines.push(...pairReport(pair, attributions[k]));
  });
  if (written.length) {
    blank();
    lines.push(...written.map((w) => `Wrote ${w}`));
  }
  return `${lines.join('\n')}\n`;
}

function materialityText(args: CompareArgs): string {
  const parts = [
    ...(args.materialityPence !== undefined ? [`more than ${money(args.materialityPence)} a year`] : []),
    ...(args.materialityPercent !== undefined ? [`more than ${args.materialityPercent}% of the first version's amount`] : []),
  ];
  return parts.length
    ? `a change counts as a gain or loss only if it is ${parts.join(' and ')}`
    : 'any change of a penny or more counts as a gain or loss';
}

function pairReport(pair: PairComparison, attribution: Attribution | undefined): string[] {
  const o = pair.overall;
  const lines = [`${pair.base} → ${pair.candidate}`];
  lines.push(
    table(
      ['', 'people', 'share'],
      [
        ['Gainers', String(o.gainers), share(o.gainersShare)],
        ['Losers', String(o.losers), share(o.losersShare)],
        ['Unchanged', String(o.unchanged), share(o.unchangedShare)],
      ],
    ),
  );
  const percent =
    o.totalBasePence > 0 ? ` (${o.totalChangePence >= 0 ? '+' : ''}${((o.totalChangePence / o.totalBasePence) * 100).toFixed(1)}%)` : '';
  lines.push(`  Total annual cost: ${money(o.totalBasePence)} → ${money(o.totalCandidatePence)}`);
  lines.push(`  Total change: ${change(o.totalChangePence)} a year${percent}`);
  lines.push(`  Average change: ${change(o.meanChangePence)} a year per person`);
  for (const [title, people] of [
    ['Largest losses', pair.largestLosses],
    ['Largest gains', pair.largestGains],
  ] as const) {
    if (people.length === 0) {
      lines.push(`  ${title}: none`);
      continue;
    }
    lines.push(`  ${title}:`);
    lines.push(
      table(
        ['ref', 'client group', 'age band', pair.base, pair.candidate, 'change'],
        people.map((p) => [p.ref, p.clientGroup, p.ageBand, money(p.basePence), money(p.candidatePence), change(p.changePence)]),
        '    ',
      ),
    );
  }
  lines.push('  By client group:', groupTable('client group', pair.byClientGroup));
  lines.push('  By age band:', groupTable('age band', pair.byAgeBand));
  lines.push(pair.policyChanges.length ? `  Policy changes (${pair.policyChanges.length}):` : '  Policy changes: none');
  for (const c of pair.policyChanges) lines.push(`    - ${c.description}`);
  if (attribution) {
    lines.push('  Attribution (the changed parts applied one at a time, in this order):');
    lines.push(
      table(
        ['step', 'total change', 'people affected'],
        [
          ...attribution.steps.map((s) => [s.label, change(s.totalAnnualChangePence), String(s.peopleAffected)]),
          ['All steps', change(attribution.steps.reduce((t, s) => t + s.totalAnnualChangePence, 0)), ''],
        ],
        '    ',
      ),
    );
  }
  return lines;
}

function groupTable(title: string, groups: Record<string, PairStats>): string {
  return table(
    [title, 'people', 'gainers', 'losers', 'unchanged', 'total change', 'average change'],
    Object.entries(groups).map(([g, s]) => [
      g,
      String(s.people),
      `${s.gainers} (${share(s.gainersShare)})`,
      `${s.losers} (${share(s.losersShare)})`,
      String(s.unchanged),
      change(s.totalChangePence),
      change(s.meanChangePence),
    ]),
    '    ',
  );
}

/** The comparison as data, with the per-person typed arrays turned into rows a reader can use. */
function comparisonJson(
  _args: CompareArgs,
  versions: VersionUnderTest[],
  loaded: LoadedCohort,
  dated: { asOf: string; why: string },
  comparison: Comparison,
  attributions: Attribution[],
) {
  const { amounts, included, ...rest } = comparison;
  const { cohort } = loaded;
  const people = Array.from({ length: cohort.size }, (_, i) => {
    const compared = included[i] === 1;
    return {
      ref: cohort.refs[i]!,
      clientGroup: cohort.clientGroups[cohort.clientGroupOf[i]!]!,
      ageBand: cohort.ageBands[cohort.ageBandOf[i]!]!.label,
      compared,
      ...(compared
        ? {
            annualPence: Object.fromEntries(versions.map((v, k) => [v.version, amounts[k]![i]!])),
            changePence: Object.fromEntries(comparison.pairs.map((p, k) => [p.candidate, amounts[k + 1]![i]! - amounts[0]![i]!])),
            ...(attributions.length
              ? {
                  attributionPence: Object.fromEntries(
                    attributions.map((a, k) => [
                      comparison.pairs[k]!.candidate,
                      Object.fromEntries(a.steps.map((s, j) => [s.id, a.annual[j]![i]!])),
                    ]),
                  ),
                }
              : {}),
          }
        : {}),
    };
  });
  return {
    policyId: versions[0]!.compiled.policy.id,
    cohort: loaded.meta,
    asOfReason: dated.why,
    ...rest,
    ...(attributions.length
      ? {
          attribution: attributions.map((a, k) => ({
            base: comparison.pairs[k]!.base,
            candidate: comparison.pairs[k]!.candidate,
            steps: a.steps,
          })),
        }
      : {}),
    people,
  };
}
