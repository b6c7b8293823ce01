/**
 * The rules step, and the only module that knows json-rules-engine: rules that raise flags, and the
 * eligibility conditions (policy format 2) in the same condition format. A new Engine is built for
 * every evaluation (its Almanac and result objects are mutable), every fact is a plain runtime value,
 * and each condition's outcome is copied into our own explanation before the engine is dropped.
 */

import { Engine, type RuleProperties, type RuleResult } from 'json-rules-engine';
import type { ConditionExplanation, EligibilityLine, Flag, RuleLine } from './explanation.js';
import type { EligibilityCondition, Operator, Rule, TopLevelCondition } from './policy.js';

/** The facts rules can test; policy-checks/rules.ts lists the same names for validation. */
export interface RuleFacts {
  totalPoints: number;
  domainPoints: Record<string, number>;
  weightedDomainPoints: Record<string, number>;
  answers: Record<string, string>;
  age: number;
  clientGroup: string;
  questionnaire: string;
  /** Null when the result has no amount (policy format 2): a condition on it is then not met. */
  allocationPence: number | null;
  weeklyPence: number | null;
  monthlyPence: number | null;
  annualPence: number | null;
  carerReductionApplied: boolean;
  carerReductionPercent: number;
  /** The facts the assessment states, as the policy declares them (policy format 2). */
  facts: Record<string, boolean | number | string>;
}

/** What eligibility conditions may test: every fact but the amounts, which are not yet worked out. */
export type EligibilityFacts = Omit<
  RuleFacts,
  'allocationPence' | 'weeklyPence' | 'monthlyPence' | 'annualPence' | 'carerReductionApplied' | 'carerReductionPercent'
>;

// Paths are validated to be "$.<id>", one level deep, so a key lookup is all the resolution needed.
const pathResolver = (value: object, path: string): unknown => (value as Record<string, unknown>)[path.slice(2)];

export async function raiseFlags(rules: readonly Rule[], facts: RuleFacts): Promise<{ flags: Flag[]; lines: RuleLine[] }> {
  if (rules.length === 0) return { flags: [], lines: [] };
  const outcomes = await runEngine(rules, facts);
  // Report in the policy's own order, not the engine's completion order, so output is byte-stable.
  const lines = rules.map((rule) => toLine(rule, outcomes.get(rule.name)));
  const flags = rules
    .filter((_, i) => lines[i]!.fired)
    .map((rule) => ({
      code: rule.event.type,
      message: rule.event.params.message,
      severity: rule.event.params.severity ?? 'review',
      rule: rule.name,
    }));
  return { flags, lines };
}

/**
 * Tests the policy's eligibility conditions, each as a json-rules-engine rule of its own; the person is
 * eligible when every one is met. Lines come in the policy's order.
 */
export async function testEligibility(
  conditions: readonly EligibilityCondition[],
  facts: EligibilityFacts,
): Promise<{ eligible: boolean; lines: EligibilityLine[] }> {
  if (conditions.length === 0) return { eligible: true, lines: [] };
  const rules = conditions.map((c) => ({ name: c.id, conditions: c.conditions, event: { type: c.id } }));
  const outcomes = await runEngine(rules, facts);
  const lines = conditions.map((c): EligibilityLine => {
    const outcome = outcomes.get(c.id);
    if (!outcome) throw new Error(`json-rules-engine returned no result for eligibility condition '${c.id}'`);
    return {
      step: 'eligibility',
      condition: c.id,
      label: c.label,
      met: outcome.result === true,
      reason: c.reason,
      conditions: copyCondition(outcome.toJSON(false).conditions as EngineCondition),
    };
  });
  return { eligible: lines.every((l) => l.met), lines };
}

async function runEngine(
  rules: ReadonlyArray<{ name: string; conditions: TopLevelCondition; event: { type: string } }>,
  facts: object,
): Promise<Map<string, RuleResult>> {
  // json-rules-engine writes to the condition objects it is given, and compiled policies are frozen.
  const engine = new Engine(structuredClone(rules) as unknown as RuleProperties[], { pathResolver, allowUndefinedFacts: false });
  const { results, failureResults } = await engine.run({ ...facts });
  return new Map<string, RuleResult>([...results, ...failureResults].map((r) => [r.name, r]));
}

function toLine(rule: Rule, outcome: RuleResult | undefined): RuleLine {
  if (!outcome) throw new Error(`json-rules-engine returned no result for rule '${rule.name}'`);
  return {
    step: 'rule',
    rule: rule.name,
    fired: outcome.result === true,
    flag: rule.event.type,
    conditions: copyCondition(outcome.toJSON(false).conditions as EngineCondition),
  };
}

/** A condition as json-rules-engine's RuleResult#toJSON gives it back, after a run. */
interface EngineCondition {
  all?: EngineCondition[];
  any?: EngineCondition[];
  not?: EngineCondition;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  result?: boolean;
}

// json-rules-engine leaves `result` unset on the top-level group, so a group's result is worked out
// from its children here; a leaf the engine skipped (short-circuited) counts as not met.
function copyCondition(c: EngineCondition): ConditionExplanation {
  if (Array.isArray(c.all)) {
    const all = c.all.map(copyCondition);
    return { all, result: all.every((x) => x.result) };
  }
  if (Array.isArray(c.any)) {
    const any = c.any.map(copyCondition);
    return { any, result: any.some((x) => x.result) };
  }
  if (c.not !== undefined) {
    const not = copyCondition(c.not);
    return { not, result: !not.result };
  }
  return {
    // Every leaf of a validated rule names its fact.
    fact: c.fact!,
    path: c.path ?? null,
    operator: c.operator as Operator,
    value: structuredClone(c.value),
    factValue: c.factResult === undefined ? null : structuredClone(c.factResult),
    result: c.result === true,
  };
}
