/**
 * Before a version is ratified, it is compared over the policy's reference cohort with the version in
 * force on its effective date. If that leaves any client group or age band with people worse off, the
 * ratification must record an equality impact note, and the record keeps the comparison.
 */

import { compareCohort, type PairStats } from '../engine/index.js';
import { loadCohort } from './cohorts.js';
import { versionInForce } from './in-force.js';
import type { Store } from './store/store.js';
import type { VersionRecord } from './store/records.js';
import { compiledFor } from './versions.js';

export interface WorseOffGroup {
  dimension: 'clientGroup' | 'ageBand';
  group: string;
  losers: number;
  people: number;
  totalChangePence: number;
}

export interface RatificationComparison {
  cohortId: string;
  against: string;
  asOf: string;
  people: number;
  excluded: number;
  overall: PairStats;
  byClientGroup: Record<string, PairStats>;
  byAgeBand: Record<string, PairStats>;
  worseOff: WorseOffGroup[];
}

export async function compareForRatification(
  store: Store,
  candidate: VersionRecord,
  effectiveFrom: string,
): Promise<RatificationComparison | null> {
  const cohortId = store.all('policies').find((p) => p.id === candidate.policyId)?.referenceCohortId;
  if (!cohortId || !store.all('cohorts').some((c) => c.id === cohortId)) return null;
  const inForce = versionInForce(
    store.all('versions').filter((v) => v !== candidate),
    candidate.policyId,
    effectiveFrom,
  );
  if (!inForce) return null;
  const { cohort } = await loadCohort(store, cohortId);
  const comparison = compareCohort(
    [
      { version: inForce.version, compiled: compiledFor(inForce) },
      { version: candidate.version, compiled: compiledFor(candidate) },
    ],
    cohort,
    { asOf: effectiveFrom },
  );
  const pair = comparison.pairs[0]!;
  return {
    cohortId,
    against: inForce.version,
    asOf: effectiveFrom,
    people: comparison.evaluated,
    excluded: comparison.excluded.count,
    overall: pair.overall,
    byClientGroup: pair.byClientGroup,
    byAgeBand: pair.byAgeBand,
    worseOff: [...worseOff('clientGroup', pair.byClientGroup), ...worseOff('ageBand', pair.byAgeBand)],
  };
}

function worseOff(dimension: WorseOffGroup['dimension'], groups: Record<string, PairStats>): WorseOffGroup[] {
  return Object.entries(groups)
    .filter(([, s]) => s.losers > 0)
    .map(([group, s]) => ({ dimension, group, losers: s.losers, people: s.people, totalChangePence: s.totalChangePence }));
}

export function describeWorseOff(groups: WorseOffGroup[]): string {
  return groups.map((g) => `${g.group}: ${g.losers} of ${g.people} worse off`).join('; ');
}
