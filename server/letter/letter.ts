/**
 * The letter to the person about a recorded decision: the amount, how it was worked out step by step,
 * the carer adjustment and why, what the council will also look at, what happens next and how to ask
 * for a review. Deterministic: every sentence about the amount is the engine's explanation (explain()),
 * and the rest is the policy's own publication section, or the fixed words below when it has none.
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
  /** Where the figures came from, for anyone checking: version, content hash, engine, decision id. */
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
  const flags = result.flags.map((f) => f.message);
  return {
    council: policy.council,
    scheme: policy.title,
    date: longDate(decision.createdAt.slice(0, 10)),
    reference,
    headline: headline(decision),
    sections: [
      ...howWorkedOut,
      ...(flags.length > 0 ? [{ heading: 'What the council will also look at', paragraphs: flags }] : []),
      { heading: 'What happens next', paragraphs: [nextStepsWords(policy)] },
      { heading: 'If you think this is wrong', paragraphs: [reviewWords(policy, reference)] },
      ...(publication.contact ? [{ heading: 'Contact', paragraphs: contactLines(publication.contact) }] : []),
    ],
    provenance: `Worked out under ${policy.id} version ${policy.version} (${decision.contentHash}), engine ${result.provenance.engineVersion}; decision ${decision.id}.`,
  };
}

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
