/**
 * Attribution: each person's change split into the parts of the policy that changed, applied in the
 * stated order (questionnaire → weights → standard table → each client-group table → carer → uplifts →
 * rounding), with every part worked out by hand.
 */

import { describe, expect, it } from 'vitest';
import { attributeChanges, compareCohort, encodeCohort, type Attribution, type Policy } from '../../../engine/index.js';
import { carerTable, ppp, version, who, willingAndAble } from '../../support/cohort-people.js';
import { basePolicy } from '../../support/policy-builder.js';

const ASOF = '2010-06-01';

function attribute(a: ReturnType<typeof version>, b: ReturnType<typeof version>, people: Parameters<typeof encodeCohort>[0]) {
  const cohort = encodeCohort(people);
  const comparison = compareCohort([a, b], cohort, { asOf: ASOF });
  return { cohort, comparison, attribution: attributeChanges(a, b, cohort, ASOF, comparison.included) };
}

/** Person i's parts, step by step. */
const partsOf = (attribution: Attribution, i: number, which: 'weekly' | 'annual') => attribution[which].map((s) => s[i]);

function expectPartsSumToChange(
  attribution: Attribution,
  amounts: Float64Array[],
  included: Uint8Array,
  weeklyChange?: (i: number) => number,
) {
  for (let i = 0; i < included.length; i++) {
    if (!included[i]) continue;
    const annual = partsOf(attribution, i, 'annual').reduce((x, y) => x! + y!, 0);
    expect(annual).toBe(amounts[1]![i]! - amounts[0]![i]!);
    if (weeklyChange) expect(partsOf(attribution, i, 'weekly').reduce((x, y) => x! + y!, 0)).toBe(weeklyChange(i));
  }
  attribution.steps.forEach((step, s) => {
    let weekly = 0,
      annual = 0,
      affected = 0;
    for (let i = 0; i < included.length; i++) {
      if (!included[i]) continue;
      weekly += attribution.weekly[s]![i]!;
      annual += attribution.annual[s]![i]!;
      if (attribution.weekly[s]![i] !== 0 || attribution.annual[s]![i] !== 0) affected++;
    }
    expect([step.totalWeeklyChangePence, step.totalAnnualChangePence, step.peopleAffected]).toEqual([weekly, annual, affected]);
  });
}

describe('a candidate that changes every part at once', () => {
  // Base: 488p a point, learning disability 530p, carer regular/low 10%, penny half-up, no uplift.
  const base = version('base', {
    pricing: { default: ppp(488), byClientGroup: { 'learning-disability': ppp(530) } },
    carerAdjustment: carerTable(10, 0),
  });
  // Candidate: washing "some" 10 → 12 points; health weighted 2; 500p; learning disability 520p;
  // carer regular/low 10% → 5%; a 2% uplift from 2010-04-01; rounding up to the pound.
  const candidatePolicy = structuredClone(
    basePolicy({
      version: 'candidate',
      domains: [
        { id: 'personal-care', label: 'Personal care' },
        { id: 'health', label: 'Health', weight: 2 },
      ],
      pricing: { default: ppp(500), byClientGroup: { 'learning-disability': ppp(520) } },
      carerAdjustment: carerTable(5, 0),
      uplifts: [{ from: '2010-04-01', percent: 2 }],
      rounding: { unit: 'pound', mode: 'up' },
    }),
  );
  candidatePolicy.questionnaires[0]!.questions[0]!.answers[1]!.points = 12;
  const candidate = version('candidate', candidatePolicy as Partial<Policy>);

  const { comparison, attribution } = attribute(base, candidate, [
    who('P1', 'older-people', '65-74', 'some', 'some'),
    who('P2', 'learning-disability', '25-44', 'lots', 'high', { carer: willingAndAble('low') }),
    who('P3', 'older-people', '75-84', 'none', 'none'),
  ]);

  it('applies the parts in the stated order, each with its own label and changes', () => {
    expect(attribution.steps.map((s) => [s.id, s.label])).toEqual([
      ['questionnaire', 'Questions, answers and points'],
      ['weights', 'Domain weights'],
      ['pricing:default', 'Standard allocation table'],
      ['pricing:learning-disability', 'Allocation table for Learning disability'],
      ['carer', 'Carer adjustment table'],
      ['uplifts', 'Uplifts'],
      ['rounding', 'Rounding and weeks in a year'],
    ]);
    expect(attribution.steps.map((s) => s.changes.map((c) => c.description))).toEqual([
      ['"Washing", "Some help": 10 → 12 points'],
      ['Weight of Health: 1 → 2'],
      ['Price per point (the standard table): £4.88 → £5.00 a week'],
      ['Price per point (the Learning disability table): £5.30 → £5.20 a week'],
      ['Carer reduction for Regular support, Low impact: 10% → 5%'],
      ['New uplift of 2% from 1 April 2010'],
      ['Rounding: half-up to the penny → up to the pound'],
    ]);
  });

  it("credits each part of P1's change (older people, 10 + 5 points, no carer)", () => {
    // base: 15 × 488 = 7,320 a week (× 52 = 380,640)
    // questionnaire: 12 + 5 = 17 × 488 = 8,296 → +976      (annual 431,392 → +50,752)
    // weights: 12 + 5 × 2 = 22 × 488 = 10,736 → +2,440     (558,272 → +126,880)
    // standard table: 22 × 500 = 11,000 → +264             (572,000 → +13,728)
    // learning disability table, carer: not P1's → 0, 0
    // uplift: 11,000 × 2% = 220 → 11,220 → +220            (583,440 → +11,440)
    // rounding up to the pound: 11,300 → +80               (587,600 → +4,160)
    expect(partsOf(attribution, 0, 'weekly')).toEqual([976, 2_440, 264, 0, 0, 220, 80]);
    expect(partsOf(attribution, 0, 'annual')).toEqual([50_752, 126_880, 13_728, 0, 0, 11_440, 4_160]);
    // 7,320 → 11,300: +3,980 a week; 380,640 → 587,600: +206,960 a year
    expect(comparison.amounts[1]![0]! - comparison.amounts[0]![0]!).toBe(206_960);
  });

  it("credits each part of P2's change (learning disability, 40 + 30 points, carer regular/low)", () => {
    // base: 70 × 530 = 37,100; carer 10% = 3,710 → 33,390 a week (× 52 = 1,736,280)
    // questionnaire: "lots" is still 40 → 0
    // weights: 40 + 30 × 2 = 100 × 530 = 53,000 − 5,300 = 47,700 → +14,310   (2,480,400 → +744,120)
    // standard table: not P2's → 0
    // learning disability 520p: 52,000 − 5,200 = 46,800 → −900               (2,433,600 → −46,800)
    // carer 5%: 52,000 − 2,600 = 49,400 → +2,600                              (2,568,800 → +135,200)
    // uplift 2%: 49,400 + 988 = 50,388 → +988                                 (2,620,176 → +51,376)
    // rounding up to the pound: 50,400 → +12                                  (2,620,800 → +624)
    expect(partsOf(attribution, 1, 'weekly')).toEqual([0, 14_310, 0, -900, 2_600, 988, 12]);
    expect(partsOf(attribution, 1, 'annual')).toEqual([0, 744_120, 0, -46_800, 135_200, 51_376, 624]);
    // 33,390 → 50,400: +17,010 a week; 1,736,280 → 2,620,800: +884,520
    expect(comparison.amounts[1]![1]! - comparison.amounts[0]![1]!).toBe(884_520);
  });

  it('a person with no points has no part in any step', () => {
    expect(partsOf(attribution, 2, 'weekly')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(partsOf(attribution, 2, 'annual')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("every person's parts sum exactly to their change, and each step's totals are the sum of its parts", () => {
    expectPartsSumToChange(attribution, comparison.amounts, comparison.included, (i) => [3_980, 17_010, 0][i]!);
    // step totals by hand: weekly 976 | 2,440 + 14,310 | 264 | −900 | 2,600 | 220 + 988 | 80 + 12
    expect(attribution.steps.map((s) => s.totalWeeklyChangePence)).toEqual([976, 16_750, 264, -900, 2_600, 1_208, 92]);
    expect(attribution.steps.map((s) => s.totalAnnualChangePence)).toEqual([50_752, 871_000, 13_728, -46_800, 135_200, 62_816, 4_784]);
    expect(attribution.steps.map((s) => s.peopleAffected)).toEqual([1, 2, 1, 1, 1, 2, 2]);
  });
});

describe('which steps are listed', () => {
  const people = [who('P1', 'older-people', '65-74', 'some', 'some'), who('P2', 'older-people', '75-84', 'lots', 'high')];

  it('only the parts that changed are steps, still in the stated order', () => {
    // uplift and price: 15 pts: 15 × 500 = 7,500 (+180), + 1% = 75 → 7,575 (+75)
    //                   70 pts: 70 × 500 = 35,000 (+840), + 1% = 350 → 35,350 (+350)
    const a = version('a');
    const b = version('b', { uplifts: [{ from: '2010-01-01', percent: 1 }], pricing: { default: ppp(500) } });
    const { comparison, attribution } = attribute(a, b, people);
    expect(attribution.steps.map((s) => s.id)).toEqual(['pricing:default', 'uplifts']);
    expect(partsOf(attribution, 0, 'weekly')).toEqual([180, 75]);
    expect(partsOf(attribution, 1, 'weekly')).toEqual([840, 350]);
    // annual: × 52 → [9,360, 3,900] and [43,680, 18,200]
    expect(partsOf(attribution, 1, 'annual')).toEqual([43_680, 18_200]);
    expectPartsSumToChange(attribution, comparison.amounts, comparison.included);
  });

  it('weeks in a year move the annual amount only', () => {
    // 15 × 488 = 7,320 a week; × 52.1429 = 381,686.03 → 381,686 (was 380,640: +1,046)
    const a = version('a');
    const b = version('b', { weeksPerYear: 52.1429 });
    const { attribution } = attribute(a, b, people);
    expect(attribution.steps.map((s) => s.id)).toEqual(['rounding']);
    expect(partsOf(attribution, 0, 'weekly')).toEqual([0]);
    expect(partsOf(attribution, 0, 'annual')).toEqual([1_046]);
  });

  it('a new client group with its own table: the questions step comes first, then the table', () => {
    const a = version('a');
    const b = version('b', {
      clientGroups: [...basePolicy().clientGroups, { id: 'mental-health', label: 'Mental health' }],
      pricing: { default: ppp(488), byClientGroup: { 'mental-health': ppp(600) } },
    });
    const { comparison, attribution } = attribute(a, b, [...people, who('M', 'mental-health', '45-64', 'some', 'some')]);
    expect(attribution.steps.map((s) => [s.id, s.label])).toEqual([
      ['questionnaire', 'Questions, answers and points'],
      ['pricing:mental-health', 'Allocation table for Mental health'],
    ]);
    expect(attribution.steps[0]!.changes.map((c) => c.description)).toEqual(['New client group: Mental health']);
    expect(attribution.steps[1]!.changes.map((c) => c.description)).toEqual([
      'New allocation table for Mental health (was the standard table)',
    ]);
    // M is not in the base version's client groups, so M is not compared and has no parts
    expect([...comparison.included]).toEqual([1, 1, 0]);
    expect(attribution.weekly[0]![2]).toBeNaN();
    expect(attribution.steps.map((s) => s.totalAnnualChangePence)).toEqual([0, 0]);
  });

  it('a step whose policy on its own would be invalid is merged into the next, whose label and id carry both', () => {
    // Removing the learning disability group on its own leaves its table pointing at no group (invalid),
    // so the questions step is merged with that table's removal. The carer change is its own step.
    const a = version('a', {
      pricing: { default: ppp(488), byClientGroup: { 'learning-disability': ppp(530) } },
      carerAdjustment: carerTable(10, 0),
    });
    const b = version('b', { clientGroups: [basePolicy().clientGroups[0]!], carerAdjustment: carerTable(20, 0) });
    const { comparison, attribution } = attribute(a, b, [
      who('P1', 'older-people', '65-74', 'some', 'some', { carer: willingAndAble('low') }),
      who('L', 'learning-disability', '25-44', 'some', 'some'),
    ]);
    expect(attribution.steps.map((s) => [s.id, s.label])).toEqual([
      ['questionnaire+pricing:learning-disability', 'Questions, answers and points and Allocation table for learning-disability'],
      ['carer', 'Carer adjustment table'],
    ]);
    expect(attribution.steps[0]!.changes.map((c) => c.description)).toEqual([
      'Client group removed: Learning disability',
      'Learning disability now use the standard table',
    ]);
    // P1: 15 × 488 = 7,320; carer 10% = 732 → 6,588; 20% = 1,464 → 5,856: the carer step −732, the merged step 0
    expect(partsOf(attribution, 0, 'weekly')).toEqual([0, -732]);
    expect(partsOf(attribution, 0, 'annual')).toEqual([0, -38_064]);
    expect([...comparison.included]).toEqual([1, 0]);
    expectPartsSumToChange(attribution, comparison.amounts, comparison.included);
  });

  it('no change that affects amounts gives one empty step', () => {
    const a = version('a');
    const b = version('b', { title: 'Retitled' });
    const { attribution } = attribute(a, b, people);
    expect(attribution.steps).toEqual([
      {
        id: 'none',
        label: 'No change that affects amounts',
        changes: [],
        totalWeeklyChangePence: 0,
        totalAnnualChangePence: 0,
        peopleAffected: 0,
      },
    ]);
  });
});
