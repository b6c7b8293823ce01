import { error, pointer, type Issue } from '../issues.js';
import type { Condition, FactCondition, Policy } from '../policy.js';
import { FACT_NAMES, factDefinition, factKeys, isFact } from '../rule-facts.js';

/**
 * A rule or eligibility condition that names a fact or key the engine will never supply could never
 * be met as written: that is a policy error.
 */
export function checkRules(policy: Policy): Issue[] {
  const keys = new Map(
    FACT_NAMES.flatMap((fact) => {
      const { keyedBy } = factDefinition(fact);
      return keyedBy ? [[fact, factKeys(policy, keyedBy)] as const] : [];
    }),
  );
  const conditions = [
    ...(policy.rules ?? []).map((rule, i) => ({ conditions: rule.conditions, at: ['rules', i, 'conditions'], eligibility: false })),
    ...(policy.eligibility ?? []).map((c, i) => ({ conditions: c.conditions, at: ['eligibility', i, 'conditions'], eligibility: true })),
  ];
  return conditions.flatMap(({ conditions, at, eligibility }) =>
    walk(conditions, at).flatMap(({ condition, at }) => [
      ...(eligibility && isFact(condition.fact) && factDefinition(condition.fact).amount
        ? [
            error(
              'eligibility_tests_amount',
              pointer(...at, 'fact'),
              `an eligibility condition cannot test '${condition.fact}': amounts are worked out only for people who are eligible. Test points, answers, age, client group or the assessment's facts, or make it a rule that flags`,
              { fact: condition.fact },
            ),
          ]
        : checkFact(condition, at, keys)),
      ...checkValue(condition, at),
    ]),
  );
}

/** Every fact condition inside a condition, with where it is. */
export function walk(
  condition: Condition,
  at: Array<string | number> = [],
): Array<{ condition: FactCondition; at: Array<string | number> }> {
  if ('all' in condition) return condition.all.flatMap((c, i) => walk(c, [...at, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => walk(c, [...at, 'any', i]));
  if ('not' in condition) return walk(condition.not, [...at, 'not']);
  return [{ condition, at }];
}

const NUMERIC = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const LISTS = ['in', 'notIn'];

/** json-rules-engine's operators need a number or a list on the right; anything else never matches or throws. */
function checkValue(condition: FactCondition, at: Array<string | number>): Issue[] {
  const { operator, value } = condition;
  if (NUMERIC.includes(operator) && typeof value !== 'number') {
    return [
      error(
        'rule_value_type',
        pointer(...at, 'value'),
        `'${operator}' compares numbers, but the value is ${JSON.stringify(value)}: give a number`,
        { operator },
      ),
    ];
  }
  if (LISTS.includes(operator) && !Array.isArray(value)) {
    return [
      error(
        'rule_value_type',
        pointer(...at, 'value'),
        `'${operator}' looks the fact up in a list, but the value is ${JSON.stringify(value)}: give a list such as ["a", "b"]`,
        { operator },
      ),
    ];
  }
  if (!LISTS.includes(operator) && Array.isArray(value)) {
    return [
      error(
        'rule_value_type',
        pointer(...at, 'value'),
        `'${operator}' compares with one value, but the value is a list: use 'in' or 'notIn' for a list`,
        { operator },
      ),
    ];
  }
  return [];
}

function checkFact(condition: FactCondition, at: Array<string | number>, keys: ReadonlyMap<string, string[]>): Issue[] {
  const { fact, path } = condition;
  if (!isFact(fact)) {
    const known = [...FACT_NAMES];
    return [
      error(
        'unknown_fact',
        pointer(...at, 'fact'),
        `fact '${fact}' does not exist; rules can test ${known.map((f) => `'${f}'`).join(', ')}`,
        { fact, known },
      ),
    ];
  }
  const objectKeys = keys.get(fact);
  if (!objectKeys) {
    return path === undefined
      ? []
      : [
          error('unknown_fact_path', pointer(...at, 'path'), `fact '${fact}' is a single value, so it takes no path (got '${path}')`, {
            fact,
            path,
          }),
        ];
  }
  if (path === undefined) {
    return [
      error(
        'fact_path_required',
        pointer(...at, 'fact'),
        `fact '${fact}' holds one value per id: add a path such as "$.${objectKeys[0] ?? 'id'}"`,
        { fact },
      ),
    ];
  }
  const key = path.slice(2);
  return objectKeys.includes(key)
    ? []
    : [
        error(
          'unknown_fact_path',
          pointer(...at, 'path'),
          fact === 'facts' && objectKeys.length === 0
            ? `'${key}' is not declared: declare it in the policy's 'facts' with its label and type`
            : `'${key}' is not a key of fact '${fact}'; it has ${someOf(objectKeys)}`,
          { fact, path, known: objectKeys },
        ),
      ];
}

/** The keys a fact has, the first few by name: a 5,000-question policy's message names twenty, not all. */
function someOf(keys: readonly string[]): string {
  const named = keys.slice(0, NAMED_KEYS).map((k) => `'${k}'`);
  return keys.length > NAMED_KEYS ? `${named.join(', ')} and ${keys.length - NAMED_KEYS} more` : named.join(', ');
}

const NAMED_KEYS = 20;
