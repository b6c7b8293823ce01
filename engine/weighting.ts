import type { CompiledDomain } from './compile.js';
import type { DomainLine, TotalLine } from './explanation.js';
import { fromMilli } from './money.js';

export interface WeightedPoints {
  readonly domains: DomainLine[];
  /** Weighted total in thousandths of a point, exact. */
  readonly totalMilli: number;
  readonly total: TotalLine;
}

/** Each domain's raw points times its weight; weights have at most three decimals, so thousandths are exact. */
export function applyWeights(domains: ReadonlyMap<string, CompiledDomain>, raw: ReadonlyMap<string, number>): WeightedPoints {
  let totalMilli = 0;
  const lines: DomainLine[] = [...domains.values()].map(({ domain, weightMilli }) => {
    const rawPoints = raw.get(domain.id) ?? 0;
    const weightedMilli = rawPoints * weightMilli;
    totalMilli += weightedMilli;
    return {
      step: 'domain',
      domain: domain.id,
      label: domain.label,
      rawPoints,
      weight: fromMilli(weightMilli),
      weightedPoints: fromMilli(weightedMilli),
    };
  });
  return {
    domains: lines,
    totalMilli,
    total: { step: 'total', points: fromMilli(totalMilli), wholePoints: Math.floor(totalMilli / 1000) },
  };
}
