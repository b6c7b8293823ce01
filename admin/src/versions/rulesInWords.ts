/** A json-rules-engine rule as a sentence a panel member can check: "when the weekly budget is more than £1,000.00". */

import type { Condition, Policy, Rule } from '../../../engine/policy';
import { pounds } from './format';

const OPERATORS: Record<string, string> = {
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

const MONEY_FACTS = new Set(['allocationPence', 'weeklyPence', 'monthlyPence', 'annualPence']);

const FACTS: Record<string, string> = {
  totalPoints: 'the total weighted points',
  age: "the person's age",
  clientGroup: 'the client group',
  questionnaire: 'the questionnaire',
  allocationPence: 'the indicative allocation',
  weeklyPence: 'the weekly budget',
  monthlyPence: 'the monthly budget',
  annualPence: 'the annual budget',
  carerReductionApplied: 'a carer reduction was applied',
  carerReductionPercent: 'the carer reduction percentage',
};

function subject(policy: Policy, fact: string, path?: string): string {
  const key = path?.replace(/^\$\./, '');
  const domain = policy.domains.find((d) => d.id === key)?.label ?? key;
  if (fact === 'domainPoints') return `the points for “${domain}”`;
  if (fact === 'weightedDomainPoints') return `the weighted points for “${domain}”`;
  if (fact === 'answers') {
    const question = policy.questionnaires.flatMap((q) => q.questions).find((q) => q.id === key);
    return `the answer to “${question?.text ?? key}”`;
  }
  // A fact the assessment states: named by its label.
  if (fact === 'facts') return `“${policy.facts?.find((f) => f.id === key)?.label ?? key}”`;
  return FACTS[fact] ?? fact;
}

function value(policy: Policy, fact: string, path: string | undefined, v: unknown): string {
  if (MONEY_FACTS.has(fact) && typeof v === 'number') return pounds(v);
  if (fact === 'answers') {
    const question = policy.questionnaires.flatMap((q) => q.questions).find((q) => q.id === path?.replace(/^\$\./, ''));
    const text = (id: unknown) => question?.answers.find((a) => a.id === id)?.text ?? String(id);
    return Array.isArray(v) ? v.map((x) => `“${text(x)}”`).join(', ') : `“${text(v)}”`;
  }
  if (fact === 'clientGroup') {
    const label = (id: unknown) => policy.clientGroups.find((g) => g.id === id)?.label ?? String(id);
    return Array.isArray(v) ? v.map(label).join(', ') : label(v);
  }
  return Array.isArray(v) ? v.join(', ') : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
}

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
  return `${subject(policy, condition.fact, condition.path)} ${OPERATORS[condition.operator] ?? condition.operator} ${value(policy, condition.fact, condition.path, condition.value)}`;
}

export function ruleInWords(policy: Policy, rule: Rule): string {
  return `When ${conditionInWords(policy, rule.conditions)}.`;
}
