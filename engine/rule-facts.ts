/**
 * The facts a rule or an eligibility condition may test, stated once: the facts' types (RuleFacts), the
 * policy checks on conditions (policy-checks/rules.ts), the cohort's fact getters (cohort/fast-evaluator.ts)
 * and the words a condition reads in (words/conditions.ts) all derive from this table. rules/README.md
 * lists them for policy authors, and a test holds it to this table.
 */

import type { Policy } from './policy.js';

/** What each kind of fact holds: its type, and how a condition's value for it reads. */
interface FactValues {
  points: number;
  years: number;
  'client-group': string;
  questionnaire: string;
  /** Null when the result has no amount (a band's outcome, or not eligible): a condition on it is then not met. */
  pence: number | null;
  'yes-no': boolean;
  percent: number;
  /** An answer's id. */
  answer: string;
  /** A fact the assessment states, of the type the policy declares. */
  stated: boolean | number | string;
}

/** What an object fact holds one value for: it is read one key at a time, with a "$.<key>" path. */
export type FactKey = 'domain' | 'question' | 'fact';

interface FactDefinition {
  readonly holds: keyof FactValues;
  readonly keyedBy?: FactKey;
  /** Worked out with the amount, after eligibility: an eligibility condition cannot test it. */
  readonly amount?: true;
  /** The fact as a condition on it reads; an object fact's words name the key by its label. */
  readonly words: string | ((label: string) => string);
}

/** The facts, single values first, in the order an unknown fact's message lists them. */
export const RULE_FACTS = {
  totalPoints: { holds: 'points', words: 'the total weighted points' },
  age: { holds: 'years', words: "the person's age" },
  clientGroup: { holds: 'client-group', words: 'the client group' },
  questionnaire: { holds: 'questionnaire', words: 'the questionnaire' },
  allocationPence: { holds: 'pence', amount: true, words: 'the indicative allocation' },
  weeklyPence: { holds: 'pence', amount: true, words: 'the weekly budget' },
  monthlyPence: { holds: 'pence', amount: true, words: 'the monthly budget' },
  annualPence: { holds: 'pence', amount: true, words: 'the annual budget' },
  carerReductionApplied: { holds: 'yes-no', amount: true, words: 'a carer reduction was applied' },
  carerReductionPercent: { holds: 'percent', amount: true, words: 'the carer reduction percentage' },
  domainPoints: { holds: 'points', keyedBy: 'domain', words: (domain) => `the points for “${domain}”` },
  weightedDomainPoints: { holds: 'points', keyedBy: 'domain', words: (domain) => `the weighted points for “${domain}”` },
  answers: { holds: 'answer', keyedBy: 'question', words: (question) => `the answer to “${question}”` },
  facts: { holds: 'stated', keyedBy: 'fact', words: (label) => `“${label}”` },
} as const satisfies Record<string, FactDefinition>;

type Facts = typeof RULE_FACTS;
export type FactName = keyof Facts;

/** The facts as one evaluation holds them: a value for each single fact, a value by key for each object fact. */
export type RuleFacts = {
  -readonly [F in FactName]: Facts[F] extends { keyedBy: FactKey }
    ? Record<string, FactValues[Facts[F]['holds']]>
    : FactValues[Facts[F]['holds']];
};

/** The facts worked out with the amount. */
export type AmountFact = { [F in FactName]: Facts[F] extends { amount: true } ? F : never }[FactName];

/** What eligibility conditions may test: every fact but the amounts, which are not yet worked out. */
export type EligibilityFacts = Omit<RuleFacts, AmountFact>;

/** Every fact's name, in the table's order. */
export const FACT_NAMES = Object.keys(RULE_FACTS) as FactName[];

export function isFact(name: string): name is FactName {
  return Object.hasOwn(RULE_FACTS, name);
}

/** The fact's definition, with the wider type that code reading any fact wants. */
export function factDefinition(fact: FactName): FactDefinition {
  return RULE_FACTS[fact];
}

/** The keys an object fact has under a policy: its domains', questions' or declared facts' ids. */
export function factKeys(policy: Policy, key: FactKey): string[] {
  switch (key) {
    case 'domain':
      return policy.domains.map((d) => d.id);
    case 'question':
      return [...new Set(policy.questionnaires.flatMap((q) => q.questions.map((question) => question.id)))];
    case 'fact':
      return (policy.facts ?? []).map((f) => f.id);
  }
}

/** A key of an object fact by its label: a domain's label, a question's text, a declared fact's label. */
export function keyLabel(policy: Policy, key: FactKey, id: string): string | undefined {
  switch (key) {
    case 'domain':
      return policy.domains.find((d) => d.id === id)?.label;
    case 'question':
      return policy.questionnaires.flatMap((q) => q.questions).find((q) => q.id === id)?.text;
    case 'fact':
      return policy.facts?.find((f) => f.id === id)?.label;
  }
}
