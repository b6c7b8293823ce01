/**
 * The rules step: rules that raise flags, and the eligibility conditions in the same
 * condition format, each compiled once per policy by the one rules evaluator (conditions.ts) and run on
 * plain runtime facts. Lines come in the policy's order, so output is byte-stable.
 */

import { type CompiledCondition, compileCondition, readerOf } from './conditions.js';
import type { EligibilityLine, Flag, RuleLine } from './explanation.js';
import type { EligibilityCondition, Rule } from './policy.js';
import type { EligibilityFacts, RuleFacts } from './rule-facts.js';

export interface CompiledRule {
  readonly rule: Rule;
  readonly conditions: CompiledCondition;
}

export interface CompiledEligibility {
  readonly condition: EligibilityCondition;
  readonly conditions: CompiledCondition;
}

export const compileRules = (rules: readonly Rule[]): CompiledRule[] =>
  rules.map((rule) => ({ rule, conditions: compileCondition(rule.conditions) }));

export const compileEligibility = (conditions: readonly EligibilityCondition[]): CompiledEligibility[] =>
  conditions.map((condition) => ({ condition, conditions: compileCondition(condition.conditions) }));

export function raiseFlags(rules: readonly CompiledRule[], facts: RuleFacts): { flags: Flag[]; lines: RuleLine[] } {
  const read = readerOf(facts);
  const lines = rules.map(({ rule, conditions }): RuleLine => {
    const explained = conditions.explain(read);
    return { step: 'rule', rule: rule.name, fired: explained.result, flag: rule.event.type, conditions: explained };
  });
  const flags = rules
    .filter((_, i) => lines[i]!.fired)
    .map(({ rule }) => ({
      code: rule.event.type,
      message: rule.event.params.message,
      severity: rule.event.params.severity ?? 'review',
      rule: rule.name,
    }));
  return { flags, lines };
}

/** Tests the policy's eligibility conditions; the person is eligible when every one is met. */
export function testEligibility(
  conditions: readonly CompiledEligibility[],
  facts: EligibilityFacts,
): { eligible: boolean; lines: EligibilityLine[] } {
  const read = readerOf(facts);
  const lines = conditions.map(({ condition, conditions: compiled }): EligibilityLine => {
    const explained = compiled.explain(read);
    return {
      step: 'eligibility',
      condition: condition.id,
      label: condition.label,
      met: explained.result,
      reason: condition.reason,
      conditions: explained,
    };
  });
  return { eligible: lines.every((l) => l.met), lines };
}
