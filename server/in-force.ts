import { countsForDates } from './lifecycle.js';
import type { VersionRecord } from './store/records.js';

/**
 * The version in force on a date: of the ratified (or since superseded) versions, the one with the
 * latest effective-from date not after it; on a tie, the one ratified last. Withdrawn versions never count.
 */
export function versionInForce(versions: readonly VersionRecord[], policyId: string, date: string): VersionRecord | undefined {
  let best: VersionRecord | undefined;
  for (const v of versions) {
    if (v.policyId !== policyId || !countsForDates(v) || !v.ratification || v.ratification.effectiveFrom > date) continue;
    if (!best || isLater(v, best)) best = v;
  }
  return best;
}

function isLater(a: VersionRecord, b: VersionRecord): boolean {
  const ra = a.ratification!;
  const rb = b.ratification!;
  return ra.effectiveFrom > rb.effectiveFrom || (ra.effectiveFrom === rb.effectiveFrom && ra.ratifiedAt > rb.ratifiedAt);
}
