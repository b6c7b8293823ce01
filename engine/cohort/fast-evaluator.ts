/**
 * One policy version compiled against one cohort's encoding: answer codes become points through
 * lookup tables, rules become plain functions, and the money steps are allocate(), the reference
 * pipeline's own, so the arithmetic cannot drift from evaluate().
 */

import { allocate } from '../allocation.js';
import type { CarerSituation } from '../assessment.js';
import { adjustForCarer } from '../carer-adjustment.js';
import { chooseTable } from '../client-group-table.js';
import type { CompiledPolicy } from '../compile.js';
import { walk } from '../policy-checks/rules.js';
import type { IsoDate, Pricing } from '../policy.js';
import { selectQuestionnaire, type CompiledQuestionnaire } from '../questionnaire.js';
import type { FactBinder } from '../conditions.js';
import { type FactName, isFact } from '../rule-facts.js';
import { ColumnScores, RUN_LENGTH, UNSCORABLE, type ScoringPlan } from './column-scores.js';
import { carerOf, type EncodedCohort } from './encoded-cohort.js';

export interface FastOutcome {
  totalMilli: number;
  /** The money figures are null exactly when there is no amount: then `outcome` says why. */
  allocationPence: number | null;
  weeklyPence: number | null;
  monthlyPence: number | null;
  annualPence: number | null;
  /** A band's outcome without an amount, or 'not-eligible'; null when there is an amount. */
  outcome: string | null;
  carerReductionApplied: boolean;
  carerReductionPercent: number;
  flags: string[];
}

/** Why a person cannot be evaluated under a version: the same reasons parseAssessment gives. */
export interface Unevaluable {
  error: string;
}

interface Slot {
  column: Uint16Array | null;
  questionId: string;
  domain: number;
  /** points[code]; UNSCORABLE for an answer id this question does not have, and for no answer where one is required. */
  points: Float64Array;
  answerIds: readonly string[];
}

/**
 * A questionnaire laid out for scoring by column: its slots as parallel arrays (a question the cohort
 * has no column for reads a column of zeros). `index` is its place among the evaluator's plans.
 */
interface Plan extends ScoringPlan {
  index: number;
  questionnaire: CompiledQuestionnaire;
  slots: Slot[];
  byQuestion: Map<string, Slot>;
}

/**
 * Evaluates person i. `into` is the allocation-free form a comparison's loop uses: it fills `out`
 * (whose `met` holds 1 for each rule met, by the rule's index) and returns why the person cannot be
 * evaluated, or null.
 */
export interface FastEvaluator {
  (i: number): FastOutcome | Unevaluable;
  into(i: number, out: FastResult): string | null;
  /** The event type of each rule, by its index in `met`. */
  readonly ruleTypes: readonly string[];
}

/** The reusable outcome `into` fills. */
export interface FastResult extends Omit<FastOutcome, 'flags'> {
  /** 1 for each rule met, by the rule's index (as long as the evaluator's rules, once it has filled it). */
  met: Uint8Array;
}

export function emptyResult(): FastResult {
  return {
    totalMilli: 0,
    allocationPence: null,
    weeklyPence: null,
    monthlyPence: null,
    annualPence: null,
    outcome: null,
    carerReductionApplied: false,
    carerReductionPercent: 0,
    met: new Uint8Array(0),
  };
}

interface Money {
  allocationPence: number | null;
  weeklyPence: number | null;
  monthlyPence: number | null;
  annualPence: number | null;
  carerReductionApplied: boolean;
  carerPercent: number;
  outcome: string | null;
}

/** Not eligible, or (with the band's outcome in place of 'not-eligible') a band without an amount. */
const NO_AMOUNT: Money = {
  allocationPence: null,
  weeklyPence: null,
  monthlyPence: null,
  annualPence: null,
  carerReductionApplied: false,
  carerPercent: 0,
  outcome: 'not-eligible',
};

/** The person being evaluated, updated in place so reading a fact allocates nothing. */
interface Current {
  i: number;
  /** The person's place in the run of people scored. */
  j: number;
  plan: Plan;
  totalMilli: number;
  money: Money;
}

export function compileFastEvaluator(compiled: CompiledPolicy, cohort: EncodedCohort, asOf: IsoDate): FastEvaluator {
  const { policy } = compiled;
  const domains = [...compiled.domains.values()];
  const domainIndex = new Map(domains.map((d, i) => [d.domain.id, i]));
  const weights = Int32Array.from(domains.map((d) => d.weightMilli));
  const plans = planQuestionnaires(compiled, cohort, domainIndex);
  const tables = cohort.clientGroups.map((g) => (compiled.clientGroups.has(g) ? chooseTable(policy.pricing, g).pricing : null));
  // The policy's own compiled rules and eligibility conditions: the one rules evaluator, asked only whether each is met.
  const { rules, eligibility } = compiled;
  // A cohort holds no facts stated by a case system, so a policy whose conditions test them cannot be
  // run over one: say so for every person rather than guess the facts.
  const testsStatedFacts = [
    ...rules.map(({ rule }) => ({ name: rule.name, conditions: rule.conditions })),
    ...eligibility.map(({ condition }) => ({ name: condition.id, conditions: condition.conditions })),
  ].find((r) => walk(r.conditions).some(({ condition }) => condition.fact === 'facts'));
  const ruleTypes = rules.map(({ rule }) => rule.event.type);
  if (testsStatedFacts) {
    const error = `'${testsStatedFacts.name}' tests facts the case system states in each assessment ('facts'), which a cohort does not hold`;
    return withOutcomes(() => error, ruleTypes);
  }
  const effects = new CarerEffects(compiled, cohort);
  const money = moneySteps(compiled, asOf, tables, effects);
  // By index: a person's plan index is their plan's place in this list.
  const everyPlan = [...new Set(plans.flat().filter((p): p is Plan => !('error' in p)))].sort((a, b) => a.index - b.index);
  const scores = new ColumnScores(everyPlan, weights);
  const bands = cohort.ageBands.length;
  // Each person's plan by client group and age band: -1 where the person is not scored (an error follows).
  const planIndex = Int32Array.from(
    plans.flatMap((byBand, group) => byBand.map((plan) => ('error' in plan || !tables[group] ? -1 : plan.index))),
  );
  const planIndexOf = (i: number) => planIndex[cohort.clientGroupOf[i]! * bands + cohort.ageBandOf[i]!]!;
  const current: Current = { i: 0, j: 0, plan: undefined as unknown as Plan, totalMilli: 0, money: undefined as unknown as Money };
  // Each condition bound once to a getter for its fact: no fact is looked up by name per person.
  const bind = factBinder(current, scores, weights, domainIndex, cohort);
  const eligible = eligibility.map((c) => c.conditions.bind(bind));
  const raised = rules.map((r) => r.conditions.bind(bind));

  const into = (i: number, out: FastResult): string | null => {
    const group = cohort.clientGroupOf[i]!;
    const pricing = tables[group];
    if (!pricing) return `client group '${cohort.clientGroups[group]}' is not one of this version's`;
    const plan = plans[group]![cohort.ageBandOf[i]!]!;
    if ('error' in plan) return plan.error;
    const j = scores.cover(i, cohort.size, planIndexOf);
    if (scores.unscorable[j]) return whyUnscorable(plan, i);
    const effect = effects.of(i);
    if (effect === NOT_IN_TABLE) {
      const carer = carerOf(cohort, i)!;
      return `carer support level '${carer.supportLevel}' or impact '${carer.impact}' is not in this version's carer table`;
    }
    const totalMilli = scores.totalMilli[j]!;
    current.i = i;
    current.j = j;
    current.plan = plan;
    current.totalMilli = totalMilli;
    let isEligible = true;
    for (let e = 0; e < eligible.length && isEligible; e++) isEligible = eligible[e]!();
    const outcome = isEligible ? money(group, effect, totalMilli) : NO_AMOUNT;
    current.money = outcome;
    out.totalMilli = totalMilli;
    out.allocationPence = outcome.allocationPence;
    out.weeklyPence = outcome.weeklyPence;
    out.monthlyPence = outcome.monthlyPence;
    out.annualPence = outcome.annualPence;
    out.carerReductionApplied = outcome.carerReductionApplied;
    out.carerReductionPercent = outcome.carerPercent;
    out.outcome = outcome.outcome;
    if (out.met.length !== raised.length) out.met = new Uint8Array(raised.length);
    const { met } = out;
    for (let r = 0; r < raised.length; r++) met[r] = raised[r]!() ? 1 : 0;
    return null;
  };
  return withOutcomes(into, ruleTypes);
}

/** The first of the person's questions that could not be scored, and why. */
function whyUnscorable(plan: Plan, i: number): string {
  const slot = plan.slots.find((slot) => slot.points[slot.column ? slot.column[i]! : 0] === UNSCORABLE)!;
  const code = slot.column ? slot.column[i]! : 0;
  return code === 0
    ? `question '${slot.questionId}' is not answered`
    : `'${slot.answerIds[code - 1]}' is not an answer to question '${slot.questionId}'`;
}

/** The allocating form, for callers that keep each outcome: a fresh object per person. */
function withOutcomes(into: (i: number, out: FastResult) => string | null, ruleTypes: string[]): FastEvaluator {
  const evaluator = (i: number): FastOutcome | Unevaluable => {
    const out = emptyResult();
    const error = into(i, out);
    if (error !== null) return { error };
    const { met, ...rest } = out;
    return { ...rest, flags: ruleTypes.filter((_, r) => met[r] === 1) };
  };
  return Object.assign(evaluator, { into, ruleTypes });
}

/**
 * The money steps depend only on the pricing table, the total and what the carer adjustment does
 * (whether it applies, and by what percentage), which many people share: each distinct combination
 * is worked out once by allocate() and reused.
 */
function moneySteps(compiled: CompiledPolicy, asOf: IsoDate, tableOfGroup: ReadonlyArray<Pricing | null>, effects: CarerEffects) {
  const tables = [...new Set(tableOfGroup.filter((t): t is Pricing => t !== null))];
  const tableIndex = Int32Array.from(tableOfGroup, (t) => (t === null ? -1 : tables.indexOf(t)));
  const totals = possibleTotals(compiled);
  // By effect and table: caches[effect * tables.length + table].
  const caches: TotalsCache[] = [];

  /** `effect` is the person's carer effect from `effects`, never NOT_IN_TABLE. */
  return (group: number, effect: number, totalMilli: number): Money => {
    const table = tableIndex[group]!;
    const key = effect * tables.length + table;
    let cache = caches[key];
    if (cache === undefined) {
      cache = new TotalsCache(totals);
      caches[key] = cache;
    }
    let result = cache.get(totalMilli);
    if (!result) {
      const allocation = allocate(compiled, tables[table]!, totalMilli, effects.carers[effect], asOf);
      result =
        allocation.pence === null
          ? { ...NO_AMOUNT, outcome: allocation.priced.outcome.id }
          : {
              allocationPence: allocation.pence,
              weeklyPence: allocation.lines.periods.weeklyPence,
              monthlyPence: allocation.lines.periods.monthlyPence,
              annualPence: allocation.lines.periods.annualPence,
              carerReductionApplied: allocation.lines['carer-adjustment'].applied,
              carerPercent: allocation.lines['carer-adjustment'].percent,
              outcome: null,
            };
      cache.set(totalMilli, result);
    }
    return result;
  };
}

/** Situations that would make more combinations than this are looked up by hash rather than in an array. */
const DENSE_SITUATIONS = 1 << 16;

/** The effect of a carer whose support level or impact this version's carer table does not have. */
const NOT_IN_TABLE = -2;

/**
 * A carer's situation (present, willing, able, support level, impact) reduced to its effect: whether
 * the adjustment applies and by what percentage, or NOT_IN_TABLE. People whose carers differ but whose
 * reduction is the same share one effect, and so one set of money steps; the first carer seen with
 * each effect stands for it in allocate().
 */
class CarerEffects {
  readonly carers: Array<CarerSituation | undefined> = [];
  private readonly byEffect = new Map<string, number>();
  private readonly levels: number;
  private readonly impacts: number;
  /** Each situation's effect, by its code; -1 until first seen. */
  private readonly dense: Int32Array | null;
  private readonly sparse = new Map<number, number>();

  constructor(
    private readonly compiled: CompiledPolicy,
    private readonly cohort: EncodedCohort,
  ) {
    this.levels = Math.max(1, cohort.carerLevels.length);
    this.impacts = Math.max(1, cohort.carerImpacts.length);
    const situations = 8 * this.levels * this.impacts;
    this.dense = situations <= DENSE_SITUATIONS ? new Int32Array(situations).fill(-1) : null;
  }

  of(i: number): number {
    const { cohort } = this;
    const situation = (cohort.carerFlags[i]! * this.levels + cohort.carerLevelOf[i]!) * this.impacts + cohort.carerImpactOf[i]!;
    const known = this.dense ? this.dense[situation]! : (this.sparse.get(situation) ?? -1);
    if (known !== -1) return known;
    const effect = this.effectOf(carerOf(cohort, i));
    if (this.dense) this.dense[situation] = effect;
    else this.sparse.set(situation, effect);
    return effect;
  }

  private effectOf(carer: CarerSituation | undefined): number {
    const { policy } = this.compiled;
    const table = policy.carerAdjustment;
    if (
      carer &&
      table &&
      !(table.supportLevels.some((x) => x.id === carer.supportLevel) && table.impacts.some((x) => x.id === carer.impact))
    )
      return NOT_IN_TABLE;
    const line = adjustForCarer(policy.carerAdjustment, carer, 0, policy.rounding.mode);
    const key = line.applied ? String(line.percent) : 'none';
    let effect = this.byEffect.get(key);
    if (effect === undefined) {
      effect = this.carers.push(carer) - 1;
      this.byEffect.set(key, effect);
    }
    return effect;
  }
}

/** The totals a person may score under a policy: multiples of `step` milli-points from 0 to `max`. */
interface PossibleTotals {
  step: number;
  max: number;
}

/** Each answer's weighted points, in milli-points: every total is a sum of these, so a multiple of their common divisor. */
function possibleTotals(compiled: CompiledPolicy): PossibleTotals | null {
  let step = 0;
  let max = 0;
  for (const { questions } of compiled.questionnaires) {
    let most = 0;
    for (const { question, answers } of questions.values()) {
      const weight = compiled.domains.get(question.domain)!.weightMilli;
      let highest = 0;
      for (const answer of answers.values()) {
        // Negative points would make totals below zero: such a policy's totals are kept by hash.
        if (answer.points < 0 || !Number.isInteger(answer.points)) return null;
        step = gcd(step, answer.points * weight);
        highest = Math.max(highest, answer.points * weight);
      }
      most += highest;
    }
    max = Math.max(max, most);
  }
  return { step: step || 1, max };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** At most this many entries held as an array, one per possible total; beyond, totals are kept by hash. */
const DENSE_TOTALS = 1 << 20;

/**
 * The money steps' result for each total a pricing table and carer effect have met. A policy's totals
 * are few and evenly spaced (multiples of the common divisor of its answers' weighted points), so
 * each is found by its place in an array rather than by hashing; a policy whose totals are too many
 * or uneven keeps them in a Map.
 */
class TotalsCache {
  private readonly dense: Array<Money | undefined> | null;
  private readonly sparse = new Map<number, Money>();

  constructor(private readonly totals: PossibleTotals | null) {
    const size = totals ? totals.max / totals.step + 1 : Number.POSITIVE_INFINITY;
    this.dense = size <= DENSE_TOTALS ? new Array<Money | undefined>(size).fill(undefined) : null;
  }

  get(totalMilli: number): Money | undefined {
    const place = this.place(totalMilli);
    return place >= 0 ? this.dense![place] : this.sparse.get(totalMilli);
  }

  set(totalMilli: number, money: Money): void {
    const place = this.place(totalMilli);
    if (place >= 0) this.dense![place] = money;
    else this.sparse.set(totalMilli, money);
  }

  /** The total's index in the array, or -1 to use the Map (no array, or a total off the grid). */
  private place(totalMilli: number): number {
    if (!this.dense) return -1;
    const place = totalMilli / this.totals!.step;
    return Number.isInteger(place) && place >= 0 && place < this.dense.length ? place : -1;
  }
}

/** For each (client group, age band) of the cohort: the questionnaire's slots, or why none applies. */
function planQuestionnaires(
  compiled: CompiledPolicy,
  cohort: EncodedCohort,
  domainIndex: Map<string, number>,
): Array<Array<Plan | Unevaluable>> {
  const columns = new Map(cohort.columns.map((c) => [c.questionId, c]));
  const cache = new Map<CompiledQuestionnaire, Plan>();
  // A question the cohort has no column for reads one column of zeros, made only if needed.
  let zeros: Uint16Array | undefined;
  const unanswered = () => {
    zeros ??= new Uint16Array(cohort.size);
    return zeros;
  };
  const planFor = (q: CompiledQuestionnaire): Plan => {
    let plan = cache.get(q);
    if (!plan) {
      const slots = [...q.questions.values()].map(({ question, answers, required }) => {
        const column = columns.get(question.id);
        const answerIds = column?.answerIds ?? [];
        const points = new Float64Array(answerIds.length + 1).fill(UNSCORABLE);
        points[0] = required ? UNSCORABLE : 0;
        answerIds.forEach((id, k) => {
          const a = answers.get(id);
          if (a) points[k + 1] = a.points;
        });
        return {
          column: column?.codes ?? null,
          questionId: question.id,
          domain: domainIndex.get(question.domain)!,
          points,
          answerIds,
        };
      });
      plan = {
        index: cache.size,
        questionnaire: q,
        slots,
        byQuestion: new Map(slots.map((slot) => [slot.questionId, slot])),
        columns: slots.map((slot) => slot.column ?? unanswered()),
        points: slots.map((slot) => slot.points),
        domains: Int32Array.from(slots.map((slot) => slot.domain)),
      };
      cache.set(q, plan);
    }
    return plan;
  };
  return cohort.clientGroups.map((group) =>
    cohort.ageBands.map((band) => {
      const first = selectQuestionnaire(compiled.questionnaires, band.min, group);
      for (let age = band.min + 1; age <= band.max; age++) {
        if (selectQuestionnaire(compiled.questionnaires, age, group) !== first) {
          return {
            error: `age band ${band.label} spans more than one questionnaire of this version, so the questionnaire cannot be chosen`,
          };
        }
      }
      return first
        ? planFor(first)
        : { error: `no questionnaire of this version applies to age band ${band.label} in client group '${group}'` };
    }),
  );
}

/**
 * A getter for each fact a cohort holds, for the person being evaluated, found once per condition (a
 * domain by its index, a question by its slot); a fact a cohort does not hold reads as undefined. Every
 * fact of the table (rule-facts.ts) has its getter here, or the type says which is missing.
 */
function factBinder(
  current: Current,
  scores: ColumnScores,
  weights: Int32Array,
  domainIndex: Map<string, number>,
  cohort: EncodedCohort,
): FactBinder {
  const { raw } = scores;
  const domainOf = (key: string | undefined) => (key === undefined ? undefined : domainIndex.get(key));
  const getters: { readonly [F in FactName]: (key: string | undefined) => () => unknown } = {
    totalPoints: () => () => current.totalMilli / 1000,
    age: () => () => cohort.ageBands[cohort.ageBandOf[current.i]!]!.min,
    clientGroup: () => () => cohort.clientGroups[cohort.clientGroupOf[current.i]!],
    questionnaire: () => () => current.plan.questionnaire.questionnaire.id,
    allocationPence: () => () => current.money.allocationPence,
    weeklyPence: () => () => current.money.weeklyPence,
    monthlyPence: () => () => current.money.monthlyPence,
    annualPence: () => () => current.money.annualPence,
    carerReductionApplied: () => () => current.money.carerReductionApplied,
    carerReductionPercent: () => () => current.money.carerPercent,
    domainPoints: (key) => {
      const d = domainOf(key);
      if (d === undefined) return () => undefined;
      const at = d * RUN_LENGTH;
      return () => raw[at + current.j];
    },
    weightedDomainPoints: (key) => {
      const d = domainOf(key);
      if (d === undefined) return () => undefined;
      const at = d * RUN_LENGTH;
      return () => (raw[at + current.j]! * weights[d]!) / 1000;
    },
    answers: (key) => {
      if (key === undefined) return () => undefined;
      // The question's slot, found again only when the person's questionnaire differs from the last.
      let plan: Plan | undefined;
      let slot: Slot | undefined;
      return () => {
        if (current.plan !== plan) {
          plan = current.plan;
          slot = plan.byQuestion.get(key);
        }
        const code = slot?.column ? slot.column[current.i]! : 0;
        return slot && code > 0 ? slot.answerIds[code - 1] : undefined;
      };
    },
    // A cohort holds no stated facts: a version whose conditions test them is not compared (see above).
    facts: () => () => undefined,
  };
  return (fact, key) => (isFact(fact) ? getters[fact](key) : () => undefined);
}
