/**
 * The fast cohort evaluator must give exactly what the reference evaluation (json-rules-engine and
 * all) gives, person by person: amounts in every period, points, the carer adjustment and the flags.
 */

import { describe, expect, it } from 'vitest';
import { AssessmentInvalidError, compilePolicy, evaluate, type Policy } from '../../../engine/index.js';
import { decodePerson, encodeCohort } from '../../../engine/cohort/encoded-cohort.js';
import { compileFastEvaluator } from '../../../engine/cohort/fast-evaluator.js';
import { assessmentFor } from '../../../engine/cohort/reference.js';
import { syntheticPeople } from '../../../engine/synthetic-cohort.js';
import { exampleVersions } from '../../support/examples.js';

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
    const reference = await evaluate(compiled, assessmentFor(compiled, person, asOf)).catch((e) => {
      if (e instanceof AssessmentInvalidError) return e;
      throw e;
    });
    if (reference instanceof AssessmentInvalidError) {
      expect('error' in outcome, `${person.ref}: reference refused (${reference.message}) but the fast path evaluated`).toBe(true);
      continue;
    }
    expect(outcome, person.ref).toEqual({
      totalMilli: Math.round(reference.points.total * 1000),
      allocationPence: reference.allocation.pence,
      weeklyPence: reference.weeklyPence,
      monthlyPence: reference.monthlyPence,
      annualPence: reference.annualPence,
      carerReductionApplied: reference.carerAdjustment.applied,
      carerReductionPercent: reference.carerAdjustment.percent,
      flags: reference.flags.map((f) => f.code),
    });
    compared++;
  }
  expect(compared).toBeGreaterThan(PEOPLE / 2);
}

describe('the fast cohort evaluator', () => {
  const versions = exampleVersions();

  for (const version of versions) {
    const sibling = versions.find((v) => v.scheme === version.scheme && v.version !== version.version)!;
    for (const [label, source] of [
      ['its own', version],
      [`${sibling.version}'s`, sibling],
    ] as const) {
      it(`agrees with evaluate() for ${version.scheme} ${version.version} over a generated cohort from ${label} questionnaire`, async () => {
        await expectAgreement(version.policy as Policy, source.policy as Policy);
      });
    }
  }

  it('agrees with evaluate() for a format-2 version with a base amount in every price-per-point table', async () => {
    const pilot = versions.find((v) => v.scheme === 'adult-ras' && v.version === '2009-pilot')!.policy as Policy;
    const withBase: Policy = structuredClone({ ...pilot, schemaVersion: 2 });
    for (const table of [withBase.pricing.default, ...Object.values(withBase.pricing.byClientGroup ?? {})])
      if (table.method === 'price-per-point') table.basePence = 2345;
    await expectAgreement(withBase, pilot);
  });

  it('agrees with evaluate() for a format-2 version with a maximum that limits some of the cohort', async () => {
    const pilot = versions.find((v) => v.scheme === 'adult-ras' && v.version === '2009-pilot')!.policy as Policy;
    const route = { id: 'panel', label: 'Resource panel', words: 'Ask for a panel review.' };
    const withMaximum: Policy = { ...structuredClone(pilot), schemaVersion: 2, maximum: { pence: 25_000, period: 'week', route } };
    await expectAgreement(withMaximum, pilot);
  });
});
