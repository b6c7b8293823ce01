/**
 * The order of an evaluation, stated once: each step named as its lines in the explanation, in the order the
 * engine takes them (rules/README.md describes each). allocate() runs the money steps in this order,
 * evaluate() lists the explanation's lines in it, and explain() words them in it.
 */

import type { ExplanationLine } from './explanation.js';

/**
 * The money steps after pricing, from the carer adjustment to the award: allocate() takes them in this
 * order, each on the amount the one before left. (Pricing comes first, and may end the evaluation with
 * an outcome that has no amount.)
 */
export const MONEY_STEPS = ['carer-adjustment', 'uplift', 'rounding', 'maximum', 'requested', 'contribution', 'periods', 'award'] as const;
export type MoneyStep = (typeof MONEY_STEPS)[number];

const ORDER = ['person', 'answer', 'domain', 'total', 'eligibility', 'allocation-table', 'pricing', ...MONEY_STEPS, 'rule'] as const;

export type Step = ExplanationLine['step'];

/** Every step, in order; the type is never, and this does not compile, while a kind of explanation line is left out. */
export const STEPS: Exclude<Step, (typeof ORDER)[number]> extends never ? readonly Step[] : never = ORDER;

/** A step's line as the explanation holds it. */
export type LineOf<S extends Step> = Extract<ExplanationLine, { step: S }>;

/** What each step gave, by its name: one line, several, or none (a step the policy does not have). */
export type LinesByStep = { readonly [S in Step]?: LineOf<S> | readonly LineOf<S>[] | null };

/** The lines in the order of the steps. */
export function inStepOrder(lines: LinesByStep): ExplanationLine[] {
  const ordered: ExplanationLine[] = [];
  for (const step of STEPS) {
    const given: ExplanationLine | readonly ExplanationLine[] | null | undefined = lines[step];
    if (Array.isArray(given)) for (const line of given) ordered.push(line);
    else if (given) ordered.push(given as ExplanationLine);
  }
  return ordered;
}
