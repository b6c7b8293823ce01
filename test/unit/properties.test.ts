/**
 * Properties that hold for every valid policy and assessment, checked on generated ones (fast-check,
 * fixed seed). The oracle below recomputes amounts in BigInt from the generator's own integers, a
 * different route from the engine's (safe-integer Numbers from the policy's decimals).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type BandTable, type RoundingMode } from '../../engine/index.js';
import { carerArb, choicesArb, isoDay, pricedCase, pricePerPointPolicy, toAssessment, type GeneratedCase } from '../support/arbitraries.js';
import { lineOf, pricedLine } from '../support/scoring-policy.js';
import { scoringAssessment, scoringPolicy } from '../support/scoring-policy.js';

const RUNS = { seed: 20_100_601, numRuns: 200 } as const;

/** n ÷ d rounded, in BigInt. */
function roundDiv(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n || mode === 'down') return q;
  if (mode === 'up') return q + 1n;
  return 2n * r >= d ? q + 1n : q;
}

/** The whole calculation, step by step, from the generated integers. */
function oracle(c: GeneratedCase) {
  const { gen } = c;
  const mode = gen.mode;
  let totalMilli = 0n;
  gen.domains.forEach((d, di) => {
    d.questions.forEach((points, qi) => {
      totalMilli += BigInt(points[c.choices[di]![qi]!]!) * BigInt(d.weightMilli);
    });
  });
  const pricingPence = roundDiv(totalMilli * BigInt(gen.pencePerPoint), 1000n, mode);
  let amount = pricingPence;
  if (c.carer?.willingToContinue && c.carer.ableToContinue) {
    amount -= roundDiv(amount * BigInt(gen.carerBasisPoints[c.carer.supportLevel]![c.carer.impact]!), 10_000n, mode);
  }
  for (const u of gen.uplifts) if (u.from <= c.assessmentDate) amount += roundDiv(amount * BigInt(u.basisPoints), 10_000n, mode);
  const allocation = gen.unit === 'pound' ? roundDiv(amount, 100n, mode) * 100n : amount;
  const W = BigInt(gen.weeksPerYear10k);
  let weekly: bigint, monthly: bigint, annual: bigint;
  if (gen.period === 'week') {
    weekly = allocation;
    annual = roundDiv(weekly * W, 10_000n, 'half-up');
    monthly = roundDiv(annual, 12n, 'half-up');
  } else {
    annual = gen.period === 'month' ? allocation * 12n : allocation;
    monthly = gen.period === 'month' ? allocation : roundDiv(annual, 12n, 'half-up');
    weekly = roundDiv(annual * 10_000n, W, 'half-up');
  }
  return { totalMilli, pricingPence, allocation, weekly, monthly, annual };
}

describe('properties of every evaluation', () => {
  it('prices exactly: the pricing line and every amount equal an independent BigInt calculation', () => {
    fc.assert(
      fc.property(pricedCase, (c) => {
        const result = evaluate(c.gen.policy, toAssessment(c));
        const want = oracle(c);
        expect(BigInt(Math.round(result.points.total * 1000))).toBe(want.totalMilli);
        expect(BigInt(pricedLine(result).pence)).toBe(want.pricingPence);
        expect(BigInt(result.allocation!.pence)).toBe(want.allocation);
        expect([result.weeklyPence!, result.monthlyPence!, result.annualPence!].map(BigInt)).toEqual([
          want.weekly,
          want.monthly,
          want.annual,
        ]);
      }),
      RUNS,
    );
  });

  it('with a price per point, more points never lower the amount', () => {
    const twoAssessments = pricePerPointPolicy.chain((gen) =>
      fc.record({
        gen: fc.constant(gen),
        a: choicesArb(gen),
        b: choicesArb(gen),
        carer: carerArb,
        assessmentDate: fc.integer({ min: 0, max: 7 * 366 }).map(isoDay),
      }),
    );
    fc.assert(
      fc.property(twoAssessments, ({ gen, a, b, carer, assessmentDate }) => {
        // answers are sorted by points, so the lower index of each pair never scores more
        const lower = a.map((qs, di) => qs.map((x, qi) => Math.min(x, b[di]![qi]!)));
        const higher = a.map((qs, di) => qs.map((x, qi) => Math.max(x, b[di]![qi]!)));
        const low = evaluate(gen.policy, toAssessment({ gen, choices: lower, carer, assessmentDate }));
        const high = evaluate(gen.policy, toAssessment({ gen, choices: higher, carer, assessmentDate }));
        expect(low.points.total).toBeLessThanOrEqual(high.points.total);
        expect(pricedLine(low).pence).toBeLessThanOrEqual(pricedLine(high).pence);
        expect(low.allocation!.pence).toBeLessThanOrEqual(high.allocation!.pence);
        expect(low.weeklyPence).toBeLessThanOrEqual(high.weeklyPence!);
        expect(low.monthlyPence).toBeLessThanOrEqual(high.monthlyPence!);
        expect(low.annualPence).toBeLessThanOrEqual(high.annualPence!);
      }),
      RUNS,
    );
  });

  it('makes no carer reduction unless the carer is both willing and able', () => {
    fc.assert(
      fc.property(pricedCase, (c) => {
        const result = evaluate(c.gen.policy, toAssessment(c));
        const line = lineOf(result, 'carer-adjustment');
        const willingAndAble = c.carer?.willingToContinue === true && c.carer.ableToContinue;
        expect(line.applied).toBe(willingAndAble);
        expect(result.carerAdjustment.applied).toBe(willingAndAble);
        if (!willingAndAble) {
          expect(line.reductionPence).toBe(0);
          expect(line.percent).toBe(0);
          expect(line.afterPence).toBe(line.beforePence);
          expect(line.reason).not.toBe('applied');
        } else {
          expect(line.reason).toBe('applied');
          expect(line.afterPence).toBe(line.beforePence - line.reductionPence);
        }
      }),
      RUNS,
    );
  });

  it('caps nothing with a price per point: each whole point more adds its full price, however many points', () => {
    const arb = fc
      .record({
        pencePerPoint: fc.integer({ min: 1, max: 100_000 }),
        weightMilli: fc.integer({ min: 1000, max: 10_000 }),
        a: fc.integer({ min: 0, max: 999 }),
        b: fc.integer({ min: 0, max: 999 }),
        more: fc.integer({ min: 1, max: 999 }),
      })
      .filter(({ a, more }) => a + more <= 999);
    fc.assert(
      fc.property(arb, ({ pencePerPoint, weightMilli, a, b, more }) => {
        const policy = scoringPolicy({
          domains: [
            { id: 'personal-care', label: 'Personal care', weight: weightMilli / 1000 },
            { id: 'health', label: 'Health', weight: weightMilli / 1000 },
          ],
          pricing: { default: { method: 'price-per-point', period: 'week', pencePerPoint } },
          rounding: { unit: 'penny', mode: 'down' },
        });
        const base = evaluate(policy, scoringAssessment({ 'personal-care': a, health: b }));
        const plus = evaluate(policy, scoringAssessment({ 'personal-care': a + more, health: b }));
        // (a + b) × weight × price, and `more` raw points more add more × weight × price: no ceiling
        const basePence = (BigInt(a + b) * BigInt(weightMilli) * BigInt(pencePerPoint)) / 1000n;
        const plusPence = (BigInt(a + more + b) * BigInt(weightMilli) * BigInt(pencePerPoint)) / 1000n;
        expect(BigInt(lineOf(base, 'rounding').beforePence)).toBe(basePence);
        expect(BigInt(lineOf(plus, 'rounding').beforePence)).toBe(plusPence);
        expect(plus.allocation!.pence).toBeGreaterThan(base.allocation!.pence);
      }),
      RUNS,
    );
  });

  it('gives the open top band to any total at or above its start: bands have no ceiling', () => {
    const arb = fc.record({
      widths: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 0, maxLength: 5 }),
      pence: fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 6, maxLength: 6 }),
      extra: fc.integer({ min: 0, max: 1998 }),
    });
    fc.assert(
      fc.property(arb, ({ widths, pence, extra }) => {
        const bands: BandTable['bands'] = [];
        let from = 0;
        widths.forEach((w, i) => {
          bands.push({ from, to: from + w - 1, pence: pence[i]! });
          from += w;
        });
        bands.push({ label: 'Top', from, pence: pence[5]! });
        const total = Math.min(from + extra, 1998);
        const policy = scoringPolicy({ pricing: { default: { method: 'bands', period: 'month', bands } } });
        const result = evaluate(policy, scoringAssessment({ 'personal-care': Math.min(total, 999), health: total - Math.min(total, 999) }));
        expect(lineOf(result, 'pricing')).toMatchObject({
          band: bands.length,
          label: 'Top',
          from,
          to: null,
          wholePoints: total,
          pence: pence[5]!,
        });
        expect(result.allocation!.pence).toBe(pence[5]!);
      }),
      RUNS,
    );
  });

  it('is deterministic: the same inputs, even with keys reordered, give byte-identical JSON', () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : typeof v === 'object' && v !== null
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    fc.assert(
      fc.property(pricedCase, (c) => {
        const assessment = toAssessment(c);
        const first = JSON.stringify(evaluate(c.gen.policy, assessment));
        const second = JSON.stringify(evaluate(reverseKeys(c.gen.policy), reverseKeys(assessment)));
        expect(second).toBe(first);
      }),
      RUNS,
    );
  });

  it('keeps the periods consistent: annual is weekly × weeks a year and monthly × 12, to within the rounding', () => {
    fc.assert(
      fc.property(pricedCase, (c) => {
        const result = evaluate(c.gen.policy, toAssessment(c));
        const W = BigInt(c.gen.weeksPerYear10k);
        const weekly = BigInt(result.weeklyPence!);
        const annual = BigInt(result.annualPence!);
        const monthly = BigInt(result.monthlyPence!);
        const abs = (x: bigint) => (x < 0n ? -x : x);
        // |annual − weekly × weeksPerYear| ≤ weeksPerYear ÷ 2, in ten-thousandths
        expect(2n * abs(annual * 10_000n - weekly * W)).toBeLessThanOrEqual(W);
        // |annual − monthly × 12| ≤ 6p
        expect(2n * abs(annual - monthly * 12n)).toBeLessThanOrEqual(12n);
        // hence annual ≥ weekly × 52 − 27p, since weeksPerYear ≥ 52
        expect(annual).toBeGreaterThanOrEqual(weekly * 52n - 27n);
        const own = { week: result.weeklyPence, month: result.monthlyPence, year: result.annualPence }[result.allocation!.period];
        expect(own).toBe(result.allocation!.pence);
      }),
      RUNS,
    );
  });
});
