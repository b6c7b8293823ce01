/**
 * The council's small lists (schemes, versions, users) sort, search, filter and page on the server, as
 * the decisions and the audit log do; a scheme is called by its current title; decisions are found by
 * the person's reference. The seeded server holds four schemes: adult-ras (2009-pilot, 2010-revised),
 * childrens-ras (2012-pilot, 2013-revised), carers-one-off-payment and childrens-short-breaks (2024-25
 * each), all ratified, the later version of each pair in force; and the accounts admin, officer,
 * ratifier, scrutiny, officer2 and api-client.
 */

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, cloneVersion, editDocument, ok } from '../support/api-client.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
const admin = () => as(server, server.tokens.admin);
const officer = () => as(server, server.tokens.officer);
const total = (res: { headers: Headers }) => Number(res.headers.get('x-total-count'));

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  server.remove();
});

describe('the schemes list', () => {
  it('sorts by title in either order and pages, counting every match', async () => {
    const asc = await officer().get('/api/policies?sort=title&order=asc');
    expect(ok(asc).map((p: { id: string }) => p.id)).toEqual([
      'adult-ras', // Adult social care RAS: 2010 revision
      'carers-one-off-payment', // Carer's one-off payment
      'childrens-ras', // Children's SEND personal budgets RAS
      'childrens-short-breaks', // Short breaks for disabled children
    ]);
    const page = await officer().get('/api/policies?sort=title&order=desc&offset=1&limit=2');
    expect(ok(page).map((p: { id: string }) => p.id)).toEqual(['childrens-ras', 'carers-one-off-payment']);
    expect(total(page)).toBe(4);
  });

  it('searches titles in any case', async () => {
    const res = await officer().get('/api/policies?q=CHILDREN');
    expect(ok(res).map((p: { id: string }) => p.id)).toEqual(['childrens-ras', 'childrens-short-breaks']);
    expect(total(res)).toBe(2);
  });

  it('refuses a field it cannot sort by, naming the fields it can', async () => {
    const res = await officer().get('/api/policies?sort=referenceCohortId');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        pointer: '/query/sort',
        code: 'bad_query',
        message: 'must be one of id, title, council, createdAt, versions, inForce.version, inForce.effectiveFrom; got "referenceCohortId"',
      },
    ]);
  });

  it('refuses an order other than asc or desc, and a sort given twice', async () => {
    const order = await officer().get('/api/policies?order=up');
    expect(order.status).toBe(400);
    expect(order.body.errors[0].pointer).toBe('/query/order');
    const twice = await officer().get('/api/policies?sort=id&sort=title');
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0]).toMatchObject({ pointer: '/query/sort', message: 'must be given once, as text' });
  });
});

describe('the versions of every scheme', () => {
  it("lists only one scheme's versions when filtered by it, newest effective date first", async () => {
    const res = await officer().get('/api/versions?policyId=childrens-ras&sort=ratification.effectiveFrom&order=desc');
    expect(ok(res).map((v: { version: string }) => v.version)).toEqual(['2013-revised', '2012-pilot']);
    expect(total(res)).toBe(2);
  });

  it('filters by status, and pages', async () => {
    // Six seeded versions: four ratified (each scheme's newest) and two superseded.
    const superseded = await officer().get('/api/versions?status=superseded&sort=version');
    expect(ok(superseded).map((v: { policyId: string; version: string }) => `${v.policyId} ${v.version}`)).toEqual([
      'adult-ras 2009-pilot',
      'childrens-ras 2012-pilot',
    ]);
    const page = await officer().get('/api/versions?status=ratified&sort=policyId&limit=3');
    expect(ok(page).map((v: { policyId: string }) => v.policyId)).toEqual(['adult-ras', 'carers-one-off-payment', 'childrens-ras']);
    expect(total(page)).toBe(4);
  });

  it('refuses a status that is not one, naming those that are', async () => {
    const res = await officer().get('/api/versions?status=approved');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        pointer: '/query/status',
        code: 'bad_query',
        message: 'must be one of draft, submitted, ratified, superseded, withdrawn; got "approved"',
      },
    ]);
  });

  it("still lists one scheme's versions at its own address, sorted as asked", async () => {
    const res = await officer().get('/api/policies/adult-ras/versions?sort=version&order=desc');
    expect(ok(res).map((v: { version: string }) => v.version)).toEqual(['2010-revised', '2009-pilot']);
    expect(total(res)).toBe(2);
  });
});

describe('the users list', () => {
  it('sorts by user name, filters by role and searches names', async () => {
    const sorted = await admin().get('/api/users?sort=username');
    expect(ok(sorted).map((u: { username: string }) => u.username)).toEqual([
      'admin',
      'api-client',
      'officer',
      'officer2',
      'ratifier',
      'scrutiny',
    ]);
    const officers = await admin().get('/api/users?role=officer&sort=username&order=desc');
    expect(ok(officers).map((u: { username: string }) => u.username)).toEqual(['officer2', 'officer']);
    const search = await admin().get('/api/users?q=second');
    expect(ok(search).map((u: { displayName: string }) => u.displayName)).toEqual(['Second officer']);
    expect(total(search)).toBe(1);
  });

  it('refuses a role that is not one, and a limit over 1000', async () => {
    const role = await admin().get('/api/users?role=caseworker');
    expect(role.status).toBe(400);
    expect(role.body.errors[0].pointer).toBe('/query/role');
    const limit = await admin().get('/api/users?limit=1001');
    expect(limit.status).toBe(400);
    expect(limit.body.errors[0].pointer).toBe('/query/limit');
  });
});

describe("a scheme's title", () => {
  it('is its version in force, not its first version, in the list and on its own', async () => {
    // adult-ras was started with 2009-pilot; 2010-revised is in force.
    const listed = ok(await officer().get('/api/policies')).find((p: { id: string }) => p.id === 'adult-ras');
    expect(listed.title).toBe('Adult social care RAS: 2010 revision');
    expect(ok(await officer().get('/api/policies/adult-ras')).title).toBe('Adult social care RAS: 2010 revision');
  });

  it('is its newest version when none is in force', async () => {
    const document = JSON.parse(readFileSync('rules/examples/carers-one-off-payment/2024-25/policy.json', 'utf8'));
    ok(
      await officer().post('/api/policies', {
        document: { ...document, id: 'titles-scheme', version: 'first', title: 'The first title' },
      }),
    );
    await cloneVersion(server, server.tokens.officer, 'titles-scheme', 'first', 'second');
    await editDocument(server, server.tokens.officer, 'titles-scheme', 'second', (d) => {
      d.title = 'The second title';
    });
    const listed = ok(await officer().get('/api/policies?q=titles-scheme'));
    expect(listed.map((p: { title: string }) => p.title)).toEqual(['The second title']);
    expect(ok(await officer().get('/api/policies/titles-scheme')).title).toBe('The second title');
  });
});

describe("finding a decision by the person's reference", () => {
  const assessment = JSON.parse(readFileSync('rules/sample-assessments/adult-older-person.json', 'utf8'));

  it('lists only the decisions on assessments with that reference, in any case', async () => {
    const client = as(server, server.tokens['api-client']);
    const first = ok(await client.post('/api/decisions', { policyId: 'adult-ras', assessment: { ...assessment, reference: 'LIST-7' } }));
    ok(await client.post('/api/decisions', { policyId: 'adult-ras', assessment: { ...assessment, reference: 'LIST-8' } }));
    const found = await officer().get('/api/decisions?reference=list-7');
    expect(ok(found).map((d: { id: string; reference: string }) => [d.id, d.reference])).toEqual([[first.id, 'LIST-7']]);
    expect(total(found)).toBe(1);
    expect(ok(await officer().get('/api/decisions?reference=LIST-9'))).toEqual([]);
  });

  it('refuses a reference longer than an assessment may carry', async () => {
    const res = await officer().get(`/api/decisions?reference=${'x'.repeat(101)}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { pointer: '/query/reference', code: 'bad_query', message: 'must be given once, 1 to 100 characters' },
    ]);
  });
});

describe('the cohorts list', () => {
  it('refuses a source that is not one, naming those that are', async () => {
    const res = await as(server, server.tokens.scrutiny).get('/api/cohorts?source=paper');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { pointer: '/query/source', code: 'bad_query', message: 'must be one of json, csv, generated; got "paper"' },
    ]);
    const none = await as(server, server.tokens.scrutiny).get('/api/cohorts?source=csv&sort=name');
    expect(ok(none)).toEqual([]);
    expect(total(none)).toBe(0);
  });
});

describe("a scheme's title in the audit log", () => {
  it('is its title now, not its first version’s', async () => {
    // adult-ras was seeded with 2009-pilot first (titled "Adult social care RAS: 2009 pilot"); 2010-revised is in force.
    const seeded = ok(await admin().get('/api/audit?target=policy:adult-ras'));
    expect(seeded.map((e: { targetWords: string }) => e.targetWords)).toEqual(['Adult social care RAS: 2010 revision']);
  });
});
