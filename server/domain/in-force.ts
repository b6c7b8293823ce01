import type { VersionRecord } from '../store/records.js';

/**
 * The version in force on a date: of the ratified (or since superseded) versions, the one with the
 * latest effective-from date not after it; on a tie, the one ratified last. Withdrawn versions never count.
 */
export function versionInForce(versions: readonly VersionRecord[], policyId: string, date: string): VersionRecord | undefined {
  let best: VersionRecord | undefined;
  for (const v of versions) {
    if (v.policyId !== policyId || !countsForDates(v) || !v.ratification || v.ratification.effectiveFrom > date) continue;
    if (!best || byTakingEffect(v, best) > 0) best = v;
  }
  return best;
}

/** Versions that speak for some date: ratified ones, and superseded ones for the dates before their successor. */
export function countsForDates(version: VersionRecord): boolean {
  return version.status === 'ratified' || version.status === 'superseded';
}

/** Ratified versions in the order they take effect: by effective date, then by when they were ratified. */
export function byTakingEffect(a: VersionRecord, b: VersionRecord): number {
  return (
    a.ratification!.effectiveFrom.localeCompare(b.ratification!.effectiveFrom) ||
    a.ratification!.ratifiedAt.localeCompare(b.ratification!.ratifiedAt)
  );
}

/**
 * What a scheme is called now: the title of its version in force on the date, else of its newest version
 * (never its first version's, which the policy record keeps from when the scheme was started).
 */
export function currentTitle(versions: readonly VersionRecord[], policyId: string, date: string): string | undefined {
  const inForce = versionInForce(versions, policyId, date);
  if (inForce) return inForce.document.title;
  let newest: VersionRecord | undefined;
  for (const v of versions) if (v.policyId === policyId && (!newest || v.createdAt >= newest.createdAt)) newest = v;
  return newest?.document.title;
}
