/**
 * The API document restates the engine's schemas in the form client generators read (its definitions
 * as components, if/then/else as oneOf, "exactly one of" with the others absent, no tsType). The
 * restatement must accept exactly what the engine's own schemas accept: each example policy and
 * assessment, each invalid-input fixture, and hand-made documents that differ from a valid one only in
 * the parts restated.
 */

import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { assessmentSchemaIssues, policySchemaIssues } from '../../engine/schema.js';
import { components } from '../../server/openapi/components.js';
import { exampleVersions } from '../support/examples.js';

// The document's schemas as an outside validator reads them, strictly.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, keywords: ['components'] });
formats.default(ajv, ['date', 'date-time', 'uri']);
ajv.addSchema({ $id: 'https://ras.example/openapi.json', components: { schemas: components.schemas } });
const documentAccepts = (component: string) => {
  const check = ajv.compile({ $ref: `https://ras.example/openapi.json#/components/schemas/${component}` });
  return (json: unknown) => check(json) === true;
};
const policyAccepted = documentAccepts('Policy');
const assessmentAccepted = documentAccepts('Assessment');

const adult = exampleVersions().find((v) => v.scheme === 'adult-ras' && v.version === '2010-revised')!;
const withRule = (conditions: unknown) => {
  const policy = structuredClone(adult.policy) as { rules: Array<{ conditions: unknown }> };
  policy.rules[0]!.conditions = conditions;
  return policy;
};
const withBand = (band: object) => {
  const policy = structuredClone(adult.policy) as { pricing: { default: unknown } };
  policy.pricing.default = { method: 'bands', period: 'week', bands: [{ from: 0, ...band }] };
  return policy;
};
const fact = { fact: 'weeklyPence', operator: 'greaterThan', value: 100 };

describe('the API document restates the policy schema without changing what it accepts', () => {
  const cases: Array<[string, unknown]> = [
    ...exampleVersions().map((v): [string, unknown] => [`example ${v.scheme}/${v.version}`, v.policy]),
    ['a rule whose conditions are any', withRule({ any: [fact] })],
    ['a rule whose conditions are not', withRule({ not: fact })],
    ['a rule whose conditions nest all inside any', withRule({ any: [{ all: [fact, fact] }, fact] })],
    ['a rule whose conditions are a bare fact (json-rules-engine wants all, any or not at the top)', withRule(fact)],
    ['a rule whose conditions hold both all and any', withRule({ all: [fact], any: [fact] })],
    ['a condition that is both a fact and an all', withRule({ all: [{ ...fact, all: [fact] }] })],
    ['a rule whose conditions are empty', withRule({})],
    ['a band with an amount', withBand({ pence: 100 })],
    ['a band with an outcome', withBand({ outcome: 'refer' })],
    ['a band with both an amount and an outcome', withBand({ pence: 100, outcome: 'refer' })],
    ['a band with neither', withBand({})],
    ['pricing by a method there is not', { ...(adult.policy as object), pricing: { default: { method: 'by-guess', period: 'week' } } }],
  ];
  it.each(cases)('%s', (_name, policy) => {
    expect(policyAccepted(policy)).toBe(policySchemaIssues(policy).length === 0);
  });

  it('includes documents each schema refuses, so the comparison can fail', () => {
    expect(cases.filter(([, policy]) => policySchemaIssues(policy).length > 0).length).toBeGreaterThanOrEqual(6);
  });
});

describe('the API document restates the assessment schema without changing what it accepts', () => {
  const assessments = exampleVersions().flatMap((v) => v.examples.map((e) => e.json.assessment));
  const one = assessments[0]!;
  const cases: Array<[string, unknown]> = [
    ...assessments.map((a, i): [string, unknown] => [`worked example ${i + 1}`, a]),
    [
      'a carer who is willing and able',
      { ...one, carer: { willingToContinue: true, ableToContinue: true, supportLevel: 'a', impact: 'b' } },
    ],
    ['a carer without an impact', { ...one, carer: { willingToContinue: true, ableToContinue: true, supportLevel: 'a' } }],
    ['neither answers nor points', Object.fromEntries(Object.entries(one).filter(([k]) => k !== 'answers' && k !== 'points'))],
  ];
  it.each(cases)('%s', (_name, assessment) => {
    expect(assessmentAccepted(assessment)).toBe(assessmentSchemaIssues(assessment).length === 0);
  });
});
