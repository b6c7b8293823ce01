/**
 * Rule conditions compiled to plain functions, for evaluating whole cohorts. Each operator keeps
 * json-rules-engine's own definition (including its fact validators), and the agreement tests hold
 * the two paths to the same answers person by person.
 */

import type { Condition, Operator, Rule } from '../policy.js';

/** Reads a fact, or one key of an object fact ("$.<key>" paths), for the person being evaluated. */
export type FactReader = (fact: string, key: string | undefined) => unknown;

export interface CompiledRule {
  rule: Rule;
  test: (read: FactReader) => boolean;
}

const isNumber = (v: unknown) => Number.parseFloat(v as string).toString() !== 'NaN';

// The schema types rule values (lists for in/notIn, numbers for the comparisons), so the casts below
// restate what validation has already checked.
type Compare = (fact: unknown, value: unknown) => boolean;
const list = (v: unknown) => v as readonly unknown[];
const num = (v: unknown) => v as number;

const OPERATORS: Record<Operator, Compare> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => list(b).indexOf(a) > -1,
  notIn: (a, b) => list(b).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumber(a) && num(a) < num(b),
  lessThanInclusive: (a, b) => isNumber(a) && num(a) <= num(b),
  greaterThan: (a, b) => isNumber(a) && num(a) > num(b),
  greaterThanInclusive: (a, b) => isNumber(a) && num(a) >= num(b),
};

export function compileRules(rules: readonly Rule[]): CompiledRule[] {
  return rules.map((rule) => ({ rule, test: compileCondition(rule.conditions) }));
}

function compileCondition(condition: Condition): (read: FactReader) => boolean {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (read) => parts.every((p) => p(read));
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return (read) => parts.some((p) => p(read));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (read) => !inner(read);
  }
  const { fact, operator, value } = condition;
  const key = condition.path?.slice(2);
  const compare = OPERATORS[operator];
  return (read) => compare(read(fact, key), value);
}
