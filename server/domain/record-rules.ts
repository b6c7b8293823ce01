/**
 * The lifecycle's rules, re-applied to a record after the fact. The service enforces them when it
 * decides (lifecycle.ts, decisions.ts); verification asks the same questions of every transition the
 * record holds, so a record rewritten consistently (every hash recomputed) is still found if it says
 * something the rules forbid: an author ratified their own version, a version is in force with no
 * ratification, a decision was recorded under a version not in force on its assessment date.
 */

import type { AuditEntry, VersionRecord } from '../store/records.js';
import { countsForDates, versionInForce } from './in-force.js';
import { authorsOfContent, target } from './lifecycle.js';

/** One commit as the record holds it, with the versions as they stood before it. */
export interface RecordedCommit {
  versionsBefore: readonly VersionRecord[];
  /** Each version the commit wrote: as it was before (absent when new) and after (null when removed). */
  versions: ReadonlyArray<{ before: VersionRecord | undefined; after: VersionRecord | null }>;
  audit: readonly AuditEntry[];
  decisions: ReadonlyArray<{ id: string; policyId: string; version: string; contentHash: string; assessmentDate: unknown }>;
}

/** Who loads the example schemes into a new store, ratified as their councils published them. */
const SEEDER = 'system:seed';

/** Each rule the commit breaks, in words. */
export function recordedRuleBreaches(commit: RecordedCommit): string[] {
  return [
    ...commit.versions.flatMap(({ before, after }) => (after ? versionBreaches(commit, before, after) : [])),
    ...commit.decisions.flatMap((decision) => decisionBreaches(commit.versionsBefore, decision)),
  ];
}

function versionBreaches(commit: RecordedCommit, before: VersionRecord | undefined, after: VersionRecord): string[] {
  const name = `version ${after.policyId}/${after.version}`;
  if (countsForDates(after) && !after.ratification) return [`${name} is ${after.status} without a ratification`];
  const ratification = after.ratification;
  if (!ratification || JSON.stringify(ratification) === JSON.stringify(before?.ratification ?? null)) return [];

  const breaches: string[] = [];
  // An example scheme is loaded into a new store as its council ratified it: the four eyes were theirs.
  const seeded = commit.versionsBefore.length === 0 && ratification.ratifiedBy === SEEDER;
  const authors = new Set([...authorsOfContent(after), ...(before ? authorsOfContent(before) : [])]);
  if (!seeded && authors.has(ratification.ratifiedBy))
    breaches.push(`${name} was ratified by ${ratification.ratifiedBy}, who authored its content: someone else must ratify it`);
  const vouched = commit.audit.some(
    (e) =>
      e.target === target(after) &&
      (seeded ? e.action === 'version.seed' && e.actor === SEEDER : e.action === 'version.ratify' && e.actor === ratification.ratifiedBy),
  );
  if (!vouched)
    breaches.push(
      seeded
        ? `${name} was loaded ratified with no audit entry for it`
        : `${name} gained a ratification by ${ratification.ratifiedBy} with no ratification entry of theirs in the audit log`,
    );
  return breaches;
}

function decisionBreaches(versions: readonly VersionRecord[], decision: RecordedCommit['decisions'][number]): string[] {
  const date = decision.assessmentDate;
  const name = `decision ${decision.id}`;
  if (typeof date !== 'string') return [`${name} has no assessment date`];
  const inForce = versionInForce(versions, decision.policyId, date);
  if (!inForce)
    return [`${name} is recorded under version ${decision.version}, but no version of ${decision.policyId} was in force on ${date}`];
  if (inForce.version !== decision.version || inForce.contentHash !== decision.contentHash)
    return [
      `${name} is recorded under version ${decision.version}, but ${inForce.version === decision.version ? 'that version with other content' : `version ${inForce.version}`} was in force on its assessment date ${date}`,
    ];
  return [];
}
