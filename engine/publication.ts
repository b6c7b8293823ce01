/**
 * What a council tells people beside the numbers (the policy's publication section), with the words
 * used where the policy says nothing: one source for the published RAS and the letter to the person.
 */

import type { Period, Policy, Publication } from './policy.js';

export const DEFAULT_NEXT_STEPS =
  'This amount is indicative. You will agree a support plan with the council, and with it your personal budget. If the budget agreed is different from this amount, the reason is recorded.';

/** How to ask for a review, in the policy's words or in general ones naming the council. */
export function reviewWords(policy: Policy, reference: string | null = null): string {
  return (
    policy.publication?.review ??
    `You can ask ${policy.council} to look again at how this amount was worked out. Say which step you think is wrong and why${reference ? `, and quote the reference ${reference}` : ''}.`
  );
}

export function nextStepsWords(policy: Policy): string {
  return policy.publication?.nextSteps ?? DEFAULT_NEXT_STEPS;
}

/** A contact as lines to print: name, telephone, email, web, address. */
export function contactLines(contact: NonNullable<Publication['contact']>): string[] {
  return [
    contact.name,
    ...(contact.phone ? [`Telephone: ${contact.phone}`] : []),
    ...(contact.email ? [`Email: ${contact.email}`] : []),
    ...(contact.web ? [`Web: ${contact.web}`] : []),
    ...(contact.address ? [`Address: ${contact.address}`] : []),
  ];
}

/**
 * How the weekly, monthly and yearly amounts follow from a table's own period, as periods.ts works them
 * out: the number of weeks as the policy states it, never rounded for display.
 */
export function periodsSentence(period: Period, weeksPerYear: number): string {
  const weeks = `${weeksPerYear} weeks`;
  switch (period) {
    case 'week':
      return `The table gives a weekly amount. The yearly amount is the weekly amount times ${weeks}, and the monthly amount is a twelfth of the yearly amount.`;
    case 'month':
      return `The table gives a monthly amount. The yearly amount is the monthly amount times 12, and the weekly amount is the yearly amount divided by ${weeks}.`;
    case 'year':
      return `The table gives a yearly amount. The monthly amount is a twelfth of it, and the weekly amount is the yearly amount divided by ${weeks}.`;
  }
}
