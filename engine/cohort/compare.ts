/**
 * Compares versions of a policy over a cohort: each version's cost, and for each pair who gains and
 * who loses, by how much, by client group and age band, with histograms. Amounts are annual pence.
 */

import type { CompiledPolicy } from '../compile.js';
import { diffVersions, type PolicyChange } from '../diff.js';
import type { IsoDate } from '../policy.js';
import type { EncodedCohort } from './encoded-cohort.js';
import { compileFastEvaluator, emptyResult } from './fast-evaluator.js';
import { DistinctAmounts, histogram, nearestRankInPlace, summarise, type Histogram, type Summary } from './statistics.js';
import { type LostAmounts, LostAmountTally } from './lost-amount.js';

export interface VersionUnderTest {
  version: string;
  compiled: CompiledPolicy;
}

export interface Materiality {
  /** A change of at most this many pence a year counts as unchanged. */
  pence?: number;
  /** A change of at most this percentage of the base amount counts as unchanged. */
  percent?: number;
}

export interface CompareOptions {
  asOf: IsoDate;
  materiality?: Materiality;
  /** How many of the largest gains and losses to list (default 10). */
  top?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface PairStats {
  people: number;
  gainers: number;
  losers: number;
  unchanged: number;
  gainersShare: number;
  losersShare: number;
  unchangedShare: number;
  totalBasePence: number;
  totalCandidatePence: number;
  totalChangePence: number;
  meanChangePence: number;
}

export interface PersonChange {
  ref: string;
  clientGroup: string;
  ageBand: string;
  basePence: number;
  candidatePence: number;
  changePence: number;
}

export interface PairComparison {
  base: string;
  candidate: string;
  overall: PairStats;
  byClientGroup: Record<string, PairStats>;
  byAgeBand: Record<string, PairStats>;
  largestLosses: PersonChange[];
  largestGains: PersonChange[];
  changeHistogram: Histogram;
  policyChanges: PolicyChange[];
  /** People the base version gives an amount and the candidate does not: outside the money figures, never out of sight. */
  lostAmount: LostAmounts;
}

export interface VersionOutcome {
  version: string;
  contentHash: string;
  /**
   * People this version gives no amount, by outcome ('not-eligible' or a band's outcome),
   * among those every version could evaluate. They are left out of every money figure, so that a
   * move to "individual assessment" is not counted as a loss of the whole amount.
   */
  withoutAmount: Record<string, number>;
  summary: Summary;
  byClientGroup: Record<string, Summary>;
  byAgeBand: Record<string, Summary>;
  flags: Record<string, number>;
  histogram: Histogram;
  currentCost: CurrentCostComparison | null;
}

export interface CurrentCostComparison {
  people: number;
  meanDifferencePence: number;
  medianDifferencePence: number;
  above: number;
  below: number;
  equal: number;
}

export interface Comparison {
  asOf: IsoDate;
  cohortSize: number;
  evaluated: number;
  excluded: { count: number; examples: Array<{ ref: string; version: string; reason: string }> };
  /** Evaluated people with no amount under at least one version: outside the money figures. */
  withoutAmount: number;
  versions: VersionOutcome[];
  pairs: PairComparison[];
  /** Annual pence per person per version (NaN for excluded people): for exports and attribution. */
  amounts: Float64Array[];
  included: Uint8Array;
}

const PROGRESS_EVERY = 10_000;

/**
 * @example
 *   const comparison = compareCohort([{ version: 'a', compiled: a }, { version: 'b', compiled: b }], cohort, { asOf: '2010-06-01' });
 *   comparison.pairs[0].overall.losers; // people worse off under b than a
 */
export function compareCohort(versions: readonly VersionUnderTest[], cohort: EncodedCohort, options: CompareOptions): Comparison {
  const run = startComparison(versions, cohort, options);
  while (!run.step(PROGRESS_EVERY)) {
    /* each step reports progress */
  }
  return run.finish();
}

/**
 * The same comparison in chunks, calling `pause` between them, so a server can report progress and
 * answer other requests while a large cohort is compared.
 */
export async function compareCohortInSteps(
  versions: readonly VersionUnderTest[],
  cohort: EncodedCohort,
  options: CompareOptions & { pause: () => Promise<void>; chunk?: number },
): Promise<Comparison> {
  const run = startComparison(versions, cohort, options);
  while (!run.step(options.chunk ?? PROGRESS_EVERY)) await options.pause();
  return run.finish();
}

function startComparison(versions: readonly VersionUnderTest[], cohort: EncodedCohort, options: CompareOptions) {
  if (versions.length < 2) throw new Error('a comparison needs at least two versions');
  const evaluators = versions.map((v) => compileFastEvaluator(v.compiled, cohort, options.asOf));
  const amounts = versions.map(() => new Float64Array(cohort.size).fill(NaN));
  const noAmount = versions.map(() => new Map<string, number>());
  let withoutAmount = 0;
  const included = new Uint8Array(cohort.size);
  const excludedExamples: Array<{ ref: string; version: string; reason: string }> = [];
  let excludedCount = 0;
  let next = 0;
  // One tally per candidate (every version after the first), of people the first gives an amount and it does not.
  const lost = versions.slice(1).map(() => new LostAmountTally());

  const outcomes = versions.map(() => emptyResult());
  // Flags counted by rule index in the loop, named once at the end.
  const fired = evaluators.map((e) => new Float64Array(e.ruleTypes.length));
  const evaluatePerson = (i: number) => {
    for (let k = 0; k < evaluators.length; k++) {
      const error = evaluators[k]!.into(i, outcomes[k]!);
      if (error !== null) {
        if (k > 0 && outcomes[0]!.outcome === null) lost[k - 1]!.note(i, 'cannot-evaluate');
        // A person is compared only if every version can evaluate them, so totals are like for like.
        if (excludedExamples.length < 100) excludedExamples.push({ ref: cohort.refs[i]!, version: versions[k]!.version, reason: error });
        excludedCount++;
        return;
      }
    }
    let everyAmount = true;
    for (let k = 0; k < evaluators.length; k++) {
      const { outcome, met } = outcomes[k]!;
      if (outcome !== null) {
        everyAmount = false;
        noAmount[k]!.set(outcome, (noAmount[k]!.get(outcome) ?? 0) + 1);
      }
      const counts = fired[k]!;
      for (let r = 0; r < met.length; r++) counts[r]! += met[r]!;
    }
    if (!everyAmount) {
      withoutAmount++;
      if (outcomes[0]!.outcome === null)
        for (let k = 1; k < evaluators.length; k++) if (outcomes[k]!.outcome !== null) lost[k - 1]!.note(i, 'no-amount');
      return;
    }
    included[i] = 1;
    for (let k = 0; k < evaluators.length; k++) amounts[k]![i] = outcomes[k]!.annualPence!;
  };

  return {
    /** Evaluates up to `count` more people; true when everyone is done. */
    step(count: number): boolean {
      const end = Math.min(cohort.size, next + count);
      for (; next < end; next++) evaluatePerson(next);
      options.onProgress?.(next, cohort.size);
      return next >= cohort.size;
    },
    finish(): Comparison {
      const flags = evaluators.map((e, k) => flagCounts(e.ruleTypes, fired[k]!));
      const outcomes = versions.map((v, k) => versionOutcome(v, amounts[k]!, flags[k]!, noAmount[k]!, included, cohort));
      const pairs = versions.slice(1).map((v, k) => ({
        ...pairComparison(versions[0]!, v, amounts[0]!, amounts[k + 1]!, included, cohort, options),
        lostAmount: lost[k]!.result(cohort),
      }));
      return {
        asOf: options.asOf,
        cohortSize: cohort.size,
        evaluated: cohort.size - excludedCount,
        excluded: { count: excludedCount, examples: excludedExamples },
        withoutAmount,
        versions: outcomes,
        pairs,
        amounts,
        included,
      };
    },
  };
}

/** Rules raising the same flag are counted together under it; a flag no one raised is left out. */
function flagCounts(ruleTypes: readonly string[], fired: Float64Array): Map<string, number> {
  const counts = new Map<string, number>();
  ruleTypes.forEach((type, r) => {
    if (fired[r]! > 0) counts.set(type, (counts.get(type) ?? 0) + fired[r]!);
  });
  return counts;
}

function versionOutcome(
  v: VersionUnderTest,
  amounts: Float64Array,
  flagCounts: Map<string, number>,
  noAmount: Map<string, number>,
  included: Uint8Array,
  cohort: EncodedCohort,
): VersionOutcome {
  const bandLabels = cohort.ageBands.map((b) => b.label);
  const figures = amountFigures(amounts, included, cohort, bandLabels);
  return {
    version: v.version,
    contentHash: v.compiled.contentHash,
    withoutAmount: Object.fromEntries([...noAmount].sort()),
    summary: figures.summary,
    byClientGroup: figures.byClientGroup,
    byAgeBand: figures.byAgeBand,
    flags: Object.fromEntries([...flagCounts].sort()),
    histogram: figures.histogram,
    currentCost: currentCost(amounts, included, cohort),
  };
}

/** Counted from the amounts' few distinct values where they are few; selected from copies where not. */
function amountFigures(amounts: Float64Array, included: Uint8Array, cohort: EncodedCohort, bandLabels: readonly string[]) {
  const distinct = DistinctAmounts.of(amounts, included);
  if (distinct) {
    return {
      summary: distinct.summary(),
      byClientGroup: byLabel(cohort.clientGroups, distinct.summariesBy(cohort.clientGroupOf, cohort.clientGroups.length)),
      byAgeBand: byLabel(bandLabels, distinct.summariesBy(cohort.ageBandOf, bandLabels.length)),
      histogram: distinct.histogram(),
    };
  }
  const all = select(amounts, indicesOf(included));
  const summaryOf = (people: Int32Array) => summarise(select(amounts, people));
  return {
    summary: summarise(all),
    byClientGroup: grouped(cohort.clientGroups, cohort.clientGroupOf, included, summaryOf),
    byAgeBand: grouped(bandLabels, cohort.ageBandOf, included, summaryOf),
    histogram: histogram(all),
  };
}

/**
 * One pass over the people both versions give an amount: each change tallied for everyone, the
 * person's client group and age band, offered to the largest gains or losses, and kept for the histogram.
 */
function pairComparison(
  base: VersionUnderTest,
  candidate: VersionUnderTest,
  a: Float64Array,
  b: Float64Array,
  included: Uint8Array,
  cohort: EncodedCohort,
  options: CompareOptions,
): Omit<PairComparison, 'lostAmount'> {
  const materiality = options.materiality ?? {};
  const bandLabels = cohort.ageBands.map((x) => x.label);
  const overall = new PairTallies(1);
  const byGroup = new PairTallies(cohort.clientGroups.length);
  const byBand = new PairTallies(bandLabels.length);
  const { losses, gains, person } = extremes(a, b, cohort, options.top ?? 10);
  const changes = new Float64Array(cohort.size);
  let n = 0;
  for (let i = 0; i < cohort.size; i++) {
    if (!included[i]) continue;
    const before = a[i]!;
    const after = b[i]!;
    const change = after - before;
    changes[n++] = change;
    const direction = isMaterial(before, change, materiality) ? Math.sign(change) : 0;
    overall.add(0, before, after, direction);
    byGroup.add(cohort.clientGroupOf[i]!, before, after, direction);
    byBand.add(cohort.ageBandOf[i]!, before, after, direction);
    if (change < 0) losses.offer(i);
    else if (change > 0) gains.offer(i);
  }
  return {
    base: base.version,
    candidate: candidate.version,
    overall: overall.stats(0),
    byClientGroup: byLabel(cohort.clientGroups, byGroup.everyGroup()),
    byAgeBand: byLabel(bandLabels, byBand.everyGroup()),
    largestLosses: losses.items.map(person),
    largestGains: gains.items.map(person),
    changeHistogram: histogram(changes.subarray(0, n)),
    policyChanges: diffVersions(base.compiled.policy, candidate.compiled.policy),
  };
}

/** Each group's people, gainers, losers and totals under the two versions, added to person by person. */
class PairTallies {
  private readonly people: Float64Array;
  private readonly gainers: Float64Array;
  private readonly losers: Float64Array;
  private readonly base: Float64Array;
  private readonly candidate: Float64Array;

  constructor(groups: number) {
    this.people = new Float64Array(groups);
    this.gainers = new Float64Array(groups);
    this.losers = new Float64Array(groups);
    this.base = new Float64Array(groups);
    this.candidate = new Float64Array(groups);
  }

  /** direction: 1 for a material gain, -1 for a material loss, 0 for no material change. */
  add(group: number, base: number, candidate: number, direction: number): void {
    this.people[group]!++;
    this.base[group]! += base;
    this.candidate[group]! += candidate;
    if (direction > 0) this.gainers[group]!++;
    else if (direction < 0) this.losers[group]!++;
  }

  /** Each group's figures, null for a group no one is in. */
  everyGroup(): Array<PairStats | null> {
    return Array.from(this.people, (people, group) => (people === 0 ? null : this.stats(group)));
  }

  stats(group: number): PairStats {
    const people = this.people[group]!;
    const gainers = this.gainers[group]!;
    const losers = this.losers[group]!;
    const totalBase = this.base[group]!;
    const totalCandidate = this.candidate[group]!;
    const share = (count: number) => (people === 0 ? 0 : count / people);
    const unchanged = people - gainers - losers;
    return {
      people,
      gainers,
      losers,
      unchanged,
      gainersShare: share(gainers),
      losersShare: share(losers),
      unchangedShare: share(unchanged),
      totalBasePence: totalBase,
      totalCandidatePence: totalCandidate,
      totalChangePence: totalCandidate - totalBase,
      meanChangePence: people === 0 ? 0 : Math.round((totalCandidate - totalBase) / people),
    };
  }
}

/** A change counts as a gain or a loss only when it is larger than every materiality threshold given. */
export function isMaterial(base: number, change: number, materiality: Materiality): boolean {
  const size = Math.abs(change);
  if (size === 0) return false;
  if (materiality.pence !== undefined && size <= materiality.pence) return false;
  if (materiality.percent !== undefined && size * 100 <= materiality.percent * base) return false;
  return true;
}

/**
 * The `top` largest losses and gains, each kept in a short sorted list as people are offered: largest
 * first, equal changes in order of reference, so the lists are stable (no sort of everyone who gained).
 */
function extremes(a: Float64Array, b: Float64Array, cohort: EncodedCohort, top: number) {
  const byRef = (x: number, y: number) => (cohort.refs[x]! < cohort.refs[y]! ? -1 : cohort.refs[x]! > cohort.refs[y]! ? 1 : 0);
  const losses = new Largest(top, (x, y) => b[x]! - a[x]! - (b[y]! - a[y]!) || byRef(x, y));
  const gains = new Largest(top, (x, y) => b[y]! - a[y]! - (b[x]! - a[x]!) || byRef(x, y));
  const person = (i: number): PersonChange => ({
    ref: cohort.refs[i]!,
    clientGroup: cohort.clientGroups[cohort.clientGroupOf[i]!]!,
    ageBand: cohort.ageBands[cohort.ageBandOf[i]!]!.label,
    basePence: a[i]!,
    candidatePence: b[i]!,
    changePence: b[i]! - a[i]!,
  });
  return { losses, gains, person };
}

/** The first `size` items in `order`, kept sorted as items are offered: O(n) for a small size. */
class Largest {
  readonly items: number[] = [];
  constructor(
    private readonly size: number,
    private readonly order: (x: number, y: number) => number,
  ) {}

  offer(item: number): void {
    const { items, size, order } = this;
    if (size === 0) return;
    if (items.length === size && order(item, items[size - 1]!) >= 0) return;
    let k = items.length < size ? items.length : size - 1;
    items[k] = item;
    while (k > 0 && order(items[k]!, items[k - 1]!) < 0) {
      [items[k - 1], items[k]] = [items[k]!, items[k - 1]!];
      k--;
    }
  }
}

/** Indicative allocations against the current package cost, for the included people who have one. */
export function currentCost(amounts: Float64Array, included: Uint8Array, cohort: EncodedCohort): CurrentCostComparison | null {
  const differences = new Float64Array(cohort.size);
  let n = 0,
    total = 0,
    above = 0,
    below = 0;
  for (let i = 0; i < cohort.size; i++) {
    const cost = cohort.currentAnnualCostPence[i]!;
    if (!included[i] || Number.isNaN(cost)) continue;
    const difference = amounts[i]! - cost;
    differences[n++] = difference;
    total += difference;
    if (difference > 0) above++;
    else if (difference < 0) below++;
  }
  if (n === 0) return null;
  return {
    people: n,
    meanDifferencePence: Math.round(total / n),
    medianDifferencePence: nearestRankInPlace(differences.subarray(0, n), 50),
    above,
    below,
    equal: n - above - below,
  };
}

/** Each group's figures by its label, for the groups that have any, in the order grouped() gives. */
function byLabel<T>(labels: readonly string[], figures: ReadonlyArray<T | null>): Record<string, T> {
  const entries = labels.flatMap((label, code) => (figures[code] === null ? [] : [[label, figures[code]!] as const]));
  return Object.fromEntries(entries.sort(([x], [y]) => inLabelOrder(x, y)));
}

/** Each label's people (among those included), found in one pass, and the figures for each group that has any. */
function grouped<T>(
  labels: readonly string[],
  codes: Uint16Array,
  included: Uint8Array,
  compute: (people: Int32Array) => T,
): Record<string, T> {
  const counts = new Int32Array(labels.length);
  for (let i = 0; i < included.length; i++) if (included[i]) counts[codes[i]!]!++;
  const members = labels.map((_, code) => new Int32Array(counts[code]!));
  const filled = new Int32Array(labels.length);
  for (let i = 0; i < included.length; i++) if (included[i]) members[codes[i]!]![filled[codes[i]!]!++] = i;
  const out: Record<string, T> = {};
  labels.forEach((label, code) => {
    if (members[code]!.length > 0) out[label] = compute(members[code]!);
  });
  return Object.fromEntries(Object.entries(out).sort(([x], [y]) => inLabelOrder(x, y)));
}

/** Groups in the order a reader expects: numbers in labels by their value, so age bands run 0-4, 5-11, 12-17. */
const inLabelOrder = (x: string, y: string): number => x.localeCompare(y, 'en-GB', { numeric: true });

function select(values: Float64Array, indices: Int32Array): Float64Array {
  const out = new Float64Array(indices.length);
  for (let j = 0; j < indices.length; j++) out[j] = values[indices[j]!]!;
  return out;
}

function indicesOf(mask: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i]!;
  const out = new Int32Array(n);
  let j = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) out[j++] = i;
  return out;
}
