/**
 * What a council tells people beside the numbers (the policy's publication section), with the words
 * used where the policy says nothing: one source for the published RAS and the letter to the person.
 */

import type { Policy, Publication } from './policy.js';

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
