import type { ContributionLine } from './explanation.js';
import type { Period } from './policy.js';

/**
 * The budget split by the person's assessed contribution: the person pays their
 * contribution, at most the whole budget, and the council the rest. The budget itself is unchanged.
 */
export function splitByContribution(
  policy: { contribution?: { label: string } },
  contribution: { pence: number } | undefined,
  budgetPence: number,
  period: Period,
): ContributionLine | null {
  if (!policy.contribution || !contribution) return null;
  const personPence = Math.min(contribution.pence, budgetPence);
  return {
    step: 'contribution',
    label: policy.contribution.label,
    period,
    budgetPence,
    personPence,
    councilPence: budgetPence - personPence,
  };
}
