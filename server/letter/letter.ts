/**
 * The letter to the person about a recorded decision: the amount, how it was worked out step by step,
 * the carer adjustment and why, what happens next and how to ask for a review. Deterministic: every
 * sentence about the amount is the engine's explanation (explain()), and the rest is the policy's own
 * publication section, or the fixed words below when it has none.
 *
 * A policy's flags (its rules' messages: "consider a safeguarding referral today", "refer to the panel")
 * are instructions to staff, and the policy format marks no flag as meant for the person: so none is
 * ever printed here, nor its kind. When any was raised, the letter says in plain words what the council
 * does next: it checks the assessment with the person before the budget is agreed.
 */

import {
  amountPer,
  contactLines,
  explainSections,
  formatPence,
  longDate,
  nextStepsWords,
  reviewWords,
  type Policy,
} from '../../engine/index.js';
import type { DecisionRecord } from '../store/records.js';

export interface Letter {
  council: string;
  scheme: string;
  /** The day the decision was recorded, in words. */
  date: string;
  reference: string | null;
  headline: string;
  sections: Array<{ heading: string; paragraphs: string[] }>;
  /**
   * Where the figures came from, in words: the RAS and version by name, and, for a decision made without the
   * person's reference, the decision's own to quote (the council finds by it the decision's record: the
   * version's content hash, the engine, every figure).
   */
  provenance: string;
}

export function letterFor(decision: DecisionRecord, policy: Policy): Letter {
  const { result } = decision;
  const publication = policy.publication ?? {};
  const reference = result.person.reference;
  // How it was worked out: the explanation's own sections, without the flags written for officers.
  const howWorkedOut = explainSections(result)
    .filter((s) => !s.forOfficers)
    .map((s) => ({ heading: s.heading, paragraphs: s.lines }));
  return {
    council: policy.council,
    scheme: policy.title,
    date: longDate(decision.createdAt.slice(0, 10)),
    reference,
    headline: headline(decision),
    sections: [
      ...howWorkedOut,
      { heading: 'What happens next', paragraphs: [nextStepsWords(policy), ...(result.flags.length > 0 ? [FOLLOWED_UP] : [])] },
      { heading: 'If you think this is wrong', paragraphs: [reviewWords(policy, reference)] },
      ...(publication.contact ? [{ heading: 'Contact', paragraphs: contactLines(publication.contact) }] : []),
    ],
    // The person quotes their own reference when they have one (the review paragraph says so); only a
    // decision made without one gives the record's reference to quote.
    provenance: `Worked out under ${policy.title} (version ${policy.version}).${reference ? '' : ` If you contact us about this letter, please quote our reference ${decision.id}.`}`,
  };
}

/** What the letter says when the policy raised any flag for staff: what the council does, never the flag. */
export const FOLLOWED_UP =
  'Before your personal budget is agreed, someone from the council will go through your assessment with you and talk about the support you need. They will contact you soon.';

function headline(decision: DecisionRecord): string {
  const { result } = decision;
  if (result.outcome?.kind === 'not-eligible') return 'You are not eligible for this scheme, so no amount is worked out.';
  if (result.outcome) return `${result.outcome.label}: no amount is worked out from the table. ${result.outcome.words}`;
  const budget =
    result.award?.kind === 'one-off'
      ? `Your indicative payment is ${formatPence(result.award.pence)}, paid once.`
      : `Your indicative personal budget is ${amountPer(result.weeklyPence!, 'week')} (${amountPer(result.monthlyPence!, 'month')}, ${amountPer(result.annualPence!, 'year')}).`;
  const final = decision.finalBudget
    ? ` After support planning, your budget was agreed at ${amountPer(decision.finalBudget.weeklyPence, 'week')}: ${decision.finalBudget.reason}`
    : '';
  return budget + final;
}
