/**
 * Which version speaks for a date: of the ratified (or since superseded) versions, the one with the latest
 * effective date not after it; withdrawn versions never count.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, NOTHING_IN_FORCE_NOTE, ok, ratifyCopy, signIn, versionPath, withdraw as withdrawVersion } from '../support/api-client.js';
import { startServer, type TestServer } from '../support/server.js';

// Each test has a server of its own over the seeded examples, and ratifies what it needs.
let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
  server.remove();
});

const inForce = (policyId: string, date?: string, token = server.tokens.officer) =>
  as(server, token).get(`/api/policies/${policyId}/in-force${date === undefined ? '' : `?asOf=${encodeURIComponent(date)}`}`);
const versionOn = async (policyId: string, date: string) => ok(await inForce(policyId, date), `in-force ${date}`).version as string;
const todayUtc = () => new Date().toISOString().slice(0, 10);

describe('the seeded adult scheme (2009-pilot from 2009-04-01, 2010-revised from 2010-04-01)', () => {
  it('has nothing in force before the first effective date', async () => {
    const res = await inForce('adult-ras', '2009-03-31');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ type: '/problems/none_in_force', status: 404 });
    expect(res.body.detail).toContain('2009-03-31');
  });

  it('puts the pilot in force on its effective date', async () => {
    const res = await inForce('adult-ras', '2009-04-01');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: '2009-04-01', policyId: 'adult-ras', version: '2009-pilot', status: 'superseded' });
    expect(res.body.ratification).toMatchObject({ effectiveFrom: '2009-04-01', minuteReference: 'ASC/2009/14' });
  });

  it('keeps the pilot in force between the two effective dates', async () => {
    expect(await versionOn('adult-ras', '2009-10-15')).toBe('2009-pilot');
  });

  it('keeps the pilot in force on the day before the revision takes effect', async () => {
    expect(await versionOn('adult-ras', '2010-03-31')).toBe('2009-pilot');
  });

  it('puts the revision in force on its effective date and after', async () => {
    expect(await versionOn('adult-ras', '2010-04-01')).toBe('2010-revised');
    expect(await versionOn('adult-ras', '2010-04-02')).toBe('2010-revised');
    expect(await versionOn('adult-ras', '2025-12-31')).toBe('2010-revised');
  });

  it('answers for today when no date is given', async () => {
    const before = todayUtc();
    const res = await inForce('adult-ras');
    const after = todayUtc();
    expect(res.status).toBe(200);
    expect([before, after]).toContain(res.body.asOf);
    expect(res.body.version).toBe('2010-revised');
  });

  it('answers with a summary, not the whole document', async () => {
    const res = await inForce('adult-ras', '2010-04-01');
    expect(res.body).not.toHaveProperty('document');
    expect(res.body).not.toHaveProperty('examples');
    expect(res.body).toMatchObject({ title: 'Adult social care RAS: 2010 revision', exampleCount: 7 });
  });

  it('answers API clients too', async () => {
    const res = await inForce('adult-ras', '2010-04-01', server.tokens['api-client']);
    expect(res.status).toBe(200);
    expect(res.body.version).toBe('2010-revised');
  });
});

describe("the seeded children's scheme (2012-pilot from 2012-04-01, 2013-revised from 2013-04-01)", () => {
  it.each([
    ['2012-04-01', '2012-pilot'],
    ['2013-03-31', '2012-pilot'],
    ['2013-04-01', '2013-revised'],
    ['2019-09-01', '2013-revised'],
  ])('on %s answers %s', async (date, version) => {
    expect(await versionOn('childrens-ras', date)).toBe(version);
  });

  it('has nothing in force on 2012-03-31', async () => {
    expect((await inForce('childrens-ras', '2012-03-31')).status).toBe(404);
  });
});

describe('bad queries', () => {
  it.each(['2010-02-30', '01/04/2010', '2010-4-1', 'today', '2010-04-01T00:00:00Z', ''])(
    'refuses asOf=%j with 400 pointing at /query/asOf',
    async (date) => {
      const res = await inForce('adult-ras', date);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: '/problems/bad_date', status: 400 });
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/query/asOf' })]);
    },
  );

  it('still reads date, the former name of asOf, and refuses the two together', async () => {
    const formerly = await as(server, server.tokens.officer).get('/api/policies/adult-ras/in-force?date=2010-03-31');
    expect(ok(formerly)).toMatchObject({ asOf: '2010-03-31', version: '2009-pilot' });
    const both = await as(server, server.tokens.officer).get('/api/policies/adult-ras/in-force?asOf=2010-04-01&date=2010-03-31');
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ pointer: '/query/date', code: 'duplicate_parameter' })]);
  });

  it('answers 404 for a policy that does not exist', async () => {
    const res = await inForce('no-such-policy', '2010-04-01');
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('/problems/policy_not_found');
  });
});

describe('a version ratified to take effect in the future', () => {
  const FUTURE = '2099-04-01';
  let todayBefore: string;

  beforeEach(async () => {
    todayBefore = ok(await inForce('adult-ras')).version;
    await ratifyCopy(server, 'adult-ras', '2010-revised', '2099-future', FUTURE);
  });

  it('does not change which version is in force today', async () => {
    expect(todayBefore).toBe('2010-revised');
    expect(ok(await inForce('adult-ras')).version).toBe('2010-revised');
    const listed = ok(await as(server, server.tokens.officer).get('/api/policies'));
    expect(listed.find((p: { id: string }) => p.id === 'adult-ras').inForce).toEqual({
      version: '2010-revised',
      effectiveFrom: '2010-04-01',
    });
    // The scheme on its own says it the same way, so a client holds one shape of a scheme.
    expect(ok(await as(server, server.tokens.officer).get('/api/policies/adult-ras')).inForce).toEqual({
      version: '2010-revised',
      effectiveFrom: '2010-04-01',
    });
  });

  it('answers for its own effective date and after', async () => {
    expect(await versionOn('adult-ras', FUTURE)).toBe('2099-future');
    expect(await versionOn('adult-ras', '2100-01-01')).toBe('2099-future');
  });

  it('leaves the day before to the version it supersedes', async () => {
    expect(await versionOn('adult-ras', '2099-03-31')).toBe('2010-revised');
  });

  it('leaves earlier dates alone', async () => {
    expect(await versionOn('adult-ras', '2009-04-01')).toBe('2009-pilot');
    expect(await versionOn('adult-ras', '2010-04-01')).toBe('2010-revised');
    expect((await inForce('adult-ras', '2009-03-31')).status).toBe(404);
  });
});

describe('a version ratified between two others', () => {
  beforeEach(async () => {
    await ratifyCopy(server, 'adult-ras', '2010-revised', '2099-future', '2099-04-01');
    await ratifyCopy(server, 'adult-ras', '2010-revised', '2015-revised', '2015-04-01');
  });

  it("answers from its effective date up to the next version's", async () => {
    expect(await versionOn('adult-ras', '2015-03-31')).toBe('2010-revised');
    expect(await versionOn('adult-ras', '2015-04-01')).toBe('2015-revised');
    expect(await versionOn('adult-ras', '2099-03-31')).toBe('2015-revised');
    expect(await versionOn('adult-ras', '2099-04-01')).toBe('2099-future');
  });

  it('does not supersede the version that takes effect after it', async () => {
    const later = ok(await as(server, server.tokens.officer).get(versionPath('adult-ras', '2099-future')));
    expect(later.status).toBe('ratified');
    expect(later.superseded).toBeNull();
  });
});

describe('a withdrawn version', () => {
  beforeEach(async () => {
    await ratifyCopy(server, 'adult-ras', '2010-revised', '2099-future', '2099-04-01');
    await ratifyCopy(server, 'adult-ras', '2010-revised', '2015-revised', '2015-04-01');
  });

  // One ratifier proposes, officer2 (also a ratifier) confirms; nothing then answers for 2009-pilot's dates.
  const withdraw = async (version: string) =>
    withdrawVersion(
      server,
      { proposer: server.tokens.ratifier, confirmer: await signIn(server, 'officer2') },
      'adult-ras',
      version,
      `withdrawn in the in-force tests (${version})`,
      version === '2009-pilot' ? { equalityImpact: NOTHING_IN_FORCE_NOTE } : undefined,
    );

  it('stops counting, so the previous version answers again', async () => {
    ok(await withdraw('2015-revised'));
    expect(await versionOn('adult-ras', '2015-04-01')).toBe('2010-revised');
    expect(await versionOn('adult-ras', '2020-06-01')).toBe('2010-revised');
    expect(await versionOn('adult-ras', '2099-04-01')).toBe('2099-future');
  });

  it('stops counting for future dates too', async () => {
    ok(await withdraw('2099-future'));
    expect(await versionOn('adult-ras', '2099-04-01')).toBe('2015-revised');
    ok(await withdraw('2015-revised'));
    expect(await versionOn('adult-ras', '2099-04-01')).toBe('2010-revised');
    expect(ok(await inForce('adult-ras')).version).toBe('2010-revised');
  });

  it('stops counting even when it was the only version for its dates', async () => {
    ok(await withdraw('2009-pilot'));
    expect((await inForce('adult-ras', '2009-04-01')).status).toBe(404);
    expect((await inForce('adult-ras', '2010-03-31')).status).toBe(404);
    expect(await versionOn('adult-ras', '2010-04-01')).toBe('2010-revised');
  });
});

describe('two versions with the same effective date', () => {
  beforeEach(async () => {
    await ratifyCopy(server, 'childrens-ras', '2013-revised', '2014-first', '2014-04-01');
    await ratifyCopy(server, 'childrens-ras', '2013-revised', '2014-second', '2014-04-01');
  });

  it('answer with the one ratified last', async () => {
    expect(await versionOn('childrens-ras', '2014-04-01')).toBe('2014-second');
    expect(await versionOn('childrens-ras', '2014-03-31')).toBe('2013-revised');
  });

  it('mark the earlier one superseded by the later one', async () => {
    const first = ok(await as(server, server.tokens.officer).get(versionPath('childrens-ras', '2014-first')));
    expect(first.status).toBe('superseded');
    expect(first.superseded).toMatchObject({ by: '2014-second', from: '2014-04-01' });
  });
});
