/**
 * Four eyes: no policy is in force without a second person's ratification. Nobody who created, edited or
 * submitted a version's content may ratify it; a ratification names (If-Match) exactly the revision the
 * ratifier reviewed; and the admin who manages accounts cannot be one of the two people. One test per way
 * the rule was once broken: a race, a change after review, an editor ratifying, an admin acting alone.
 *
 * officer2 holds both the officer and the ratifier roles.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  as,
  cloneVersion,
  editDocument,
  NO_REFERENCE_COHORT,
  ok,
  ratificationFor,
  ratify,
  signIn,
  versionPath,
} from '../support/api-client.js';
import { createPerson, startServer, type TestServer } from '../support/server.js';

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
const officer = () => as(server, server.tokens.officer);

async function submittedBy(token: string, version: string, createdBy = token): Promise<void> {
  await cloneVersion(server, createdBy, 'adult-ras', '2010-revised', version);
  ok(await as(server, token).post(`${path(version)}/submit`), `submit ${version}`);
}

describe('whoever submitted a version', () => {
  it('cannot ratify it, even holding the ratifier role: 403 four_eyes, and the version stays submitted', async () => {
    await submittedBy(officer2, 'own-work');
    const res = await ratify(server, officer2, 'adult-ras', 'own-work', ratificationFor('2011-04-01'));
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: '/problems/four_eyes', status: 403, title: 'Not allowed' });
    expect(res.body.detail).toContain('own-work');
    const stored = ok(await officer().get(path('own-work')));
    expect(stored).toMatchObject({ status: 'submitted', ratification: null, submittedBy: 'officer2' });
    expect(ok(await officer().get(path('2010-revised'))).status).toBe('ratified');
    expect(ok(await officer().get(`${path('own-work')}/audit`)).map((e: { action: string }) => e.action)).toEqual([
      'version.create',
      'version.submit',
    ]);
  });

  it('leaves it to another ratifier, who can ratify it', async () => {
    await submittedBy(officer2, 'own-work');
    const res = await ratify(server, server.tokens.ratifier, 'adult-ras', 'own-work', ratificationFor('2011-04-01'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ratified',
      submittedBy: 'officer2',
      ratification: { ratifiedBy: 'ratifier', effectiveFrom: '2011-04-01' },
    });
  });
});

describe('someone who took no part in the content', () => {
  it('may ratify it, holding the ratifier role', async () => {
    await submittedBy(server.tokens.officer, 'colleague-work');
    const res = await ratify(server, officer2, 'adult-ras', 'colleague-work', ratificationFor('2012-04-01'));
    expect(res.status).toBe(200);
    expect(res.body.ratification.ratifiedBy).toBe('officer2');
  });
});

describe('whoever created or edited the content (attack 3: only the submitter was excluded)', () => {
  it('cannot ratify a draft they edited, after a colleague submitted it', async () => {
    await cloneVersion(server, server.tokens.officer, 'adult-ras', '2010-revised', 'edited-by-two');
    await editDocument(server, officer2, 'adult-ras', 'edited-by-two', (d) => {
      d.title = 'Edited by officer2';
    });
    ok(await officer().post(`${path('edited-by-two')}/submit`));
    const res = await ratify(server, officer2, 'adult-ras', 'edited-by-two', ratificationFor('2012-04-01'));
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('/problems/four_eyes');
    expect(res.body.detail).toBe('You edited version edited-by-two, so someone else must ratify it.');
    expect(ok(await officer().get(path('edited-by-two'))).contributors).toEqual(['officer', 'officer2']);
  });

  it('cannot ratify a draft they created, after a colleague submitted it', async () => {
    await submittedBy(server.tokens.officer, 'created-by-officer2', officer2);
    const res = await ratify(server, officer2, 'adult-ras', 'created-by-officer2', ratificationFor('2012-04-01'));
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('You created version created-by-officer2, so someone else must ratify it.');
  });

  it('still cannot after the version was returned to draft and submitted again by a colleague', async () => {
    await submittedBy(officer2, 'handed-over');
    ok(await as(server, server.tokens.ratifier).post(`${path('handed-over')}/return-to-draft`));
    ok(await officer().post(`${path('handed-over')}/submit`));
    const res = await ratify(server, officer2, 'adult-ras', 'handed-over', ratificationFor('2013-04-01'));
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('/problems/four_eyes');
    const byAnother = await ratify(server, server.tokens.ratifier, 'adult-ras', 'handed-over', ratificationFor('2013-04-01'));
    expect(byAnother.status).toBe(200);
    expect(byAnother.body).toMatchObject({
      submittedBy: 'officer',
      contributors: ['officer2', 'officer'],
      ratification: { ratifiedBy: 'ratifier' },
    });
  });
});

describe('a ratification names the revision its ratifier reviewed (attack 2: a change after review)', () => {
  it('is refused with 412 when the version was returned, edited and submitted again since the review', async () => {
    await submittedBy(server.tokens.officer, 'reviewed');
    const reviewed = await as(server, server.tokens.ratifier).get(path('reviewed'));
    const reviewedEtag = reviewed.headers.get('etag')!;
    // Another officer returns it, changes the price, and submits the different content.
    ok(await as(server, officer2).post(`${path('reviewed')}/return-to-draft`));
    await editDocument(server, officer2, 'adult-ras', 'reviewed', (d) => {
      d.pricing.default.pencePerPoint = 400;
    });
    const resubmitted = await officer().post(`${path('reviewed')}/submit`);
    expect(resubmitted.status).toBe(422); // the worked examples no longer add up at 400p…
    await editDocument(server, officer2, 'adult-ras', 'reviewed', (d) => {
      d.title = 'Changed after review'; // …so the change is one the examples do not see
      d.pricing.default.pencePerPoint = 502;
    });
    ok(await officer().post(`${path('reviewed')}/submit`));

    const res = await as(server, server.tokens.ratifier).post(`${path('reviewed')}/ratify`, ratificationFor('2012-04-01'), {
      'if-match': reviewedEtag,
    });
    expect(res.status).toBe(412);
    expect(res.body.type).toBe('/problems/changed_since_review');
    const stored = ok(await officer().get(path('reviewed')));
    expect(stored).toMatchObject({ status: 'submitted', ratification: null, document: { title: 'Changed after review' } });
  });

  it('is refused with 428 without If-Match, or with If-Match: * (which names nothing reviewed)', async () => {
    await submittedBy(server.tokens.officer, 'unreviewed');
    const ratifier = as(server, server.tokens.ratifier);
    for (const headers of [{}, { 'if-match': '*' }] as Array<Record<string, string>>) {
      const res = await ratifier.post(`${path('unreviewed')}/ratify`, ratificationFor('2012-04-01'), headers);
      expect(res.status).toBe(428);
      expect(res.body.type).toBe('/problems/if_match_required');
    }
    expect(ok(await officer().get(path('unreviewed'))).status).toBe('submitted');
  });
});

describe('a ratification racing a change (attack 1: the check came before an await, the write after it)', () => {
  it('is refused when its submitter returns and resubmits the version while the ratification compares it', async () => {
    // A large reference cohort makes the comparison before the commit take a while.
    const cohort = ok(
      await as(server, server.tokens.scrutiny).post('/api/cohorts/generate', {
        policyId: 'adult-ras',
        version: '2010-revised',
        name: 'Large reference cohort',
        size: 100_000,
        seed: 3,
      }),
    );
    ok(await as(server, server.tokens.scrutiny).put('/api/policies/adult-ras/reference-cohort', { cohortId: cohort.id }));
    await submittedBy(server.tokens.officer, 'raced');

    // officer2 (officer and ratifier) starts ratifying what a colleague submitted…
    const reviewed = await as(server, officer2).get(path('raced'));
    const ratifying = as(server, officer2)
      .post(`${path('raced')}/ratify`, ratificationFor('2012-04-01', { comparisonWaiver: undefined }), {
        'if-match': reviewed.headers.get('etag')!,
      })
      .then((res) => ({ res, at: performance.now() }));
    // …and meanwhile returns it to draft and submits it as their own.
    ok(await as(server, officer2).post(`${path('raced')}/return-to-draft`));
    ok(await as(server, officer2).post(`${path('raced')}/submit`));
    const resubmittedAt = performance.now();

    const { res, at } = await ratifying;
    expect(at, 'the ratification answered after the resubmission').toBeGreaterThan(resubmittedAt);
    expect([409, 412]).toContain(res.status);
    const stored = ok(await officer().get(path('raced')));
    expect(stored).toMatchObject({ status: 'submitted', submittedBy: 'officer2', ratification: null });
    // And now that it is their own submission, they cannot ratify it at all.
    const again = await ratify(server, officer2, 'adult-ras', 'raced', ratificationFor('2012-04-01', { comparisonWaiver: undefined }));
    expect(again.status).toBe(403);
    expect(again.body.type).toBe('/problems/four_eyes');
  });
});

describe('the admin who manages accounts (attack 4: an admin acting alone)', () => {
  const adminCaller = () => as(server, server.tokens.admin);
  const me = async () => ok(await adminCaller().get('/api/auth/me'));

  it('cannot grant themselves any role, or take one away', async () => {
    const { id } = await me();
    for (const roles of [['admin', 'scrutiny'], ['scrutiny']]) {
      const patch = await adminCaller().patch(`/api/users/${id}`, { roles });
      expect(patch.status).toBe(409);
      expect(patch.body.type).toBe('/problems/own_roles');
    }
    expect((await me()).roles).toEqual(['admin']);
  });

  it('cannot hold the officer or ratifier role beside admin, on any account', async () => {
    const created = await adminCaller().post('/api/users', {
      username: 'admin-and-ratifier',
      displayName: 'Both',
      roles: ['admin', 'ratifier'],
    });
    expect(created.status).toBe(422);
    expect(created.body.type).toBe('/problems/incompatible_roles');
    expect(created.body.errors).toEqual([expect.objectContaining({ pointer: '/roles' })]);
    const users = ok(await adminCaller().get('/api/users'));
    const ratifier = users.find((u: { username: string }) => u.username === 'ratifier');
    const granted = await adminCaller().patch(`/api/users/${ratifier.id}`, { roles: ['ratifier', 'admin'] });
    expect(granted.status).toBe(422);
    expect(granted.body.type).toBe('/problems/incompatible_roles');
  });

  it('cannot ratify what an account they created submits, holding no ratifier role', async () => {
    const created = await createPerson(server.url, server.tokens.admin, {
      username: 'puppet',
      displayName: 'Puppet officer',
      roles: ['officer'],
    });
    expect(created).toMatchObject({ roles: ['officer'] });
    const puppet = await signIn(server, 'puppet');
    await submittedBy(puppet, 'puppet-work');
    const res = await ratify(server, server.tokens.admin, 'adult-ras', 'puppet-work', ratificationFor('2012-04-01'));
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('/problems/role_required');
  });

  it('has every role grant audited and shown on the account', async () => {
    const users = ok(await adminCaller().get('/api/users'));
    const scrutiny = users.find((u: { username: string }) => u.username === 'scrutiny');
    ok(await adminCaller().patch(`/api/users/${scrutiny.id}`, { roles: ['scrutiny', 'officer'] }));
    ok(await adminCaller().patch(`/api/users/${scrutiny.id}`, { roles: ['officer'] }));
    const account = ok(await adminCaller().get(`/api/users/${scrutiny.id}`));
    expect(
      account.history.map((h: { action: string; actor: string; details: { granted: string[]; removed?: string[] } }) => [
        h.action,
        h.actor,
        h.details.granted,
        h.details.removed,
      ]),
    ).toEqual([
      ['user.create', 'admin', ['scrutiny'], undefined],
      ['user.enrol', 'scrutiny', undefined, undefined],
      ['user.update', 'admin', ['officer'], []],
      ['user.update', 'admin', [], ['scrutiny']],
    ]);
  });
});

describe('the reference cohort', () => {
  it('cannot be replaced or removed while a version of the policy is submitted, so a submitted cut cannot dodge its comparison', async () => {
    const scrutiny = as(server, server.tokens.scrutiny);
    const cohort = ok(
      await scrutiny.post('/api/cohorts/generate', {
        policyId: 'adult-ras',
        version: '2010-revised',
        name: 'Reference',
        size: 50,
        seed: 1,
      }),
    );
    ok(await scrutiny.put('/api/policies/adult-ras/reference-cohort', { cohortId: cohort.id }));
    await submittedBy(server.tokens.officer, 'under-comparison');
    const cleared = await scrutiny.put('/api/policies/adult-ras/reference-cohort', { cohortId: null });
    expect(cleared.status).toBe(409);
    expect(cleared.body.type).toBe('/problems/reference_cohort_locked');
    expect(cleared.body.detail).toContain('under-comparison');
    const deleted = await scrutiny.del(`/api/cohorts/${cohort.id}`);
    expect(deleted.status).toBe(409);
    expect(deleted.body.type).toBe('/problems/cohort_in_use');
    expect(ok(await officer().get('/api/policies/adult-ras')).referenceCohortId).toBe(cohort.id);
  });

  it('without one, a ratification must say why it is made without a comparison, and the record keeps the reason', async () => {
    await submittedBy(server.tokens.officer, 'no-comparison');
    const bare = await ratify(
      server,
      server.tokens.ratifier,
      'adult-ras',
      'no-comparison',
      ratificationFor('2012-04-01', { comparisonWaiver: undefined }),
    );
    expect(bare.status).toBe(422);
    expect(bare.body.type).toBe('/problems/comparison_waiver_required');
    expect(bare.body.errors).toEqual([expect.objectContaining({ pointer: '/comparisonWaiver' })]);
    const waived = await ratify(server, server.tokens.ratifier, 'adult-ras', 'no-comparison', ratificationFor('2012-04-01'));
    expect(waived.status).toBe(200);
    expect(waived.body.ratification).toMatchObject({ comparison: null, comparisonWaiver: NO_REFERENCE_COHORT });
  });
});
