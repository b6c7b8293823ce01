/**
 * Scrutiny over HTTP: a cohort of five people is imported (as CSV and as JSON) and the seeded adult
 * scheme's versions are compared over it. Every figure below is worked out by hand from the policies.
 *
 * The people (all other answers are the 0-point ones; see support/adult-cohort.ts):
 *   OP-1  older-people         75-84  washing some-help (10)                      current cost £2,500.00
 *   OP-2  older-people         65-74  washing some-help (10), physical health some-help (8, health)
 *   LD-1  learning-disability  18-64  washing some-help (10)
 *   MH-1  mental-health        18-64  no needs (0)
 *   PD-1  physical-disability  18-64  washing prompting (5)
 *
 * Weekly amounts, rounded up to the pound (both versions round up, pricing included); a year is 52 weeks.
 *   2009-pilot (488p a point, learning disability 530p, health weight 1, no uplift):
 *     OP-1 10 × 488 = 4880 → 4900 → £2,548.00 a year      OP-2 18 × 488 = 8784 → 8800 → £4,576.00
 *     LD-1 10 × 530 = 5300 → 5300 → £2,756.00              MH-1 0                 PD-1 5 × 488 = 2440 → 2500 → £1,300.00
 *     total 254,800 + 457,600 + 275,600 + 0 + 130,000 = 1,118,000p
 *   2010-revised (502p, learning disability 545p, health weight 1.5, +2.5% uplift from 2010-04-01, rounded up):
 *     OP-1 10 × 502 = 5020, + 125.5 → 126 = 5146 → 5200 → 270,400       (+15,600)
 *     OP-2 (10 + 8 × 1.5) = 22 × 502 = 11044, + 276.1 → 277 = 11321 → 11400 → 592,800   (+135,200)
 *     LD-1 10 × 545 = 5450, + 136.25 → 137 = 5587 → 5600 → 291,200      (+15,600)
 *     MH-1 0                                                            (0)
 *     PD-1 5 × 502 = 2510, + 62.75 → 63 = 2573 → 2600 → 135,200         (+5,200)
 *     total 1,289,600p, a change of +171,600p
 *   flat-500 (a draft copy of 2009-pilot whose only change is both prices set to 500p a point):
 *     OP-1 5000 → 260,000 (+5,200)   OP-2 9000 → 468,000 (+10,400)   LD-1 5000 → 260,000 (−15,600)
 *     MH-1 0 (0)                     PD-1 2500 → 2500 → 130,000 (0: rounding up to the pound hides the rise)
 *     total 1,118,000p: cost-neutral, and still one person loses £156 a year.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CohortPerson } from '../../engine/index.js';
import { adult, cohortCsv, cohortDocument, parseCsv } from '../support/adult-cohort.js';
import { as, cloneVersion, editDocument, ok, type Caller } from '../support/api-client.js';
import { startServer, type JsonResponse, type TestServer } from '../support/server.js';

const PEOPLE: CohortPerson[] = [
  adult('OP-1', 'older-people', '75-84', { 'pc-washing': 'some-help' }, { currentAnnualCostPence: 250_000 }),
  adult('OP-2', 'older-people', '65-74', { 'pc-washing': 'some-help', 'he-physical': 'some-help' }),
  adult('LD-1', 'learning-disability', '18-64', { 'pc-washing': 'some-help' }),
  adult('MH-1', 'mental-health', '18-64'),
  adult('PD-1', 'physical-disability', '18-64', { 'pc-washing': 'prompting' }),
];

const ANNUAL = {
  '2009-pilot': { 'OP-1': 254_800, 'OP-2': 457_600, 'LD-1': 275_600, 'MH-1': 0, 'PD-1': 130_000 },
  '2010-revised': { 'OP-1': 270_400, 'OP-2': 592_800, 'LD-1': 291_200, 'MH-1': 0, 'PD-1': 135_200 },
  'flat-500': { 'OP-1': 260_000, 'OP-2': 468_000, 'LD-1': 260_000, 'MH-1': 0, 'PD-1': 130_000 },
} as const;

let server: TestServer;
let scrutiny: Caller;
let csvCohortId: string;

beforeAll(async () => {
  server = await startServer();
  scrutiny = as(server, server.tokens.scrutiny);
  await cloneVersion(server, server.tokens.officer, 'adult-ras', '2009-pilot', 'flat-500');
  await editDocument(server, server.tokens.officer, 'adult-ras', 'flat-500', (d) => {
    d.pricing.default.pencePerPoint = 500;
    d.pricing.byClientGroup['learning-disability'].pencePerPoint = 500;
  });
  csvCohortId = ok(await uploadCsv(cohortCsv(PEOPLE), 'Five people (CSV)'), 'CSV upload').id;
});

afterAll(async () => {
  await server?.close();
  if (server) server.remove();
});

function uploadCsv(text: string, name: string, policyId = 'adult-ras'): Promise<JsonResponse> {
  return scrutiny.post(`/api/cohorts?name=${encodeURIComponent(name)}&policyId=${policyId}`, text, { 'content-type': 'text/csv' });
}

/** Starts a comparison and polls it until it is no longer running; returns every view seen. */
async function compareAndPoll(body: Record<string, unknown>): Promise<JsonResponse[]> {
  const started = await scrutiny.post('/api/comparisons', { ...body, wait: false });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const views = [started];
  while (views.at(-1)!.body.status === 'running') {
    await new Promise((resolve) => setImmediate(resolve));
    views.push(await scrutiny.get(`/api/comparisons/${started.body.id}`));
  }
  return views;
}

async function compareAndWait(body: Record<string, unknown>): Promise<any> {
  const res = await scrutiny.post('/api/comparisons', { ...body, wait: true });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const pounds = (pence: number) => (pence / 100).toFixed(2);

describe('importing a cohort', () => {
  it('a CSV export is stored with its make-up: client groups, age bands, and who has a current cost', async () => {
    const record = ok(await scrutiny.get(`/api/cohorts/${csvCohortId}`));
    expect(record).toMatchObject({
      id: csvCohortId,
      name: 'Five people (CSV)',
      policyId: 'adult-ras',
      source: 'csv',
      people: 5,
      withCurrentCost: 1,
      createdBy: 'scrutiny',
      byClientGroup: { 'learning-disability': 1, 'mental-health': 1, 'older-people': 2, 'physical-disability': 1 },
      byAgeBand: { '18-64': 3, '65-74': 1, '75-84': 1 },
    });
    expect(ok(await scrutiny.get('/api/cohorts')).map((c: { id: string }) => c.id)).toContain(csvCohortId);
  });

  it('the same people as a JSON cohort document compare exactly as the CSV does', async () => {
    const stored = await scrutiny.post('/api/cohorts', cohortDocument('Five people (JSON)', PEOPLE));
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    expect(stored.body).toMatchObject({ source: 'json', people: 5, withCurrentCost: 1, byAgeBand: { '18-64': 3, '65-74': 1, '75-84': 1 } });
    const request = { policyId: 'adult-ras', versions: ['2009-pilot', '2010-revised', 'flat-500'], asOf: '2010-06-01' };
    const fromCsv = await compareAndWait({ ...request, cohortId: csvCohortId });
    const fromJson = await compareAndWait({ ...request, cohortId: stored.body.id });
    expect(fromJson.result).toEqual(fromCsv.result);
    expect(fromJson.result.versions[0].summary.totalPence).toBe(1_118_000);
  });
});

describe('comparing 2009-pilot, 2010-revised and flat-500 over the five people', () => {
  let job: any;
  let views: JsonResponse[];

  beforeAll(async () => {
    views = await compareAndPoll({
      policyId: 'adult-ras',
      versions: ['2009-pilot', '2010-revised', 'flat-500'],
      cohortId: csvCohortId,
      asOf: '2010-06-01',
      attribution: true,
    });
    job = views.at(-1)!.body;
  });

  it('runs as a job that reports its progress until it is done', () => {
    expect(views[0]!.status).toBe(202);
    expect(views[0]!.headers.get('location')).toBe(`/api/comparisons/${job.id}`);
    expect(views[0]!.body).toMatchObject({ status: 'running', progress: { done: 0, total: 5 } });
    for (const view of views.slice(1, -1)) expect(view.body.status).toBe('running');
    expect(job).toMatchObject({
      status: 'done',
      progress: { done: 5, total: 5 },
      policyId: 'adult-ras',
      versions: ['2009-pilot', '2010-revised', 'flat-500'],
      cohortId: csvCohortId,
      asOf: '2010-06-01',
      materiality: {},
      links: {
        self: `/api/comparisons/${job.id}`,
        csv: `/api/comparisons/${job.id}/people.csv`,
        json: `/api/comparisons/${job.id}/people.json`,
      },
    });
    expect(job.result).toMatchObject({ asOf: '2010-06-01', cohortSize: 5, evaluated: 5, excluded: { count: 0, examples: [] } });
  });

  it("gives each version's total, mean, median, 90th percentile and maximum", () => {
    const [pilot, revised, flat] = job.result.versions;
    // Sorted 2009 amounts: 0, 130,000, 254,800, 275,600, 457,600. Mean 1,118,000 / 5 = 223,600; median is the 3rd; p90 the 5th (⌈4.5⌉).
    expect(pilot).toMatchObject({
      version: '2009-pilot',
      summary: { people: 5, totalPence: 1_118_000, meanPence: 223_600, medianPence: 254_800, p90Pence: 457_600, maxPence: 457_600 },
    });
    // Sorted 2010 amounts: 0, 135,200, 270,400, 291,200, 592,800; mean 1,289,600 / 5 = 257,920.
    expect(revised).toMatchObject({
      version: '2010-revised',
      summary: { people: 5, totalPence: 1_289_600, meanPence: 257_920, medianPence: 270_400, p90Pence: 592_800, maxPence: 592_800 },
    });
    expect(flat).toMatchObject({ version: 'flat-500', summary: { totalPence: 1_118_000, medianPence: 260_000, maxPence: 468_000 } });
    // By client group: older people 254,800 + 457,600 = 712,400 under 2009-pilot.
    expect(pilot.byClientGroup['older-people']).toMatchObject({ people: 2, totalPence: 712_400, meanPence: 356_200 });
    expect(pilot.byAgeBand['18-64']).toMatchObject({ people: 3, totalPence: 405_600, meanPence: 135_200 });
    // Against the one known current cost (OP-1, £2,500.00): 254,800 − 250,000 = +4,800 under 2009-pilot, +10,000 under flat-500.
    expect(pilot.currentCost).toEqual({
      people: 1,
      meanDifferencePence: 4_800,
      medianDifferencePence: 4_800,
      above: 1,
      below: 0,
      equal: 0,
    });
    expect(flat.currentCost).toMatchObject({ people: 1, meanDifferencePence: 10_000, above: 1 });
    // Histogram of 2009 amounts: range 457,600 / 20 bins = 22,880 → a round width of £500; 10 bins from 0.
    expect(pilot.histogram.binWidthPence).toBe(50_000);
    expect(pilot.histogram.bins).toHaveLength(10);
    expect(pilot.histogram.bins.map((b: { count: number }) => b.count)).toEqual([1, 0, 1, 0, 0, 2, 0, 0, 0, 1]);
  });

  it('2010-revised: four gain, nobody loses, the person with no needs is unchanged', () => {
    const pair = job.result.pairs[0];
    expect(pair).toMatchObject({ base: '2009-pilot', candidate: '2010-revised' });
    // +15,600 + 135,200 + 15,600 + 0 + 5,200 = +171,600; a mean of 34,320 each.
    expect(pair.overall).toEqual({
      people: 5,
      gainers: 4,
      losers: 0,
      unchanged: 1,
      gainersShare: 0.8,
      losersShare: 0,
      unchangedShare: 0.2,
      totalBasePence: 1_118_000,
      totalCandidatePence: 1_289_600,
      totalChangePence: 171_600,
      meanChangePence: 34_320,
    });
    expect(pair.byClientGroup['older-people']).toMatchObject({
      people: 2,
      gainers: 2,
      totalBasePence: 712_400,
      totalCandidatePence: 863_200,
      totalChangePence: 150_800,
      meanChangePence: 75_400,
    });
    expect(pair.byClientGroup['mental-health']).toMatchObject({ people: 1, gainers: 0, losers: 0, unchanged: 1, totalChangePence: 0 });
    // 18-64: LD-1 +15,600, MH-1 0, PD-1 +5,200 = +20,800; mean 20,800 / 3 = 6,933.3 → 6,933.
    expect(pair.byAgeBand['18-64']).toMatchObject({
      people: 3,
      gainers: 2,
      unchanged: 1,
      totalChangePence: 20_800,
      meanChangePence: 6_933,
    });
    expect(pair.largestLosses).toEqual([]);
    expect(pair.largestGains.map((p: { ref: string; changePence: number }) => [p.ref, p.changePence]))
      // LD-1 and OP-1 both gain 15,600: equal gains in order of reference.
      .toEqual([
        ['OP-2', 135_200],
        ['LD-1', 15_600],
        ['OP-1', 15_600],
        ['PD-1', 5_200],
      ]);
    expect(
      pair.policyChanges.map((c: { area: string; path: string; before: unknown; after: unknown }) => [c.area, c.path, c.before, c.after]),
    ).toEqual(
      expect.arrayContaining([
        ['weights', '/domains/2/weight', 1, 1.5],
        ['pricing', '/pricing/default/pencePerPoint', 488, 502],
        ['pricing', '/pricing/byClientGroup/learning-disability/pencePerPoint', 530, 545],
        ['carer', '/carerAdjustment/reductions/substantial/moderate', 15, 12.5],
      ]),
    );
  });

  it('flat-500: cost-neutral overall, yet the learning disability client group loses', () => {
    const pair = job.result.pairs[1];
    expect(pair).toMatchObject({ base: '2009-pilot', candidate: 'flat-500' });
    // +5,200 + 10,400 − 15,600 + 0 + 0 = 0.
    expect(pair.overall).toEqual({
      people: 5,
      gainers: 2,
      losers: 1,
      unchanged: 2,
      gainersShare: 0.4,
      losersShare: 0.2,
      unchangedShare: 0.4,
      totalBasePence: 1_118_000,
      totalCandidatePence: 1_118_000,
      totalChangePence: 0,
      meanChangePence: 0,
    });
    expect(pair.byClientGroup).toEqual({
      'learning-disability': expect.objectContaining({ people: 1, losers: 1, totalChangePence: -15_600 }),
      'mental-health': expect.objectContaining({ people: 1, unchanged: 1, totalChangePence: 0 }),
      'older-people': expect.objectContaining({ people: 2, gainers: 2, totalChangePence: 15_600, meanChangePence: 7_800 }),
      'physical-disability': expect.objectContaining({ people: 1, unchanged: 1, totalChangePence: 0 }),
    });
    expect(pair.byAgeBand).toEqual({
      '18-64': expect.objectContaining({
        people: 3,
        gainers: 0,
        losers: 1,
        unchanged: 2,
        totalChangePence: -15_600,
        meanChangePence: -5_200,
      }),
      '65-74': expect.objectContaining({ people: 1, gainers: 1, totalChangePence: 10_400 }),
      '75-84': expect.objectContaining({ people: 1, gainers: 1, totalChangePence: 5_200 }),
    });
    expect(pair.largestLosses).toEqual([
      {
        ref: 'LD-1',
        clientGroup: 'learning-disability',
        ageBand: '18-64',
        basePence: 275_600,
        candidatePence: 260_000,
        changePence: -15_600,
      },
    ]);
    expect(pair.largestGains.map((p: { ref: string; changePence: number }) => [p.ref, p.changePence])).toEqual([
      ['OP-2', 10_400],
      ['OP-1', 5_200],
    ]);
    expect(
      pair.policyChanges.map((c: { area: string; path: string; before: unknown; after: unknown }) => [c.area, c.path, c.before, c.after]),
    ).toEqual([
      ['pricing', '/pricing/default/pencePerPoint', 488, 500],
      ['pricing', '/pricing/byClientGroup/learning-disability/pencePerPoint', 530, 500],
    ]);
    // Changes −15,600, 0, 0, 5,200, 10,400: range 26,000 / 20 = 1,300 → a £20 width; bins from −16,000 to 12,000.
    expect(pair.changeHistogram.binWidthPence).toBe(2_000);
    expect(pair.changeHistogram.bins[0]).toEqual({ fromPence: -16_000, toPence: -14_000, count: 1 });
    expect(pair.changeHistogram.bins).toHaveLength(14);
    expect(pair.changeHistogram.bins[8]).toEqual({ fromPence: 0, toPence: 2_000, count: 2 });
    expect(pair.changeHistogram.bins.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(5);
  });

  it('attributes each change to the parts of the policy that changed, in a stated order', () => {
    const [revised, flat] = job.result.attribution;
    expect(flat.base).toBe('2009-pilot');
    expect(flat.candidate).toBe('flat-500');
    // Standard table first (OP-1 +£1, OP-2 +£2, PD-1 £0 a week), then the learning disability table (LD-1 −£3 a week).
    expect(flat.steps.map((s: any) => [s.id, s.label, s.totalWeeklyChangePence, s.totalAnnualChangePence, s.peopleAffected])).toEqual([
      ['pricing:default', 'Standard allocation table', 300, 15_600, 2],
      ['pricing:learning-disability', 'Allocation table for Adults with a learning disability', -300, -15_600, 1],
    ]);
    expect(flat.steps[0].changes.map((c: { path: string }) => c.path)).toEqual(['/pricing/default/pencePerPoint']);
    // 2010-revised, applied one part at a time (weekly amounts rounded up to the pound at every step):
    //   weights: OP-2 22 × 488 = 10736 → 10800, +£20 a week = +104,000
    //   standard table at 502p: OP-1 5020 → 5100 (+10,400), OP-2 11044 → 11100 (+15,600), PD-1 2510 → 2600 (+5,200) = +31,200
    //   learning disability table at 545p: LD-1 5450 → 5500, +10,400
    //   carer table: nobody here has a carer, 0
    //   uplift: OP-1 5200 (+5,200), OP-2 11400 (+15,600), LD-1 5600 (+5,200), PD-1 2600 (0) = +26,000
    expect(revised.candidate).toBe('2010-revised');
    expect(revised.steps.map((s: any) => [s.id, s.totalAnnualChangePence, s.peopleAffected])).toEqual([
      ['weights', 104_000, 1],
      ['pricing:default', 31_200, 3],
      ['pricing:learning-disability', 10_400, 1],
      ['carer', 0, 0],
      ['uplifts', 26_000, 3],
    ]);
    // The parts add up to the whole change: 104,000 + 31,200 + 10,400 + 0 + 26,000 = 171,600.
    expect(revised.steps.reduce((sum: number, s: any) => sum + s.totalAnnualChangePence, 0)).toBe(
      job.result.pairs[0].overall.totalChangePence,
    );
  });

  it('exports one CSV row per person, in pounds, whose changes sum to the reported totals', async () => {
    const res = await scrutiny.get(job.links.csv);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(res.body as string);
    // The same table as `ras compare --csv` writes.
    expect(header!.slice(0, 9)).toEqual([
      'ref',
      'clientGroup',
      'ageBand',
      'compared',
      '2009-pilot (£ a year)',
      '2010-revised (£ a year)',
      'flat-500 (£ a year)',
      'change 2009-pilot to 2010-revised (£ a year)',
      'change 2009-pilot to flat-500 (£ a year)',
    ]);
    expect(header).toContain('flat-500: Allocation table for Adults with a learning disability (£ a year)');
    expect(rows.map((r) => r.slice(0, 9))).toEqual(
      PEOPLE.map(({ ref, clientGroup, ageBand }) => {
        const [a, b, c] = [ANNUAL['2009-pilot'][ref as 'OP-1'], ANNUAL['2010-revised'][ref as 'OP-1'], ANNUAL['flat-500'][ref as 'OP-1']];
        return [ref, clientGroup, ageBand, 'yes', pounds(a), pounds(b), pounds(c), pounds(b - a), pounds(c - a)];
      }),
    );
    expect(rows[2]!.slice(4, 9)).toEqual(['2756.00', '2912.00', '2600.00', '156.00', '-156.00']);
    // Summed in pence: £1,716.00 to 2010-revised, £0.00 to flat-500, as the summary says.
    const sumPence = (column: number) => rows.reduce((sum, r) => sum + Math.round(Number(r[column]) * 100), 0);
    expect(sumPence(7)).toBe(job.result.pairs[0].overall.totalChangePence);
    expect(sumPence(7)).toBe(171_600);
    expect(sumPence(8)).toBe(0);
    expect(sumPence(4)).toBe(1_118_000);
  });

  it("exports the same rows as JSON, with each person's part of every attribution step, in pence", async () => {
    const res = ok(await scrutiny.get(job.links.json));
    expect(res.comparison).toBe(job.id);
    expect(res.versions).toEqual(['2009-pilot', '2010-revised', 'flat-500']);
    expect(res.people).toHaveLength(5);
    expect(res.people.find((p: { ref: string }) => p.ref === 'LD-1')).toEqual({
      ref: 'LD-1',
      clientGroup: 'learning-disability',
      ageBand: '18-64',
      annualPence: { '2009-pilot': 275_600, '2010-revised': 291_200, 'flat-500': 260_000 },
      changePence: { '2010-revised': 15_600, 'flat-500': -15_600 },
      attribution: {
        '2010-revised': { weights: 0, 'pricing:default': 0, 'pricing:learning-disability': 10_400, carer: 0, uplifts: 5_200 },
        'flat-500': { 'pricing:default': 0, 'pricing:learning-disability': -15_600 },
      },
    });
    for (const person of res.people) {
      for (const version of ['2010-revised', 'flat-500']) {
        const parts = Object.values(person.attribution[version] as Record<string, number>).reduce((a, b) => a + b, 0);
        expect(parts, `${person.ref} ${version}`).toBe(person.changePence[version]);
      }
    }
  });
});

describe('materiality: small changes count as unchanged', () => {
  const request = () => ({ policyId: 'adult-ras', versions: ['2009-pilot', 'flat-500'], cohortId: csvCohortId, asOf: '2010-06-01' });

  it("in pounds: a threshold of £60 a year leaves OP-1's £52 rise unchanged", async () => {
    const job = await compareAndWait({ ...request(), materiality: { pounds: 60 } });
    expect(job.materiality).toEqual({ pence: 6_000 });
    // OP-1 +£52 ≤ £60: unchanged; OP-2 +£104: gain; LD-1 −£156: loss; MH-1, PD-1: no change.
    expect(job.result.pairs[0].overall).toMatchObject({ gainers: 1, losers: 1, unchanged: 3, totalChangePence: 0 });
  });

  it('in percent: a threshold of 3% leaves both older people unchanged', async () => {
    const job = await compareAndWait({ ...request(), materiality: { percent: 3 } });
    expect(job.materiality).toEqual({ percent: 3 });
    // OP-1 5,200 / 254,800 = 2.04%; OP-2 10,400 / 457,600 = 2.27%: both within 3%. LD-1 15,600 / 275,600 = 5.66%: a loss.
    expect(job.result.pairs[0].overall).toMatchObject({ gainers: 0, losers: 1, unchanged: 4 });
    expect(job.result.pairs[0].byClientGroup['older-people']).toMatchObject({ gainers: 0, unchanged: 2, totalChangePence: 15_600 });
    // The lists of largest changes are not filtered by materiality.
    expect(job.result.pairs[0].largestGains.map((p: { ref: string }) => p.ref)).toEqual(['OP-2', 'OP-1']);
  });

  it('with both, a change must exceed both to count', async () => {
    // OP-2: £104 > £60 but 2.27% ≤ 3%: unchanged. LD-1: £156 > £60 and 5.66% > 3%: a loss.
    const job = await compareAndWait({ ...request(), materiality: { pounds: 60, percent: 3 } });
    expect(job.result.pairs[0].overall).toMatchObject({ gainers: 0, losers: 1, unchanged: 4 });
  });
});

describe('a comparison that does not exist (or is long gone)', () => {
  it('an unknown comparison is a 404, for the job and both exports', async () => {
    for (const path of [
      '/api/comparisons/no-such-job',
      '/api/comparisons/no-such-job/people.csv',
      '/api/comparisons/no-such-job/people.json',
    ]) {
      const res = await scrutiny.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.type).toBe('/problems/comparison_not_found');
    }
  });
});

describe('CSV import checks every row, and stores nothing unless all are sound', () => {
  const HEADER = [
    'ref',
    'clientGroup',
    'ageBand',
    'carerWilling',
    'carerAble',
    'carerSupportLevel',
    'carerImpact',
    'currentAnnualCost',
    'pc-washing',
  ].join(',');
  /** A CSV with only the washing question: the other questions are not required to import a cohort. */
  const file = (...rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;

  async function refused(text: string, name = 'Bad file'): Promise<Array<{ pointer: string; code: string; message: string }>> {
    const before = ok(await scrutiny.get('/api/cohorts'));
    const res = await uploadCsv(text, name);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('/problems/cohort_invalid');
    expect(ok(await scrutiny.get('/api/cohorts')), 'nothing is stored after a refused import').toEqual(before);
    return res.body.errors;
  }

  it('a sound file with carers and costs in pounds is stored', async () => {
    const res = await uploadCsv(
      file('G-1,older-people,75-84,yes,yes,substantial,moderate,"£12,345.67",some-help', 'G-2,mental-health,18-64,,,,,,independent'),
      'Good file',
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ people: 2, withCurrentCost: 1, byClientGroup: { 'mental-health': 1, 'older-people': 1 } });
  });

  it.each([
    ['an empty ref', ',older-people,75-84,,,,,,some-help', '/rows/1/ref', 'required'],
    ['an age band that is not one', 'B-1,older-people,old,,,,,,some-help', '/rows/1/ageBand', 'bad_age_band'],
    ['an age band upside down', 'B-1,older-people,84-75,,,,,,some-help', '/rows/1/ageBand', 'bad_age_band'],
    ['a client group the scheme does not have', 'B-1,young-people,75-84,,,,,,some-help', '/rows/1/clientGroup', 'unknown_client_group'],
    ['an answer the question does not have', 'B-1,older-people,75-84,,,,,,sometimes', '/rows/1/pc-washing', 'unknown_answer'],
    ['a carer who is "maybe" willing', 'B-1,older-people,75-84,maybe,yes,regular,low,,some-help', '/rows/1/carerWilling', 'bad_boolean'],
    ['half a carer', 'B-1,older-people,75-84,yes,,regular,,,some-help', '/rows/1/carer', 'incomplete_carer'],
    [
      'a carer level the table does not have',
      'B-1,older-people,75-84,yes,yes,constant,low,,some-help',
      '/rows/1/carerSupportLevel',
      'unknown_support_level',
    ],
    ['a cost with tenths of a penny', 'B-1,older-people,75-84,,,,,12.345,some-help', '/rows/1/currentAnnualCost', 'bad_amount'],
    ['a negative cost', 'B-1,older-people,75-84,,,,,-5.00,some-help', '/rows/1/currentAnnualCost', 'bad_amount'],
    ['a ref that could be a name', 'Mrs Smith,older-people,75-84,,,,,,some-help', '/rows/1/ref', 'schema_pattern'],
  ])('%s is named at its row and column, with the line of the file', async (_, row, pointer, code) => {
    const errors = await refused(file(row));
    expect(errors).toContainEqual({ pointer, code, message: expect.stringMatching(/^line 2: /) });
  });

  it('problems are reported for every bad row at once, each with the line it starts on', async () => {
    // Line 1 is the header; a blank line 4 is skipped, so data row 3 is on line 5.
    const errors = await refused(
      [HEADER, 'A-1,older-people,75-84,,,,,,some-help', 'A-2,older-people,old,,,,,,some-help', '', 'A-3,older-people,75-84,,,,,,lots'].join(
        '\n',
      ),
    );
    expect(errors.map((e) => [e.pointer, e.code, e.message.split(':')[0]])).toEqual([
      ['/rows/2/ageBand', 'bad_age_band', 'line 3'],
      ['/rows/3/pc-washing', 'unknown_answer', 'line 5'],
    ]);
  });

  it('a duplicated ref names the row it repeats', async () => {
    const errors = await refused(file('D-1,older-people,75-84,,,,,,some-help', 'D-1,mental-health,18-64,,,,,,independent'));
    expect(errors).toEqual([{ pointer: '/rows/2/ref', code: 'duplicate_ref', message: expect.stringMatching(/^line 3: .*row 1/) }]);
  });

  it("one problem is said in the singular, and the file's row in plain words", async () => {
    const res = await uploadCsv(file('C-1,older-people,75-84'), 'Short row');
    expect(res.status).toBe(422);
    expect(res.body.detail).toBe('The cohort has 1 problem; nothing was imported.');
    expect(res.body.errors).toEqual([
      {
        pointer: '/rows/1',
        code: 'column_count',
        message:
          'line 2: the row has 3 values but the heading row names 9 columns: every row needs a value (or an empty one) for each column, and a value with a comma in it needs quotes',
      },
    ]);
  });

  it('a column with more different values than a cohort holds is a 422 at the row that went over, never a 500', async () => {
    // 65,535 people each of their own client group, with no scheme to check the groups against.
    const rows = Array.from({ length: 65_535 }, (_, i) => `G-${i},group-${i},18-64`);
    const res = await scrutiny.post(
      `/api/cohorts?name=${encodeURIComponent('Every group')}`,
      `ref,clientGroup,ageBand\n${rows.join('\n')}\n`,
      {
        'content-type': 'text/csv',
      },
    );
    expect(res.status).toBe(422);
    // Codes 0 to 65,533 hold 65,534 groups: row 65,535 (line 65,536) is the one over.
    expect(res.body.errors).toEqual([
      {
        pointer: '/rows/65535/clientGroup',
        code: 'too_many_values',
        message: "line 65536: the column clientGroup has more than 65,534 different values; a cohort's columns hold a few each",
      },
    ]);
  });

  it('a row with too many cells is a problem with the whole row', async () => {
    const errors = await refused(file('C-1,older-people,75-84,,,,,,some-help', 'C-2,older-people,75-84,,,,,,some-help,extra'));
    expect(errors).toEqual([
      {
        pointer: '/rows/2',
        code: 'column_count',
        message: expect.stringMatching(/^line 3: the row has 10 values but the heading row names 9 columns/),
      },
    ]);
  });

  it('header problems are row 0: a missing required column, an unknown column', async () => {
    const errors = await refused('ref,clientGroup,pc-washing,shoe-size\nH-1,older-people,some-help,9\n');
    expect(errors).toEqual(
      expect.arrayContaining([
        { pointer: '/rows/0/ageBand', code: 'missing_column', message: expect.stringMatching(/^line 1: /) },
        { pointer: '/rows/0/shoe-size', code: 'unknown_column', message: expect.stringMatching(/^line 1: column 4 /) },
      ]),
    );
  });

  it('a large CSV read as a stream: every person stored, or a byte that is not UTF-8 past its first megabyte refused with nothing stored', async () => {
    // About 1.9 MB: read in two pieces, so the bad byte comes in the second.
    const rows = Array.from({ length: 40_000 }, (_, i) => `U-${i},older-people,75-84,,,,,,some-help`);
    const good = ok(await uploadCsv(file(...rows), 'Forty thousand'), 'large CSV upload');
    expect(good.people).toBe(40_000);
    const before = ok(await scrutiny.get('/api/cohorts'));
    const bytes = Buffer.from(file(...rows));
    bytes[1_500_000] = 0xff;
    const res = await fetch(`${server.url}/api/cohorts?name=Broken&policyId=adult-ras`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.scrutiny}`, 'content-type': 'text/csv' },
      body: bytes,
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ pointer: '', code: 'not_unicode', message: 'the body is not UTF-8 text' }] });
    expect(ok(await scrutiny.get('/api/cohorts'))).toEqual(before);
  });

  it('a CSV cohort needs a name', async () => {
    const res = await scrutiny.post('/api/cohorts?policyId=adult-ras', file('N-1,older-people,75-84,,,,,,some-help'), {
      'content-type': 'text/csv',
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ pointer: '/query/name', code: 'schema_required', message: expect.any(String) }]);
  });
});

describe('JSON import checks every person', () => {
  it('bad people are named at /people/<index>/<field>, and nothing is stored', async () => {
    const before = ok(await scrutiny.get('/api/cohorts'));
    const people: unknown[] = [
      { ...adult('J-0', 'older-people', '75-84'), clientGroup: undefined },
      adult('J-1', 'older-people', '84-75'),
      adult('J-2', 'older-people', '75-84', { 'pc-washing': 'sometimes' }),
      adult('J-1', 'mental-health', '18-64'),
      { ...adult('J-4', 'older-people', '75-84'), name: 'Mrs Smith' },
      adult(
        'J-5',
        'older-people',
        '75-84',
        {},
        { carer: { willingToContinue: true, ableToContinue: 'yes' as unknown as boolean, supportLevel: 'regular', impact: 'low' } },
      ),
    ];
    const res = await scrutiny.post('/api/cohorts', { ...cohortDocument('Bad people', []), people });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.type).toBe('/problems/cohort_invalid');
    expect(res.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code])).toEqual(
      expect.arrayContaining([
        ['/people/0/clientGroup', 'schema_required'],
        ['/people/1/ageBand', 'bad_age_band'],
        ['/people/2/answers/pc-washing', 'unknown_answer'],
        ['/people/3/ref', 'duplicate_ref'],
        ['/people/4/name', 'schema_additional_property'],
        ['/people/5/carer/ableToContinue', 'schema_type'],
      ]),
    );
    expect(ok(await scrutiny.get('/api/cohorts'))).toEqual(before);
  });
});

describe('generated and deleted cohorts', () => {
  it('a synthetic cohort is reproducible from its seed, and a deleted cohort is gone', async () => {
    const body = { policyId: 'adult-ras', version: '2010-revised', name: 'Synthetic', size: 250, seed: 42 };
    const first = ok(await scrutiny.post('/api/cohorts/generate', body));
    const second = ok(await as(server, server.tokens.officer).post('/api/cohorts/generate', body));
    expect(first).toMatchObject({ people: 250, source: 'generated', policyId: 'adult-ras' });
    expect(second.byClientGroup).toEqual(first.byClientGroup);
    expect(second.byAgeBand).toEqual(first.byAgeBand);
    expect(second.id).not.toBe(first.id);
    expect((await scrutiny.del(`/api/cohorts/${first.id}`)).status).toBe(204);
    expect((await scrutiny.get(`/api/cohorts/${first.id}`)).status).toBe(404);
    expect(ok(await scrutiny.get('/api/cohorts')).map((c: { id: string }) => c.id)).not.toContain(first.id);
    const compared = await scrutiny.post('/api/comparisons', {
      policyId: 'adult-ras',
      versions: ['2009-pilot', '2010-revised'],
      cohortId: first.id,
      wait: true,
    });
    expect(compared.status).toBe(404);
  });
});
