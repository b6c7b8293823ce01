/**
 * json-rules-engine itself, as the reference for the rule format's meaning: the engine's own rules
 * evaluator (engine/conditions.ts) must decide and explain every condition as this does. Each rule runs
 * in a new Engine on the facts given, and each condition's outcome is read back from the library's
 * results the way the engine's explanation states it.
 */

import { Engine, type RuleProperties, type RuleResult } from 'json-rules-engine';
import type { ConditionExplanation, Operator, TopLevelCondition } from '../../engine/index.js';

// Paths are validated to be "$.<id>", one level deep, so a key lookup is all the resolution needed.
const pathResolver = (value: object, path: string): unknown => (value as Record<string, unknown>)[path.slice(2)];

/** Each rule's outcome and its conditions' explanation, by rule name, as json-rules-engine finds them. */
export async function referenceRun(
  rules: ReadonlyArray<{ name: string; conditions: TopLevelCondition }>,
  facts: object,
): Promise<Map<string, ConditionExplanation>> {
  // json-rules-engine writes to the condition objects it is given.
  const properties = rules.map((r) => ({ name: r.name, conditions: structuredClone(r.conditions), event: { type: r.name } }));
  const engine = new Engine(properties as unknown as RuleProperties[], { pathResolver, allowUndefinedFacts: false });
  const { results, failureResults } = await engine.run({ ...facts });
  const byName = new Map<string, RuleResult>([...results, ...failureResults].map((r) => [r.name, r]));
  return new Map(rules.map((r) => [r.name, copyCondition(byName.get(r.name)!.toJSON(false).conditions as EngineCondition)]));
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
// from its children; a leaf the library did not run (its set came after the outcome was settled) is not met.
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
    fact: c.fact!,
    path: c.path ?? null,
    operator: c.operator as Operator,
    value: structuredClone(c.value),
    factValue: c.factResult === undefined ? null : structuredClone(c.factResult),
    result: c.result === true,
  };
}
