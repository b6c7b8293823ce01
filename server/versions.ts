/**
 * Versions in the service: looking them up, compiling them (cached per immutable row), and running a
 * lifecycle command inside one commit of the store.
 */

import { compilePolicy, type CompiledPolicy } from '../engine/index.js';
import { isoNow, type Clock } from './clock.js';
import { DomainError } from './domain/errors.js';
import { type Actor, type CommitContext, decide, type Outcome, type PolicyState, type VersionCommand } from './lifecycle.js';
import type { VersionRecord } from './store/records.js';
import type { Draft, Store } from './store/store.js';

export { etagOf } from './lifecycle.js';

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

/** The policy and its versions as the draft holds them: what the lifecycle decides on. */
export function policyState(draft: Draft, policyId: string): PolicyState {
  return {
    policy: draft.rows('policies').find((p) => p.id === policyId),
    versions: draft.rows('versions').filter((v) => v.policyId === policyId),
  };
}

export function commitContext(draft: Draft, clock: Clock): CommitContext {
  return { revision: draft.revision, at: isoNow(clock), auditHead: draft.auditHead };
}

/** Writes what the lifecycle decided into the draft: versions, the policy, the audit events. */
export function applyOutcome(draft: Draft, policyId: string, outcome: Outcome): void {
  const versions = draft.rows('versions');
  for (const version of outcome.write) {
    const index = versions.findIndex((v) => v.policyId === policyId && v.version === version.version);
    if (index >= 0) versions[index] = version;
    else versions.push(version);
  }
  for (const name of outcome.remove) {
    const index = versions.findIndex((v) => v.policyId === policyId && v.version === name);
    if (index >= 0) versions.splice(index, 1);
  }
  if (outcome.policy) {
    const policies = draft.rows('policies');
    const index = policies.findIndex((p) => p.id === outcome.policy!.id);
    if (index >= 0) policies[index] = outcome.policy;
    else policies.push(outcome.policy);
  }
  for (const event of outcome.events) draft.audit(event);
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
  return store.transact((draft) => {
    const outcome = decide(policyState(draft, policyId), policyId, version, command, actor, commitContext(draft, clock));
    applyOutcome(draft, policyId, outcome);
    return outcome.version;
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
