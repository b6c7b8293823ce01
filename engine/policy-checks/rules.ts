import { error, pointer, type Issue } from '../issues.js';
import type { Condition, FactCondition, Policy } from '../policy.js';

/** The facts a rule may test. Object facts are read one key at a time with a "$.<id>" path. */
export const SCALAR_FACTS = [
  'totalPoints', 'age', 'clientGroup', 'questionnaire',
  'allocationPence', 'weeklyPence', 'monthlyPence', 'annualPence',
  'carerReductionApplied', 'carerReductionPercent',
] as const;
export const OBJECT_FACTS = ['domainPoints', 'weightedDomainPoints', 'answers'] as const;

/** A rule that names a fact or key the engine will never supply could never fire: that is a policy error. */
export function checkRules(policy: Policy): Issue[] {
  const keys: Record<(typeof OBJECT_FACTS)[number], string[]> = {
    domainPoints: policy.domains.map((d) => d.id),
    weightedDomainPoints: policy.domains.map((d) => d.id),
    answers: [...new Set(policy.questionnaires.flatMap((q) => q.questions.map((question) => question.id)))],
  };
  return (policy.rules ?? []).flatMap((rule, i) =>
    walk(rule.conditions, ['rules', i, 'conditions']).flatMap(({ condition, at }) => checkFact(condition, at, keys)));
}

function walk(condition: Condition, at: Array<string | number>): Array<{ condition: FactCondition; at: Array<string | number> }> {
  if ('all' in condition) return condition.all.flatMap((c, i) => walk(c, [...at, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((c, i) => walk(c, [...at, 'any', i]));
  if ('not' in condition) return walk(condition.not, [...at, 'not']);
  return [{ condition, at }];
}

function checkFact(condition: FactCondition, at: Array<string | number>, keys: Record<string, string[]>): Issue[] {
  const { fact, path } = condition;
  const known = [...SCALAR_FACTS, ...OBJECT_FACTS] as string[];
  if (!known.includes(fact)) {
    return [error('unknown_fact', pointer(...at, 'fact'),
      `fact '${fact}' does not exist; rules can test ${known.map((f) => `'${f}'`).join(', ')}`, { fact, known })];
  }
  const objectKeys = keys[fact];
  if (!objectKeys) {
    return path === undefined ? [] : [error('unknown_fact_path', pointer(...at, 'path'),
      `fact '${fact}' is a single value, so it takes no path (got '${path}')`, { fact, path })];
  }
  if (path === undefined) {
    return [error('fact_path_required', pointer(...at, 'fact'),
      `fact '${fact}' holds one value per id: add a path such as "$.${objectKeys[0] ?? 'id'}"`, { fact })];
  }
  const key = path.slice(2);
  return objectKeys.includes(key) ? [] : [error('unknown_fact_path', pointer(...at, 'path'),
    `'${key}' is not a key of fact '${fact}'; it has ${objectKeys.map((k) => `'${k}'`).join(', ')}`, { fact, path, known: objectKeys })];
}
