/**
 * The store contract: what every store (the embedded lowdb store, PostgreSQL) promises the domain,
 * checked through the Store port itself. The suite runs once for each store (vitest.config.ts).
 */

import { afterEach, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../../engine/index.js';
import type { DecisionRecord, PolicyRecord } from '../../server/store/records.js';
import type { AuditPageQuery, Draft, Store } from '../../server/store/store.js';
import { versionInForce } from '../../server/domain/in-force.js';
import { seedExamples } from '../../server/services/seed.js';
import { newStorePlace, onPostgres, openTestStore, removeStorePlace } from '../support/store-under-test.js';

const AT = '2026-11-27T10:00:00.000Z';
const opened: Array<{ store: Store; where: string }> = [];

async function freshStore(): Promise<{ store: Store; where: string }> {
  const where = newStorePlace('ras-contract-');
  const { store } = await openTestStore(where);
  opened.push({ store, where });
  return { store, where };
}

async function reopen(where: string): Promise<Store> {
  const { store } = await openTestStore(where);
  opened.push({ store, where });
  return store;
}

afterEach(async () => {
  for (const { store, where } of opened.splice(0)) {
    await store.close().catch(() => {});
    await removeStorePlace(where);
  }
});

function policy(draft: Draft, id: string, title: string): PolicyRecord {
  return { id, title, council: 'Test council', createdAt: AT, createdBy: 'officer', revision: draft.revision };
}

/** Adds or replaces a policy row, with the audit entry that vouches for it. */
function putPolicy(draft: Draft, id: string, title: string): void {
  const rows = draft.rows('policies');
  const index = rows.findIndex((p) => p.id === id);
  const row = policy(draft, id, title);
  if (index === -1) rows.push(row);
  else rows[index] = row;
  draft.audit({ at: AT, actor: 'officer', action: index === -1 ? 'policy.create' : 'policy.update', target: `policy:${id}` });
}

/** The version a decision is recorded under: by default one the store does not hold (the store does not mind). */
type Under = Pick<DecisionRecord, 'policyId' | 'version' | 'contentHash'>;
const NO_VERSION: Under = { policyId: 'p', version: 'v1', contentHash: 'a'.repeat(64) };

function decision(draft: Draft, id: string, weeklyPence: number, under = NO_VERSION): DecisionRecord {
  return {
    id,
    createdAt: AT,
    createdBy: 'api-client',
    ...under,
    asOf: null,
    revision: draft.revision,
    assessment: { assessmentDate: '2026-01-01', clientGroup: 'older-people', answers: { q1: 'a' } },
    result: { weeklyPence, flags: [], explanation: [] } as unknown as EvaluationResult,
    finalBudget: null,
  };
}

function recordDecision(draft: Draft, id: string, weeklyPence: number, under = NO_VERSION): void {
  draft.addDecision(decision(draft, id, weeklyPence, under));
  draft.audit({ at: AT, actor: 'api-client', action: 'decision.record', target: `decision:${id}` });
}

describe('a commit', () => {
  it('keeps its rows and its audit entries together, and gives every row it writes its own number as revision', async () => {
    const { store } = await freshStore();
    await store.transact((d) => putPolicy(d, 'one', 'One'));
    const second = await store.transact((d) => {
      putPolicy(d, 'two', 'Two');
      putPolicy(d, 'one', 'One, renamed');
      return d.revision;
    });
    expect(second).toBe(2);
    expect(store.all('policies').map((p) => [p.id, p.title, p.revision])).toEqual([
      ['one', 'One, renamed', 2],
      ['two', 'Two', 2],
    ]);
    const entries = await store.auditEntries();
    expect(entries.map((e) => [e.seq, e.action, e.target])).toEqual([
      [1, 'policy.create', 'policy:one'],
      [2, 'policy.create', 'policy:two'],
      [3, 'policy.update', 'policy:one'],
    ]);
    expect(store.auditHead()).toEqual({ seq: 3, hash: entries[2]!.hash });
  });

  it('that throws keeps nothing: no row, no audit entry, and the next commit takes the number it would have had', async () => {
    const { store, where } = await freshStore();
    await store.transact((d) => putPolicy(d, 'kept', 'Kept'));
    const head = store.auditHead();
    await expect(
      store.transact((d) => {
        putPolicy(d, 'lost', 'Lost');
        throw new Error('the guard refused it');
      }),
    ).rejects.toThrow('the guard refused it');
    expect(store.all('policies').map((p) => p.id)).toEqual(['kept']);
    expect(store.auditHead()).toEqual(head);
    expect(await store.transact((d) => d.revision)).toBe(2);

    await store.close();
    const again = await reopen(where);
    expect(again.all('policies').map((p) => p.id)).toEqual(['kept']);
    expect(again.auditHead()).toEqual(head);
  });

  it('that changes a row no audit entry vouches for is refused whole', async () => {
    const { store } = await freshStore();
    await expect(
      store.transact((d) => {
        putPolicy(d, 'vouched', 'Vouched');
        d.rows('policies').push(policy(d, 'unvouched', 'Nobody said'));
      }),
    ).rejects.toThrow('a commit changes policy:unvouched without an audit entry for it');
    expect(store.all('policies')).toEqual([]);
    expect(await store.auditEntries()).toEqual([]);
  });

  it('that changes nothing writes nothing', async () => {
    const { store } = await freshStore();
    expect(await store.transact((d) => d.rows('policies').length)).toBe(0);
    expect(store.auditHead().seq).toBe(0);
    expect(await store.transact((d) => d.revision)).toBe(1);
  });

  it('must be synchronous: a change that awaits could be overtaken, so it is refused', async () => {
    const { store } = await freshStore();
    await expect(store.transact((async (d: Draft) => putPolicy(d, 'late', 'Late')) as never)).rejects.toThrow(
      'a store transaction must be synchronous',
    );
    expect(store.all('policies')).toEqual([]);
  });

  it('made fifty at once: each sees the one before, none is lost, and the numbers have no gap', async () => {
    const { store } = await freshStore();
    await store.transact((d) => putPolicy(d, 'counter', '0'));
    await Promise.all(
      Array.from({ length: 50 }, () =>
        store.transact((d) => {
          const current = Number(d.rows('policies').find((p) => p.id === 'counter')!.title);
          putPolicy(d, 'counter', String(current + 1));
        }),
      ),
    );
    expect(store.all('policies')[0]).toMatchObject({ title: '50', revision: 51 });
    const entries = await store.auditEntries();
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
  });
});

describe('decisions', () => {
  it('are appended with their input and output, and read back whole after reopening', async () => {
    const { store, where } = await freshStore();
    await store.transact((d) => recordDecision(d, 'd-1', 12_345));
    await store.transact((d) => recordDecision(d, 'd-2', 500));
    await store.close();

    const again = await reopen(where);
    expect(again.decisions({ limit: 10 }).decisions.map((d) => [d.id, d.weeklyPence, d.revision])).toEqual([
      ['d-2', 500, 2],
      ['d-1', 12_345, 1],
    ]);
    const first = await again.decision('d-1');
    expect(first).toMatchObject({ id: 'd-1', assessment: { answers: { q1: 'a' } }, result: { weeklyPence: 12_345 }, finalBudget: null });
  });

  it('are listed a page at a time, newest first, with how many there are in all', async () => {
    const { store } = await freshStore();
    for (let i = 1; i <= 7; i++) await store.transact((d) => recordDecision(d, `d-${i}`, i * 100));
    const ids = (offset: number, limit: number) => store.decisions({ offset, limit }).decisions.map((d) => d.id);
    expect(ids(0, 3)).toEqual(['d-7', 'd-6', 'd-5']);
    expect(ids(3, 3)).toEqual(['d-4', 'd-3', 'd-2']);
    expect(ids(6, 3)).toEqual(['d-1']);
    expect(ids(7, 3)).toEqual([]);
    expect(store.decisions({ offset: 6, limit: 3 }).total).toBe(7);
  });

  it('cannot be recorded twice under one id', async () => {
    const { store } = await freshStore();
    await store.transact((d) => recordDecision(d, 'd-1', 100));
    await expect(store.transact((d) => recordDecision(d, 'd-1', 200))).rejects.toThrow('decision d-1 exists');
    expect((await store.decision('d-1'))!.result.weeklyPence).toBe(100);
  });

  it('change only by a final budget, which gives the decision the revision of the commit that records it', async () => {
    const { store, where } = await freshStore();
    await store.transact((d) => recordDecision(d, 'd-1', 100));
    await store.transact((d) => putPolicy(d, 'between', 'A commit in between'));
    const finalBudget = { weeklyPence: 150, reason: 'Agreed in support planning', recordedBy: 'officer', recordedAt: AT };
    await store.transact((d) => {
      d.setFinalBudget('d-1', finalBudget);
      d.audit({ at: AT, actor: 'officer', action: 'decision.final-budget', target: 'decision:d-1' });
    });
    await store.close();
    const again = await reopen(where);
    expect(again.decisionSummary('d-1')).toMatchObject({ revision: 3, finalBudget, weeklyPence: 100 });
    expect(await again.decision('d-1')).toMatchObject({ revision: 3, finalBudget, result: { weeklyPence: 100 } });
  });
});

/**
 * Verification re-applies the lifecycle's rules to the record, and one is that a decision is recorded
 * under the version in force on its assessment date: these decisions are, under a seeded example's.
 */
async function seededVersionInForce(store: Store): Promise<Under> {
  await seedExamples(store, AT);
  const inForce = versionInForce(store.all('versions'), 'adult-ras', '2026-01-01')!;
  return { policyId: inForce.policyId, version: inForce.version, contentHash: inForce.contentHash };
}

describe('the record', () => {
  it('verifies whole after commits of every kind, and says how many', async () => {
    const { store } = await freshStore();
    const under = await seededVersionInForce(store);
    const seeded = store.auditHead().seq;
    await store.transact((d) => putPolicy(d, 'p', 'P'));
    await store.transact((d) => recordDecision(d, 'd-1', 100, under));
    await store.transact((d) => {
      d.rows('policies').splice(
        d.rows('policies').findIndex((p) => p.id === 'p'),
        1,
      );
      d.audit({ at: AT, actor: 'admin', action: 'policy.delete', target: 'policy:p' });
    });
    const report = await store.verify();
    expect(report).toMatchObject({ ok: true, commits: 4, entries: seeded + 3, problems: [] });
    expect(report.head).toEqual(store.auditHead());
  });

  it('is the same after reopening: rows, audit entries and head', async () => {
    const { store, where } = await freshStore();
    for (let i = 0; i < 5; i++) await store.transact((d) => putPolicy(d, `p${i}`, `Policy ${i}`));
    const rows = store.all('policies');
    const entries = await store.auditEntries();
    await store.close();
    const again = await reopen(where);
    expect(again.all('policies')).toEqual(rows);
    expect(await again.auditEntries()).toEqual(entries);
    expect(again.auditHead()).toEqual(store.auditHead());
    expect(again.wasEmpty).toBe(false);
  });

  it("keeps any text exactly: quotes, backslashes, dollar signs (even the writer's own quoting tag) and other scripts", async () => {
    const { store, where } = await freshStore();
    const awkward = [
      `O'Brien's "care" \\ C:\\path`,
      'costs $5 $$ $ras_value$ end',
      'Gofal – Cymraeg ✓ 🏠',
      '\\u0000 as text, tab\tand\nnewline',
    ];
    const under = await seededVersionInForce(store);
    for (const [i, title] of awkward.entries()) await store.transact((d) => putPolicy(d, `p${i}`, title));
    await store.transact((d) => {
      recordDecision(d, 'd-1', 1, under);
      d.audit({ at: AT, actor: 'officer', action: 'note', target: 'decision:d-1', details: { reason: awkward[1] } });
    });
    await store.close();
    const again = await reopen(where);
    expect(
      again
        .all('policies')
        .map((p) => p.title)
        .filter((t) => awkward.includes(t)),
    ).toEqual(awkward);
    expect((await again.auditEntries({ action: 'note' }))[0]!.details).toEqual({ reason: 'costs $5 $$ $ras_value$ end' });
    expect((await again.verify()).problems).toEqual([]);
  });

  it('answers audit queries by target, actor and action', async () => {
    const { store } = await freshStore();
    await store.transact((d) => putPolicy(d, 'a', 'A'));
    await store.transact((d) => putPolicy(d, 'b', 'B'));
    await store.transact((d) => recordDecision(d, 'd-1', 1));
    expect((await store.auditEntries({ target: 'policy:b' })).map((e) => e.seq)).toEqual([2]);
    expect((await store.auditEntries({ actor: 'api-client' })).map((e) => e.target)).toEqual(['decision:d-1']);
    expect((await store.auditEntries({ action: 'policy.create' })).map((e) => e.target)).toEqual(['policy:a', 'policy:b']);
  });

  it('pages the log either way round, searched on what each entry is known by, reading only the page', async () => {
    const { store } = await freshStore();
    for (const id of ['a', 'b', 'c', 'd', 'e']) await store.transact((d) => putPolicy(d, id, id.toUpperCase()));
    await store.transact((d) => recordDecision(d, 'd-1', 1));
    const page = async (query: Partial<AuditPageQuery>) => {
      const { entries, total } = await store.auditPage({ newestFirst: true, offset: 0, limit: 2, ...query });
      return { targets: entries.map((e) => e.target), total };
    };
    expect(await page({})).toEqual({ targets: ['decision:d-1', 'policy:e'], total: 6 });
    expect(await page({ offset: 4 })).toEqual({ targets: ['policy:b', 'policy:a'], total: 6 });
    expect(await page({ newestFirst: false, offset: 1 })).toEqual({ targets: ['policy:b', 'policy:c'], total: 6 });
    expect(await page({ action: 'policy.create', offset: 3 })).toEqual({ targets: ['policy:b', 'policy:a'], total: 5 });
    expect(await page({ matches: (e) => /policy:[cd]/.test(e.target) })).toEqual({ targets: ['policy:d', 'policy:c'], total: 2 });
    // The page's entries are the log's own, chain fields and all.
    const [newest] = (await store.auditPage({ newestFirst: true, offset: 0, limit: 1 })).entries;
    expect(newest).toEqual((await store.auditEntries()).at(-1));
  });
});

describe('documents', () => {
  it('are kept as bytes, replaced whole, and deleted', async () => {
    const { store } = await freshStore();
    // Every byte value, and more than the megabyte PostgreSQL keeps a document's parts in.
    const bytes = new Uint8Array(2_500_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 256;
    await store.putDocument('cohort', 'c-1', bytes);
    expect(Buffer.from((await store.getDocument('cohort', 'c-1'))!)).toEqual(Buffer.from(bytes));
    await store.putDocument('cohort', 'c-1', new Uint8Array([1, 2, 3]));
    expect([...(await store.getDocument('cohort', 'c-1'))!]).toEqual([1, 2, 3]);
    expect(await store.getDocument('comparison', 'c-1')).toBeNull();
    await store.deleteDocument('cohort', 'c-1');
    expect(await store.getDocument('cohort', 'c-1')).toBeNull();
  });
});

describe.runIf(onPostgres())('PostgreSQL: the same record opened twice (as two servers over one database)', () => {
  it('each sees what the other commits once it refreshes, and their commits interleave without loss', async () => {
    const { store: first, where } = await freshStore();
    const second = await reopen(where);
    await first.transact((d) => putPolicy(d, 'counter', '0'));
    expect(second.all('policies')).toEqual([]);
    await second.refresh();
    expect(second.all('policies').map((p) => p.title)).toEqual(['0']);

    const increment = (store: Store) =>
      store.transact((d) => {
        const current = Number(d.rows('policies').find((p) => p.id === 'counter')!.title);
        putPolicy(d, 'counter', String(current + 1));
      });
    await Promise.all(Array.from({ length: 40 }, (_, i) => increment(i % 2 ? first : second)));
    await first.refresh();
    await second.refresh();
    expect(first.all('policies')[0]!.title).toBe('40');
    expect(second.all('policies')).toEqual(first.all('policies'));
    expect((await first.verify()).ok).toBe(true);
  });

  it("a guard sees the other server's commit: of two conflicting changes, the second is refused", async () => {
    const { store: first, where } = await freshStore();
    const second = await reopen(where);
    const createOnce = (store: Store, title: string) =>
      store.transact((d) => {
        if (d.rows('policies').some((p) => p.id === 'only')) throw new Error('only exists');
        putPolicy(d, 'only', title);
      });
    const outcomes = await Promise.allSettled([createOnce(first, 'first'), createOnce(second, 'second')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    await first.refresh();
    expect(first.all('policies')).toHaveLength(1);
    expect(await first.auditEntries()).toHaveLength(1);
  });
});
