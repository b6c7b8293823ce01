/**
 * Why each person's amount changed between two versions: the changed parts of the policy are applied
 * one at a time, in a stated order, and each part is credited with the change it makes. The parts
 * telescope, so for every person they sum exactly to the whole change.
 */

import { compilePolicy, type CompiledPolicy } from '../compile.js';
import { diffVersions, type PolicyChange } from '../diff.js';
import type { IsoDate, Policy } from '../policy.js';
import type { VersionUnderTest } from './compare.js';
import type { EncodedCohort } from './encoded-cohort.js';
import { compileFastEvaluator, emptyResult } from './fast-evaluator.js';

export interface AttributionStep {
  id: string;
  label: string;
  changes: PolicyChange[];
  totalWeeklyChangePence: number;
  totalAnnualChangePence: number;
  peopleAffected: number;
}

export interface Attribution {
  /** The order the parts were applied in; it matters, so it is stated. */
  steps: AttributionStep[];
  /** weekly[s][i], annual[s][i]: person i's change from step s (NaN where the person is not compared). */
  weekly: Float64Array[];
  annual: Float64Array[];
}

interface Part {
  id: string;
  label: string;
  differs: (a: Policy, b: Policy) => boolean;
  apply: (policy: Policy, candidate: Policy) => void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The stated order: what is asked, how it is weighted, how points are priced, then the adjustments. */
function parts(base: Policy, candidate: Policy): Part[] {
  const groups = [
    ...new Set([...Object.keys(base.pricing.byClientGroup ?? {}), ...Object.keys(candidate.pricing.byClientGroup ?? {})]),
  ].sort();
  const label = (g: string) => candidate.clientGroups.find((x) => x.id === g)?.label ?? g;
  return [
    {
      id: 'questionnaire',
      label: 'Questions, answers and points',
      differs: (a, b) =>
        !same(a.questionnaires, b.questionnaires) ||
        !same(a.clientGroups, b.clientGroups) ||
        !same(
          a.domains.map((d) => [d.id, d.label]),
          b.domains.map((d) => [d.id, d.label]),
        ),
      apply: (p, c) => {
        const weights = new Map(p.domains.map((d) => [d.id, d.weight]));
        p.questionnaires = c.questionnaires;
        p.clientGroups = c.clientGroups;
        p.domains = c.domains.map((d) => ({ ...d, weight: weights.has(d.id) ? weights.get(d.id) : d.weight }));
      },
    },
    {
      id: 'weights',
      label: 'Domain weights',
      differs: (a, b) => !same(a.domains, b.domains),
      apply: (p, c) => {
        p.domains = c.domains;
      },
    },
    {
      id: 'pricing:default',
      label: 'Standard allocation table',
      differs: (a, b) => !same(a.pricing.default, b.pricing.default),
      apply: (p, c) => {
        p.pricing = { ...p.pricing, default: c.pricing.default };
      },
    },
    ...groups.map(
      (g): Part => ({
        id: `pricing:${g}`,
        label: `Allocation table for ${label(g)}`,
        differs: (a, b) => !same(a.pricing.byClientGroup?.[g], b.pricing.byClientGroup?.[g]),
        apply: (p, c) => {
          const byClientGroup = { ...p.pricing.byClientGroup };
          if (c.pricing.byClientGroup?.[g]) byClientGroup[g] = c.pricing.byClientGroup[g];
          else delete byClientGroup[g];
          p.pricing = { ...p.pricing, byClientGroup };
        },
      }),
    ),
    {
      id: 'carer',
      label: 'Carer adjustment table',
      differs: (a, b) => !same(a.carerAdjustment, b.carerAdjustment),
      apply: (p, c) => {
        p.carerAdjustment = c.carerAdjustment;
        if (!c.carerAdjustment) delete p.carerAdjustment;
      },
    },
    {
      id: 'uplifts',
      label: 'Uplifts',
      differs: (a, b) => !same(a.uplifts ?? [], b.uplifts ?? []),
      apply: (p, c) => {
        p.uplifts = c.uplifts ?? [];
      },
    },
    {
      id: 'maximum',
      label: 'Maximum',
      differs: (a, b) => !same(a.maximum ?? null, b.maximum ?? null),
      apply: (p, c) => {
        p.maximum = c.maximum;
        if (!c.maximum) delete p.maximum;
      },
    },
    {
      id: 'rounding',
      label: 'Rounding and weeks in a year',
      differs: (a, b) => !same(a.rounding, b.rounding) || a.weeksPerYear !== b.weeksPerYear,
      apply: (p, c) => {
        p.rounding = c.rounding;
        p.weeksPerYear = c.weeksPerYear;
      },
    },
  ];
}

/** Which changes of the diff belong to a part, so each step can show exactly what it changed. */
function changesOf(id: string, changes: PolicyChange[]): PolicyChange[] {
  if (id.startsWith('pricing:')) {
    const group = id.slice('pricing:'.length);
    return changes.filter(
      (c) =>
        c.area === 'pricing' &&
        (group === 'default' ? c.path.startsWith('/pricing/default') : c.path.startsWith(`/pricing/byClientGroup/${group}`)),
    );
  }
  return changes.filter((c) => c.area === id);
}

/**
 * Splits each compared person's change between `base` and `candidate` into the parts of the policy that
 * changed. `included` marks the people the comparison kept (evaluable under both versions).
 */
export function attributeChanges(
  base: VersionUnderTest,
  candidate: VersionUnderTest,
  cohort: EncodedCohort,
  asOf: IsoDate,
  included: Uint8Array,
): Attribution {
  const chain = intermediates(base.compiled.policy, candidate.compiled.policy);
  const evaluators = [base.compiled, ...chain.steps.map((c) => c.compiled), candidate.compiled].map((c) =>
    compileFastEvaluator(c, cohort, asOf),
  );
  const steps = [...chain.steps.map((c) => c.part), chain.last];
  const weekly = steps.map(() => new Float64Array(cohort.size).fill(NaN));
  const annual = steps.map(() => new Float64Array(cohort.size).fill(NaN));
  const diff = diffVersions(base.compiled.policy, candidate.compiled.policy);
  const totals = steps.map(() => ({ weekly: 0, annual: 0, affected: 0 }));

  // Two reused outcomes: the amount before a step and after it.
  let previous = emptyResult();
  let next = emptyResult();
  for (let i = 0; i < cohort.size; i++) {
    if (!included[i]) continue;
    evaluators[0]!.into(i, previous);
    for (let s = 0; s < steps.length; s++) {
      // A person an intermediate policy cannot evaluate, or gives no amount, keeps the previous amount; the
      // next step takes the change (the compared people have an amount under both ends).
      const error = evaluators[s + 1]!.into(i, next);
      const moved = error === null && next.annualPence !== null;
      const w = moved ? next.weeklyPence! - previous.weeklyPence! : 0;
      const a = moved ? next.annualPence! - previous.annualPence! : 0;
      weekly[s]![i] = w;
      annual[s]![i] = a;
      totals[s]!.weekly += w;
      totals[s]!.annual += a;
      if (w !== 0 || a !== 0) totals[s]!.affected++;
      if (moved) [previous, next] = [next, previous];
    }
  }
  return {
    steps: steps.map((p, s) => {
      const ids = p.id.split('+');
      return {
        id: p.id,
        label: p.label,
        changes: ids.flatMap((id) => changesOf(id, diff)),
        totalWeeklyChangePence: totals[s]!.weekly,
        totalAnnualChangePence: totals[s]!.annual,
        peopleAffected: totals[s]!.affected,
      };
    }),
    weekly,
    annual,
  };
}

interface Chain {
  /** Intermediate policies, each with one more changed part applied. */
  steps: Array<{ part: { id: string; label: string }; compiled: CompiledPolicy }>;
  /** The part (or parts) the final step, from the last intermediate to the candidate, applies. */
  last: { id: string; label: string };
}

/**
 * The policies between base and candidate. A combination that is not a valid policy on its own (say,
 * a new table for a client group the old questionnaire lacks) is folded into the next part, whose
 * step then carries both. The last changed part needs no intermediate: its step ends at the candidate.
 */
function intermediates(base: Policy, candidate: Policy): Chain {
  const changed = parts(base, candidate).filter((p) => p.differs(base, candidate));
  const steps: Chain['steps'] = [];
  // Read in the later of the two formats, so a step may hold what only the later one can say.
  let policy: Policy = {
    ...structuredClone(base),
    rules: [],
    schemaVersion: Math.max(base.schemaVersion, candidate.schemaVersion) as Policy['schemaVersion'],
  };
  let pending: Array<{ id: string; label: string }> = [];
  for (const part of changed.slice(0, -1)) {
    part.apply(policy, candidate);
    pending.push({ id: part.id, label: part.label });
    policy = { ...policy, version: `${base.version}-attribution-${steps.length + 1}` };
    const compiled = tryCompile(policy);
    if (compiled) {
      steps.push({ part: merge(pending), compiled });
      pending = [];
    }
  }
  const last = changed.at(-1);
  return { steps, last: merge([...pending, last ?? { id: 'none', label: 'No change that affects amounts' }]) };
}

function tryCompile(policy: Policy): CompiledPolicy | null {
  try {
    return compilePolicy(structuredClone(policy));
  } catch {
    return null;
  }
}

function merge(parts: Array<{ id: string; label: string }>): { id: string; label: string } {
  return { id: parts.map((p) => p.id).join('+'), label: parts.map((p) => p.label).join(' and ') };
}
