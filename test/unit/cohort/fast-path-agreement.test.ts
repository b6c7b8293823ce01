/**
 * The fast cohort evaluator must give exactly what the reference evaluation (json-rules-engine and
 * all) gives, person by person: amounts in every period, points, the carer adjustment and the flags.
 */

import { describe, expect, it } from 'vitest';
import { AssessmentInvalidError, compilePolicy, type EvaluationResult, evaluate, type Policy } from '../../../engine/index.js';
import { decodePerson, encodeCohort } from '../../../engine/cohort/encoded-cohort.js';
import { compileFastEvaluator } from '../../../engine/cohort/fast-evaluator.js';
import { assessmentFor } from '../../../engine/cohort/reference.js';
import { syntheticPeople } from '../../../engine/synthetic-cohort.js';
import { exampleVersions } from '../../support/examples.js';
import { thrown } from '../../support/thrown.js';

const PEOPLE = 600;

async function expectAgreement(policy: Policy, source: Policy): Promise<void> {
  const compiled = compilePolicy(policy);
  const people = [...syntheticPeople(compilePolicy(source), { size: PEOPLE, seed: 7 })].map((p) => p.person);
  const asOf = policy.uplifts?.[0]?.from ?? '2013-06-01';
  const cohort = encodeCohort(people);
  const fast = compileFastEvaluator(compiled, cohort, asOf);
  let compared = 0;
  for (let i = 0; i < cohort.size; i++) {
    const person = decodePerson(cohort, i);
    expect(person).toEqual(people[i]);
    const outcome = fast(i);
    let reference: EvaluationResult | AssessmentInvalidError;
    try {
      reference = evaluate(compiled, assessmentFor(compiled, person, asOf));
    } catch (e) {
      if (!(e instanceof AssessmentInvalidError)) throw e;
      reference = e;
    }
    if (reference instanceof AssessmentInvalidError) {
      expect('error' in outcome, `${person.ref}: reference refused (${reference.message}) but the fast path evaluated`).toBe(true);
      continue;
    }
    expect(outcome, person.ref).toEqual({
      totalMilli: Math.round(reference.points.total * 1000),
      allocationPence: reference.allocation?.pence ?? null,
      weeklyPence: reference.weeklyPence,
      monthlyPence: reference.monthlyPence,
      annualPence: reference.annualPence,
      carerReductionApplied: reference.carerAdjustment.applied,
      carerReductionPercent: reference.carerAdjustment.percent,
      outcome: reference.outcome ? (reference.outcome.kind === 'not-eligible' ? 'not-eligible' : reference.outcome.id) : null,
      flags: reference.flags.map((f) => f.code),
    });
    compared++;
  }
  expect(compared).toBeGreaterThan(PEOPLE / 2);
}

describe('the fast cohort evaluator', () => {
  const versions = exampleVersions();

  // A cohort holds no facts a case system states, so a scheme whose conditions test them has its own test below.
  const testsStatedFacts = (v: (typeof versions)[number]) => JSON.stringify(v.policy).includes('"fact":"facts"');
  for (const version of versions.filter((v) => !testsStatedFacts(v))) {
    const sibling = versions.find((v) => v.scheme === version.scheme && v.version !== version.version);
    for (const [label, source] of [['its own', version], ...(sibling ? [[`${sibling.version}'s`, sibling] as const] : [])] as const) {
      it(`agrees with evaluate() for ${version.scheme} ${version.version} over a generated cohort from ${label} questionnaire`, async () => {
        await expectAgreement(version.policy as Policy, source.policy as Policy);
      });
    }
  }

  it('agrees with evaluate() for a version with a base amount in every price-per-point table', async () => {
    const pilot = versions.find((v) => v.scheme === 'adult-ras' && v.version === '2009-pilot')!.policy as Policy;
    const withBase: Policy = structuredClone({ ...pilot, schemaVersion: 2 });
    for (const table of [withBase.pricing.default, ...Object.values(withBase.pricing.byClientGroup ?? {})])
      if (table.method === 'price-per-point') table.basePence = 2345;
    await expectAgreement(withBase, pilot);
  });

  it('agrees with evaluate() for a version with a maximum that limits some of the cohort', async () => {
    const pilot = versions.find((v) => v.scheme === 'adult-ras' && v.version === '2009-pilot')!.policy as Policy;
    const route = { id: 'panel', label: 'Resource panel', words: 'Ask for a panel review.' };
    const withMaximum: Policy = { ...structuredClone(pilot), schemaVersion: 2, maximum: { pence: 25_000, period: 'week', route } };
    await expectAgreement(withMaximum, pilot);
  });

  it('agrees with evaluate() when totals are too many and uneven to be held by place (weights to a thousandth)', async () => {
    const pilot = versions.find((v) => v.scheme === 'adult-ras' && v.version === '2009-pilot')!.policy as Policy;
    // Weights of 1.001 and 1.003 (7 × 11 × 13 and 17 × 59 thousandths) share no divisor, so totals fall on
    // every milli-point, and with points about four times as high they run past 2^20: money steps are kept by hash.
    const uneven: Policy = structuredClone(pilot);
    uneven.domains = uneven.domains.map((d, k) => ({ ...d, weight: k % 2 === 0 ? 1.001 : 1.003 }));
    for (const question of uneven.questionnaires[0]!.questions)
      for (const answer of question.answers) answer.points = answer.points * 4 + (answer.points > 0 ? 1 : 0);
    await expectAgreement(uneven, pilot);
  });

  it('agrees with evaluate() for eligibility conditions on the person and the points, and bands without an amount', async () => {
    const shortBreaks = versions.find((v) => v.scheme === 'childrens-short-breaks')!.policy as Policy;
    const withEligibility: Policy = {
      ...structuredClone(shortBreaks),
      eligibility: [
        {
          id: 'under-16-or-high-needs',
          label: 'Under 16, or 20 points or more',
          conditions: {
            any: [
              { fact: 'age', operator: 'lessThan', value: 16 },
              { fact: 'totalPoints', operator: 'greaterThanInclusive', value: 20 },
            ],
          },
          reason: 'Example reason.',
        },
      ],
    };
    await expectAgreement(withEligibility, shortBreaks);
  });

  it('gives each person the same outcome in order, across runs of people scored together, and one at a time out of order', () => {
    // The children's RAS has a questionnaire per age group, so a run of people mixes questionnaires; people
    // generated from the other version's questionnaires include some this version cannot score.
    const revised = versions.find((v) => v.scheme === 'childrens-ras' && v.version === '2013-revised')!.policy as Policy;
    const pilot = versions.find((v) => v.scheme === 'childrens-ras' && v.version === '2012-pilot')!.policy as Policy;
    const people = [...syntheticPeople(compilePolicy(pilot), { size: 2_600, seed: 11 })].map((p) => p.person);
    // Some people leave a question unanswered, and some give an answer no question of either version has.
    people.forEach((person, i) => {
      const questions = Object.keys(person.answers);
      if (i % 97 === 0) delete person.answers[questions[i % questions.length]!];
      if (i % 89 === 0) person.answers[questions[questions.length - 1]!] = 'no-such-answer';
    });
    const cohort = encodeCohort(people);
    const inOrder = compileFastEvaluator(compilePolicy(revised), cohort, '2013-06-01');
    const outOfOrder = compileFastEvaluator(compilePolicy(revised), cohort, '2013-06-01');
    const forwards = Array.from({ length: cohort.size }, (_, i) => inOrder(i));
    const order = Array.from({ length: cohort.size }, (_, i) => (i * 7_919) % cohort.size).reverse();
    for (const i of order) expect(outOfOrder(i), people[i]!.ref).toEqual(forwards[i]);

    const refused = forwards.filter((outcome) => 'error' in outcome);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(cohort.size);
    // A question named is one evaluate() refuses the person's answers for, at a run's edges as anywhere.
    const compiled = compilePolicy(revised);
    forwards.forEach((outcome, i) => {
      if (!('error' in outcome)) return;
      const question = /question '([^']+)'/.exec(outcome.error)![1]!;
      const reference = thrown(() => evaluate(compiled, assessmentFor(compiled, people[i]!, '2013-06-01')));
      expect(reference).toBeInstanceOf(AssessmentInvalidError);
      expect((reference as AssessmentInvalidError).issues.map((issue) => issue.path)).toContain(`/answers/${question}`);
    });
  });

  it("refuses a person whose carer's support level or impact is not in the version's carer table, willing or not, as evaluate() does", () => {
    const pilot = versions.find((v) => v.scheme === 'adult-ras' && v.version === '2009-pilot')!.policy as Policy;
    const compiled = compilePolicy(pilot);
    const people = [...syntheticPeople(compiled, { size: 40, seed: 5 })].map((p) => p.person);
    const withCarer = people.filter((p) => p.carer).slice(0, 3);
    withCarer[0]!.carer = { ...withCarer[0]!.carer!, supportLevel: 'round-the-clock', willingToContinue: false };
    withCarer[1]!.carer = { ...withCarer[1]!.carer!, impact: 'unbearable', willingToContinue: true, ableToContinue: true };
    const cohort = encodeCohort(people);
    const fast = compileFastEvaluator(compiled, cohort, '2010-06-01');
    people.forEach((person, i) => {
      const outcome = fast(i);
      if (person === withCarer[0] || person === withCarer[1]) {
        expect(outcome).toEqual({
          error: `carer support level '${person.carer!.supportLevel}' or impact '${person.carer!.impact}' is not in this version's carer table`,
        });
        expect(thrown(() => evaluate(compiled, assessmentFor(compiled, person, '2010-06-01')))).toBeInstanceOf(AssessmentInvalidError);
      } else {
        expect('error' in outcome, person.ref).toBe(false);
      }
    });
  });

  it("refuses everyone, saying why, when a scheme's conditions test facts only a case system states (evaluate() refuses them too)", async () => {
    const carers = versions.find((v) => v.scheme === 'carers-one-off-payment')!.policy as Policy;
    const compiled = compilePolicy(carers);
    const people = [...syntheticPeople(compiled, { size: 5, seed: 3 })].map((p) => p.person);
    const cohort = encodeCohort(people);
    const fast = compileFastEvaluator(compiled, cohort, '2024-07-01');
    for (let i = 0; i < cohort.size; i++) {
      expect(fast(i)).toEqual({
        error: "'cares-20-hours' tests facts the case system states in each assessment ('facts'), which a cohort does not hold",
      });
      expect(thrown(() => evaluate(compiled, assessmentFor(compiled, people[i]!, '2024-07-01')))).toBeInstanceOf(AssessmentInvalidError);
    }
  });
});
