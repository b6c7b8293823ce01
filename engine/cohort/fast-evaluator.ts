/**
 * One policy version compiled against one cohort's encoding: answer codes become points through
 * lookup tables, rules become plain functions, and the money steps are allocate(), the reference
 * pipeline's own, so the arithmetic cannot drift from evaluate().
 */

import { allocate } from '../allocation.js';
import { chooseTable } from '../client-group-table.js';
import type { CompiledPolicy } from '../compile.js';
import { walk } from '../policy-checks/rules.js';
import type { IsoDate, Pricing } from '../policy.js';
import { selectQuestionnaire, type CompiledQuestionnaire } from '../questionnaire.js';
import type { FactReader } from '../conditions.js';
import { carerOf, type EncodedCohort } from './encoded-cohort.js';

export interface FastOutcome {
  totalMilli: number;
  /** The money figures are null exactly when there is no amount: then `outcome` says why. */
  allocationPence: number | null;
  weeklyPence: number | null;
  monthlyPence: number | null;
  annualPence: number | null;
  /** A band's outcome without an amount, or 'not-eligible' (format 2); null when there is an amount. */
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
  required: boolean;
  /** points[code]; -1 for an answer id this question does not have. */
  points: Int32Array;
  answerIds: readonly string[];
}

interface Plan {
  questionnaire: CompiledQuestionnaire;
  slots: Slot[];
  byQuestion: Map<string, Slot>;
}

export type FastEvaluator = (i: number) => FastOutcome | Unevaluable;

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
  if (testsStatedFacts)
    return () => ({
      error: `'${testsStatedFacts.name}' tests facts the case system states in each assessment ('facts'), which a cohort does not hold`,
    });
  const carerTable = policy.carerAdjustment;
  const carerKnown = carerTable
    ? cohort.carerLevels.map((l) =>
        cohort.carerImpacts.map((m) => carerTable.supportLevels.some((x) => x.id === l) && carerTable.impacts.some((x) => x.id === m)),
      )
    : null;
  const raw = new Int32Array(domains.length);
  const money = moneySteps(compiled, asOf);
  const current: Current = { i: 0, plan: undefined as unknown as Plan, totalMilli: 0, money: undefined as unknown as Money };
  const read = factReader(current, raw, weights, domainIndex, cohort);

  return (i) => {
    const group = cohort.clientGroupOf[i]!;
    const pricing = tables[group];
    if (!pricing) return { error: `client group '${cohort.clientGroups[group]}' is not one of this version's` };
    const plan = plans[group]![cohort.ageBandOf[i]!]!;
    if ('error' in plan) return plan;
    raw.fill(0);
    for (const slot of plan.slots) {
      const code = slot.column ? slot.column[i]! : 0;
      if (code === 0) {
        if (slot.required) return { error: `question '${slot.questionId}' is not answered` };
        continue;
      }
      const points = slot.points[code]!;
      if (points < 0) return { error: `'${slot.answerIds[code - 1]}' is not an answer to question '${slot.questionId}'` };
      raw[slot.domain]! += points;
    }
    const carerFlags = cohort.carerFlags[i]!;
    if (carerFlags !== 0 && carerKnown && !carerKnown[cohort.carerLevelOf[i]!]![cohort.carerImpactOf[i]!]) {
      const carer = carerOf(cohort, i)!;
      return { error: `carer support level '${carer.supportLevel}' or impact '${carer.impact}' is not in this version's carer table` };
    }
    let totalMilli = 0;
    for (let d = 0; d < raw.length; d++) totalMilli += raw[d]! * weights[d]!;
    current.i = i;
    current.plan = plan;
    current.totalMilli = totalMilli;
    const eligible = eligibility.every((c) => c.conditions.test(read));
    const outcome = eligible ? money(group, pricing, totalMilli, cohort, i) : NO_AMOUNT;
    current.money = outcome;
    const flags: string[] = [];
    for (const r of rules) if (r.conditions.test(read)) flags.push(r.rule.event.type);
    return {
      totalMilli,
      allocationPence: outcome.allocationPence,
      weeklyPence: outcome.weeklyPence,
      monthlyPence: outcome.monthlyPence,
      annualPence: outcome.annualPence,
      carerReductionApplied: outcome.carerReductionApplied,
      carerReductionPercent: outcome.carerPercent,
      outcome: outcome.outcome,
      flags,
    };
  };
}

/**
 * The money steps depend only on the table, the total and the carer's situation, which many people
 * share, so each distinct combination is worked out once.
 */
function moneySteps(compiled: CompiledPolicy, asOf: IsoDate) {
  const caches = new Map<number, Map<number, Money>>();
  return (group: number, pricing: Pricing, totalMilli: number, cohort: EncodedCohort, i: number): Money => {
    // Group, carer flags, level and impact packed in one number (each list is far below 2^16 long).
    const carerKey = ((group * 8 + cohort.carerFlags[i]!) * 65536 + cohort.carerLevelOf[i]!) * 65536 + cohort.carerImpactOf[i]!;
    let cache = caches.get(carerKey);
    if (!cache) {
      cache = new Map();
      caches.set(carerKey, cache);
    }
    let result = cache.get(totalMilli);
    if (!result) {
      const allocation = allocate(compiled, pricing, totalMilli, carerOf(cohort, i), asOf);
      result =
        allocation.pence === null
          ? { ...NO_AMOUNT, outcome: allocation.priced.outcome.id }
          : {
              allocationPence: allocation.pence,
              weeklyPence: allocation.periods.weeklyPence,
              monthlyPence: allocation.periods.monthlyPence,
              annualPence: allocation.periods.annualPence,
              carerReductionApplied: allocation.carer.applied,
              carerPercent: allocation.carer.percent,
              outcome: null,
            };
      cache.set(totalMilli, result);
    }
    return result;
  };
}

/** For each (client group, age band) of the cohort: the questionnaire's slots, or why none applies. */
function planQuestionnaires(
  compiled: CompiledPolicy,
  cohort: EncodedCohort,
  domainIndex: Map<string, number>,
): Array<Array<Plan | Unevaluable>> {
  const columns = new Map(cohort.columns.map((c) => [c.questionId, c]));
  const cache = new Map<CompiledQuestionnaire, Plan>();
  const planFor = (q: CompiledQuestionnaire): Plan => {
    let plan = cache.get(q);
    if (!plan) {
      const slots = [...q.questions.values()].map(({ question, answers, required }) => {
        const column = columns.get(question.id);
        const answerIds = column?.answerIds ?? [];
        const points = new Int32Array(answerIds.length + 1).fill(-1);
        answerIds.forEach((id, k) => {
          const a = answers.get(id);
          if (a) points[k + 1] = a.points;
        });
        return {
          column: column?.codes ?? null,
          questionId: question.id,
          domain: domainIndex.get(question.domain)!,
          required,
          points,
          answerIds,
        };
      });
      plan = { questionnaire: q, slots, byQuestion: new Map(slots.map((slot) => [slot.questionId, slot])) };
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

function factReader(
  current: Current,
  raw: Int32Array,
  weights: Int32Array,
  domainIndex: Map<string, number>,
  cohort: EncodedCohort,
): FactReader {
  return (fact, key) => {
    switch (fact) {
      case 'totalPoints':
        return current.totalMilli / 1000;
      case 'domainPoints': {
        const d = key === undefined ? undefined : domainIndex.get(key);
        return d === undefined ? undefined : raw[d];
      }
      case 'weightedDomainPoints': {
        const d = key === undefined ? undefined : domainIndex.get(key);
        return d === undefined ? undefined : (raw[d]! * weights[d]!) / 1000;
      }
      case 'answers': {
        const slot = key === undefined ? undefined : current.plan.byQuestion.get(key);
        const code = slot?.column ? slot.column[current.i]! : 0;
        return slot && code > 0 ? slot.answerIds[code - 1] : undefined;
      }
      case 'age':
        return cohort.ageBands[cohort.ageBandOf[current.i]!]!.min;
      case 'clientGroup':
        return cohort.clientGroups[cohort.clientGroupOf[current.i]!];
      case 'questionnaire':
        return current.plan.questionnaire.questionnaire.id;
      case 'allocationPence':
        return current.money.allocationPence;
      case 'weeklyPence':
        return current.money.weeklyPence;
      case 'monthlyPence':
        return current.money.monthlyPence;
      case 'annualPence':
        return current.money.annualPence;
      case 'carerReductionApplied':
        return current.money.carerReductionApplied;
      case 'carerReductionPercent':
        return current.money.carerPercent;
      default:
        return undefined;
    }
  };
}
