/**
 * Comparing versions over a cohort, with every figure worked out by hand.
 *
 * basePolicy: washing {none 0, some 10, lots 40, na 0}, health-needs {none 0, some 5, high 30};
 * price per point a week, penny half-up, 52 weeks, so annual = points × price × 52.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCohort, encodeCohort, type Rule } from '../../../engine/index.js';
import { type HealthNeeds, ppp, version, type Washing, who } from '../../support/cohort-people.js';

const ASOF = { asOf: '2010-06-01' };

// Points: A 10+5 = 15, B 40+30 = 70, C 0, D 10+30 = 40, E 40+0 = 40.
const people = [
  who('A', 'older-people', '65-74', 'some', 'some', { currentAnnualCostPence: 380_640 }),
  who('B', 'older-people', '75-84', 'lots', 'high', { currentAnnualCostPence: 1_800_000 }),
  who('C', 'learning-disability', '18-24', 'none', 'none'),
  who('D', 'learning-disability', '25-44', 'some', 'high', { currentAnnualCostPence: 1_000_000 }),
  who('E', 'older-people', '65-74', 'lots', 'none'),
];

// v1: 488p a point for everyone.
//   A 15 × 488 = 7,320 a week × 52 = 380,640   B 70 × 488 = 34,160 × 52 = 1,776,320   C 0
//   D 40 × 488 = 19,520 × 52 = 1,015,040         E the same as D, 1,015,040
// v2: 500p a point, learning disability 450p.
//   A 15 × 500 = 7,500 × 52 = 390,000   B 70 × 500 = 35,000 × 52 = 1,820,000   C 0
//   D 40 × 450 = 18,000 × 52 = 936,000  E 40 × 500 = 20,000 × 52 = 1,040,000
const v1 = version('v1');
const v2 = version('v2', { pricing: { default: ppp(500), byClientGroup: { 'learning-disability': ppp(450) } } });

describe('comparing two versions over a small cohort', () => {
  const cohort = encodeCohort(people);
  const comparison = compareCohort([v1, v2], cohort, ASOF);
  const pair = comparison.pairs[0]!;

  it('every person is evaluated when every version can evaluate them', () => {
    expect(comparison.cohortSize).toBe(5);
    expect(comparison.evaluated).toBe(5);
    expect(comparison.excluded).toEqual({ count: 0, examples: [] });
    expect([...comparison.amounts[0]!]).toEqual([380_640, 1_776_320, 0, 1_015_040, 1_015_040]);
    expect([...comparison.amounts[1]!]).toEqual([390_000, 1_820_000, 0, 936_000, 1_040_000]);
  });

  it("each version's total, mean, nearest-rank median and 90th percentile, and maximum are of annual amounts", () => {
    // v1 sorted: 0, 380,640, 1,015,040, 1,015,040, 1,776,320; total 4,187,040; mean 4,187,040 / 5 = 837,408
    // median: rank ceil(0.5 × 5) = 3 → 1,015,040; p90: rank ceil(0.9 × 5) = 5 → 1,776,320
    expect(comparison.versions[0]!.summary).toEqual({
      people: 5,
      totalPence: 4_187_040,
      meanPence: 837_408,
      medianPence: 1_015_040,
      p90Pence: 1_776_320,
      maxPence: 1_776_320,
    });
    // v2 sorted: 0, 390,000, 936,000, 1,040,000, 1,820,000; total 4,186,000; mean 837,200; median rank 3 → 936,000
    expect(comparison.versions[1]!.summary).toEqual({
      people: 5,
      totalPence: 4_186_000,
      meanPence: 837_200,
      medianPence: 936_000,
      p90Pence: 1_820_000,
      maxPence: 1_820_000,
    });
    expect(comparison.versions.map((v) => v.version)).toEqual(['v1', 'v2']);
    expect(comparison.versions[0]!.contentHash).toBe(v1.compiled.contentHash);
  });

  it("each version's figures by client group and by age band cover only that group's people", () => {
    // v1 learning disability: C 0, D 1,015,040 → total 1,015,040, mean 507,520, median rank 1 → 0
    expect(comparison.versions[0]!.byClientGroup['learning-disability']).toEqual({
      people: 2,
      totalPence: 1_015_040,
      meanPence: 507_520,
      medianPence: 0,
      p90Pence: 1_015_040,
      maxPence: 1_015_040,
    });
    // v1 older people: 380,640 + 1,776,320 + 1,015,040 = 3,172,000; mean 1,057,333.3 → 1,057,333; median rank 2 → 1,015,040
    expect(comparison.versions[0]!.byClientGroup['older-people']).toEqual({
      people: 3,
      totalPence: 3_172_000,
      meanPence: 1_057_333,
      medianPence: 1_015_040,
      p90Pence: 1_776_320,
      maxPence: 1_776_320,
    });
    // v2, age band 65-74 (A and E): 390,000 + 1,040,000 = 1,430,000; mean 715,000; median rank 1 → 390,000
    expect(comparison.versions[1]!.byAgeBand['65-74']).toEqual({
      people: 2,
      totalPence: 1_430_000,
      meanPence: 715_000,
      medianPence: 390_000,
      p90Pence: 1_040_000,
      maxPence: 1_040_000,
    });
    expect(Object.keys(comparison.versions[1]!.byAgeBand)).toEqual(['18-24', '25-44', '65-74', '75-84']);
  });

  it('gainers, losers and the unchanged are counted with their shares of the people compared', () => {
    // changes: A +9,360, B +43,680, C 0, D −79,040, E +24,960
    const o = pair.overall;
    expect(pair.base).toBe('v1');
    expect(pair.candidate).toBe('v2');
    expect(o).toEqual({
      people: 5,
      gainers: 3,
      losers: 1,
      unchanged: 1,
      gainersShare: 0.6,
      losersShare: 0.2,
      unchangedShare: 0.2,
      // 4,186,000 − 4,187,040 = −1,040 = 9,360 + 43,680 + 0 − 79,040 + 24,960; mean −1,040 / 5 = −208
      totalBasePence: 4_187_040,
      totalCandidatePence: 4_186_000,
      totalChangePence: -1_040,
      meanChangePence: -208,
    });
  });

  it('the change is broken down by client group and by age band', () => {
    // learning disability: C 0, D −79,040 → 1,015,040 → 936,000, mean −39,520
    expect(pair.byClientGroup['learning-disability']).toEqual({
      people: 2,
      gainers: 0,
      losers: 1,
      unchanged: 1,
      gainersShare: 0,
      losersShare: 0.5,
      unchangedShare: 0.5,
      totalBasePence: 1_015_040,
      totalCandidatePence: 936_000,
      totalChangePence: -79_040,
      meanChangePence: -39_520,
    });
    // older people: 3,172,000 → 390,000 + 1,820,000 + 1,040,000 = 3,250,000; +78,000, mean +26,000
    expect(pair.byClientGroup['older-people']).toEqual({
      people: 3,
      gainers: 3,
      losers: 0,
      unchanged: 0,
      gainersShare: 1,
      losersShare: 0,
      unchangedShare: 0,
      totalBasePence: 3_172_000,
      totalCandidatePence: 3_250_000,
      totalChangePence: 78_000,
      meanChangePence: 26_000,
    });
    // 65-74 (A and E): 380,640 + 1,015,040 = 1,395,680 → 1,430,000; +34,320, mean +17,160
    expect(pair.byAgeBand['65-74']).toMatchObject({
      people: 2,
      gainers: 2,
      losers: 0,
      unchanged: 0,
      totalBasePence: 1_395_680,
      totalCandidatePence: 1_430_000,
      totalChangePence: 34_320,
      meanChangePence: 17_160,
    });
    expect(pair.byAgeBand['18-24']).toMatchObject({ people: 1, unchanged: 1, totalChangePence: 0 });
    expect(Object.keys(pair.byAgeBand)).toEqual(['18-24', '25-44', '65-74', '75-84']);
    expect(Object.keys(pair.byClientGroup)).toEqual(['learning-disability', 'older-people']);
  });

  it('the largest losses come biggest first and the largest gains biggest first, each naming the person', () => {
    expect(pair.largestLosses).toEqual([
      {
        ref: 'D',
        clientGroup: 'learning-disability',
        ageBand: '25-44',
        basePence: 1_015_040,
        candidatePence: 936_000,
        changePence: -79_040,
      },
    ]);
    expect(pair.largestGains.map((p) => [p.ref, p.changePence])).toEqual([
      ['B', 43_680],
      ['E', 24_960],
      ['A', 9_360],
    ]);
    const top2 = compareCohort([v1, v2], cohort, { ...ASOF, top: 2 }).pairs[0]!;
    expect(top2.largestGains.map((p) => p.ref)).toEqual(['B', 'E']);
  });

  it('equal changes are listed in order of reference, among gains as among losses', () => {
    // 488p → 520p: +32p a point. B 70 × 32 × 52 = 116,480; D and E 40 × 32 × 52 = 66,560 each; A 15 × 32 × 52 = 24,960.
    const v3 = version('v3', { pricing: { default: ppp(520) } });
    const gains = compareCohort([v1, v3], cohort, ASOF).pairs[0]!.largestGains;
    expect(gains.map((p) => [p.ref, p.changePence])).toEqual([
      ['B', 116_480],
      ['D', 66_560],
      ['E', 66_560],
      ['A', 24_960],
    ]);
    // and the other way round, as losses: D before E again
    const losses = compareCohort([v3, v1], cohort, ASOF).pairs[0]!.largestLosses;
    expect(losses.map((p) => [p.ref, p.changePence])).toEqual([
      ['B', -116_480],
      ['D', -66_560],
      ['E', -66_560],
      ['A', -24_960],
    ]);
  });

  it("the histograms' bins count every person compared exactly once", () => {
    // v1: range 1,776,320 / 20 = 88,816 → a round width of 100,000p (£1,000); bins from 0: 18 of them.
    const h = comparison.versions[0]!.histogram;
    expect(h.binWidthPence).toBe(100_000);
    expect(h.bins).toHaveLength(18);
    expect(h.bins.reduce((n, b) => n + b.count, 0)).toBe(5);
    // 0 → bin 0; 380,640 → bin 3; 1,015,040 ×2 → bin 10; 1,776,320 → bin 17
    expect(h.bins.flatMap((b, k) => (b.count ? [[k, b.count]] : []))).toEqual([
      [0, 1],
      [3, 1],
      [10, 2],
      [17, 1],
    ]);
    // changes −79,040 … +43,680: 122,720 / 20 = 6,136 → width 10,000; start floor(−7.904) × 10,000 = −80,000;
    // bins: floor((43,680 + 80,000) / 10,000) + 1 = 13. −79,040 → 0; 0 and 9,360 → 8; 24,960 → 10; 43,680 → 12.
    const c = pair.changeHistogram;
    expect(c.binWidthPence).toBe(10_000);
    expect(c.bins[0]!.fromPence).toBe(-80_000);
    expect(c.bins).toHaveLength(13);
    expect(c.bins.reduce((n, b) => n + b.count, 0)).toBe(5);
    expect(c.bins.flatMap((b, k) => (b.count ? [[k, b.count]] : []))).toEqual([
      [0, 1],
      [8, 2],
      [10, 1],
      [12, 1],
    ]);
  });

  it('each version is compared with the current cost of the people who have one', () => {
    // v1 − current: A 380,640 − 380,640 = 0; B 1,776,320 − 1,800,000 = −23,680; D 1,015,040 − 1,000,000 = +15,040
    // mean −8,640 / 3 = −2,880; median of −23,680, 0, 15,040 (rank 2) = 0
    expect(comparison.versions[0]!.currentCost).toEqual({
      people: 3,
      meanDifferencePence: -2_880,
      medianDifferencePence: 0,
      above: 1,
      below: 1,
      equal: 1,
    });
    // v2 − current: A +9,360; B +20,000; D 936,000 − 1,000,000 = −64,000; mean −34,640 / 3 = −11,546.67 → −11,547
    // median of −64,000, 9,360, 20,000 = 9,360
    expect(comparison.versions[1]!.currentCost).toEqual({
      people: 3,
      meanDifferencePence: -11_547,
      medianDifferencePence: 9_360,
      above: 2,
      below: 1,
      equal: 0,
    });
  });

  it('no one in the cohort with a current cost means no current-cost comparison', () => {
    const none = compareCohort([v1, v2], encodeCohort([who('X', 'older-people', '65-74', 'some', 'some')]), ASOF);
    expect(none.versions[0]!.currentCost).toBeNull();
  });
});

describe('materiality: a change no larger than the threshold counts as unchanged', () => {
  const cohort = encodeCohort(people);

  it('a change exactly on the pence threshold is unchanged, one penny under the change is a gain', () => {
    // A's change is +9,360, the smallest; with a threshold of 9,360p A is unchanged.
    const on = compareCohort([v1, v2], cohort, { ...ASOF, materiality: { pence: 9_360 } }).pairs[0]!.overall;
    expect(on).toMatchObject({ gainers: 2, losers: 1, unchanged: 2, gainersShare: 0.4, unchangedShare: 0.4 });
    const under = compareCohort([v1, v2], cohort, { ...ASOF, materiality: { pence: 9_359 } }).pairs[0]!.overall;
    expect(under).toMatchObject({ gainers: 3, losers: 1, unchanged: 1 });
    // the totals do not depend on materiality
    expect(on.totalChangePence).toBe(-1_040);
  });

  it('a change of exactly the percentage threshold is unchanged, just over it counts', () => {
    // 500p → 510p a point is +2% for everyone priced: A 390,000 → 397,800 (+7,800 = 2% of 390,000)
    const p500 = version('p500', { pricing: { default: ppp(500) } });
    const p510 = version('p510', { pricing: { default: ppp(510) } });
    const at2 = compareCohort([p500, p510], cohort, { ...ASOF, materiality: { percent: 2 } }).pairs[0]!.overall;
    expect(at2).toMatchObject({ people: 5, gainers: 0, losers: 0, unchanged: 5 });
    const at199 = compareCohort([p500, p510], cohort, { ...ASOF, materiality: { percent: 1.99 } }).pairs[0]!.overall;
    // everyone but C (0 points, no change) is a gainer
    expect(at199).toMatchObject({ gainers: 4, losers: 0, unchanged: 1 });
  });

  it('with both thresholds a change must exceed both to count', () => {
    // +2% changes: A 7,800, B 70 × 10 × 52 = 36,400, D and E 40 × 10 × 52 = 20,800 each.
    // 1% is passed by all four; 20,800p is passed only by B.
    const p500 = version('p500', { pricing: { default: ppp(500) } });
    const p510 = version('p510', { pricing: { default: ppp(510) } });
    const both = compareCohort([p500, p510], cohort, { ...ASOF, materiality: { percent: 1, pence: 20_800 } }).pairs[0]!;
    expect(both.overall).toMatchObject({ gainers: 1, unchanged: 4 });
    expect(both.overall.totalChangePence).toBe(7_800 + 36_400 + 20_800 + 20_800);
  });
});

describe('people a version cannot evaluate', () => {
  // v1 makes health-needs optional; v2 requires it. G answers washing only: v1 scores 10 points, v2 cannot evaluate G.
  // F is in a client group neither version has.
  const optional = (required: boolean) => ({
    questionnaires: [
      {
        id: 'adults',
        label: 'Adults',
        questions: [
          {
            id: 'washing',
            domain: 'personal-care',
            text: 'Washing',
            answers: [
              { id: 'none', text: 'No help', points: 0 },
              { id: 'some', text: 'Some help', points: 10 },
              { id: 'lots', text: 'A lot of help', points: 40 },
              { id: 'na', text: 'Does not apply', points: 0, notApplicable: true },
            ],
          },
          {
            id: 'health-needs',
            domain: 'health',
            text: 'Health needs',
            required,
            answers: [
              { id: 'none', text: 'None', points: 0 },
              { id: 'some', text: 'Some', points: 5 },
              { id: 'high', text: 'High', points: 30 },
            ],
          },
        ],
      },
    ],
  });
  const everyone: Rule[] = [
    {
      name: 'everyone',
      conditions: { all: [{ fact: 'totalPoints', operator: 'greaterThanInclusive', value: 0 }] },
      event: { type: 'everyone', params: { message: 'Raised for every person evaluated.' } },
    },
  ];
  const a = version('a', { ...optional(false), rules: everyone });
  const b = version('b', { ...optional(true), pricing: { default: ppp(500) }, rules: everyone });
  const cohort = encodeCohort([
    who('A', 'older-people', '65-74', 'some', 'some', { currentAnnualCostPence: 300_000 }),
    who('F', 'mental-health', '45-64', 'lots', 'high'),
    who('G', 'older-people', '75-84', 'some', undefined, { currentAnnualCostPence: 100_000 }),
    who('B', 'older-people', '75-84', 'lots', 'high'),
  ]);
  const comparison = compareCohort([a, b], cohort, ASOF);

  it('are excluded and reported with the version and the reason', () => {
    expect(comparison.evaluated).toBe(2);
    expect(comparison.excluded).toEqual({
      count: 2,
      examples: [
        { ref: 'F', version: 'a', reason: "client group 'mental-health' is not one of this version's" },
        { ref: 'G', version: 'b', reason: "question 'health-needs' is not answered" },
      ],
    });
    expect([...comparison.included]).toEqual([1, 0, 0, 1]);
  });

  it("are left out of every version's figures, even the versions that could evaluate them", () => {
    // Only A and B count. a: A 15 × 488 × 52 = 380,640; B 70 × 488 × 52 = 1,776,320; total 2,156,960.
    // (G under a would add 10 × 488 × 52 = 253,760.)
    expect(comparison.versions[0]!.summary).toMatchObject({ people: 2, totalPence: 2_156_960, meanPence: 1_078_480 });
    // b: 390,000 + 1,820,000 = 2,210,000
    expect(comparison.versions[1]!.summary).toMatchObject({ people: 2, totalPence: 2_210_000 });
    expect(comparison.pairs[0]!.overall).toMatchObject({ people: 2, gainers: 2, totalChangePence: 53_040 });
    expect(comparison.versions[0]!.byAgeBand['75-84']).toMatchObject({ people: 1, totalPence: 1_776_320 });
    // current cost: only A has one among the compared; 380,640 − 300,000 = 80,640
    expect(comparison.versions[0]!.currentCost).toEqual({
      people: 1,
      meanDifferencePence: 80_640,
      medianDifferencePence: 80_640,
      above: 1,
      below: 0,
      equal: 0,
    });
    expect(comparison.versions[0]!.histogram.bins.reduce((n, x) => n + x.count, 0)).toBe(2);
  });

  it("are not counted in any version's flags", () => {
    // The "everyone" rule fires for each person evaluated and compared: A and B, under both versions.
    expect(comparison.versions[0]!.flags).toEqual({ everyone: 2 });
    expect(comparison.versions[1]!.flags).toEqual({ everyone: 2 });
  });

  it('have no amount under any version in the per-person amounts (NaN)', () => {
    expect(comparison.amounts[0]![2]).toBeNaN();
    expect(comparison.amounts[1]![2]).toBeNaN();
    expect(comparison.amounts[0]![1]).toBeNaN();
  });
});

describe('comparing three versions', () => {
  it('gives two pairs, each against the first version', () => {
    const v3 = version('v3', { pricing: { default: ppp(520) } });
    const comparison = compareCohort([v1, v2, v3], encodeCohort(people), ASOF);
    expect(comparison.pairs.map((p) => [p.base, p.candidate])).toEqual([
      ['v1', 'v2'],
      ['v1', 'v3'],
    ]);
    // v3: 520p → total points 15 + 70 + 0 + 40 + 40 = 165; 165 × 520 × 52 = 4,461,600
    expect(comparison.versions[2]!.summary.totalPence).toBe(4_461_600);
    // v1 → v3: +32p a point for everyone: 165 × 32 × 52 = 274,560; C unchanged
    expect(comparison.pairs[1]!.overall).toMatchObject({ gainers: 4, losers: 0, unchanged: 1, totalChangePence: 274_560 });
    expect(comparison.pairs[1]!.policyChanges.map((c) => c.description)).toEqual([
      'Price per point (the standard table): £4.88 → £5.20 a week',
    ]);
  });

  it('refuses a comparison of one version', () => {
    expect(() => compareCohort([v1], encodeCohort(people), ASOF)).toThrow('at least two versions');
  });
});

describe('the largest gains and losses, kept in one pass', () => {
  it('are the first of everyone sorted by change and then reference, for any cohort and any number asked for', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            washing: fc.constantFrom<Washing>('none', 'some', 'lots'),
            health: fc.constantFrom<HealthNeeds>('none', 'some', 'high'),
            group: fc.constantFrom('older-people', 'learning-disability'),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.integer({ min: 0, max: 12 }),
        (rows, top) => {
          const cohort = encodeCohort(rows.map((r, i) => who(`P${String(i).padStart(2, '0')}`, r.group, '65-74', r.washing, r.health)));
          const comparison = compareCohort([v1, v2], cohort, { ...ASOF, top });
          const pair = comparison.pairs[0]!;
          const all = cohort.refs.map((ref, i) => ({ ref, change: comparison.amounts[1]![i]! - comparison.amounts[0]![i]! }));
          const sorted = (keep: (c: number) => boolean, dir: number) =>
            all
              .filter((p) => keep(p.change))
              .sort((x, y) => dir * (x.change - y.change) || (x.ref < y.ref ? -1 : 1))
              .slice(0, top)
              .map((p) => [p.ref, p.change]);
          expect(pair.largestGains.map((p) => [p.ref, p.changePence])).toEqual(sorted((c) => c > 0, -1));
          expect(pair.largestLosses.map((p) => [p.ref, p.changePence])).toEqual(sorted((c) => c < 0, 1));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('groups are listed in the order a reader expects', () => {
  // Met in the order 12-17, 0-4, 65-74, 5-11: in string order 5-11 would come after 12-17 and 0-4.
  const people = [
    who('A', 'older-people', '12-17', 'some', 'none'),
    who('B', 'learning-disability', '0-4', 'some', 'none'),
    who('C', 'older-people', '65-74', 'some', 'none'),
    who('D', 'learning-disability', '5-11', 'some', 'none'),
  ];
  const comparison = compareCohort([v1, v2], encodeCohort(people), ASOF);

  it('age bands run from the youngest, by the numbers in them', () => {
    expect(Object.keys(comparison.versions[0]!.byAgeBand)).toEqual(['0-4', '5-11', '12-17', '65-74']);
    expect(Object.keys(comparison.pairs[0]!.byAgeBand)).toEqual(['0-4', '5-11', '12-17', '65-74']);
  });

  it('client groups run alphabetically by their ids (the console shows their names)', () => {
    expect(Object.keys(comparison.pairs[0]!.byClientGroup)).toEqual(['learning-disability', 'older-people']);
  });
});
