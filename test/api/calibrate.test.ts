/**
 * Calibration over HTTP: the price per point that makes a cohort fit a budget after contingency.
 *
 * The version calibrated is 'penny', a draft copy of adult-ras 2009-pilot rounded half-up to the penny
 * (so every price step shows), over five people (all other answers worth 0 points):
 *   OP-1 older-people        washing some-help               10 points × 488p = 4880p a week → 253,760p a year (current cost £2,500.00)
 *   OP-2 older-people        washing + physical health help  18 points × 488p = 8784p        → 456,768p
 *   LD-1 learning-disability washing some-help               10 points × 530p = 5300p        → 275,600p
 *   MH-1 mental-health       no needs                         0                               → 0
 *   PD-1 physical-disability washing prompting                5 points × 488p = 2440p        → 126,880p
 * Current total: 21,404p a week × 52 = 1,113,008p a year.
 *
 * Budget £14,645.16 with 5% contingency: target ⌊1,464,516 × 0.95⌋ = ⌊1,391,290.2⌋ = 1,391,290p.
 * At 125% of today's prices (610p and 662.5p) the week costs 6100 + 10980 + 6625 + 0 + 3050 = 26,755p,
 * or 1,391,260p a year: 30p under the target. The next penny is OP-2's: 18 × p ≥ 10,980.5 once the
 * standard price reaches 610.0278p (a factor of 1.2500569), which would add 52p a year and overshoot.
 * So the calibrated total is 1,391,260p, 30p short of the target (less than a penny a week per person:
 * 5 × 52 = 260p), at a standard price of 610.0277p and a learning disability price of
 * 530 × 1.2500569 = 662.5301p.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adult, cohortDocument } from '../support/adult-cohort.js';
import { as, cloneVersion, editDocument, ok, versionPath } from '../support/api-client.js';
import { startServer, type TestServer } from '../support/server.js';

const BUDGET = 1_464_516;
const TARGET = 1_391_290;
const CURRENT_TOTAL = 1_113_008;
const CALIBRATED_TOTAL = 1_391_260;

let server: TestServer;
let cohortId: string;
const calibratePath = `${versionPath('adult-ras', 'penny')}/calibrate`;
const body = () => ({ cohortId, budgetPence: BUDGET, contingencyPercent: 5, asOf: '2010-06-01', sensitivityPercents: [100, 125] });

beforeAll(async () => {
  server = await startServer();
  await cloneVersion(server, server.tokens.officer, 'adult-ras', '2009-pilot', 'penny');
  await editDocument(server, server.tokens.officer, 'adult-ras', 'penny', (d) => {
    d.rounding = { unit: 'penny', mode: 'half-up' };
  });
  cohortId = ok(
    await as(server, server.tokens.scrutiny).post(
      '/api/cohorts',
      cohortDocument('Five people', [
        adult('OP-1', 'older-people', '75-84', { 'pc-washing': 'some-help' }, { currentAnnualCostPence: 250_000 }),
        adult('OP-2', 'older-people', '65-74', { 'pc-washing': 'some-help', 'he-physical': 'some-help' }),
        adult('LD-1', 'learning-disability', '18-64', { 'pc-washing': 'some-help' }),
        adult('MH-1', 'mental-health', '18-64'),
        adult('PD-1', 'physical-disability', '18-64', { 'pc-washing': 'prompting' }),
      ]),
    ),
    'cohort',
  ).id;
});

afterAll(async () => {
  await server?.close();
  if (server) server.remove();
});

describe('calibrating a draft to a budget', () => {
  let result: any;
  beforeAll(async () => {
    const res = await as(server, server.tokens.scrutiny).post(calibratePath, body());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    result = res.body;
  });

  it('states the budget, the contingency held back and the target, and what the version costs today', () => {
    expect(result).toMatchObject({
      budgetPence: BUDGET,
      contingencyPercent: 5,
      targetPence: TARGET,
      people: 5,
      excluded: 0,
      cohortId,
      asOf: '2010-06-01',
      source: { version: 'penny', contentHash: expect.stringMatching(/^sha256:/) },
      // 1,113,008 − 1,464,516 = −351,508; 1,113,008 − 1,391,290 = −278,282.
      current: { totalPence: CURRENT_TOTAL, againstBudgetPence: -351_508, againstTargetPence: -278_282 },
    });
  });

  it('finds the prices that spend as much of the target as whole pennies allow, and no more', () => {
    expect(result.calibratedTotalPence).toBe(CALIBRATED_TOTAL);
    expect(result.gapPence).toBe(30);
    expect(result.calibratedTotalPence).toBeLessThanOrEqual(result.targetPence);
    expect(result.targetPence - result.calibratedTotalPence).toBeLessThan(5 * 52); // under a penny a week per person
    expect(result.prices).toEqual([
      { table: 'default', method: 'price-per-point', before: 488, after: 610.0277, unit: 'pence a point' },
      { table: 'learning-disability', method: 'price-per-point', before: 530, after: 662.5301, unit: 'pence a point' },
    ]);
    expect(result.factor).toBeGreaterThanOrEqual(1.25);
    expect(result.factor).toBeLessThan(1.2500569);
    expect(result.calibratedPolicy.pricing.default.pencePerPoint).toBe(610.0277);
    expect(result.calibratedPolicy.pricing.byClientGroup['learning-disability'].pencePerPoint).toBe(662.5301);
    expect(result.calibratedPolicy.rounding).toEqual({ unit: 'penny', mode: 'half-up' });
  });

  it('gives a sensitivity row for each price level asked for', () => {
    expect(result.sensitivity).toEqual([
      { percent: 100, factor: 1, totalPence: CURRENT_TOTAL, againstBudgetPence: -351_508 },
      // 1,391,260 − 1,464,516 = −73,256.
      { percent: 125, factor: 1.25, totalPence: 1_391_260, againstBudgetPence: -73_256 },
    ]);
  });

  it('compares the calibrated amounts with current package costs where they are known', () => {
    // OP-1 at 610.0277p: 10 × 610.0277 = 6100.277 → 6100p a week → 317,200p a year; against £2,500.00, +67,200p.
    expect(result.currentCost).toEqual({
      people: 1,
      meanDifferencePence: 67_200,
      medianDifferencePence: 67_200,
      above: 1,
      below: 0,
      equal: 0,
    });
  });

  it('the default sensitivity table runs from 80% to 120% in steps of 5', async () => {
    const { sensitivityPercents: _omitted, ...rest } = body();
    const res = ok(await as(server, server.tokens.ratifier).post(calibratePath, rest));
    expect(res.sensitivity.map((row: { percent: number }) => row.percent)).toEqual([80, 85, 90, 95, 100, 105, 110, 115, 120]);
    // At 100%, today's prices: the current total.
    expect(res.sensitivity[4].totalPence).toBe(CURRENT_TOTAL);
  });
});

describe('saving a calibration as a new draft', () => {
  it('an officer may: the draft has the calibrated prices and keeps the calibration and its comparison', async () => {
    const officer = as(server, server.tokens.officer);
    const res = await officer.post(calibratePath, { ...body(), saveAs: 'penny-calibrated' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('location')).toBe(versionPath('adult-ras', 'penny-calibrated'));
    expect(res.body.draft.self).toBe(versionPath('adult-ras', 'penny-calibrated'));
    expect(res.body.calibratedPolicy.version).toBe('penny-calibrated');

    const draft = ok(await as(server, server.tokens.scrutiny).get(versionPath('adult-ras', 'penny-calibrated')));
    expect(draft).toMatchObject({ status: 'draft', createdBy: 'officer', basedOn: { version: 'penny' } });
    expect(draft.document.pricing.default.pencePerPoint).toBe(610.0277);
    expect(draft.document.pricing.byClientGroup['learning-disability'].pencePerPoint).toBe(662.5301);
    expect(draft.calibration).toMatchObject({
      cohortId,
      asOf: '2010-06-01',
      budgetPence: BUDGET,
      contingencyPercent: 5,
      targetPence: TARGET,
      calibratedTotalPence: CALIBRATED_TOTAL,
      gapPence: 30,
      source: { version: 'penny' },
    });
    expect(draft.calibration).not.toHaveProperty('calibratedPolicy');
    // The draft against its source over the same people: 1,391,260 − 1,113,008 = +278,252; MH-1 (no needs) unchanged.
    expect(draft.calibration.comparison.pairs[0]).toMatchObject({
      base: 'penny',
      candidate: 'penny-calibrated',
      overall: {
        people: 5,
        gainers: 4,
        losers: 0,
        unchanged: 1,
        totalBasePence: CURRENT_TOTAL,
        totalCandidatePence: CALIBRATED_TOTAL,
        totalChangePence: 278_252,
      },
    });
    // The calibrated draft costs what the calibration said it would.
    const check = ok(
      await as(server, server.tokens.scrutiny).post('/api/comparisons', {
        policyId: 'adult-ras',
        versions: ['penny', 'penny-calibrated'],
        cohortId,
        asOf: '2010-06-01',
        wait: true,
      }),
    );
    expect(check.result.versions[1].summary.totalPence).toBe(CALIBRATED_TOTAL);
  });

  it('scrutiny may calibrate but not save: 403, and no draft is made', async () => {
    const scrutiny = as(server, server.tokens.scrutiny);
    const res = await scrutiny.post(calibratePath, { ...body(), saveAs: 'scrutiny-draft' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ status: 403, type: '/problems/role_required' });
    expect((await scrutiny.get(versionPath('adult-ras', 'scrutiny-draft'))).status).toBe(404);
  });

  it('a ratifier may not save either', async () => {
    const res = await as(server, server.tokens.ratifier).post(calibratePath, { ...body(), saveAs: 'ratifier-draft' });
    expect(res.status).toBe(403);
  });

  it('a name already taken is a 409, and nothing changes', async () => {
    const officer = as(server, server.tokens.officer);
    const before = ok(await officer.get(versionPath('adult-ras', '2010-revised')));
    const res = await officer.post(calibratePath, { ...body(), saveAs: '2010-revised' });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([{ pointer: '/version', code: 'version_exists', message: expect.any(String) }]);
    expect(ok(await officer.get(versionPath('adult-ras', '2010-revised')))).toEqual(before);
  });
});

describe('budgets at the edges', () => {
  it('a budget below what the cohort costs lowers the prices', async () => {
    // Half today's total, no contingency: 556,504p. Half the prices (244p, 265p) cost exactly that:
    // 2440 + 4392 + 2650 + 0 + 1220 = 10,702p a week × 52 = 556,504p. The standard price can rise to
    // 244.0277p before OP-2's 18 points reach 4392.5p and the next penny; the other table follows
    // by the same factor: 530 × 244.0277 / 488 = 265.0301p.
    const res = ok(await as(server, server.tokens.officer).post(calibratePath, { ...body(), budgetPence: 556_504, contingencyPercent: 0 }));
    expect(res).toMatchObject({ targetPence: 556_504, calibratedTotalPence: 556_504, gapPence: 0 });
    expect(res.prices.map((p: { after: number }) => p.after)).toEqual([244.0277, 265.0301]);
  });

  it('an unknown cohort or version is a 404', async () => {
    const officer = as(server, server.tokens.officer);
    expect((await officer.post(calibratePath, { ...body(), cohortId: 'no-such-cohort' })).status).toBe(404);
    expect((await officer.post(`${versionPath('adult-ras', 'no-such-version')}/calibrate`, body())).status).toBe(404);
  });
});
