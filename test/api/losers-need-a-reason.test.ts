/**
 * Losers need a reason: when a policy has a reference cohort, a version is compared before it is
 * ratified with the version in force on its effective date, over that cohort. If any client group or
 * age band has people worse off, the ratification must carry an equality impact note; the record
 * keeps the comparison either way.
 *
 * The reference cohort (all other answers worth 0 points):
 *   OP-1 older-people 75-84 washing some-help (10)      OP-2 older-people 65-74 washing some-help (10) + physical health some-help (8, × 1.5)
 *   LD-1 learning-disability 18-64 washing some-help    MH-1 mental-health 18-64 no needs    PD-1 physical-disability 18-64 washing prompting (5)
 *
 * 2010-revised (in force from 2010-04-01): 502p a point (learning disability 545p), +2.5% uplift rounded
 * up, then up to the pound, 52 weeks a year:
 *   OP-1 5020 + 126 = 5146 → 5200 → 270,400    OP-2 11044 + 277 → 11400 → 592,800    LD-1 5450 + 137 → 5600 → 291,200
 *   MH-1 0                                      PD-1 2510 + 63 = 2573 → 2600 → 135,200       total 1,289,600
 * The same at 490p a point (learning disability unchanged):
 *   OP-1 4900 + 123 = 5023 → 5100 → 265,200 (−5,200)    OP-2 22 × 490 = 10780 + 270 = 11050 → 11100 → 577,200 (−15,600)
 *   LD-1 291,200 (0)    MH-1 0    PD-1 2450 + 62 = 2512 → 2600 → 135,200 (0)        total 1,268,800 (−20,800)
 * and at 510p a point:
 *   OP-1 5100 + 128 = 5228 → 5300 → 275,600 (+5,200)    OP-2 11220 + 281 = 11501 → 11600 → 603,200 (+10,400)
 *   LD-1 (0)    MH-1 0    PD-1 2550 + 64 = 2614 → 2700 → 140,400 (+5,200)            total 1,310,400 (+20,800)
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adult, cohortDocument, NO_NEEDS } from '../support/adult-cohort.js';
import {
  as,
  cloneVersion,
  editDocument,
  NO_REFERENCE_COHORT,
  ok,
  ratificationFor,
  ratify as ratifyAsReviewed,
  replaceExamples,
  versionPath,
} from '../support/api-client.js';
import { startServer, type JsonResponse, type TestServer } from '../support/server.js';

const REFERENCE_PEOPLE = [
  adult('OP-1', 'older-people', '75-84', { 'pc-washing': 'some-help' }),
  adult('OP-2', 'older-people', '65-74', { 'pc-washing': 'some-help', 'he-physical': 'some-help' }),
  adult('LD-1', 'learning-disability', '18-64', { 'pc-washing': 'some-help' }),
  adult('MH-1', 'mental-health', '18-64'),
  adult('PD-1', 'physical-disability', '18-64', { 'pc-washing': 'prompting' }),
];

/**
 * A worked example for a copy of 2010-revised at a given price: an older person needing some help
 * washing (10 points) assessed on 2011-06-01, so the 2.5% uplift applies (rounded up), then up to the pound.
 */
const EXAMPLE_WEEKLY: Record<number, number> = {
  480: 5_000, // 4800 + 120 = 4920 → 5000
  490: 5_100, // 4900 + 122.5 → 123 = 5023 → 5100
  510: 5_300, // 5100 + 127.5 → 128 = 5228 → 5300
};

const NOTE = 'Older people lose £52 and £156 a year; transitional protection for a year mitigates this (report EIA/2011/4).';

/** A server of its own for each test, over the seeded examples. */
function useServer(): () => TestServer {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server?.close();
    if (server) server.remove();
  });
  return () => server;
}

async function storeCohort(server: TestServer): Promise<string> {
  return ok(await as(server, server.tokens.scrutiny).post('/api/cohorts', cohortDocument('Reference cohort', REFERENCE_PEOPLE)), 'cohort')
    .id;
}

function chooseReference(server: TestServer, token: string, cohortId: string | null): Promise<JsonResponse> {
  return as(server, token).put('/api/policies/adult-ras/reference-cohort', { cohortId });
}

/** A copy of 2010-revised with the standard price changed, with a worked example that passes, submitted by an officer. */
async function submitAtPrice(server: TestServer, version: string, pencePerPoint: number): Promise<void> {
  const officer = server.tokens.officer;
  await cloneVersion(server, officer, 'adult-ras', '2010-revised', version);
  await editDocument(server, officer, 'adult-ras', version, (d) => {
    d.pricing.default.pencePerPoint = pencePerPoint;
  });
  await replaceExamples(server, officer, 'adult-ras', version, [
    {
      name: `Older person needing some help washing, at ${pencePerPoint}p a point`,
      assessment: {
        reference: 'EX-1',
        assessmentDate: '2011-06-01',
        age: 80,
        clientGroup: 'older-people',
        questionnaire: 'adult-sdaq',
        answers: { ...NO_NEEDS, 'pc-washing': 'some-help' },
      },
      expect: { totalPoints: 10, weeklyPence: EXAMPLE_WEEKLY[pencePerPoint] },
    },
  ]);
  ok(await as(server, officer).post(`${versionPath('adult-ras', version)}/submit`), `submit ${version}`);
}

/** Ratifies as reviewed; a version compared over a reference cohort needs no waiver, so none is sent unless given. */
function ratify(
  server: TestServer,
  version: string,
  effectiveFrom: string,
  equalityImpact?: string,
  comparisonWaiver?: string,
): Promise<JsonResponse> {
  return ratifyAsReviewed(
    server,
    server.tokens.ratifier,
    'adult-ras',
    version,
    ratificationFor(effectiveFrom, { equalityImpact, comparisonWaiver }),
  );
}

describe('a policy with a reference cohort: a price cut', () => {
  const server = useServer();
  let cohortId: string;

  beforeEach(async () => {
    cohortId = await storeCohort(server());
    ok(await chooseReference(server(), server().tokens.scrutiny, cohortId), 'reference cohort');
  });

  it('the reference cohort is chosen by a policy officer, scrutiny or a ratifier (not an administrator), and shows on the policy', async () => {
    const chosen = await chooseReference(server(), server().tokens.ratifier, cohortId);
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ id: 'adult-ras', referenceCohortId: cohortId });
    expect((await chooseReference(server(), server().tokens.officer, cohortId)).status).toBe(200);
    expect((await chooseReference(server(), server().tokens.admin, null)).status).toBe(403);
    expect(ok(await as(server(), server().tokens.officer).get('/api/policies/adult-ras')).referenceCohortId).toBe(cohortId);
  });

  it('is not ratified without an equality impact note, and the refusal names the groups worse off', async () => {
    await submitAtPrice(server(), 'cut-2011', 490);
    const res = await ratify(server(), 'cut-2011', '2011-04-01');
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('/problems/equality_impact_required');
    expect(res.body.detail).toMatch(/^Compared with 2010-revised over the reference cohort/);
    // Older people: both worse off; each of their age bands: its one person. 18-64 (LD-1, MH-1, PD-1) loses nothing.
    expect(res.body.errors).toEqual([
      {
        pointer: '/equalityImpact',
        code: 'equality_impact_required',
        message: 'some groups are worse off: Older people: 2 of 2 worse off; aged 65-74: 1 of 1 worse off; aged 75-84: 1 of 1 worse off',
      },
    ]);
    // An empty note is no note.
    const empty = await ratify(server(), 'cut-2011', '2011-04-01', '');
    expect(empty.status).toBe(422);
    expect(empty.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/equalityImpact']);
    // Still submitted, still not in force.
    expect(ok(await as(server(), server().tokens.ratifier).get(versionPath('adult-ras', 'cut-2011'))).status).toBe('submitted');
    expect(ok(await as(server(), server().tokens.officer).get('/api/policies/adult-ras/in-force?asOf=2011-06-01')).version).toBe(
      '2010-revised',
    );
  });

  it('with a note it is ratified, and the record keeps the note and the comparison with the version in force', async () => {
    await submitAtPrice(server(), 'cut-2011b', 490);
    const res = await ratify(server(), 'cut-2011b', '2011-04-01', NOTE);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { ratification } = res.body;
    expect(ratification.equalityImpact).toBe(NOTE);
    expect(ratification.comparison).toMatchObject({
      cohortId,
      against: '2010-revised',
      asOf: '2011-04-01',
      people: 5,
      excluded: 0,
      overall: {
        people: 5,
        gainers: 0,
        losers: 2,
        unchanged: 3,
        totalBasePence: 1_289_600,
        totalCandidatePence: 1_268_800,
        totalChangePence: -20_800,
        meanChangePence: -4_160,
      },
      byClientGroup: {
        'older-people': { people: 2, losers: 2, totalChangePence: -20_800 },
        'learning-disability': { people: 1, losers: 0, unchanged: 1, totalChangePence: 0 },
        'physical-disability': { people: 1, losers: 0, unchanged: 1, totalChangePence: 0 },
      },
      byAgeBand: { '18-64': { people: 3, losers: 0, totalChangePence: 0 } },
    });
    expect(ratification.comparison.worseOff).toEqual([
      { dimension: 'clientGroup', group: 'older-people', losers: 2, lostAmount: 0, people: 2, totalChangePence: -20_800 },
      { dimension: 'ageBand', group: '65-74', losers: 1, lostAmount: 0, people: 1, totalChangePence: -15_600 },
      { dimension: 'ageBand', group: '75-84', losers: 1, lostAmount: 0, people: 1, totalChangePence: -5_200 },
    ]);
    // The record as stored, and the audit entry, say the same.
    const stored = ok(await as(server(), server().tokens.scrutiny).get(versionPath('adult-ras', 'cut-2011b')));
    expect(stored.ratification).toEqual(ratification);
    const audit = ok(
      await as(server(), server().tokens.scrutiny).get('/api/audit?action=version.ratify&target=version:adult-ras/cut-2011b'),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ equalityImpact: NOTE, worseOff: ratification.comparison.worseOff });
    expect(ok(await as(server(), server().tokens.officer).get('/api/policies/adult-ras/in-force?asOf=2011-06-01')).version).toBe(
      'cut-2011b',
    );
  });
});

describe('a policy with a reference cohort: a price rise', () => {
  const server = useServer();
  let cohortId: string;

  beforeEach(async () => {
    cohortId = await storeCohort(server());
    ok(await chooseReference(server(), server().tokens.ratifier, cohortId), 'reference cohort');
  });

  it('leaves nobody worse off, so it is ratified without a note, and the record still keeps the comparison', async () => {
    await submitAtPrice(server(), 'rise-2011', 510);
    const res = await ratify(server(), 'rise-2011', '2011-04-01');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ratification).not.toHaveProperty('equalityImpact');
    expect(res.body.ratification.comparison).toMatchObject({
      cohortId,
      against: '2010-revised',
      asOf: '2011-04-01',
      people: 5,
      // +5,200 + 10,400 + 0 + 0 + 5,200 = +20,800.
      overall: { gainers: 3, losers: 0, unchanged: 2, totalBasePence: 1_289_600, totalCandidatePence: 1_310_400, totalChangePence: 20_800 },
      worseOff: [],
    });
  });

  it('is compared with whichever version is in force on its own effective date', async () => {
    // On 2010-01-01 the 2009 pilot was in force: 510p with the 2010 weights gives everyone at least as much as 488p
    // (OP-1 5100 vs 4900, OP-2 22 × 510 = 11220 → 11300 vs 8800, LD-1 5450 → 5500 vs 5300, PD-1 2550 → 2600 vs 2500; no uplift yet).
    await submitAtPrice(server(), 'rise-2010', 510);
    const res = await ratify(server(), 'rise-2010', '2010-01-01');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ratification.comparison).toMatchObject({
      against: '2009-pilot',
      asOf: '2010-01-01',
      // (5100 − 4900 + 11300 − 8800 + 5500 − 5300 + 0 + 2600 − 2500) × 52 = 3000 × 52 = 156,000.
      overall: { gainers: 4, losers: 0, unchanged: 1, totalChangePence: 156_000 },
      worseOff: [],
    });
  });
});

describe('a policy with no reference cohort', () => {
  const server = useServer();

  it('ratifies a cut without a note only with a waiver saying why there is no comparison, and records that there was none', async () => {
    await submitAtPrice(server(), 'cut-2011', 490);
    const unexplained = await ratify(server(), 'cut-2011', '2011-04-01');
    expect(unexplained.status).toBe(422);
    expect(unexplained.body.type).toBe('/problems/comparison_waiver_required');
    expect(unexplained.body.detail).toContain('the scheme has no reference cohort');
    const res = await ratify(server(), 'cut-2011', '2011-04-01', undefined, NO_REFERENCE_COHORT);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ratification.comparison).toBeNull();
    expect(res.body.ratification.comparisonWaiver).toBe(NO_REFERENCE_COHORT);
    expect(res.body.ratification).not.toHaveProperty('equalityImpact');
  });

  it('nor once its reference cohort is cleared before anything is submitted (a reference cohort in use cannot be deleted)', async () => {
    const cohortId = await storeCohort(server());
    ok(await chooseReference(server(), server().tokens.scrutiny, cohortId), 'reference cohort');
    const deleted = await as(server(), server().tokens.officer).del(`/api/cohorts/${cohortId}`);
    expect(deleted.status).toBe(409);
    expect(deleted.body.type).toBe('/problems/cohort_in_use');
    const cleared = await chooseReference(server(), server().tokens.ratifier, null);
    expect(cleared.status).toBe(200);
    expect(cleared.body.referenceCohortId).toBeNull();
    expect((await as(server(), server().tokens.officer).del(`/api/cohorts/${cohortId}`)).status).toBe(204);

    // 480p is a cut against 2010-revised at 502p; with no reference cohort it needs only the waiver.
    await submitAtPrice(server(), 'cut-2012', 480);
    const res = await ratify(server(), 'cut-2012', '2012-04-01', undefined, NO_REFERENCE_COHORT);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ratification.comparison).toBeNull();
  });

  it('once a version is submitted, its reference cohort stays until the version is ratified or returned', async () => {
    const cohortId = await storeCohort(server());
    ok(await chooseReference(server(), server().tokens.scrutiny, cohortId), 'reference cohort');
    await submitAtPrice(server(), 'cut-2011', 490);
    const cleared = await chooseReference(server(), server().tokens.ratifier, null);
    expect(cleared.status).toBe(409);
    expect(cleared.body.type).toBe('/problems/reference_cohort_locked');
    const refused = await ratify(server(), 'cut-2011', '2011-04-01');
    expect(refused.body.type).toBe('/problems/equality_impact_required');
  });

  it('while a version is submitted without a reference cohort, none can be chosen, and the refusal says so once', async () => {
    const cohortId = await storeCohort(server());
    await submitAtPrice(server(), 'cut-2011', 490);
    const chosen = await chooseReference(server(), server().tokens.scrutiny, cohortId);
    expect(chosen.status).toBe(409);
    expect(chosen.body.type).toBe('/problems/reference_cohort_locked');
    expect(chosen.body.detail).toBe(
      'Version cut-2011 is submitted without a reference cohort, which cannot be chosen until then; return it to draft before changing it.',
    );
    expect(chosen.body.errors ?? []).toEqual([]);
  });
});
