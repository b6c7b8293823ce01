/**
 * Scrutiny figures: comparing two versions over generated cohorts of 100,000 and 1,000,000 people,
 * beside the floor: a plain loop doing both versions' arithmetic and rules by hand over the same
 * encoded cohort (the floor, as evaluate()'s is a plain loop doing the same arithmetic). A
 * loop that only sums one version's points is printed too, as the least any comparison could read.
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
import { mib, nowMs, row, timed } from './measure.js';
import { plainWeeklyPence } from './plain-money.js';

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

    const sumStart = nowMs();
    const points = sumPoints(base.compiled, cohort);
    row(
      `${label(size)}: plain loop summing one version's points`,
      `${(nowMs() - sumStart).toFixed(0)} ms (${points.toLocaleString('en-GB')} points)`,
    );

    // Both timed the same way: once untimed, then the median of several runs.
    const runs = size <= 100_000 ? 5 : 3;
    const floor = timed(runs, () => plainComparison([base.compiled, candidate.compiled], cohort, '2010-06-01'));
    const plain = floor.value;
    row(
      `${label(size)}: floor: plain loop doing both versions' arithmetic and rules${floor.note}`,
      `${floor.ms.toFixed(0)} ms${floor.spread} (${plain.gainers.toLocaleString('en-GB')} gain; change £${(plain.changePence / 100).toLocaleString('en-GB')} a year; ${plain.flags.toLocaleString('en-GB')} flags)`,
    );

    const compared = timed(runs, () => compareCohort([base, candidate], cohort, { asOf: '2010-06-01' }));
    const comparison = compared.value;
    const pair = comparison.pairs[0]!.overall;
    if (pair.gainers !== plain.gainers || pair.totalChangePence !== plain.changePence) {
      throw new Error('the plain loop and the comparison disagree: the floor is not doing the same arithmetic');
    }
    row(
      `${label(size)}: compare two versions${compared.note}`,
      `${compared.ms.toFixed(0)} ms${compared.spread} (${pair.gainers.toLocaleString('en-GB')} gain, ${pair.losers.toLocaleString('en-GB')} lose; change £${(pair.totalChangePence / 100).toLocaleString('en-GB')} a year)`,
    );
    row(`${label(size)}: comparison against the floor (goal: at most 3x)`, `${(compared.ms / Math.max(floor.ms, 1)).toFixed(1)}x`);

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

/**
 * What a comparison must at least do, by hand for these two versions over the encoded cohort: for each
 * person and each version, points by domain, weights, the client group's price per point, the carer
 * reduction, uplifts in force, rounding up to the pound, the annual amount and the three rules; then
 * the change, tallied. No statistics by group, no explanation, nothing cached between people. Its
 * total change must equal the comparison's, or it is not the same arithmetic.
 */
function plainComparison(
  versions: readonly CompiledPolicy[],
  cohort: EncodedCohort,
  asOf: string,
): { gainers: number; changePence: number; flags: number } {
  const plans = versions.map((compiled) => {
    const { policy } = compiled;
    const domainIds = [...compiled.domains.keys()];
    const questions = new Map(compiled.questionnaires.flatMap((q) => [...q.questions.values()]).map((q) => [q.question.id, q]));
    const columns = cohort.columns.map((column) => {
      const question = questions.get(column.questionId)!;
      return {
        codes: column.codes,
        domain: domainIds.indexOf(question.question.domain),
        points: Int32Array.from([0, ...column.answerIds.map((id) => question.answers.get(id)!.points)]),
      };
    });
    const price = (group: string) => {
      const table = policy.pricing.byClientGroup?.[group] ?? policy.pricing.default;
      if (table.method !== 'price-per-point') throw new Error('the plain loop prices per point only');
      return Math.round(table.pencePerPoint * 10_000);
    };
    const reductions = policy.carerAdjustment!.reductions;
    const ssAbuse = cohort.columns.findIndex((c) => c.questionId === 'ss-abuse');
    return {
      columns,
      weights: Int32Array.from(domainIds.map((id) => compiled.domains.get(id)!.weightMilli)),
      prices: Int32Array.from(cohort.clientGroups.map(price)),
      percents: cohort.carerLevels.map((level) => cohort.carerImpacts.map((impact) => Math.round(reductions[level]![impact]! * 100))),
      uplifts: compiled.uplifts.filter((u) => u.uplift.from <= asOf).map((u) => u.basisPoints),
      health: domainIds.indexOf('health'),
      atRisk: ssAbuse < 0 ? 0 : cohort.columns[ssAbuse]!.answerIds.indexOf('at-risk') + 1,
      ssAbuse,
      raw: new Int32Array(domainIds.length),
    };
  });
  let gainers = 0;
  let changePence = 0;
  let flags = 0;
  const annual = new Float64Array(plans.length);
  for (let i = 0; i < cohort.size; i++) {
    for (let k = 0; k < plans.length; k++) {
      const plan = plans[k]!;
      const { raw } = plan;
      raw.fill(0);
      for (const column of plan.columns) raw[column.domain]! += column.points[column.codes[i]!]!;
      let totalMilli = 0;
      for (let d = 0; d < raw.length; d++) totalMilli += raw[d]! * plan.weights[d]!;
      // 7: a carer present (4), willing (1) and able (2).
      const carerBasisPoints = cohort.carerFlags[i] === 7 ? plan.percents[cohort.carerLevelOf[i]!]![cohort.carerImpactOf[i]!]! : 0;
      const weekly = plainWeeklyPence(totalMilli, plan.prices[cohort.clientGroupOf[i]!]!, carerBasisPoints, plan.uplifts);
      annual[k] = weekly * 52;
      if (weekly > 100_000) flags++;
      if (raw[plan.health]! >= 28) flags++;
      if (plan.ssAbuse >= 0 && cohort.columns[plan.ssAbuse]!.codes[i] === plan.atRisk) flags++;
    }
    const change = annual[1]! - annual[0]!;
    changePence += change;
    if (change > 0) gainers++;
  }
  return { gainers, changePence, flags };
}

function label(size: number): string {
  return `${size.toLocaleString('en-GB')} people`;
}
