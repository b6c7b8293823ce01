/**
 * A version's lifecycle over HTTP: draft -> submitted -> ratified -> superseded / withdrawn, with
 * return-to-draft, fixed (immutable) versions and optimistic concurrency on edits.
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
  replaceExamples,
  signIn,
  versionPath,
  withdraw,
} from '../support/api-client.js';
import { startServer, type TestServer } from '../support/server.js';

// Every test starts from the seeded examples on a server of its own, and builds the state it needs.
let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
  server.remove();
});

const ADULT = 'adult-ras';
const officer = () => as(server, server.tokens.officer);
const ratifier = () => as(server, server.tokens.ratifier);
const path = (version: string) => versionPath(ADULT, version);

/**
 * 2010-revised's 'older-person-uplift-in-force' example re-priced at 510p a point, by hand:
 * 80.5 points x 510p = 41055p; carer substantial/moderate 12.5% = 5131.875 -> 5132p (round up) -> 35923p;
 * uplift 2.5% = 898.075 -> 899p (round up) -> 36822p; round up to the pound -> 36900p a week;
 * annual 36900 x 52 = 1918800p; monthly 1918800 / 12 = 159900p.
 */
async function repricedExample() {
  const seeded = ok(await officer().get(path('2010-revised')));
  const example = seeded.examples.find(
    (e: { assessment: { assessmentDate: string }; asOf?: string }) => e.assessment.assessmentDate === '2010-06-01' && !e.asOf,
  );
  expect(example, 'the 2010-revised example assessed on 2010-06-01').toBeDefined();
  expect(example.expect.weeklyPence).toBe(36300);
  return {
    name: 'Older person on 1 June 2010 at 510p a point',
    assessment: example.assessment,
    arithmetic: ['80.5 x 510 = 41055; -12.5% (5132) = 35923; +2.5% (899) = 36822; up to the pound 36900'],
    expect: {
      totalPoints: 80.5,
      allocation: { period: 'week', pence: 36900 },
      weeklyPence: 36900,
      monthlyPence: 159900,
      annualPence: 1918800,
      carerReductionApplied: true,
      flags: [],
    },
  };
}

/** 2011-revised: 2010-revised cloned, re-priced at 510p a point, with the worked example for that price. */
async function repricedDraft(): Promise<any> {
  await cloneVersion(server, server.tokens.officer, ADULT, '2010-revised', '2011-revised');
  await editDocument(server, server.tokens.officer, ADULT, '2011-revised', (d) => {
    d.pricing.default.pencePerPoint = 510;
  });
  await replaceExamples(server, server.tokens.officer, ADULT, '2011-revised', [await repricedExample()]);
  return ok(await officer().get(path('2011-revised')));
}

async function submittedDraft(): Promise<any> {
  await repricedDraft();
  return ok(await officer().post(`${path('2011-revised')}/submit`));
}

const DECISION = {
  body: 'Adult Social Care Cabinet (test council)',
  decisionDate: '2011-03-08',
  minuteReference: 'ASC/2011/03',
  rationale: 'Raises the price per point to 510p after the 2010-11 outturn.',
  effectiveFrom: '2011-04-01',
  comparisonWaiver: NO_REFERENCE_COHORT,
};
/** The decision as sent: its effective date is long past, which the ratifier confirms. */
const CONFIRMED = { ...DECISION, confirmEffectiveFrom: true };

async function ratifiedVersion(): Promise<any> {
  await submittedDraft();
  return ok(await ratify(server, server.tokens.ratifier, ADULT, '2011-revised', CONFIRMED));
}

describe('cloning', () => {
  it("gives the new draft its own title and description when they are given, the source's title otherwise, and no description of what the source changed", async () => {
    const seeded2010 = ok(await officer().get(path('2010-revised')));
    const named = ok(
      await officer().post(`${path('2010-revised')}/clone`, {
        version: '2011-named',
        title: 'Adult social care RAS: 2011 revision',
        description: 'Raises the price per point after the 2010-11 outturn.',
      }),
    );
    expect(named.document).toMatchObject({
      title: 'Adult social care RAS: 2011 revision',
      description: 'Raises the price per point after the 2010-11 outturn.',
      version: '2011-named',
    });
    const plain = ok(await officer().post(`${path('2010-revised')}/clone`, { version: '2011-plain' }));
    expect(plain.document.title).toBe(seeded2010.document.title);
    // 2010-revised's description says what it changed from 2009-pilot: the copy must say what it changes itself.
    expect(seeded2010.document.description).toMatch(/^The 2010 revision/);
    expect(plain.document).not.toHaveProperty('description');
    const refused = await officer().post(`${path('2010-revised')}/clone`, { version: '2011-empty', title: '' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/title' })]);
  });

  it('copies a fixed version, its document and its worked examples to a new draft that records what it was based on', async () => {
    const seeded2010 = ok(await officer().get(path('2010-revised')));
    const res = await officer().post(`${path('2010-revised')}/clone`, { version: '2011-revised' });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(path('2011-revised'));
    expect(res.body).toMatchObject({
      policyId: ADULT,
      version: '2011-revised',
      status: 'draft',
      createdBy: 'officer',
      basedOn: { version: '2010-revised', contentHash: seeded2010.contentHash },
      submittedAt: null,
      submittedBy: null,
      ratification: null,
      superseded: null,
      withdrawal: null,
    });
    const { version: _v, ...rest } = res.body.document;
    // Everything but the name and what the source changed (a copy says what it changes in its own words).
    const { version: _s, description: _d, ...seededRest } = seeded2010.document;
    expect(res.body.document.version).toBe('2011-revised');
    expect(rest).toEqual(seededRest);
    expect(res.body.examples).toEqual(seeded2010.examples);
    // The version name is part of the document, so the content hash differs from the source's.
    expect(res.body.contentHash).not.toBe(seeded2010.contentHash);
    // The ETag is the revision: the number of the commit that last changed the version.
    expect(res.headers.get('etag')).toBe(`"${res.body.revision}"`);
    expect(res.body.revision).toBeGreaterThan(seeded2010.revision);
    expect(res.body.contributors).toEqual(['officer']);
  });

  it('refuses a version name the policy already has', async () => {
    const res = await officer().post(`${path('2009-pilot')}/clone`, { version: '2010-revised' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ type: '/problems/version_exists', status: 409 });
  });

  it('refuses a version name that is not a slug, pointing at it', async () => {
    const res = await officer().post(`${path('2009-pilot')}/clone`, { version: 'Not A Slug' });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/version');
  });
});

describe('reading a draft', () => {
  it('answers with the record and an ETag that is its quoted revision', async () => {
    await cloneVersion(server, server.tokens.officer, ADULT, '2010-revised', '2011-revised');
    const res = await officer().get(path('2011-revised'));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('draft');
    expect(res.headers.get('etag')).toBe(`"${res.body.revision}"`);
    expect(res.body.revision).toEqual(expect.any(Number));
    expect(res.body.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(res.body.links).toEqual({
      self: path('2011-revised'),
      examples: `${path('2011-revised')}/examples`,
      evaluate: `${path('2011-revised')}/evaluate`,
      audit: `${path('2011-revised')}/audit`,
    });
  });
});

describe('editing a draft', () => {
  it('replaces the document when If-Match carries the current ETag, and answers with a new ETag', async () => {
    const current = await cloneVersion(server, server.tokens.officer, ADULT, '2010-revised', '2011-revised');
    const etag = `"${current.revision}"`;
    const document = structuredClone(current.document);
    document.pricing.default.pencePerPoint = 510;
    const res = await officer().put(path('2011-revised'), document, { 'if-match': etag });
    expect(res.status).toBe(200);
    expect(res.body.document.pricing.default.pencePerPoint).toBe(510);
    const newEtag = res.headers.get('etag');
    expect(newEtag).toBe(`"${res.body.revision}"`);
    expect(newEtag).not.toBe(etag);
    expect(res.body.contentHash).not.toBe(current.contentHash);

    const reread = await officer().get(path('2011-revised'));
    expect(reread.headers.get('etag')).toBe(newEtag);
    expect(reread.body.document.pricing.default.pencePerPoint).toBe(510);
    expect(reread.body.status).toBe('draft');
  });

  it("replaces the worked examples with hand-computed ones for the new price, using the version's ETag", async () => {
    await cloneVersion(server, server.tokens.officer, ADULT, '2010-revised', '2011-revised');
    await editDocument(server, server.tokens.officer, ADULT, '2011-revised', (d) => {
      d.pricing.default.pencePerPoint = 510;
    });
    const example = await repricedExample();
    const examplesEtag = (await officer().get(path('2011-revised'))).headers.get('etag')!;
    const res = await officer().put(`${path('2011-revised')}/examples`, { examples: [example] }, { 'if-match': examplesEtag });
    expect(res.status).toBe(200);
    expect(res.body.examples).toEqual([example]);
    expect(res.headers.get('etag')).not.toBe(examplesEtag);
    // A second edit from the same stale read would silently undo the first: it is refused.
    const stale = await officer().put(`${path('2011-revised')}/examples`, { examples: [] }, { 'if-match': examplesEtag });
    expect(stale.status).toBe(412);
    expect(stale.body.type).toBe('/problems/stale_examples');
    const run = ok(await officer().post(`${path('2011-revised')}/examples/run`));
    expect(run.passed).toBe(true);
    expect(run.examples).toHaveLength(1);
  });
});

describe('submission', () => {
  it('moves a valid draft whose examples pass to submitted, recording who submitted it', async () => {
    await repricedDraft();
    const res = await officer().post(`${path('2011-revised')}/submit`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'submitted', submittedBy: 'officer' });
    expect(Date.parse(res.body.submittedAt)).not.toBeNaN();
    expect(ok(await officer().get(path('2011-revised'))).status).toBe('submitted');
  });
});

describe('ratification', () => {
  it('records the deciding body, date, minute reference, rationale, effective date and who ratified', async () => {
    const submitted = await submittedDraft();
    const res = await ratify(server, server.tokens.ratifier, ADULT, '2011-revised', CONFIRMED);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ratified');
    expect(res.body.ratification).toMatchObject({ ...DECISION, effectiveFromConfirmed: true, ratifiedBy: 'ratifier' });
    expect(Date.parse(res.body.ratification.ratifiedAt)).not.toBeNaN();

    const stored = ok(await officer().get(path('2011-revised')));
    expect(stored.status).toBe('ratified');
    expect(stored.ratification).toEqual(res.body.ratification);
    // Ratification does not change the content.
    expect(stored.contentHash).toBe(submitted.contentHash);
  });

  it('supersedes the ratified version that took effect earlier, saying by which version and from when', async () => {
    const seeded2010 = ok(await officer().get(path('2010-revised')));
    await ratifiedVersion();
    const older = ok(await officer().get(path('2010-revised')));
    expect(older.status).toBe('superseded');
    expect(older.superseded).toMatchObject({ by: '2011-revised', from: '2011-04-01' });
    expect(Date.parse(older.superseded.at)).not.toBeNaN();
    // The superseded version itself never changes.
    expect(older.contentHash).toBe(seeded2010.contentHash);
    expect(older.ratification).toEqual(seeded2010.ratification);
  });

  it('leaves an already superseded version as it was', async () => {
    const seeded2009 = ok(await officer().get(path('2009-pilot')));
    await ratifiedVersion();
    const oldest = ok(await officer().get(path('2009-pilot')));
    expect(oldest.status).toBe('superseded');
    expect(oldest.superseded).toEqual(seeded2009.superseded);
    expect(oldest.superseded.by).toBe('2010-revised');
  });

  it('puts the new version in force from its effective date', async () => {
    await ratifiedVersion();
    expect(ok(await officer().get(`/api/policies/${ADULT}/in-force?asOf=2011-04-01`)).version).toBe('2011-revised');
    expect(ok(await officer().get(`/api/policies/${ADULT}/in-force?asOf=2011-03-31`)).version).toBe('2010-revised');
  });
});

describe('the dates of a ratification', () => {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const daysFromToday = (days: number) => iso(new Date(Date.now() + days * 86_400_000));
  const ratifyWith = async (dates: { decisionDate: string; effectiveFrom: string }, confirm?: boolean) => {
    await submittedDraft();
    return ratify(server, server.tokens.ratifier, ADULT, '2011-revised', {
      ...DECISION,
      ...dates,
      ...(confirm === undefined ? {} : { confirmEffectiveFrom: confirm }),
    });
  };

  it('a decision dated after today is refused: a ratification records a decision already taken', async () => {
    const res = await ratifyWith({ decisionDate: daysFromToday(1), effectiveFrom: daysFromToday(30) });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/decisionDate', code: 'decision_date_in_future' })]);
    expect(ok(await officer().get(path('2011-revised'))).status).toBe('submitted');
  });

  it('an effective date before today needs the ratifier to confirm it, and the record says it was confirmed', async () => {
    const refused = await ratifyWith({ decisionDate: daysFromToday(-10), effectiveFrom: daysFromToday(-1) });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/effectiveFrom', code: 'effective_from_unusual' })]);
    expect(refused.body.detail).toContain('before today');
    const confirmed = await ratify(server, server.tokens.ratifier, ADULT, '2011-revised', {
      ...DECISION,
      decisionDate: daysFromToday(-10),
      effectiveFrom: daysFromToday(-1),
      confirmEffectiveFrom: true,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.ratification.effectiveFromConfirmed).toBe(true);
  });

  it('an effective date more than a year ahead needs confirming too', async () => {
    const res = await ratifyWith({ decisionDate: daysFromToday(0), effectiveFrom: daysFromToday(400) });
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('more than a year ahead');
  });

  it('an effective date from today to a year ahead needs nothing more, and the record has no confirmation', async () => {
    const res = await ratifyWith({ decisionDate: daysFromToday(0), effectiveFrom: daysFromToday(90) });
    expect(res.status).toBe(200);
    expect(res.body.ratification).not.toHaveProperty('effectiveFromConfirmed');
  });
});

describe('withdrawal: proposed by one ratifier, confirmed by another', () => {
  const second = async () => as(server, await signIn(server, 'officer2'));
  const confirm = async (caller: ReturnType<typeof as>, version: string, notes: object = { comparisonWaiver: NO_REFERENCE_COHORT }) => {
    const reviewed = await caller.get(path(version));
    return caller.post(`${path(version)}/withdrawal/confirm`, notes, { 'if-match': reviewed.headers.get('etag')! });
  };

  it('needs a reason to be proposed', async () => {
    await ratifiedVersion();
    const res = await ratifier().post(`${path('2011-revised')}/withdrawal`, {});
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('/problems/validation_failed');
    expect(ok(await officer().get(path('2011-revised')))).toMatchObject({ status: 'ratified' });
  });

  it('is only proposed until a second ratifier confirms it, and says what comes back into force', async () => {
    await ratifiedVersion();
    const reason = 'The 2011 price was set on the wrong outturn figures (minute ASC/2011/09).';
    const proposed = await ratifier().post(`${path('2011-revised')}/withdrawal`, { reason });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      status: 'ratified',
      withdrawal: null,
      withdrawalProposal: { proposedBy: 'ratifier', reason, restores: { version: '2010-revised' } },
    });
    // Still in force while only one person has asked.
    expect(ok(await officer().get(`/api/policies/${ADULT}/in-force?asOf=2011-04-01`)).version).toBe('2011-revised');

    const res = await confirm(await second(), '2011-revised');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('withdrawn');
    expect(res.body.withdrawal).toMatchObject({
      by: 'officer2',
      proposedBy: 'ratifier',
      reason,
      restores: { version: '2010-revised' },
      comparisonWaiver: NO_REFERENCE_COHORT,
    });
    expect(Date.parse(res.body.withdrawal.at)).not.toBeNaN();
    expect(res.body.ratification.minuteReference).toBe('ASC/2011/03');
    expect(ok(await officer().get(`/api/policies/${ADULT}/in-force?asOf=2011-04-01`)).version).toBe('2010-revised');
  });

  it('can be cancelled, and then nothing has changed', async () => {
    await ratifiedVersion();
    ok(await ratifier().post(`${path('2011-revised')}/withdrawal`, { reason: 'Proposed by mistake, on the wrong scheme.' }));
    const cancelled = ok(await ratifier().del(`${path('2011-revised')}/withdrawal`));
    expect(cancelled).toMatchObject({ status: 'ratified', withdrawalProposal: null, withdrawal: null });
    const res = await confirm(await second(), '2011-revised');
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('/problems/no_withdrawal_proposed');
  });

  it('cannot be withdrawn twice', async () => {
    await ratifiedVersion();
    ok(await ratifier().post(`${path('2011-revised')}/withdrawal`, { reason: 'The price was set on the wrong figures.' }));
    ok(await confirm(await second(), '2011-revised'));
    const res = await ratifier().post(`${path('2011-revised')}/withdrawal`, { reason: 'Withdrawn a second time over.' });
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('/problems/wrong_status');
  });
});

describe("the version's audit timeline", () => {
  it('shows every step in order, each with its actor', async () => {
    const seeded2010 = ok(await officer().get(path('2010-revised')));
    const submitted = await submittedDraft();
    ok(await ratify(server, server.tokens.ratifier, ADULT, '2011-revised', CONFIRMED));
    ok(
      await withdraw(
        server,
        { proposer: server.tokens.ratifier, confirmer: await signIn(server, 'officer2') },
        ADULT,
        '2011-revised',
        'Wrong outturn figures.',
      ),
    );
    const res = await officer().get(`${path('2011-revised')}/audit`);
    expect(res.status).toBe(200);
    expect(res.body.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['version.create', 'officer'],
      ['version.edit', 'officer'],
      ['version.edit-examples', 'officer'],
      ['version.submit', 'officer'],
      ['version.ratify', 'ratifier'],
      ['version.withdrawal-proposed', 'ratifier'],
      ['version.withdraw', 'officer2'],
    ]);
    for (const entry of res.body) expect(entry.target).toBe(`version:${ADULT}/2011-revised`);
    const [create, edit, , , ratification] = res.body;
    expect(create.details.basedOn).toEqual({ version: '2010-revised', contentHash: seeded2010.contentHash });
    expect(edit.details.to).toBe(submitted.contentHash);
    expect(ratification.details).toMatchObject({ minuteReference: 'ASC/2011/03', effectiveFrom: '2011-04-01' });
    // The entry before the ratification is the anchor the ratification record keeps.
    const stored = ok(await officer().get(path('2011-revised')));
    expect(stored.ratification.auditAnchor).toEqual({ seq: ratification.seq - 1, hash: ratification.prevHash });
  });

  it("shows the supersession on the older version's timeline", async () => {
    await ratifiedVersion();
    const entries = ok(await officer().get(`${path('2010-revised')}/audit`));
    const supersede = entries.find((e: { action: string }) => e.action === 'version.supersede');
    expect(supersede).toMatchObject({
      actor: 'ratifier',
      target: `version:${ADULT}/2010-revised`,
      details: { by: '2011-revised', from: '2011-04-01' },
    });
  });
});

describe('returning a submitted version to draft', () => {
  beforeEach(async () => {
    await cloneVersion(server, server.tokens.officer, ADULT, '2010-revised', 'return-me');
    ok(await officer().post(`${path('return-me')}/submit`));
  });

  it('makes it a draft again and clears who submitted it', async () => {
    const res = await ratifier().post(`${path('return-me')}/return-to-draft`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', submittedAt: null, submittedBy: null });
  });

  it('lets the draft be edited again', async () => {
    ok(await ratifier().post(`${path('return-me')}/return-to-draft`));
    const updated = await editDocument(server, server.tokens.officer, ADULT, 'return-me', (d) => {
      d.title = 'Returned for another look';
    });
    expect(updated.document.title).toBe('Returned for another look');
  });

  it('is refused for a version that is not submitted', async () => {
    ok(await ratifier().post(`${path('return-me')}/return-to-draft`));
    const res = await ratifier().post(`${path('return-me')}/return-to-draft`);
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('/problems/wrong_status');
  });

  it("appears in the version's audit timeline", async () => {
    ok(await ratifier().post(`${path('return-me')}/return-to-draft`));
    await editDocument(server, server.tokens.officer, ADULT, 'return-me', (d) => {
      d.title = 'Returned for another look';
    });
    const actions = ok(await officer().get(`${path('return-me')}/audit`)).map((e: { action: string }) => e.action);
    expect(actions).toEqual(['version.create', 'version.submit', 'version.return-to-draft', 'version.edit']);
  });
});

describe('fixed versions are immutable', () => {
  beforeEach(async () => {
    await cloneVersion(server, server.tokens.officer, ADULT, '2010-revised', 'submitted-one');
    ok(await officer().post(`${path('submitted-one')}/submit`));
  });

  async function putUnchanged(version: string) {
    const current = await officer().get(path(version));
    return { current, res: await officer().put(path(version), current.body.document, { 'if-match': current.headers.get('etag')! }) };
  }

  for (const version of ['submitted-one', '2010-revised', '2009-pilot']) {
    it(`refuses to replace the document of ${version} with 409 version_immutable`, async () => {
      const { current, res } = await putUnchanged(version);
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: '/problems/version_immutable', title: 'Conflict', status: 409 });
      expect(res.body.detail).toContain(current.body.status);
      const after = ok(await officer().get(path(version)));
      expect(after.updatedAt).toBe(current.body.updatedAt);
    });

    it(`refuses to replace the worked examples of ${version}`, async () => {
      const current = await officer().get(path(version));
      const res = await officer().put(`${path(version)}/examples`, { examples: [] }, { 'if-match': current.headers.get('etag')! });
      expect(res.status).toBe(409);
      expect(res.body.type).toBe('/problems/version_immutable');
      expect(ok(await officer().get(path(version))).examples).toEqual(current.body.examples);
    });

    it(`refuses to delete ${version}`, async () => {
      const res = await officer().del(path(version));
      expect(res.status).toBe(409);
      expect(res.body.type).toBe('/problems/version_immutable');
      expect((await officer().get(path(version))).status).toBe(200);
    });
  }

  it('deletes a draft that was never submitted, leaving an audit entry', async () => {
    await cloneVersion(server, server.tokens.officer, ADULT, '2010-revised', 'short-lived');
    const res = await officer().del(path('short-lived'));
    expect(res.status).toBe(204);
    const gone = await officer().get(path('short-lived'));
    expect(gone.status).toBe(404);
    expect(gone.body.type).toBe('/problems/version_not_found');
    const audit = ok(
      await as(server, server.tokens.scrutiny).get(`/api/audit?target=${encodeURIComponent(`version:${ADULT}/short-lived`)}`),
    );
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['version.create', 'version.delete']);
  });
});

describe('transitions from the wrong status', () => {
  beforeEach(async () => {
    await cloneVersion(server, server.tokens.officer, ADULT, '2010-revised', 'still-draft');
  });

  it('refuses to ratify a draft with 409 wrong_status', async () => {
    const res = await ratify(server, server.tokens.ratifier, ADULT, 'still-draft', ratificationFor('2012-04-01'));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ type: '/problems/wrong_status', status: 409 });
    expect(ok(await officer().get(path('still-draft'))).status).toBe('draft');
  });

  it('refuses to withdraw a draft', async () => {
    const res = await ratifier().post(`${path('still-draft')}/withdrawal`, { reason: 'It was never adopted by anyone.' });
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('/problems/wrong_status');
  });

  it('refuses to submit a version that is already ratified or superseded', async () => {
    const res = await officer().post(`${path('2010-revised')}/submit`);
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('/problems/wrong_status');
  });

  it('refuses to ratify a superseded version again', async () => {
    const res = await ratify(server, server.tokens.ratifier, ADULT, '2009-pilot', ratificationFor('2012-04-01'));
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('/problems/wrong_status');
  });
});

describe('stale edits', () => {
  let firstEtag: string;
  let document: any;

  beforeEach(async () => {
    const draft = await cloneVersion(server, server.tokens.officer, ADULT, '2010-revised', 'contested');
    firstEtag = `"${draft.revision}"`;
    document = draft.document;
  });

  it('refuses an edit without If-Match with 428', async () => {
    const res = await officer().put(path('contested'), { ...document, title: 'No precondition' });
    expect(res.status).toBe(428);
    expect(res.body).toMatchObject({ type: '/problems/if_match_required', status: 428, title: 'Precondition required' });
    expect(ok(await officer().get(path('contested'))).document.title).toBe(document.title);
  });

  it('refuses an edit based on an old ETag with 412, keeping the newer content', async () => {
    const first = await officer().put(path('contested'), { ...document, title: 'First editor' }, { 'if-match': firstEtag });
    expect(first.status).toBe(200);
    const newer = first.headers.get('etag')!;

    const second = await officer().put(
      path('contested'),
      { ...document, title: 'Second editor, working from the old copy' },
      { 'if-match': firstEtag },
    );
    expect(second.status).toBe(412);
    expect(second.body).toMatchObject({ type: '/problems/stale_version', status: 412 });
    expect(second.body.detail).toContain(newer);

    const stored = await officer().get(path('contested'));
    expect(stored.body.document.title).toBe('First editor');
    expect(stored.headers.get('etag')).toBe(newer);
  });

  it('records only the edit that was applied', async () => {
    ok(await officer().put(path('contested'), { ...document, title: 'First editor' }, { 'if-match': firstEtag }));
    const stale = await officer().put(path('contested'), { ...document, title: 'Second editor' }, { 'if-match': firstEtag });
    expect(stale.status).toBe(412);
    const actions = ok(await officer().get(`${path('contested')}/audit`)).map((e: { action: string }) => e.action);
    expect(actions).toEqual(['version.create', 'version.edit']);
  });

  it('refuses an examples edit without If-Match with 428', async () => {
    const res = await officer().put(`${path('contested')}/examples`, { examples: [] });
    expect(res.status).toBe(428);
  });
});

describe('who may change versions', () => {
  it('lets only officers edit a draft', async () => {
    await cloneVersion(server, server.tokens.officer, ADULT, '2010-revised', 'contested');
    const current = await officer().get(path('contested'));
    const res = await ratifier().put(path('contested'), current.body.document, { 'if-match': current.headers.get('etag')! });
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('/problems/role_required');
  });

  it('lets only ratifiers ratify', async () => {
    await cloneVersion(server, server.tokens.officer, ADULT, '2010-revised', 'officer-cannot-ratify');
    ok(await officer().post(`${path('officer-cannot-ratify')}/submit`));
    const res = await officer().post(`${path('officer-cannot-ratify')}/ratify`, ratificationFor('2012-04-01'));
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('/problems/role_required');
    expect(ok(await officer().get(path('officer-cannot-ratify'))).status).toBe('submitted');
  });
});
