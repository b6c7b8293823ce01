/**
 * Versions in the service: looking them up, compiling them (cached per immutable row), and running a
 * lifecycle command inside one commit of the store.
 */

import { compilePolicy, type CompiledPolicy } from '../../engine/index.js';
import type { Clock } from '../clock.js';
import { runDecision } from '../commands.js';
import type { StoredState } from '../domain/changes.js';
import { DomainError } from '../domain/errors.js';
import { versionInForce } from '../domain/in-force.js';
import { type Actor, changesOf, decide, type PolicyState, type VersionCommand } from '../domain/lifecycle.js';
import type { VersionRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

export { etagOf } from '../domain/lifecycle.js';

const compiled = new WeakMap<VersionRecord, CompiledPolicy>();

/** Stored rows are frozen and replaced, never changed, so a row object can key its compiled policy. */
export function compiledFor(record: VersionRecord): CompiledPolicy {
  let policy = compiled.get(record);
  if (!policy) {
    policy = compilePolicy(record.document);
    compiled.set(record, policy);
  }
  return policy;
}

export function requirePolicy(store: Store, policyId: string) {
  const policy = store.all('policies').find((p) => p.id === policyId);
  if (!policy) throw new DomainError('not-found', 'policy_not_found', `There is no policy '${policyId}'.`);
  return policy;
}

export function requireVersion(store: Store, policyId: string, version: string): VersionRecord {
  requirePolicy(store, policyId);
  const record = store.all('versions').find((v) => v.policyId === policyId && v.version === version);
  if (!record) throw new DomainError('not-found', 'version_not_found', `Policy '${policyId}' has no version '${version}'.`);
  return record;
}

/** The version of a policy in force on a date: for the officers' and the public's in-force routes alike. */
export function requireInForce(store: Store, policyId: string, date: string): VersionRecord {
  const policy = requirePolicy(store, policyId);
  const version = versionInForce(store.all('versions'), policy.id, date);
  if (!version) throw new DomainError('not-found', 'none_in_force', `No version of '${policy.id}' is in force on ${date}.`);
  return version;
}

/** The policy and its versions as the commit sees them: what the lifecycle decides on. */
export function policyState(state: StoredState, policyId: string): PolicyState {
  return {
    policy: state.rows('policies').find((p) => p.id === policyId),
    versions: state.rows('versions').filter((v) => v.policyId === policyId),
  };
}

/** One lifecycle command, decided and written in one commit; the version as it now is (null once deleted). */
export function runCommand(
  store: Store,
  clock: Clock,
  policyId: string,
  version: string,
  command: VersionCommand,
  actor: Actor,
): Promise<VersionRecord | null> {
  return runDecision(store, clock, (state, commit) => {
    const outcome = decide(policyState(state, policyId), policyId, version, command, actor, commit);
    return { answer: outcome.version, changes: changesOf(policyId, outcome) };
  });
}

/** A version without its document and examples, for lists. */
export function versionSummary(record: VersionRecord) {
  const { document: _document, examples, ...rest } = record;
  return { ...rest, title: record.document.title, exampleCount: examples.length };
}

export function versionLinks(record: VersionRecord) {
  const base = `/api/policies/${record.policyId}/versions/${record.version}`;
  return { self: base, examples: `${base}/examples`, evaluate: `${base}/evaluate`, audit: `${base}/audit` };
}
