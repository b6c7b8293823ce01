/**
 * Authorship follows content (server/domain/lifecycle.ts, decided without HTTP or a store): the people who may
 * not ratify a version are everyone who authored any part of its content since it was last ratified.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentHash, type Policy } from '../../engine/index.js';
import { authorsOfContent, decide, type PolicyState, type VersionCommand } from '../../server/domain/lifecycle.js';
import type { VersionRecord } from '../../server/store/records.js';

const revised = JSON.parse(readFileSync('rules/examples/adult-ras/2010-revised/policy.json', 'utf8')) as Policy;
const commit = { revision: 10, at: '2026-12-07T12:00:00.000Z', auditHead: { seq: 1, hash: '0'.repeat(64) } };

function version(name: string, document: Policy, fields: Partial<VersionRecord>): VersionRecord {
  return {
    policyId: document.id,
    version: name,
    status: 'draft',
    document,
    contentHash: contentHash(document),
    examples: [],
    basedOn: null,
    createdAt: commit.at,
    createdBy: 'someone',
    updatedAt: commit.at,
    revision: 1,
    contributors: [],
    submittedAt: null,
    submittedBy: null,
    ratification: null,
    superseded: null,
    withdrawal: null,
    ...fields,
  };
}

const cut: Policy = {
  ...revised,
  version: 'cut',
  pricing: { ...revised.pricing, default: { ...revised.pricing.default, pencePerPoint: 251 } },
} as Policy;
const state = (versions: VersionRecord[]): PolicyState => ({
  policy: { id: revised.id, title: revised.title, council: revised.council, createdAt: commit.at, createdBy: 'o', revision: 1 },
  versions,
});
const clone = (of: Policy, name: string, sourceAuthors?: string[]): VersionCommand => ({
  kind: 'create',
  document: { ...of, version: name },
  examples: [],
  basedOn: { version: 'cut', contentHash: contentHash(of) },
  sourceAuthors,
});

describe('a copy of content not yet ratified', () => {
  it("carries its source's authors, so none of them may ratify the copy", () => {
    const source = version('cut', cut, { contributors: ['ann'], createdBy: 'ann' });
    const outcome = decide(state([source]), revised.id, 'copy', clone(cut, 'copy'), { username: 'bob' }, commit);
    expect(outcome.version).toMatchObject({ contributors: ['bob'], inheritedAuthors: ['ann'] });
    expect(authorsOfContent(outcome.version!)).toEqual(['ann', 'bob']);
  });

  it('carries the authors its source had when read, even if the source was deleted before the copy was written', () => {
    const outcome = decide(state([]), revised.id, 'copy', clone(cut, 'copy', ['ann']), { username: 'bob' }, commit);
    expect(outcome.version!.inheritedAuthors).toEqual(['ann']);
  });

  it('carries the authors of any unratified version with the same content under another name', () => {
    const elsewhere = version('elsewhere', { ...cut, version: 'elsewhere', title: 'Another title' }, { contributors: ['cat'] });
    const pasted: VersionCommand = { kind: 'create', document: { ...cut, version: 'pasted' }, examples: [], basedOn: null };
    expect(decide(state([elsewhere]), revised.id, 'pasted', pasted, { username: 'bob' }, commit).version!.inheritedAuthors).toEqual([
      'cat',
    ]);
  });
});

describe('a copy of ratified content', () => {
  it('carries no authors: a second person has reviewed it already', () => {
    const ratified = version('cut', cut, {
      status: 'ratified',
      contributors: ['ann'],
      ratification: {
        body: 'Cabinet',
        decisionDate: '2026-01-01',
        minuteReference: 'M1',
        rationale: 'Adopted by the cabinet.',
        effectiveFrom: '2026-04-01',
        ratifiedBy: 'rita',
        ratifiedAt: commit.at,
      },
    });
    const outcome = decide(state([ratified]), revised.id, 'copy', clone(cut, 'copy', []), { username: 'bob' }, commit);
    expect(outcome.version).not.toHaveProperty('inheritedAuthors');
  });
});
