/**
 * Scrutiny figures: comparing two versions over generated cohorts of 100,000 and 1,000,000 people,
 * beside the floor of a plain loop that only sums each person's points over the same encoded cohort,
 * and the process's peak memory after each size.
 */

import { readFileSync } from 'node:fs';
import {
  attributeChanges,
  CohortEncoder,
  compareCohort,
  compilePolicy,
  syntheticPeople,
  type CompiledPolicy,
  type EncodedCohort,
  type Policy,
} from '../engine/index.js';
import { mib, nowMs, row } from './measure.js';

const read = (version: string) =>
  JSON.parse(readFileSync(new URL(`../rules/examples/adult-ras/${version}/policy.json`, import.meta.url), 'utf8')) as Policy;

export function benchCompare(sizes: number[], seed: number): void {
  const base = { version: '2009-pilot', compiled: compilePolicy(read('2009-pilot')) };
  const candidate = { version: '2010-revised', compiled: compilePolicy(read('2010-revised')) };
  console.log(`Scrutiny: adult-ras ${base.version} -> ${candidate.version} over generated cohorts (seed ${seed})`);
  for (const size of sizes) {
    const start = nowMs();
    const cohort = generate(base.compiled, size, seed);
    row(`${label(size)}: generate and encode the cohort`, `${((nowMs() - start) / 1000).toFixed(1)} s`);

    const floorStart = nowMs();
    const points = sumPoints(base.compiled, cohort);
    const floorMs = nowMs() - floorStart;
    row(`${label(size)}: plain loop summing points (floor)`, `${floorMs.toFixed(0)} ms (${points.toLocaleString('en-GB')} points)`);

    // Smaller cohorts are timed three times and the median reported, so one noisy run does not decide it.
    const runs = size <= 100_000 ? 3 : 1;
    const times: number[] = [];
    let comparison!: ReturnType<typeof compareCohort>;
    for (let r = 0; r < runs; r++) {
      const compareStart = nowMs();
      comparison = compareCohort([base, candidate], cohort, { asOf: '2010-06-01' });
      times.push(nowMs() - compareStart);
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(runs / 2)]!;
    const pair = comparison.pairs[0]!.overall;
    row(
      `${label(size)}: compare two versions${runs > 1 ? ` (median of ${runs})` : ''}`,
      `${median.toFixed(0)} ms${runs > 1 ? ` [${times.map((t) => t.toFixed(0)).join(', ')}]` : ''} (${pair.gainers.toLocaleString('en-GB')} gain, ${pair.losers.toLocaleString('en-GB')} lose; change £${(pair.totalChangePence / 100).toLocaleString('en-GB')} a year)`,
    );

    row(`${label(size)}: comparison against the floor (goal: at most 3x)`, `${(median / Math.max(floorMs, 1)).toFixed(1)}x`);

    const attributionStart = nowMs();
    const attribution = attributeChanges(base, candidate, cohort, '2010-06-01', comparison.included);
    row(`${label(size)}: attribution (${attribution.steps.length} steps)`, `${(nowMs() - attributionStart).toFixed(0)} ms`);
    row(`${label(size)}: peak resident memory so far`, mib(process.resourceUsage().maxRSS * 1024));
  }
}

function generate(compiled: CompiledPolicy, size: number, seed: number): EncodedCohort {
  const encoder = new CohortEncoder(size);
  for (const { person } of syntheticPeople(compiled, { size, seed })) encoder.add(person);
  return encoder.finish();
}

/** The least any evaluation must do: look each answer's points up and add them. */
function sumPoints(compiled: CompiledPolicy, cohort: EncodedCohort): number {
  const tables = cohort.columns.map((column) => {
    const question = compiled.questionnaires.flatMap((q) => [...q.questions.values()]).find((q) => q.question.id === column.questionId);
    return Int32Array.from([0, ...column.answerIds.map((id) => question?.answers.get(id)?.points ?? 0)]);
  });
  let total = 0;
  for (let i = 0; i < cohort.size; i++) {
    for (let c = 0; c < tables.length; c++) total += tables[c]![cohort.columns[c]!.codes[i]!]!;
  }
  return total;
}

function label(size: number): string {
  return `${size.toLocaleString('en-GB')} people`;
}
