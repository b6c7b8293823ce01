/**
 * The rules step: the only module that knows json-rules-engine. A new Engine is built for every
 * evaluation (its Almanac and result objects are mutable), every fact is a plain runtime value, and
 * each condition's outcome is copied into our own explanation before the engine is dropped.
 */

import { Engine, type RuleProperties, type RuleResult } from 'json-rules-engine';
import type { ConditionExplanation, Flag, RuleLine } from './explanation.js';
import type { Operator, Rule } from './policy.js';

/** The facts rules can test; policy-checks/rules.ts lists the same names for validation. */
export interface RuleFacts {
  totalPoints: number;
  domainPoints: Record<string, number>;
  weightedDomainPoints: Record<string, number>;
  answers: Record<string, string>;
  age: number;
  clientGroup: string;
  questionnaire: string;
  allocationPence: number;
  weeklyPence: number;
  monthlyPence: number;
  annualPence: number;
  carerReductionApplied: boolean;
  carerReductionPercent: number;
}

// Paths are validated to be "$.<id>", one level deep, so a key lookup is all the resolution needed.
const pathResolver = (value: object, path: string): unknown => (value as Record<string, unknown>)[path.slice(2)];

export async function raiseFlags(rules: readonly Rule[], facts: RuleFacts): Promise<{ flags: Flag[]; lines: RuleLine[] }> {
  if (rules.length === 0) return { flags: [], lines: [] };
  // json-rules-engine writes to the condition objects it is given, and compiled policies are frozen.
  const engine = new Engine(structuredClone(rules) as unknown as RuleProperties[], { pathResolver, allowUndefinedFacts: false });
  const { results, failureResults } = await engine.run({ ...facts });
  const outcomes = new Map<string, RuleResult>([...results, ...failureResults].map((r) => [r.name, r]));
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
