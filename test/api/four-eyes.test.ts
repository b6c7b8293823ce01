/**
 * The four-eyes rule: whoever submitted a version cannot also ratify it, even with the ratifier role.
 * officer2 holds both the officer and the ratifier roles.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, cloneVersion, ok, ratificationFor, signIn, versionPath } from '../support/api-client.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let officer2: string;
beforeEach(async () => {
  server = await startServer();
  officer2 = await signIn(server, 'officer2');
});
afterEach(async () => {
  await server.close();
  server.remove();
});

const path = (version: string) => versionPath('adult-ras', version);

describe('a version submitted by officer2', () => {
  beforeEach(async () => {
    await cloneVersion(server, officer2, 'adult-ras', '2010-revised', 'own-work');
    const submitted = ok(await as(server, officer2).post(`${path('own-work')}/submit`));
    expect(submitted.submittedBy).toBe('officer2');
  });

  it('cannot be ratified by officer2, who submitted it: 403 four_eyes', async () => {
    const res = await as(server, officer2).post(`${path('own-work')}/ratify`, ratificationFor('2011-04-01'));
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: '/problems/four_eyes', status: 403, title: 'Not allowed' });
    expect(res.body.detail).toContain('own-work');
  });

  it('stays submitted after that refusal, with no ratification and nothing superseded', async () => {
    const refused = await as(server, officer2).post(`${path('own-work')}/ratify`, ratificationFor('2011-04-01'));
    expect(refused.status).toBe(403);
    const stored = ok(await as(server, officer2).get(path('own-work')));
    expect(stored).toMatchObject({ status: 'submitted', ratification: null, submittedBy: 'officer2' });
    expect(ok(await as(server, officer2).get(path('2010-revised'))).status).toBe('ratified');
    const actions = ok(await as(server, officer2).get(`${path('own-work')}/audit`)).map((e: { action: string }) => e.action);
    expect(actions).toEqual(['version.create', 'version.submit']);
  });

  it('can be ratified by another ratifier', async () => {
    const res = await as(server, server.tokens.ratifier).post(`${path('own-work')}/ratify`, ratificationFor('2011-04-01'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ratified',
      submittedBy: 'officer2',
      ratification: { ratifiedBy: 'ratifier', effectiveFrom: '2011-04-01' },
    });
  });
});

describe('a version submitted by someone else', () => {
  beforeEach(async () => {
    await cloneVersion(server, server.tokens.officer, 'adult-ras', '2010-revised', 'colleague-work');
    ok(await as(server, server.tokens.officer).post(`${path('colleague-work')}/submit`));
  });

  it('can be ratified by officer2', async () => {
    const res = await as(server, officer2).post(`${path('colleague-work')}/ratify`, ratificationFor('2012-04-01'));
    expect(res.status).toBe(200);
    expect(res.body.ratification.ratifiedBy).toBe('officer2');
  });
});

describe('a version returned to draft and submitted again by a colleague', () => {
  beforeEach(async () => {
    await cloneVersion(server, officer2, 'adult-ras', '2010-revised', 'handed-over');
    ok(await as(server, officer2).post(`${path('handed-over')}/submit`));
    ok(await as(server, server.tokens.ratifier).post(`${path('handed-over')}/return-to-draft`));
    ok(await as(server, server.tokens.officer).post(`${path('handed-over')}/submit`));
  });

  it('is judged on who submitted it last', async () => {
    const ownResubmit = await as(server, server.tokens.officer).post(`${path('handed-over')}/ratify`, ratificationFor('2013-04-01'));
    expect(ownResubmit.status).toBe(403); // officer has no ratifier role at all
    expect(ownResubmit.body.type).toBe('/problems/role_required');
    const res = await as(server, officer2).post(`${path('handed-over')}/ratify`, ratificationFor('2013-04-01'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ submittedBy: 'officer', ratification: { ratifiedBy: 'officer2' } });
  });
});

describe('the ratification record', () => {
  beforeEach(async () => {
    await cloneVersion(server, server.tokens.officer, 'adult-ras', '2010-revised', 'incomplete-decision');
    ok(await as(server, server.tokens.officer).post(`${path('incomplete-decision')}/submit`));
  });

  it('must name the minute reference and a real effective date', async () => {
    const { minuteReference: _m, ...withoutMinute } = ratificationFor('2014-04-01');
    const res = await as(server, server.tokens.ratifier).post(`${path('incomplete-decision')}/ratify`, {
      ...withoutMinute,
      effectiveFrom: '2014-02-30',
    });
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('/problems/validation_failed');
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toContain('/effectiveFrom');
    expect(pointers.some((p: string) => p === '/minuteReference' || p === '')).toBe(true);
    expect(ok(await as(server, server.tokens.officer).get(path('incomplete-decision'))).status).toBe('submitted');
  });
});
