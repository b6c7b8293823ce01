/**
 * Recorded decisions: input, output and the exact version used, replayable later, including after the
 * server (engine and store) restarts on the same data, and detecting a record changed where it is kept.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, ok, versionPath } from '../support/api-client.js';
import { exampleVersions, type WorkedExampleJson } from '../support/examples.js';
import { readJournal, writeJournal } from '../support/journal.js';
import { removeStore, startServer, type TestServer } from '../support/server.js';
import { onPostgres, sqlOn } from '../support/store-under-test.js';

// Each test has a server of its own over the seeded examples, and records the decisions it needs.
let server: TestServer;
let dataDir: string;
beforeEach(async () => {
  server = await startServer();
  dataDir = server.where;
});
afterEach(async () => {
  await server.close();
  removeStore(dataDir);
});

const officer = () => as(server, server.tokens.officer);
const client = () => as(server, server.tokens['api-client']);

function example(scheme: string, version: string, name: string): WorkedExampleJson {
  const found = exampleVersions()
    .find((v) => v.scheme === scheme && v.version === version)
    ?.examples.find((e) => e.name === name);
  if (!found) throw new Error(`no worked example ${scheme}/${version}/${name}`);
  return found.json;
}
const upliftInForce = example('adult-ras', '2010-revised', 'older-person-uplift-in-force');
const beforeUplift = example('adult-ras', '2010-revised', 'older-person-before-uplift');
const repriced = example('adult-ras', '2010-revised', 'older-person-repriced-as-of-uplift');
const children = example('childrens-ras', '2013-revised', 'teenage-85-top-band-on-uplift-day');

async function restart(beforeStart?: () => Promise<void> | void): Promise<void> {
  await server.close();
  await beforeStart?.();
  server = await startServer({ where: dataDir });
}

const recordUpliftInForce = async () =>
  ok(await client().post('/api/decisions', { policyId: 'adult-ras', assessment: upliftInForce.assessment }), 'record a decision');

describe('recording a decision', () => {
  it('evaluates with the version in force on the assessment date and stores input, output and provenance', async () => {
    const revised = ok(await officer().get(versionPath('adult-ras', '2010-revised')));
    const res = await client().post('/api/decisions', { policyId: 'adult-ras', assessment: upliftInForce.assessment });
    expect(res.status).toBe(201);
    const decision = res.body;
    expect(res.headers.get('location')).toBe(`/api/decisions/${decision.id}`);
    expect(decision.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(decision).toMatchObject({
      createdBy: 'api-client',
      policyId: 'adult-ras',
      version: '2010-revised',
      contentHash: revised.contentHash,
      asOf: null,
      finalBudget: null,
    });
    expect(decision.assessment).toEqual(upliftInForce.assessment);
    expect(decision.result).toMatchObject({ weeklyPence: 36300, monthlyPence: 157300, annualPence: 1887600 });
    expect(decision.result.provenance).toMatchObject({ policyId: 'adult-ras', version: '2010-revised', contentHash: revised.contentHash });
    expect(decision.result.provenance.engineVersion).toEqual(expect.any(String));
  });

  it('stores the same result a direct evaluation gives', async () => {
    const decision = await recordUpliftInForce();
    const direct = ok(await client().post(`${versionPath('adult-ras', '2010-revised')}/evaluate`, upliftInForce.assessment));
    expect(decision.result).toEqual(direct);
  });

  it('can be read back whole', async () => {
    const decision = await recordUpliftInForce();
    const res = await client().get(`/api/decisions/${decision.id}`);
    expect(res.status).toBe(200);
    // As recorded, and who recorded it by name.
    expect(res.body).toEqual({ ...decision, createdByName: 'Test case system' });
  });

  it('is refused under a version other than the one in force on the assessment date: that is what-if, not a decision', async () => {
    const res = await officer().post('/api/decisions', {
      policyId: 'adult-ras',
      version: '2009-pilot',
      assessment: upliftInForce.assessment,
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: '/problems/not_in_force', errors: [{ pointer: '/version', code: 'not_in_force' }] });
    expect(ok(await officer().get('/api/decisions?policyId=adult-ras'))).toEqual([]);
  });

  it('is refused as of a date other than the assessment date, so a new scheme or an uplift cannot be brought forward or skipped', async () => {
    // Assessed on 2010-03-15, under 2009-pilot; as of 2010-04-01 it would be repriced by 2010-revised's terms.
    const assessment = beforeUplift.assessment as { assessmentDate: string };
    const res = await officer().post('/api/decisions', { policyId: 'adult-ras', asOf: repriced.asOf, assessment });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: '/problems/as_of_not_assessment_date', errors: [{ pointer: '/asOf' }] });
    // Naming the version in force and the assessment's own date is the same as naming neither.
    const named = await officer().post('/api/decisions', {
      policyId: 'adult-ras',
      version: '2009-pilot',
      asOf: assessment.assessmentDate,
      assessment,
      reason: 'Recorded late, from the paper assessment made at the time.',
    });
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ version: '2009-pilot', asOf: null });
    expect(named.body.result.asOf).toBe('2010-03-15');
  });

  it('lists decisions newest first with their amounts and flags', async () => {
    const decision = await recordUpliftInForce();
    const later = ok(await client().post('/api/decisions', { policyId: 'childrens-ras', assessment: children.assessment }));
    const list = ok(await officer().get('/api/decisions?policyId=adult-ras'));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: decision.id,
      weeklyPence: 36300,
      flags: [],
      createdBy: 'api-client',
      createdByName: 'Test case system',
    });
    expect(ok(await officer().get(`/api/decisions/${decision.id}`)).createdByName).toBe('Test case system');
    const all = ok(await officer().get('/api/decisions'));
    expect(all.map((d: { id: string }) => d.id)).toEqual([later.id, decision.id]);
    expect(list[0]).not.toHaveProperty('assessment');
    expect(list[0]).not.toHaveProperty('result');
  });

  it('lists decisions a page at a time, however many there are, with how many in all', async () => {
    const recorded: string[] = [];
    for (let i = 0; i < 5; i++)
      recorded.unshift(ok(await client().post('/api/decisions', { policyId: 'childrens-ras', assessment: children.assessment })).id);
    const first = await officer().get('/api/decisions?policyId=childrens-ras&limit=2');
    const total = Number(first.headers.get('x-total-count'));
    expect(total).toBeGreaterThanOrEqual(5);
    expect(first.body.map((d: { id: string }) => d.id)).toEqual(recorded.slice(0, 2));
    const next = ok(await officer().get('/api/decisions?policyId=childrens-ras&offset=2&limit=2'));
    expect(next.map((d: { id: string }) => d.id)).toEqual(recorded.slice(2, 4));
    const past = await officer().get(`/api/decisions?policyId=childrens-ras&offset=${total}`);
    expect(past.body).toEqual([]);
    expect(past.headers.get('x-total-count')).toBe(String(total));
    const refused = await officer().get('/api/decisions?limit=501');
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].pointer).toBe('/query/limit');
  });

  it('is refused with 422 pointing into /assessment when the assessment does not fit', async () => {
    const assessment = structuredClone(upliftInForce.assessment) as any;
    assessment.answers['pc-washing'] = 'hovering';
    const res = await client().post('/api/decisions', { policyId: 'adult-ras', assessment });
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('/problems/assessment_invalid');
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/assessment/answers/pc-washing' })]);
  });

  it('is refused with 422 pointing at /assessment/assessmentDate when no version is in force on that date', async () => {
    const res = await client().post('/api/decisions', {
      policyId: 'adult-ras',
      assessment: { ...(upliftInForce.assessment as object), assessmentDate: '2001-01-01' },
    });
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('/problems/none_in_force');
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/assessment/assessmentDate' })]);
  });

  it('is refused with 422 pointing at /assessment/assessmentDate when the assessment date is not a real date', async () => {
    const res = await client().post('/api/decisions', {
      policyId: 'adult-ras',
      assessment: { ...(upliftInForce.assessment as object), assessmentDate: '2010-02-30' },
    });
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('/problems/assessment_invalid');
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/assessment/assessmentDate' })]);
  });

  it('records nothing when refused', async () => {
    await recordUpliftInForce();
    const before = ok(await officer().get('/api/decisions')).length;
    expect(before).toBe(1);
    await client().post('/api/decisions', {
      policyId: 'adult-ras',
      assessment: { ...(upliftInForce.assessment as object), clientGroup: 'martians' },
    });
    expect(ok(await officer().get('/api/decisions')).length).toBe(before);
  });

  it('is refused with 404 for a policy that does not exist', async () => {
    const res = await client().post('/api/decisions', { policyId: 'no-such-policy', assessment: upliftInForce.assessment });
    expect(res.status).toBe(404);
  });
});

describe('replaying decisions', () => {
  let adult: any;
  let child: any;
  let recordedBody: string;

  beforeEach(async () => {
    adult = ok(await client().post('/api/decisions', { policyId: 'adult-ras', assessment: upliftInForce.assessment }));
    child = ok(await client().post('/api/decisions', { policyId: 'childrens-ras', assessment: children.assessment }));
    recordedBody = JSON.stringify(ok(await client().get(`/api/decisions/${adult.id}`)));
  });

  const replay = (id: string) => as(server, server.tokens.scrutiny).post(`/api/decisions/${id}/replay`);

  it('gives an identical result with no differences', async () => {
    const res = await replay(adult.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      decisionId: adult.id,
      identical: true,
      contentHash: adult.contentHash,
      recordedEngineVersion: adult.result.provenance.engineVersion,
      replayedEngineVersion: adult.result.provenance.engineVersion,
      differences: [],
    });
    expect(child.result).toMatchObject({ weeklyPence: children.expect.weeklyPence, monthlyPence: children.expect.monthlyPence });
    expect(ok(await replay(child.id))).toMatchObject({ identical: true, differences: [] });
  });

  it('answers 404 for a decision that does not exist', async () => {
    const res = await replay('00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('/problems/decision_not_found');
  });

  describe('after the server restarts on the same data', () => {
    beforeEach(async () => {
      await restart();
    });

    it('still holds the decision byte for byte', async () => {
      const res = await client().get(`/api/decisions/${adult.id}`);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).toBe(recordedBody);
    });

    it('still replays identically with the reloaded engine and store', async () => {
      expect(ok(await replay(adult.id))).toMatchObject({ identical: true, differences: [] });
      expect(ok(await replay(child.id))).toMatchObject({ identical: true, differences: [] });
    });

    it('evaluates afresh to byte-identical output', async () => {
      const fresh = ok(await client().post(`${versionPath('adult-ras', '2010-revised')}/evaluate`, upliftInForce.assessment));
      expect(JSON.stringify(fresh)).toBe(JSON.stringify(adult.result));
    });
  });

  describe('a decision whose stored result was changed where it is kept', () => {
    beforeEach(async () => {
      await restart(async () => {
        if (onPostgres()) {
          // As someone with write access to the database could.
          const changed = await sqlOn(
            dataDir,
            `UPDATE ras_decisions SET result = jsonb_set(result::jsonb, '{weeklyPence}', '99900')::json WHERE id = $1`,
            [adult.id],
          );
          expect(changed.rowCount).toBe(1);
          return;
        }
        // The journal line is rewritten with a correct checksum, as a careful tamperer would.
        const lines = readJournal(dataDir);
        const payload = lines.flatMap((l) => l.body.decisions ?? []).find((d) => d.id === adult.id)!;
        expect((payload.result as { weeklyPence: number }).weeklyPence).toBe(36300);
        (payload.result as { weeklyPence: number }).weeklyPence = 99900;
        writeJournal(dataDir, lines);
      });
    });

    it('replays as not identical, with the difference at /weeklyPence', async () => {
      const res = ok(await replay(adult.id));
      expect(res.identical).toBe(false);
      expect(res.differences).toEqual([{ pointer: '/weeklyPence', type: 'CHANGE', recorded: 99900, replayed: 36300 }]);
    });

    it('leaves the other decisions identical', async () => {
      expect(ok(await replay(child.id))).toMatchObject({ identical: true, differences: [] });
    });

    it('is reported by verification: the change is not the one its audit entry vouches for', async () => {
      const report = ok(await as(server, server.tokens.scrutiny).get('/api/audit/verify'));
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual(
        expect.objectContaining({ code: 'digest_mismatch', message: expect.stringContaining(`decision:${adult.id}`) }),
      );
      // The amount the decisions list shows (from the commit's summary) no longer agrees with the result either.
      expect(report.problems).toContainEqual(
        expect.objectContaining({ code: 'digest_mismatch', message: expect.stringContaining(`lists decision ${adult.id} with an amount`) }),
      );
    });
  });
});

describe('recording the final budget', () => {
  let decision: any;
  const reason = 'Support plan agreed at £380 a week: two extra hours of sitting service for the carer.';
  const asRead = () => ({ 'if-match': `"${decision.revision}"` });
  const recordFinalBudget = async () =>
    ok(await officer().put(`/api/decisions/${decision.id}/final-budget`, { weeklyPence: 38000, reason }, asRead()));

  beforeEach(async () => {
    decision = await recordUpliftInForce();
  });

  it('records the agreed weekly budget, the reason and who recorded it, over the decision as read (If-Match)', async () => {
    const read = await client().get(`/api/decisions/${decision.id}`);
    expect(read.headers.get('etag')).toBe(`"${decision.revision}"`);
    const res = await officer().put(
      `/api/decisions/${decision.id}/final-budget`,
      { weeklyPence: 38000, reason },
      { 'if-match': read.headers.get('etag')! },
    );
    expect(res.status).toBe(200);
    expect(res.body.revision).toBeGreaterThan(decision.revision);
    expect(res.headers.get('etag')).toBe(`"${res.body.revision}"`);
    expect(res.body.finalBudget).toMatchObject({ weeklyPence: 38000, reason, recordedBy: 'officer' });
    expect(Date.parse(res.body.finalBudget.recordedAt)).not.toBeNaN();
    const stored = ok(await client().get(`/api/decisions/${decision.id}`));
    expect(stored.finalBudget).toEqual(res.body.finalBudget);
  });

  it('leaves the indicative result as it was, so the decision still replays identically', async () => {
    await recordFinalBudget();
    const stored = ok(await client().get(`/api/decisions/${decision.id}`));
    expect(stored.result).toEqual(decision.result);
    expect(stored.assessment).toEqual(decision.assessment);
    expect(ok(await officer().post(`/api/decisions/${decision.id}/replay`))).toMatchObject({ identical: true });
  });

  it('is audited with the agreed and indicative amounts', async () => {
    await recordFinalBudget();
    const entries = ok(await as(server, server.tokens.scrutiny).get(`/api/audit?target=${encodeURIComponent(`decision:${decision.id}`)}`));
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['decision.record', 'decision.final-budget']);
    expect(entries[1]).toMatchObject({ actor: 'officer', details: { weeklyPence: 38000, indicativeWeeklyPence: 36300 } });
  });

  it('needs If-Match: without it 428, and a second budget from the same read is refused with 412', async () => {
    const bare = await officer().put(`/api/decisions/${decision.id}/final-budget`, { weeklyPence: 38000, reason });
    expect(bare.status).toBe(428);
    expect(bare.body.type).toBe('/problems/if_match_required');
    // Two people record a budget from the same read at once: exactly one is kept.
    const [first, second] = await Promise.all([
      officer().put(`/api/decisions/${decision.id}/final-budget`, { weeklyPence: 38000, reason }, asRead()),
      client().put(`/api/decisions/${decision.id}/final-budget`, { weeklyPence: 41000, reason: 'Another plan was agreed.' }, asRead()),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 412]);
    const kept = first.status === 200 ? first.body.finalBudget : second.body.finalBudget;
    expect(ok(await client().get(`/api/decisions/${decision.id}`)).finalBudget).toEqual(kept);
    const entries = ok(await as(server, server.tokens.scrutiny).get(`/api/audit?target=${encodeURIComponent(`decision:${decision.id}`)}`));
    expect(entries.filter((e: { action: string }) => e.action === 'decision.final-budget')).toHaveLength(1);
  });

  it('needs a reason and a whole number of pence', async () => {
    await recordFinalBudget();
    const noReason = await officer().put(`/api/decisions/${decision.id}/final-budget`, { weeklyPence: 38000 }, asRead());
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/reason');
    const fraction = await officer().put(
      `/api/decisions/${decision.id}/final-budget`,
      { weeklyPence: 380.5, reason: 'part pence' },
      asRead(),
    );
    expect(fraction.status).toBe(422);
    expect(fraction.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/weeklyPence');
    expect(ok(await client().get(`/api/decisions/${decision.id}`)).finalBudget.weeklyPence).toBe(38000);
  });

  it('answers 404 for a decision that does not exist', async () => {
    const res = await officer().put(
      '/api/decisions/00000000-0000-4000-8000-000000000000/final-budget',
      { weeklyPence: 1, reason: 'Agreed at support planning.' },
      { 'if-match': '"1"' },
    );
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('/problems/decision_not_found');
  });
});
