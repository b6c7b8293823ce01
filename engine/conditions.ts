/**
 * The one rules evaluator: rule and eligibility conditions, in json-rules-engine's own format, compiled
 * once per policy into plain functions. Each compiled condition answers two ways from the same tree:
 * `bind` (met or not, its facts bound once, for whole cohorts) and `explain` (each condition's fact
 * value and outcome, for a person's explanation).
 *
 * The meaning is json-rules-engine's, which stays the reference (a property test runs both on random
 * facts): its operators with their fact validators; a path reads one key of an object fact (and a fact
 * that is not an object is read whole); conditions in a group run in sets by priority, highest first,
 * and a set is not run once the group's outcome is settled. A condition that did not run is explained as
 * not met with no fact value, as json-rules-engine's results report it.
 */

import type { ConditionExplanation } from './explanation.js';
import type { Condition, FactCondition, Operator } from './policy.js';

/** Reads a fact, or one key of an object fact ("$.<key>" paths), for the person being evaluated. */
export type FactReader = (fact: string, key: string | undefined) => unknown;

/**
 * Finds, once, how to read a fact (or one key of it) for whoever is being evaluated: a cohort's loop binds
 * its conditions to these getters, so a condition reads its fact without naming it on every person.
 */
export type FactBinder = (fact: string, key: string | undefined) => () => unknown;

export interface CompiledCondition {
  explain(read: FactReader): ConditionExplanation;
  /** The same test with its facts bound: met or not, for the person the getters read. */
  bind(binder: FactBinder): () => boolean;
}

/** Getters over a reader, for binding conditions to facts looked up by name each time. */
export function binderOf(read: FactReader): FactBinder {
  return (fact, key) => () => read(fact, key);
}

/** Facts as an object of values: how a single evaluation holds them. */
export function readerOf(facts: object): FactReader {
  const values = facts as Record<string, unknown>;
  return (fact, key) => {
    const value = values[fact];
    return key !== undefined && value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : value;
  };
}

// json-rules-engine's test for a number operand; for a number it comes to "not NaN", without the string round trip.
const isNumber = (v: unknown) => (typeof v === 'number' ? !Number.isNaN(v) : Number.parseFloat(v as string).toString() !== 'NaN');

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

export function compileCondition(condition: Condition): CompiledCondition {
  if ('all' in condition) return group('all', condition.all);
  if ('any' in condition) return group('any', condition.any);
  if ('not' in condition) return negation(condition.not);
  return leaf(condition);
}

function leaf(condition: FactCondition): CompiledCondition {
  const { fact, operator, value } = condition;
  const key = condition.path?.slice(2);
  const compare = OPERATORS[operator];
  const path = condition.path ?? null;
  return {
    bind: (binder) => {
      const get = binder(fact, key);
      return () => compare(get(), value);
    },
    explain: (read) => {
      const factValue = read(fact, key);
      return {
        fact,
        path,
        operator,
        value: copy(value),
        factValue: factValue === undefined ? null : copy(factValue),
        result: compare(factValue, value),
      };
    },
  };
}

function negation(inner: Condition): CompiledCondition {
  const compiled = compileCondition(inner);
  return {
    bind: (binder) => {
      const inner = compiled.bind(binder);
      return () => !inner();
    },
    explain: (read) => {
      const not = compiled.explain(read);
      return { not, result: !not.result };
    },
  };
}

function group(kind: 'all' | 'any', conditions: readonly Condition[]): CompiledCondition {
  const parts = conditions.map(compileCondition);
  // json-rules-engine runs a group of one without sets; otherwise in sets by priority, highest first.
  const sets = conditions.length === 1 ? [[0]] : prioritySets(conditions);
  // The outcome that settles the group: a condition not met settles 'all', one met settles 'any'.
  const settled = kind === 'any';
  return {
    bind: (binder) => {
      const bound = parts.map((p) => p.bind(binder));
      return kind === 'all'
        ? () => {
            for (let i = 0; i < bound.length; i++) if (!bound[i]!()) return false;
            return true;
          }
        : () => {
            for (let i = 0; i < bound.length; i++) if (bound[i]!()) return true;
            return false;
          };
    },
    explain: (read) => {
      const lines: Array<ConditionExplanation | undefined> = new Array(parts.length);
      let outcome: boolean = !settled;
      for (const set of sets) {
        if (outcome === settled) {
          for (const i of set) lines[i] = notRun(conditions[i]!);
          continue;
        }
        for (const i of set) lines[i] = parts[i]!.explain(read);
        outcome = kind === 'all' ? set.every((i) => lines[i]!.result) : set.some((i) => lines[i]!.result);
      }
      const explained = lines as ConditionExplanation[];
      return kind === 'all'
        ? { all: explained, result: explained.every((c) => c.result) }
        : { any: explained, result: explained.some((c) => c.result) };
    },
  };
}

/** Indexes of a group's conditions in sets of equal priority (default 1), highest priority first. */
function prioritySets(conditions: readonly Condition[]): number[][] {
  const byPriority = new Map<number, number[]>();
  conditions.forEach((condition, i) => {
    const priority = condition.priority || 1;
    const set = byPriority.get(priority);
    if (set) set.push(i);
    else byPriority.set(priority, [i]);
  });
  return [...byPriority.entries()].sort(([a], [b]) => b - a).map(([, set]) => set);
}

/** A condition that did not run, as json-rules-engine reports it: a leaf not met and without a fact value. */
function notRun(condition: Condition): ConditionExplanation {
  if ('all' in condition) {
    const all = condition.all.map(notRun);
    return { all, result: all.every((c) => c.result) };
  }
  if ('any' in condition) {
    const any = condition.any.map(notRun);
    return { any, result: any.some((c) => c.result) };
  }
  if ('not' in condition) {
    const not = notRun(condition.not);
    return { not, result: !not.result };
  }
  return {
    fact: condition.fact,
    path: condition.path ?? null,
    operator: condition.operator,
    value: copy(condition.value),
    factValue: null,
    result: false,
  };
}

/** Rule values and fact values are JSON data; the explanation keeps its own copy. */
const copy = <T>(value: T): T => (value !== null && typeof value === 'object' ? structuredClone(value) : value);
