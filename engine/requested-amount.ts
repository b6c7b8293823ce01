import type { RequestedLine } from './explanation.js';
import type { Period } from './policy.js';

/**
 * For a scheme that pays the lesser of its amount and the amount requested or costed (lesserOfRequested):
 * the requested amount, when the assessment gives one, is paid if it is less. The assessment's checks
 * require it in the allocation's period.
 */
export function lesserOfRequested(
  policy: { lesserOfRequested?: { label: string } },
  requested: { pence: number; period: Period } | undefined,
  pence: number,
  period: Period,
): RequestedLine | null {
  if (!policy.lesserOfRequested || !requested) return null;
  const afterPence = Math.min(pence, requested.pence);
  return {
    step: 'requested',
    label: policy.lesserOfRequested.label,
    requestedPence: requested.pence,
    period,
    beforePence: pence,
    afterPence,
    applied: requested.pence < pence,
  };
}
