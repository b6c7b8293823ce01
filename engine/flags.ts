/**
 * The rules step: rules that raise flags, and the eligibility conditions in the same
 * condition format, each compiled once per policy by the one rules evaluator (conditions.ts) and run on
 * plain runtime facts. Lines come in the policy's order, so output is byte-stable.
 */

import { type CompiledCondition, compileCondition, readerOf } from './conditions.js';
import type { EligibilityLine, Flag, RuleLine } from './explanation.js';
import type { EligibilityCondition, Rule } from './policy.js';

/** The facts rules can test; policy-checks/rules.ts lists the same names for validation. */
export interface RuleFacts {
  totalPoints: number;
  domainPoints: Record<string, number>;
  weightedDomainPoints: Record<string, number>;
  answers: Record<string, string>;
  age: number;
  clientGroup: string;
  questionnaire: string;
  /** Null when the result has no amount (a band's outcome, or not eligible): a condition on it is then not met. */
  allocationPence: number | null;
  weeklyPence: number | null;
  monthlyPence: number | null;
  annualPence: number | null;
  carerReductionApplied: boolean;
  carerReductionPercent: number;
  /** The facts the assessment states, as the policy declares them. */
  facts: Record<string, boolean | number | string>;
}

/** What eligibility conditions may test: every fact but the amounts, which are not yet worked out. */
export type EligibilityFacts = Omit<
  RuleFacts,
  'allocationPence' | 'weeklyPence' | 'monthlyPence' | 'annualPence' | 'carerReductionApplied' | 'carerReductionPercent'
>;

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
