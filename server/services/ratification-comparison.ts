/**
 * Losers need a reason. Before what is in force changes (a version ratified, or one withdrawn so that
 * another comes back), the version in force and the one that would take its place are compared over
 * the policy's reference cohort. If that leaves any client group or age band with people worse off,
 * or with people who lose their amount altogether (the new version cannot evaluate them, or gives an
 * outcome with no amount), the change must record an equality impact note, and the record keeps the
 * comparison. It is made before the commit (it reads a cohort from disk); the commit then checks that
 * it was made on what is still the reference cohort and the same two versions.
 */

import type { PairStats } from '../../engine/index.js';
import { cohortInput } from './cohorts.js';
import {
  type ComparisonMade,
  expectedComparison,
  expectedWithdrawalComparison,
  type ReferencePair,
  type WorseOffGroup,
} from '../domain/lifecycle.js';
import type { RatificationComparison } from '../contract/records.js';
import type { VersionRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { WorkPool } from '../work/pool.js';

/** The comparison a ratification on `effectiveFrom` must carry, or null when there is none to make. */
export async function compareForRatification(
  store: Store,
  work: WorkPool,
  candidate: VersionRecord,
  effectiveFrom: string,
): Promise<ComparisonMade | null> {
  const expected = expectedComparison(policyStateOf(store, candidate.policyId), candidate, effectiveFrom);
  return expected ? compareOverReference(store, work, expected, effectiveFrom) : null;
}

/** The comparison a withdrawal must carry: the version withdrawn against the one that comes back. */
export async function compareForWithdrawal(store: Store, work: WorkPool, withdrawn: VersionRecord): Promise<ComparisonMade | null> {
  const expected = expectedWithdrawalComparison(policyStateOf(store, withdrawn.policyId), withdrawn);
  return expected ? compareOverReference(store, work, expected, withdrawn.ratification!.effectiveFrom) : null;
}

async function compareOverReference(store: Store, work: WorkPool, pair: ReferencePair, asOf: string): Promise<ComparisonMade> {
  const { cohort } = await cohortInput(store, pair.cohortId);
  const { comparison } = await work.compare(
    cohort,
    [
      { version: pair.against.version, policy: pair.against.document },
      { version: pair.candidate.version, policy: pair.candidate.document },
    ],
    { asOf, materiality: {}, attribution: false },
  );
  const result = comparison.pairs[0]!;
  const record: RatificationComparison = {
    cohortId: pair.cohortId,
    against: pair.against.version,
    candidate: pair.candidate.version,
    asOf,
    people: comparison.evaluated,
    excluded: comparison.excluded.count,
    overall: result.overall,
    byClientGroup: result.byClientGroup,
    byAgeBand: result.byAgeBand,
    lostAmount: result.lostAmount,
    worseOff: [
      ...worseOff('clientGroup', result.byClientGroup, result.lostAmount.byClientGroup),
      ...worseOff('ageBand', result.byAgeBand, result.lostAmount.byAgeBand),
    ],
  };
  return {
    cohortId: pair.cohortId,
    against: pair.against.version,
    againstRevision: pair.against.revision,
    candidate: pair.candidate.version,
    candidateRevision: pair.candidate.revision,
    people: result.overall.people,
    worseOff: record.worseOff,
    record,
  };
}

function policyStateOf(store: Store, policyId: string) {
  return {
    policy: store.all('policies').find((p) => p.id === policyId),
    versions: store.all('versions').filter((v) => v.policyId === policyId),
  };
}

function worseOff(dimension: WorseOffGroup['dimension'], groups: Record<string, PairStats>, lost: Record<string, number>): WorseOffGroup[] {
  const names = [...new Set([...Object.keys(groups), ...Object.keys(lost)])];
  return names
    .map((group) => {
      const stats = groups[group];
      return {
        dimension,
        group,
        losers: stats?.losers ?? 0,
        lostAmount: lost[group] ?? 0,
        people: stats?.people ?? 0,
        totalChangePence: stats?.totalChangePence ?? 0,
      };
    })
    .filter((g) => g.losers > 0 || g.lostAmount > 0);
}
