import { error, pointer, warning, type Issue } from '../issues.js';
import type { Policy, Pricing } from '../policy.js';

interface Step {
  /** How the band is named to the officer: its label as the console shows it, or its place in the table. */
  name: string;
  from: number;
  to?: number;
  /** Undefined for a band whose outcome has no amount (schemaVersion 2). */
  amount: number | undefined;
}

/** A band's name in a message: its label when it has one (a table may label its second row "Band 1"). */
const bandName = (band: { label?: string }, i: number) => (band.label ? `band '${band.label}'` : `band ${i + 1}`);

const DEFAULT_CLIFF_EDGE_PERCENT = 50;

/**
 * Band tables must give every whole-point total exactly one band: start at 0, contiguous, no overlap,
 * and an open top band, because the RAS has no ceiling. Falling amounts and cliff edges are warnings.
 */
export function checkBands(policy: Policy): Issue[] {
  const cliffPercent = policy.warnings?.cliffEdgePercent ?? DEFAULT_CLIFF_EDGE_PERCENT;
  return pricingTables(policy).flatMap(({ pricing, at }) => {
    if (pricing.method === 'price-per-point') return [];
    const steps: Step[] =
      pricing.method === 'bands'
        ? pricing.bands.map((b, i) => ({ name: bandName(b, i), from: b.from, to: b.to, amount: b.pence }))
        : pricing.bands.map((b, i) => ({ name: bandName(b, i), from: b.from, to: b.to, amount: b.hours }));
    const structural = checkStructure(steps, [...at, 'bands']);
    if (structural.length > 0) return structural;
    const unit = pricing.method === 'bands' ? 'pence' : 'hours';
    return checkShape(steps, [...at, 'bands'], cliffPercent, unit);
  });
}

export function pricingTables(policy: Policy): Array<{ pricing: Pricing; at: string[] }> {
  return [
    { pricing: policy.pricing.default, at: ['pricing', 'default'] },
    ...Object.entries(policy.pricing.byClientGroup ?? {}).map(([group, pricing]) => ({ pricing, at: ['pricing', 'byClientGroup', group] })),
  ];
}

function checkStructure(steps: Step[], at: Array<string | number>): Issue[] {
  const issues: Issue[] = [];
  const first = steps[0];
  if (first && first.from !== 0) {
    issues.push(
      error(
        'band_not_from_zero',
        pointer(...at, 0, 'from'),
        `${first.name} starts at ${first.from} points: the first band must start at 0 so that every total has a band`,
        { from: first.from },
      ),
    );
  }
  steps.forEach((band, i) => {
    if (band.to !== undefined && band.to < band.from) {
      issues.push(
        error(
          'band_range_inverted',
          pointer(...at, i, 'to'),
          `${band.name} runs from ${band.from} to ${band.to} points: 'to' must not be below 'from'`,
          { from: band.from, to: band.to },
        ),
      );
    }
    const previous = steps[i - 1];
    if (previous) issues.push(...checkJoin(previous, band, i, at));
  });
  const last = steps[steps.length - 1];
  if (last?.to !== undefined) {
    issues.push(
      error(
        'band_top_closed',
        pointer(...at, steps.length - 1, 'to'),
        `the top band ends at ${last.to} points: leave out its 'to' so that higher totals still get an amount (there is no ceiling)`,
        { to: last.to },
      ),
    );
  }
  return issues;
}

function checkJoin(previous: Step, band: Step, i: number, at: Array<string | number>): Issue[] {
  if (previous.to === undefined) {
    return [
      error(
        'band_open_not_last',
        pointer(...at, i - 1),
        `${previous.name} has no 'to' but ${band.name} follows it: only the top band may be open-ended`,
        {},
      ),
    ];
  }
  const expected = previous.to + 1;
  if (band.from === expected) return [];
  const code = band.from > expected ? 'band_gap' : 'band_overlap';
  return [
    error(
      code,
      pointer(...at, i, 'from'),
      `${band.name} starts at ${band.from} points but ${previous.name} ends at ${previous.to}: bands must be contiguous and must not overlap (expected ${expected})`,
      { from: band.from, previousTo: previous.to, expected },
    ),
  ];
}

/** Between neighbouring priced bands only: a band with an outcome and no amount is not a smaller amount. */
function checkShape(steps: Array<Step>, at: Array<string | number>, cliffPercent: number, unit: string): Issue[] {
  return steps.flatMap((band, i) => {
    const previous = steps[i - 1];
    if (!previous || previous.amount === undefined || band.amount === undefined) return [];
    if (band.amount < previous.amount) {
      return [
        warning(
          'amount_falls_as_points_rise',
          pointer(...at, i),
          `${band.name} (${band.from}+ points) gives ${band.amount} ${unit}, less than ${previous.name} gives (${previous.amount}): more need would get less`,
          { amount: band.amount, previousAmount: previous.amount },
        ),
      ];
    }
    const risePercent = previous.amount > 0 ? ((band.amount - previous.amount) / previous.amount) * 100 : 0;
    if (risePercent <= cliffPercent) return [];
    return [
      warning(
        'cliff_edge',
        pointer(...at, i),
        `one point more (${band.from - 1} to ${band.from}) raises the amount from ${previous.amount} to ${band.amount} ${unit}, ${Math.round(risePercent)}%: more than the ${cliffPercent}% cliff-edge threshold`,
        { from: band.from, amount: band.amount, previousAmount: previous.amount, risePercent: Math.round(risePercent) },
      ),
    ];
  });
}
