/**
 * Small hand-made cohorts for the scrutiny tests, answering basePolicy's questionnaire:
 * washing {none 0, some 10, lots 40, na 0} and health-needs {none 0, some 5, high 30}.
 */

import type { CarerSituation, CohortPerson, Policy, Pricing } from '../../engine/index.js';
import { compilePolicy, type CompiledPolicy } from '../../engine/index.js';
import { basePolicy } from './policy-builder.js';

export type Washing = 'none' | 'some' | 'lots' | 'na';
export type HealthNeeds = 'none' | 'some' | 'high';

/** A cohort person answering basePolicy's two questions (health-needs left out when undefined). */
export function who(
  ref: string,
  clientGroup: string,
  ageBand: string,
  washing: Washing,
  health: HealthNeeds | undefined,
  extra: { carer?: CarerSituation; currentAnnualCostPence?: number } = {},
): CohortPerson {
  return {
    ref,
    clientGroup,
    ageBand,
    answers: { washing, ...(health === undefined ? {} : { 'health-needs': health }) },
    ...extra,
  };
}

/** A price per point table. */
export function ppp(pencePerPoint: number, period: Pricing['period'] = 'week'): Pricing {
  return { method: 'price-per-point', period, pencePerPoint };
}

/** basePolicy with a version name and overrides, compiled. */
export function version(name: string, overrides: Partial<Policy> = {}): { version: string; compiled: CompiledPolicy } {
  return { version: name, compiled: compilePolicy(basePolicy({ version: name, ...overrides })) };
}

/** A carer table with one support level ("regular") and two impacts ("low", "high"). */
export function carerTable(low: number, high: number): NonNullable<Policy['carerAdjustment']> {
  return {
    supportLevels: [{ id: 'regular', label: 'Regular support' }],
    impacts: [
      { id: 'low', label: 'Low impact' },
      { id: 'high', label: 'High impact' },
    ],
    reductions: { regular: { low, high } },
  };
}

export const willingAndAble = (impact: 'low' | 'high'): CarerSituation => ({
  willingToContinue: true,
  ableToContinue: true,
  supportLevel: 'regular',
  impact,
});
