/** Looking up versions and showing them; compiled policies are cached per (immutable) record. */

import { compilePolicy, contentHash, type CompiledPolicy } from '../engine/index.js';
import { HttpProblem } from './errors.js';
import type { VersionRecord } from './store/records.js';
import type { Store } from './store/store.js';

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
  if (!policy) throw new HttpProblem(404, 'policy_not_found', `There is no policy '${policyId}'.`);
  return policy;
}

export function requireVersion(store: Store, policyId: string, version: string): VersionRecord {
  requirePolicy(store, policyId);
  const record = store.all('versions').find((v) => v.policyId === policyId && v.version === version);
  if (!record) throw new HttpProblem(404, 'version_not_found', `Policy '${policyId}' has no version '${version}'.`);
  return record;
}

export function etagOf(record: VersionRecord): string {
  return `"${record.contentHash}"`;
}

/** The worked examples change apart from the document, so they have an ETag of their own. */
export function examplesEtagOf(record: VersionRecord): string {
  return `"${contentHash(record.examples)}"`;
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
