/**
 * Rules compiled to plain functions must decide exactly as json-rules-engine does: operator by
 * operator (its fact validators included), through nested all/any/not, and over random rule trees and
 * random cohorts, person by person against evaluate().
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AssessmentInvalidError,
  compileFastEvaluator,
  compilePolicy,
  decodePerson,
  encodeCohort,
  evaluate,
  type CarerSituation,
  type CohortPerson,
  type Condition,
  type FactCondition,
  type Operator,
  type Policy,
  type Rule,
  type TopLevelCondition,
} from '../../../engine/index.js';
import { compileRules } from '../../../engine/cohort/compiled-rules.js';
import { assessmentFor } from '../../../engine/cohort/reference.js';
import { raiseFlags, type RuleFacts } from '../../../engine/flags.js';
import { exampleVersions } from '../../support/examples.js';

/** A person's facts as evaluate() would give them to json-rules-engine. */
const FACTS: RuleFacts = {
  totalPoints: 41.5,
  domainPoints: { 'personal-care': 20, health: 9 },
  weightedDomainPoints: { 'personal-care': 20, health: 13.5 },
  answers: { 'pc-washing': 'full-help', 'he-mental': 'regular' },
  age: 67,
  clientGroup: 'older-people',
  questionnaire: 'adult-sdaq',
  facts: {},
  allocationPence: 21_000,
  weeklyPence: 21_000,
  monthlyPence: 91_000,
  annualPence: 1_092_000,
  carerReductionApplied: true,
  carerReductionPercent: 7.5,
};

const reader =
  (facts: Record<string, unknown>) =>
  (fact: string, key: string | undefined): unknown => {
    const value = facts[fact];
    return key === undefined ? value : (value as Record<string, unknown> | undefined)?.[key];
  };

const ruleOf = (conditions: TopLevelCondition, name = 'r'): Rule => ({
  name,
  conditions,
  event: { type: name, params: { message: 'Fired.' } },
});

/** [compiled, json-rules-engine] for one top-level condition over the facts. */
async function decide(conditions: TopLevelCondition, facts: Record<string, unknown> = { ...FACTS }): Promise<[boolean, boolean]> {
  const rule = ruleOf(conditions);
  const compiled = compileRules([rule])[0]!.test(reader(facts));
  const reference = (await raiseFlags([rule], facts as unknown as RuleFacts)).flags.length === 1;
  return [compiled, reference];
}

/** One fact condition, with the fact given a chosen value, decided both ways; both must equal `expected`. */
async function expectLeaf(operator: Operator, factValue: unknown, value: FactCondition['value'], expected: boolean) {
  const facts = { ...FACTS, clientGroup: factValue };
  const leaf: FactCondition = { fact: 'clientGroup', operator, value };
  expect(await decide({ all: [leaf] }, facts), `${JSON.stringify(factValue)} ${operator} ${JSON.stringify(value)}`).toEqual([
    expected,
    expected,
  ]);
}

describe('each operator decides as json-rules-engine does', () => {
  it('equal and notEqual compare strictly', async () => {
    await expectLeaf('equal', 'older-people', 'older-people', true);
    await expectLeaf('equal', 'older-people', 'learning-disability', false);
    await expectLeaf('equal', 5, '5', false);
    await expectLeaf('equal', true, true, true);
    await expectLeaf('notEqual', 'older-people', 'learning-disability', true);
    await expectLeaf('notEqual', 5, 5, false);
    await expectLeaf('notEqual', undefined, 'x', true);
  });

  it('in and notIn look the fact up in the list', async () => {
    await expectLeaf('in', 'some', ['some', 'lots'], true);
    await expectLeaf('in', 'none', ['some', 'lots'], false);
    await expectLeaf('in', 5, ['5'], false);
    await expectLeaf('in', undefined, ['some'], false);
    await expectLeaf('notIn', 'none', ['some', 'lots'], true);
    await expectLeaf('notIn', 'some', ['some', 'lots'], false);
    await expectLeaf('notIn', undefined, ['some'], true);
  });

  it('contains and doesNotContain are false whenever the fact is not a list, even a string holding the value', async () => {
    await expectLeaf('contains', ['a', 'b'], 'a', true);
    await expectLeaf('contains', ['a', 'b'], 'c', false);
    await expectLeaf('contains', 'lots', 'o', false);
    await expectLeaf('doesNotContain', ['a', 'b'], 'c', true);
    await expectLeaf('doesNotContain', ['a', 'b'], 'a', false);
    await expectLeaf('doesNotContain', 'lots', 'x', false);
    await expectLeaf('doesNotContain', undefined, 'x', false);
  });

  it('the numeric operators compare numbers at their edges', async () => {
    await expectLeaf('lessThan', 9, 10, true);
    await expectLeaf('lessThan', 10, 10, false);
    await expectLeaf('lessThanInclusive', 10, 10, true);
    await expectLeaf('lessThanInclusive', 10.001, 10, false);
    await expectLeaf('greaterThan', 10, 10, false);
    await expectLeaf('greaterThan', 10.5, 10, true);
    await expectLeaf('greaterThanInclusive', 10, 10, true);
    await expectLeaf('greaterThanInclusive', -1, 0, false);
  });

  it('the numeric operators are false for a fact that is not a number', async () => {
    // true < 10 would be true in JavaScript; the validator (parseFloat) refuses it first.
    await expectLeaf('lessThan', true, 10, false);
    await expectLeaf('lessThanInclusive', false, 10, false);
    await expectLeaf('lessThan', 'lots', 10, false);
    await expectLeaf('greaterThanInclusive', undefined, 0, false);
    await expectLeaf('greaterThan', null, -1, false);
    await expectLeaf('lessThan', [], 10, false);
    // a numeric string passes the validator and then compares as JavaScript compares it: "7" < 10
    await expectLeaf('lessThan', '7', 10, true);
    await expectLeaf('greaterThan', '12', 10, true);
    // "12abc" passes parseFloat, but "12abc" > 10 is false (it is NaN to >)
    await expectLeaf('greaterThan', '12abc', 10, false);
  });

  it('reads object facts through their "$.<key>" path, and a key with no value is undefined', async () => {
    expect(await decide({ all: [{ fact: 'answers', path: '$.pc-washing', operator: 'equal', value: 'full-help' }] })).toEqual([true, true]);
    expect(await decide({ all: [{ fact: 'answers', path: '$.ss-abuse', operator: 'notEqual', value: 'at-risk' }] })).toEqual([true, true]);
    expect(await decide({ all: [{ fact: 'answers', path: '$.ss-abuse', operator: 'lessThan', value: 1 }] })).toEqual([false, false]);
    expect(await decide({ all: [{ fact: 'weightedDomainPoints', path: '$.health', operator: 'greaterThan', value: 13 }] })).toEqual([
      true,
      true,
    ]);
    expect(await decide({ all: [{ fact: 'domainPoints', path: '$.health', operator: 'greaterThan', value: 13 }] })).toEqual([false, false]);
  });
});

describe('all, any and not nest as json-rules-engine nests them', () => {
  const yes: FactCondition = { fact: 'age', operator: 'greaterThanInclusive', value: 65 };
  const no: FactCondition = { fact: 'clientGroup', operator: 'equal', value: 'learning-disability' };

  it('all needs every condition, any needs one, not inverts', async () => {
    expect(await decide({ all: [yes, yes] })).toEqual([true, true]);
    expect(await decide({ all: [yes, no] })).toEqual([false, false]);
    expect(await decide({ any: [no, yes] })).toEqual([true, true]);
    expect(await decide({ any: [no, no] })).toEqual([false, false]);
    expect(await decide({ not: yes })).toEqual([false, false]);
    expect(await decide({ not: no })).toEqual([true, true]);
  });

  it('nested groups combine: not(all(yes, any(no, not(no)))) is false; any(all(yes, no), not(any(no))) is true', async () => {
    expect(await decide({ not: { all: [yes, { any: [no, { not: no }] }] } })).toEqual([false, false]);
    expect(await decide({ any: [{ all: [yes, no] }, { not: { any: [no] } }] })).toEqual([true, true]);
    expect(await decide({ all: [{ not: { not: yes } }, { any: [{ all: [yes] }, no] }] })).toEqual([true, true]);
  });

  it('condition priorities change only the order of evaluation, not the result', async () => {
    expect(
      await decide({
        any: [
          { ...no, priority: 5 },
          { ...yes, priority: 1 },
          { ...no, priority: 3 },
        ],
      }),
    ).toEqual([true, true]);
    expect(
      await decide({
        all: [
          { ...yes, priority: 1 },
          { ...no, priority: 9 },
        ],
      }),
    ).toEqual([false, false]);
  });

  it('several rules raise their flags in the policy order', async () => {
    const rules = [ruleOf({ all: [yes] }, 'b-rule'), ruleOf({ all: [no] }, 'never'), ruleOf({ not: no }, 'a-rule')];
    const compiled = compileRules(rules)
      .filter((r) => r.test(reader(FACTS as unknown as Record<string, unknown>)))
      .map((r) => r.rule.event.type);
    const reference = (await raiseFlags(rules, FACTS)).flags.map((f) => f.code);
    expect(compiled).toEqual(['b-rule', 'a-rule']);
    expect(reference).toEqual(['b-rule', 'a-rule']);
  });
});

describe('random rules over random cohorts: the fast evaluator flags exactly whom evaluate() flags', () => {
  const revised = exampleVersions().find((v) => v.scheme === 'adult-ras' && v.version === '2010-revised')!.policy as Policy;
  const asOf = '2010-06-01';
  const questions = revised.questionnaires[0]!.questions;
  const domains = revised.domains.map((d) => d.id);
  const groups = revised.clientGroups.map((g) => g.id);
  const carer = revised.carerAdjustment!;
  const answerIds = [...new Set(questions.flatMap((q) => q.answers.map((a) => a.id)))];

  const scalar = fc.oneof(
    fc.constantFrom<unknown>(...answerIds, ...groups, 'adult-sdaq', true, false),
    fc.integer({ min: 0, max: 60 }),
    fc.constantFrom(0, 7.5, 12.5, 15, 20),
  );
  const number = fc.oneof(
    fc.integer({ min: 0, max: 120 }),
    fc.integer({ min: 0, max: 400 }).map((n) => n / 4),
    fc.integer({ min: 0, max: 200_000 }),
    fc.constantFrom(18, 25, 45, 65, 75, 85),
  );
  const factArb: fc.Arbitrary<{ fact: string; path?: string }> = fc.oneof(
    fc
      .constantFrom(
        'totalPoints',
        'age',
        'clientGroup',
        'questionnaire',
        'allocationPence',
        'weeklyPence',
        'monthlyPence',
        'annualPence',
        'carerReductionApplied',
        'carerReductionPercent',
      )
      .map((fact) => ({ fact })),
    fc
      .tuple(fc.constantFrom('domainPoints', 'weightedDomainPoints'), fc.constantFrom(...domains))
      .map(([fact, d]) => ({ fact, path: `$.${d}` })),
    fc.constantFrom(...questions.map((q) => q.id)).map((q) => ({ fact: 'answers', path: `$.${q}` })),
  );
  const leafArb: fc.Arbitrary<FactCondition> = fc
    .tuple(
      factArb,
      fc.constantFrom<Operator>(
        'equal',
        'notEqual',
        'in',
        'notIn',
        'contains',
        'doesNotContain',
        'lessThan',
        'lessThanInclusive',
        'greaterThan',
        'greaterThanInclusive',
      ),
      fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    )
    .chain(([f, operator, priority]) => {
      const value: fc.Arbitrary<unknown> = ['in', 'notIn'].includes(operator)
        ? fc.array(scalar, { minLength: 1, maxLength: 3 })
        : operator.startsWith('less') || operator.startsWith('greater')
          ? number
          : scalar;
      return value.map((v) => ({ ...f, operator, value: v, ...(priority === undefined ? {} : { priority }) }) as FactCondition);
    });
  const { tree } = fc.letrec<{ tree: Condition; group: TopLevelCondition }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafArb, tie('group')),
    group: fc.oneof(
      fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      tie('tree').map((not) => ({ not })),
    ),
  }));
  const topLevel: fc.Arbitrary<TopLevelCondition> = tree.map((c) => ('fact' in c ? { all: [c] } : c));

  const carerArb: fc.Arbitrary<CarerSituation | undefined> = fc.option(
    fc.record({
      willingToContinue: fc.boolean(),
      ableToContinue: fc.boolean(),
      supportLevel: fc.constantFrom(...carer.supportLevels.map((l) => l.id)),
      impact: fc.constantFrom(...carer.impacts.map((i) => i.id)),
    }),
    { nil: undefined },
  );
  const personArb = (ref: string): fc.Arbitrary<CohortPerson> =>
    fc
      .record({
        clientGroup: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...groups) }, { weight: 1, arbitrary: fc.constant('unknown-group') }),
        ageBand: fc.constantFrom('18-24', '25-44', '45-64', '65-74', '75-84', '85+', '12-17'),
        // mostly high answers, so the pence and points facts reach the rules' thresholds; now and then a question is left out
        answers: fc
          .tuple(
            ...questions.map((q) =>
              fc.oneof(
                { weight: 19, arbitrary: fc.constantFrom(...q.answers.map((a) => a.id)) },
                { weight: 1, arbitrary: fc.constant(undefined) },
              ),
            ),
          )
          .map((chosen) => Object.fromEntries(chosen.flatMap((a, k) => (a === undefined ? [] : [[questions[k]!.id, a]])))),
        carer: carerArb,
      })
      .map(({ carer: c, ...p }) => ({ ref, ...p, ...(c ? { carer: c } : {}) }));
  const cohortArb = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personArb(`P${i + 1}`))));

  it('for 150 generated policies and cohorts (fixed seed)', async () => {
    let compared = 0,
      fired = 0,
      notFired = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(topLevel, { minLength: 1, maxLength: 3 }), cohortArb, async (conditions, people) => {
        const rules = conditions.map((c, k) => ruleOf(c, `rule-${k}`));
        const compiled = compilePolicy({ ...revised, version: 'generated-rules', rules });
        const cohort = encodeCohort(people);
        const fast = compileFastEvaluator(compiled, cohort, asOf);
        for (let i = 0; i < cohort.size; i++) {
          const person = decodePerson(cohort, i);
          const outcome = fast(i);
          const reference = await evaluate(compiled, assessmentFor(compiled, person, asOf)).catch((e: unknown) => {
            if (e instanceof AssessmentInvalidError) return e;
            throw e;
          });
          if (reference instanceof AssessmentInvalidError) {
            expect('error' in outcome, `${person.ref}: evaluate() refused it, the fast path did not`).toBe(true);
            continue;
          }
          expect(
            'error' in outcome ? outcome.error : outcome.flags,
            JSON.stringify({ person, rules: rules.map((r) => r.conditions) }),
          ).toEqual(reference.flags.map((f) => f.code));
          compared++;
          fired += reference.flags.length;
          notFired += rules.length - reference.flags.length;
        }
      }),
      { seed: 20_100_601, numRuns: 150 },
    );
    // the generated cases exercise both outcomes
    expect(compared).toBeGreaterThan(150);
    expect(fired).toBeGreaterThan(50);
    expect(notFired).toBeGreaterThan(50);
  });
});
