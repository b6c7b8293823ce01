/**
 * A new data directory starts with the example schemes of rules/examples as ratified versions, so a
 * new user sees a working system at once. Each version's ratification record is data beside it.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, validatePolicy, type Policy, type WorkedExample } from '../../engine/index.js';
import type { Ratification, VersionRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { changesOf, supersessions, target } from '../domain/lifecycle.js';
import { applyChanges } from '../commands.js';

export const EXAMPLES_DIR = new URL('../../rules/examples/', import.meta.url).pathname;
const SEEDER = 'system:seed';

interface ExampleVersion {
  document: Policy;
  examples: WorkedExample[];
  ratification: Omit<Ratification, 'ratifiedBy' | 'ratifiedAt'>;
}

/** Seeds a store that has no versions yet; returns how many it seeded (none if another server got there first). */
export async function seedExamples(store: Store, at: string, dir = EXAMPLES_DIR): Promise<number> {
  const versions = loadExamples(dir).sort((a, b) => a.ratification.effectiveFrom.localeCompare(b.ratification.effectiveFrom));
  return store.transact((draft) => {
    // Two servers starting on one new database both find it empty; the second finds the first one's seed here.
    if (draft.rows('versions').length > 0) return 0;
    for (const { document, examples, ratification } of versions) {
      if (!draft.rows('policies').some((p) => p.id === document.id)) {
        draft.rows('policies').push({
          id: document.id,
          title: document.title,
          council: document.council,
          createdAt: at,
          createdBy: SEEDER,
          revision: draft.revision,
        });
        draft.audit({ at, actor: SEEDER, action: 'policy.seed', target: `policy:${document.id}` });
      }
      const record = seededVersion(
        document,
        examples,
        { ...ratification, ratifiedBy: SEEDER, ratifiedAt: at, auditAnchor: draft.auditHead, checkpoint: draft.checkpoint(at) },
        at,
        draft.revision,
      );
      draft.rows('versions').push(record);
      draft.audit({
        at,
        actor: SEEDER,
        action: 'version.seed',
        target: target(record),
        details: { contentHash: record.contentHash, effectiveFrom: ratification.effectiveFrom },
      });
      // Earlier versions of the scheme are superseded by the same rule ratification applies.
      const scheme = draft.rows('versions').filter((v) => v.policyId === document.id);
      applyChanges(
        draft,
        changesOf(document.id, {
          ...supersessions(scheme, SEEDER, { revision: draft.revision, at, auditHead: draft.auditHead }),
          remove: [],
          version: null,
        }),
      );
    }
    return versions.length;
  });
}

function loadExamples(dir: string): ExampleVersion[] {
  return subdirs(dir).flatMap((scheme) =>
    subdirs(join(dir, scheme)).map((version) => {
      const base = join(dir, scheme, version);
      const document = readJson(join(base, 'policy.json'));
      const checked = validatePolicy(document);
      if (!checked.ok)
        throw new Error(`${base}/policy.json is not a valid policy: ${checked.issues[0]?.path} ${checked.issues[0]?.message}`);
      const examples = readdirSync(join(base, 'examples'))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => readJson(join(base, 'examples', f)) as WorkedExample);
      return {
        document: checked.value,
        examples,
        ratification: readJson(join(base, 'ratification.json')) as ExampleVersion['ratification'],
      };
    }),
  );
}

function seededVersion(
  document: Policy,
  examples: WorkedExample[],
  ratification: Ratification,
  at: string,
  revision: number,
): VersionRecord {
  return {
    policyId: document.id,
    version: document.version,
    status: 'ratified',
    document,
    contentHash: contentHash(document),
    examples,
    basedOn: null,
    createdAt: at,
    createdBy: SEEDER,
    updatedAt: at,
    revision,
    contributors: [SEEDER],
    submittedAt: at,
    submittedBy: SEEDER,
    ratification,
    superseded: null,
    withdrawal: null,
  };
}

function subdirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}
