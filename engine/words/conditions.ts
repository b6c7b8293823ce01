/**
 * A rule or eligibility condition (json-rules-engine's format) as a sentence a panel member can check:
 * "When the weekly budget is more than £1,000.00." Each fact reads in the words of the facts table
 * (rule-facts.ts), its keys and values by the policy's own labels.
 */

import type { Condition, Operator, Policy, Rule } from '../policy.js';
import { factDefinition, isFact, keyLabel } from '../rule-facts.js';
import { formatPrice } from './money.js';

const OPERATORS: Record<Operator, string> = {
  equal: 'is',
  notEqual: 'is not',
  lessThan: 'is less than',
  lessThanInclusive: 'is at most',
  greaterThan: 'is more than',
  greaterThanInclusive: 'is at least',
  in: 'is one of',
  notIn: 'is not one of',
  contains: 'includes',
  doesNotContain: 'does not include',
};

export function conditionInWords(policy: Policy, condition: Condition): string {
  if ('all' in condition)
    return condition.all.length === 1
      ? conditionInWords(policy, condition.all[0]!)
      : `all of: ${condition.all.map((c) => `(${conditionInWords(policy, c)})`).join(' and ')}`;
  if ('any' in condition)
    return condition.any.length === 1
      ? conditionInWords(policy, condition.any[0]!)
      : `any of: ${condition.any.map((c) => `(${conditionInWords(policy, c)})`).join(' or ')}`;
  if ('not' in condition) return `it is not so that ${conditionInWords(policy, condition.not)}`;
  const key = condition.path?.replace(/^\$\./, '');
  return `${subject(policy, condition.fact, key)} ${OPERATORS[condition.operator] ?? condition.operator} ${value(policy, condition.fact, key, condition.value)}`;
}

export function ruleInWords(policy: Policy, rule: Rule): string {
  return `When ${conditionInWords(policy, rule.conditions)}.`;
}

/** The fact tested, in words; an object fact with its key by its label (a draft's unknown fact as it is written). */
function subject(policy: Policy, fact: string, key: string | undefined): string {
  if (!isFact(fact)) return fact;
  const { words, keyedBy } = factDefinition(fact);
  if (typeof words === 'string') return words;
  const id = key ?? 'undefined';
  return words((keyedBy && keyLabel(policy, keyedBy, id)) ?? id);
}

/** The value a fact is compared with, in words: money in pounds, answers and client groups by their labels. */
function value(policy: Policy, fact: string, key: string | undefined, v: unknown): string {
  const holds = isFact(fact) ? factDefinition(fact).holds : undefined;
  if (holds === 'pence' && typeof v === 'number') return formatPrice(v);
  if (holds === 'answer') {
    const question = policy.questionnaires.flatMap((q) => q.questions).find((q) => q.id === key);
    const text = (id: unknown) => question?.answers.find((a) => a.id === id)?.text ?? String(id);
    return Array.isArray(v) ? v.map((x) => `“${text(x)}”`).join(', ') : `“${text(v)}”`;
  }
  if (holds === 'client-group') {
    const label = (id: unknown) => policy.clientGroups.find((g) => g.id === id)?.label ?? String(id);
    return Array.isArray(v) ? v.map(label).join(', ') : label(v);
  }
  return Array.isArray(v) ? v.join(', ') : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
}
