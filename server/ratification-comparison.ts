/**
 * Losers need a reason. Before a version is ratified it is compared over the policy's reference cohort
 * with the version in force on its effective date; if that leaves any client group or age band with
 * people worse off, the ratification must record an equality impact note, and the record keeps the
 * comparison. The comparison is made before the commit (it reads a cohort from disk); the commit then
 * checks that it was made on what is still the reference cohort, the version in force and the candidate.
 */

import type { PairStats } from '../engine/index.js';
import { cohortInput } from './cohorts.js';
import { type ComparisonMade, expectedComparison } from './lifecycle.js';
import type { VersionRecord } from './store/records.js';
import type { Store } from './store/store.js';
import type { WorkPool } from './work/pool.js';

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
  work: WorkPool,
  candidate: VersionRecord,
  effectiveFrom: string,
): Promise<ComparisonMade | null> {
  const state = {
    policy: store.all('policies').find((p) => p.id === candidate.policyId),
    versions: store.all('versions').filter((v) => v.policyId === candidate.policyId),
  };
  const expected = expectedComparison(state, candidate, effectiveFrom);
  if (!expected) return null;
  const { cohort } = await cohortInput(store, expected.cohortId);
  const { comparison } = await work.compare(
    cohort,
    [
      { version: expected.against.version, policy: expected.against.document },
      { version: candidate.version, policy: candidate.document },
    ],
    { asOf: effectiveFrom, materiality: {}, attribution: false },
  );
  const pair = comparison.pairs[0]!;
  const record: RatificationComparison = {
    cohortId: expected.cohortId,
    against: expected.against.version,
    asOf: effectiveFrom,
    people: comparison.evaluated,
    excluded: comparison.excluded.count,
    overall: pair.overall,
    byClientGroup: pair.byClientGroup,
    byAgeBand: pair.byAgeBand,
    worseOff: [...worseOff('clientGroup', pair.byClientGroup), ...worseOff('ageBand', pair.byAgeBand)],
  };
  return {
    cohortId: expected.cohortId,
    against: expected.against.version,
    againstRevision: expected.against.revision,
    candidateRevision: candidate.revision,
    worseOff: record.worseOff,
    record: record as unknown as Record<string, unknown>,
  };
}

function worseOff(dimension: WorseOffGroup['dimension'], groups: Record<string, PairStats>): WorseOffGroup[] {
  return Object.entries(groups)
    .filter(([, s]) => s.losers > 0)
    .map(([group, s]) => ({ dimension, group, losers: s.losers, people: s.people, totalChangePence: s.totalChangePence }));
}
