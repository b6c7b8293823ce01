/**
 * Error messages must teach: a policy author reading one should know what is wrong and what to change,
 * without opening the schema or the engine. These check the words, not just the codes.
 */

import { describe, expect, it } from 'vitest';
import { compilePolicy, parseAssessment, validatePolicy, type Issue } from '../../engine/index.js';
import { applyPatch, type PatchOperation } from '../support/json-patch.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';

const BANDS: PatchOperation = {
  op: 'replace',
  path: '/pricing/default',
  value: {
    method: 'bands',
    period: 'week',
    bands: [
      { from: 0, to: 19, pence: 0 },
      { from: 20, to: 38, pence: 10000 },
      { from: 39, to: 59, pence: 14000 },
      { from: 60, pence: 20000 },
    ],
  },
};

const CARER: PatchOperation = {
  op: 'add',
  path: '/carerAdjustment',
  value: {
    supportLevels: [
      { id: 'regular', label: 'Regular' },
      { id: 'substantial', label: 'Substantial' },
    ],
    impacts: [
      { id: 'low', label: 'Low' },
      { id: 'high', label: 'High' },
    ],
    reductions: { regular: { low: 10, high: 5 }, substantial: { low: 20, high: 10 } },
  },
};

/** All issues (errors and warnings) for basePolicy() with the patch applied. */
function policyIssues(...patch: PatchOperation[]): Issue[] {
  const checked = validatePolicy(applyPatch(basePolicy(), patch));
  return checked.ok ? checked.warnings : checked.issues;
}

/** The one issue with this code; fails if there is not exactly one. */
function only(issues: Issue[], code: string): Issue {
  const found = issues.filter((i) => i.code === code);
  expect(
    found.map((i) => i.code),
    `issues: ${JSON.stringify(issues)}`,
  ).toEqual([code]);
  return found[0]!;
}

describe('policy messages teach', () => {
  it('a band gap names both bands, where each starts or ends, and the start expected', () => {
    const { message } = only(policyIssues(BANDS, { op: 'replace', path: '/pricing/default/bands/2/from', value: 41 }), 'band_gap');
    expect(message).toMatch(/\bband 3\b/);
    expect(message).toMatch(/\bband 2\b/);
    expect(message).toContain('41');
    expect(message).toContain('38');
    expect(message).toMatch(/expected 39/);
  });

  it('a band overlap names both bands and the start expected', () => {
    const { message } = only(policyIssues(BANDS, { op: 'replace', path: '/pricing/default/bands/2/from', value: 35 }), 'band_overlap');
    expect(message).toMatch(/\bband 3\b.*\b35\b.*\bband 2\b.*\b38\b/);
    expect(message).toMatch(/expected 39/);
  });

  it('a closed top band says why there must be no ceiling', () => {
    const { message } = only(policyIssues(BANDS, { op: 'add', path: '/pricing/default/bands/3/to', value: 99 }), 'band_top_closed');
    expect(message).toContain('99');
    expect(message).toMatch(/'to'/);
    expect(message).toMatch(/ceiling/);
  });

  it('an unknown property names the property, so a typo can be found', () => {
    const issue = only(
      policyIssues(
        { op: 'remove', path: '/pricing/default/pencePerPoint' },
        { op: 'add', path: '/pricing/default/pencePerPiont', value: 488 },
      ),
      'schema_additional_property',
    );
    expect(issue.path).toBe('/pricing/default/pencePerPiont');
    expect(issue.message).toContain("'pencePerPiont'");
    expect(issue.message).toMatch(/spelling/);
  });

  it('a missing property names the property', () => {
    const { message } = only(policyIssues({ op: 'remove', path: '/rounding' }), 'schema_required');
    expect(message).toContain("'rounding'");
  });

  it('a bad pricing method lists the three methods and the value given', () => {
    const issue = only(policyIssues({ op: 'replace', path: '/pricing/default/method', value: 'per-point' }), 'schema_enum');
    expect(issue.path).toBe('/pricing/default/method');
    for (const method of ['price-per-point', 'bands', 'hour-bands']) expect(issue.message).toContain(`"${method}"`);
    expect(issue.message).toContain('per-point"');
  });

  it('a bad enum value lists the allowed values', () => {
    const { message } = only(policyIssues({ op: 'replace', path: '/rounding/mode', value: 'nearest' }), 'schema_enum');
    for (const mode of ['up', 'down', 'half-up']) expect(message).toContain(`"${mode}"`);
  });

  it('a bad client-group table key names the key', () => {
    const issues = policyIssues({
      op: 'add',
      path: '/pricing/byClientGroup',
      value: {
        'Older People': { method: 'price-per-point', period: 'week', pencePerPoint: 500 },
      },
    });
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.message).toContain('Older People');
  });

  it('an incomplete carer table names the support level and the missing impact, and how to fix it', () => {
    const { message } = only(
      policyIssues(CARER, { op: 'remove', path: '/carerAdjustment/reductions/substantial/high' }),
      'carer_table_incomplete',
    );
    expect(message).toContain("'substantial'");
    expect(message).toContain("'high'");
    expect(message).toMatch(/0 for none/);
  });

  it('uplifts out of order name both dates', () => {
    const { message } = only(
      policyIssues({
        op: 'add',
        path: '/uplifts',
        value: [
          { from: '2011-04-01', percent: 2 },
          { from: '2010-04-01', percent: 2.5 },
        ],
      }),
      'uplift_dates_not_ascending',
    );
    expect(message).toContain('2011-04-01');
    expect(message).toContain('2010-04-01');
  });

  it('an unknown fact lists the facts a rule can test', () => {
    const { message } = only(
      policyIssues({
        op: 'add',
        path: '/rules',
        value: [
          {
            name: 'refer',
            conditions: { all: [{ fact: 'totalPoint', operator: 'greaterThan', value: 60 }] },
            event: { type: 'refer', params: { message: 'Refer' } },
          },
        ],
      }),
      'unknown_fact',
    );
    expect(message).toContain("'totalPoint'");
    expect(message).toContain("'totalPoints'");
    expect(message).toContain("'domainPoints'");
  });

  it('a cliff edge names the points, both amounts and the threshold', () => {
    const { message, severity } = only(
      policyIssues(BANDS, { op: 'replace', path: '/pricing/default/bands/3/pence', value: 30000 }),
      'cliff_edge',
    );
    expect(severity).toBe('warning');
    expect(message).toMatch(/59 to 60/);
    expect(message).toContain('14000');
    expect(message).toContain('30000');
    expect(message).toContain('50%');
  });

  it('a weight out of range gives the value and the range', () => {
    const { message } = only(policyIssues({ op: 'add', path: '/domains/1/weight', value: 12 }), 'weight_out_of_range');
    expect(message).toContain("'health'");
    expect(message).toMatch(/\b12\b/);
    expect(message).toMatch(/between 0 and 10/);
  });
});

describe('assessment messages teach', () => {
  const compiled = compilePolicy(basePolicy());

  function assessmentIssues(json: unknown): Issue[] {
    const checked = parseAssessment(compiled, json);
    return checked.ok ? [] : checked.issues;
  }

  it('an unknown answer lists the answers the question has', () => {
    const { message } = only(
      assessmentIssues(baseAssessment({ answers: { washing: 'a-little', 'health-needs': 'some' } })),
      'unknown_answer',
    );
    expect(message).toContain("'a-little'");
    for (const answer of ['none', 'some', 'lots', 'na']) expect(message).toContain(`'${answer}'`);
  });

  it('a missing answer names the question and its text', () => {
    const { message } = only(assessmentIssues(baseAssessment({ answers: { washing: 'some' } })), 'missing_answer');
    expect(message).toContain("'health-needs'");
    expect(message).toContain('Health needs');
  });

  it('age and dateOfBirth both given names both', () => {
    const issues = assessmentIssues({ ...baseAssessment(), dateOfBirth: '1940-01-01' });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/\bage\b/);
    expect(issues[0]!.message).toContain('dateOfBirth');
  });

  it('an unknown client group lists the policy\u2019s client groups', () => {
    const { message } = only(assessmentIssues(baseAssessment({ clientGroup: 'mental-health' })), 'unknown_client_group');
    expect(message).toContain("'mental-health'");
    expect(message).toContain("'older-people'");
    expect(message).toContain("'learning-disability'");
  });
});
