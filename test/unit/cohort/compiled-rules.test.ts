/**
 * The one rules evaluator (engine/conditions.ts) must decide and explain exactly as json-rules-engine
 * does: operator by operator (its fact validators included), through nested all/any/not and condition
 * priorities, for random facts through every example policy's rules and random rule trees, and over
 * random cohorts, person by person, where the fast cohort path must flag whom evaluate() flags.
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
import { assessmentFor } from '../../../engine/cohort/reference.js';
import { binderOf, compileCondition, readerOf } from '../../../engine/conditions.js';
import { compileRules, raiseFlags } from '../../../engine/flags.js';
import type { RuleFacts } from '../../../engine/rule-facts.js';
import { exampleVersions } from '../../support/examples.js';
import { referenceRun } from '../../support/json-rules-engine.js';

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

const ruleOf = (conditions: TopLevelCondition, name = 'r'): Rule => ({
  name,
  conditions,
  event: { type: name, params: { message: 'Fired.' } },
});

/**
 * [compiled, json-rules-engine] for one top-level condition over the facts; the compiled explanation
 * (each condition's fact value and outcome) must be json-rules-engine's too.
 */
async function decide(conditions: TopLevelCondition, facts: Record<string, unknown> = { ...FACTS }): Promise<[boolean, boolean]> {
  const compiled = compileCondition(conditions);
  const reference = (await referenceRun([{ name: 'r', conditions }], facts)).get('r')!;
  expect(compiled.explain(readerOf(facts)), JSON.stringify(conditions)).toEqual(reference);
  return [compiled.bind(binderOf(readerOf(facts)))(), reference.result];
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
    const compiled = raiseFlags(compileRules(rules), FACTS).flags.map((f) => f.code);
    const reference = await referenceRun(rules, FACTS);
    expect(compiled).toEqual(['b-rule', 'a-rule']);
    expect(rules.filter((r) => reference.get(r.name)!.result).map((r) => r.event.type)).toEqual(['b-rule', 'a-rule']);
  });

  it('a set of conditions that comes after the outcome is settled is not run, and is explained as not met', async () => {
    // any: the priority-5 set meets it, so the priority-1 set never runs: its leaf has no fact value.
    const settled = {
      any: [
        { ...yes, priority: 5 },
        { ...yes, priority: 1 },
      ],
    };
    const explained = compileCondition(settled).explain(readerOf(FACTS));
    expect(explained).toEqual({
      any: [
        { fact: 'age', path: null, operator: 'greaterThanInclusive', value: 65, factValue: 67, result: true },
        { fact: 'age', path: null, operator: 'greaterThanInclusive', value: 65, factValue: null, result: false },
      ],
      result: true,
    });
    expect(await decide(settled)).toEqual([true, true]);
    // all: the priority-9 set fails it; a not() in the later set reads as met although it never ran, as json-rules-engine reports it.
    expect(await decide({ all: [{ ...no, priority: 9 }, { not: yes }] })).toEqual([false, false]);
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
          const reference = evaluateOrRefusal(() => evaluate(compiled, assessmentFor(compiled, person, asOf)));
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

  it('random rule trees, priorities and all, on random facts explain every condition as json-rules-engine does (fixed seed)', async () => {
    await fc.assert(
      fc.asyncProperty(topLevel, factsArb(revised), async (conditions, facts) => {
        const reference = (await referenceRun([{ name: 'r', conditions }], facts)).get('r')!;
        const compiled = compileCondition(conditions);
        expect(compiled.explain(readerOf(facts)), JSON.stringify(conditions)).toEqual(reference);
        expect(compiled.bind(binderOf(readerOf(facts)))()).toBe(reference.result);
      }),
      { seed: 19_700_101, numRuns: 300 },
    );
  });
});

function evaluateOrRefusal<T>(run: () => T): T | AssessmentInvalidError {
  try {
    return run();
  } catch (e) {
    if (e instanceof AssessmentInvalidError) return e;
    throw e;
  }
}

/** Random facts of the shapes evaluate() gives the rules step, for one policy's domains, questions and groups. */
const answerValue = fc.constantFrom<unknown>('none', 'some', 'lots', 'full-help', 'at-risk', 'regular', 0, 3, true);
const factsArb = (policy: Policy): fc.Arbitrary<Record<string, unknown>> => {
  const domains = policy.domains.map((d) => d.id);
  const questions = policy.questionnaires.flatMap((q) => q.questions.map((x) => x.id));
  const points = fc.oneof(
    fc.integer({ min: 0, max: 300 }),
    fc.integer({ min: 0, max: 1200 }).map((n) => n / 4),
  );
  const pence = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 500_000 }));
  const byDomain = fc.tuple(...domains.map(() => points)).map((values) => Object.fromEntries(domains.map((d, i) => [d, values[i]])));
  return fc.record({
    totalPoints: points,
    domainPoints: byDomain,
    weightedDomainPoints: byDomain,
    answers: fc
      .tuple(...questions.map(() => fc.option(answerValue, { nil: undefined })))
      .map((values) => Object.fromEntries(questions.flatMap((q, i) => (values[i] === undefined ? [] : [[q, values[i]]])))),
    age: fc.integer({ min: 0, max: 110 }),
    clientGroup: fc.constantFrom(...policy.clientGroups.map((g) => g.id), 'someone-else'),
    questionnaire: fc.constantFrom(...policy.questionnaires.map((q) => q.id)),
    facts: fc.record(
      Object.fromEntries(
        (policy.facts ?? []).map((f) => [
          f.id,
          f.type === 'number' ? fc.integer({ min: 0, max: 5 }) : f.type === 'boolean' ? fc.boolean() : fc.string(),
        ]),
      ),
    ),
    allocationPence: pence,
    weeklyPence: pence,
    monthlyPence: pence,
    annualPence: pence,
    carerReductionApplied: fc.boolean(),
    carerReductionPercent: fc.constantFrom(0, 2.5, 7.5, 12.5, 20),
  });
};

describe('random facts through every example policy’s rules and eligibility conditions: every outcome as json-rules-engine gives it', () => {
  for (const version of exampleVersions()) {
    const policy = version.policy as Policy;
    const conditions = [
      ...(policy.rules ?? []).map((r) => ({ name: r.name, conditions: r.conditions })),
      ...(policy.eligibility ?? []).map((c) => ({ name: `eligibility:${c.id}`, conditions: c.conditions })),
    ];
    if (conditions.length === 0) continue;
    it(`${version.scheme} ${version.version}: ${conditions.length} rules and conditions, 200 sets of facts (fixed seed)`, async () => {
      const compiled = conditions.map((c) => ({ name: c.name, compiled: compileCondition(c.conditions) }));
      let met = 0;
      await fc.assert(
        fc.asyncProperty(factsArb(policy), async (facts) => {
          const reference = await referenceRun(conditions, facts);
          for (const { name, compiled: c } of compiled) {
            const explained = c.explain(readerOf(facts));
            expect(explained, name).toEqual(reference.get(name));
            expect(c.bind(binderOf(readerOf(facts)))(), name).toBe(explained.result);
            if (explained.result) met++;
          }
        }),
        { seed: 20_261_127, numRuns: 200 },
      );
      expect(met).toBeGreaterThan(0);
    });
  }
});
