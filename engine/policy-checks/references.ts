import { error, pointer, warning, type Issue } from '../issues.js';
import type { Policy } from '../policy.js';
import { pricingTables } from './bands.js';

/** Every id the policy refers to must be declared, so nothing is silently ignored at evaluation. */
export function checkReferences(policy: Policy): Issue[] {
  const clientGroups = policy.clientGroups.map((g) => g.id);
  const domains = policy.domains.map((d) => d.id);
  return [
    ...policy.questionnaires.flatMap((q, qi) => [
      ...q.questions.flatMap((question, i) =>
        unknown('unknown_domain', question.domain, domains, 'domain', ['questionnaires', qi, 'questions', i, 'domain']),
      ),
      ...(q.appliesTo?.clientGroups ?? []).flatMap((g, i) =>
        unknown('unknown_client_group', g, clientGroups, 'client group', ['questionnaires', qi, 'appliesTo', 'clientGroups', i]),
      ),
    ]),
    ...Object.keys(policy.pricing.byClientGroup ?? {}).flatMap((g) =>
      unknown('unknown_client_group', g, clientGroups, 'client group', ['pricing', 'byClientGroup', g]),
    ),
    ...checkCarerTable(policy),
    ...checkOutcomes(policy),
  ];
}

/** Every band's outcome is one the policy declares; a declared outcome no band gives is likely a slip. */
function checkOutcomes(policy: Policy): Issue[] {
  const declared = (policy.outcomes ?? []).map((o) => o.id);
  const used = new Set<string>();
  const issues = pricingTables(policy).flatMap(({ pricing, at }) =>
    pricing.method === 'price-per-point'
      ? []
      : pricing.bands.flatMap((band, i) => {
          if (band.outcome === undefined) return [];
          used.add(band.outcome);
          const name = band.label ? `band '${band.label}'` : `band ${i + 1}`;
          return declared.includes(band.outcome)
            ? []
            : [
                error(
                  'unknown_outcome',
                  pointer(...at, 'bands', i, 'outcome'),
                  declared.length === 0
                    ? `${name} gives the outcome '${band.outcome}', but the policy declares no outcomes: add it to 'outcomes' with its label and words for the person`
                    : `${name} gives the outcome '${band.outcome}', which is not declared; declared outcomes are ${declared.map((d) => `'${d}'`).join(', ')}`,
                  { id: band.outcome, known: declared },
                ),
              ];
        }),
  );
  (policy.outcomes ?? []).forEach((o, i) => {
    if (!used.has(o.id))
      issues.push(
        warning('outcome_unused', pointer('outcomes', i), `the outcome '${o.label}' is declared but no band gives it`, { id: o.id }),
      );
  });
  return issues;
}

function checkCarerTable(policy: Policy): Issue[] {
  const table = policy.carerAdjustment;
  if (!table) return [];
  const levels = table.supportLevels.map((l) => l.id);
  const impacts = table.impacts.map((i) => i.id);
  const issues: Issue[] = [];
  for (const [level, row] of Object.entries(table.reductions)) {
    issues.push(...unknown('unknown_support_level', level, levels, 'support level', ['carerAdjustment', 'reductions', level]));
    for (const impact of Object.keys(row)) {
      issues.push(...unknown('unknown_impact', impact, impacts, 'impact', ['carerAdjustment', 'reductions', level, impact]));
    }
  }
  for (const level of levels) {
    const row = Object.hasOwn(table.reductions, level) ? table.reductions[level]! : {};
    const missing = impacts.filter((impact) => !Object.hasOwn(row, impact));
    if (missing.length > 0) {
      issues.push(
        error(
          'carer_table_incomplete',
          pointer('carerAdjustment', 'reductions', level),
          `the carer table has no reduction for support level '${level}' with impact ${missing.map((m) => `'${m}'`).join(', ')}: give a percentage (0 for none) for every level and impact`,
          { supportLevel: level, missingImpacts: missing },
        ),
      );
    }
  }
  return issues;
}

function unknown(
  code: 'unknown_domain' | 'unknown_client_group' | 'unknown_support_level' | 'unknown_impact',
  id: string,
  known: string[],
  what: string,
  at: Array<string | number>,
): Issue[] {
  if (known.includes(id)) return [];
  return [
    error(code, pointer(...at), `${what} '${id}' is not declared; declared ${what}s are ${known.map((k) => `'${k}'`).join(', ')}`, {
      id,
      known,
    }),
  ];
}
