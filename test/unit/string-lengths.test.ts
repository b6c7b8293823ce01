/**
 * A schema's minLength and maxLength count characters, as JSON Schema says, not UTF-16 code units:
 * an emoji is one character in two units. Assessments and cohorts are first checked quickly in units
 * and, when that refuses, again exactly, so these hold that the quick check never changes an answer.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePolicy, importCohortJson, parseAssessment, type Issue } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const PILOT = compilePolicy(JSON.parse(readFileSync(`${ROOT}rules/examples/adult-ras/2009-pilot/policy.json`, 'utf8')));
const compiled = compilePolicy(basePolicy());
const EMOJI = '😀';

function issuesOf(assessment: unknown): Issue[] {
  const parsed = parseAssessment(compiled, assessment);
  return parsed.ok ? [] : parsed.issues;
}

describe('lengths in characters', () => {
  it('a reference of 100 emoji (200 code units) is within its 100 characters', () => {
    const reference = EMOJI.repeat(100);
    expect(reference.length).toBe(200);
    expect(issuesOf(baseAssessment({ reference }))).toEqual([]);
  });

  it('a reference of 101 emoji is one character too long', () => {
    const issues = issuesOf(baseAssessment({ reference: EMOJI.repeat(101) }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([['schema_length', '/reference']]);
    expect(issues[0]!.message).toContain('must NOT have more than 100 characters');
  });

  it('an empty reference has fewer than its one character', () => {
    expect(issuesOf(baseAssessment({ reference: '' })).map((i) => [i.code, i.path])).toEqual([['schema_length', '/reference']]);
  });

  it('an answer of 64 emoji passes the schema and is then judged as an answer', () => {
    const answers = { washing: EMOJI.repeat(64), 'health-needs': 'some' };
    expect(issuesOf(baseAssessment({ answers })).map((i) => [i.code, i.path])).toEqual([['unknown_answer', '/answers/washing']]);
  });

  it('an answer of 65 emoji is too long for the schema', () => {
    const answers = { washing: EMOJI.repeat(65), 'health-needs': 'some' };
    expect(issuesOf(baseAssessment({ answers })).map((i) => [i.code, i.path])).toEqual([['schema_length', '/answers/washing']]);
  });

  it('every problem is still reported when the quick check stops at the first', () => {
    const issues = issuesOf(baseAssessment({ reference: '', clientGroup: 'x'.repeat(65), answers: { washing: '' } }));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['schema_length', '/reference'],
      ['schema_length', '/clientGroup'],
      ['schema_length', '/answers/washing'],
    ]);
  });

  it("a cohort's name of 200 emoji is within its 200 characters; of 201, it is too long", () => {
    const cohort = (name: string) => ({
      schemaVersion: 1,
      name,
      people: [{ ref: 'A-1', clientGroup: 'older-people', ageBand: '75-84', answers: { 'pc-washing': 'some-help' } }],
    });
    const fieldsAndCodes = (name: string) => {
      const result = importCohortJson(cohort(name), { policies: [PILOT] });
      return result.ok ? [] : result.issues.map((i) => [i.field, i.code]);
    };
    expect(fieldsAndCodes(EMOJI.repeat(200))).toEqual([]);
    expect(fieldsAndCodes(EMOJI.repeat(201))).toEqual([['name', 'schema_length']]);
  });

  it("a cohort person's answer of 64 emoji passes the schema and is then judged as an answer", () => {
    const cohort = {
      schemaVersion: 1,
      name: 'Lengths',
      people: [{ ref: 'A-1', clientGroup: 'older-people', ageBand: '75-84', answers: { 'pc-washing': EMOJI.repeat(64) } }],
    };
    const result = importCohortJson(cohort, { policies: [PILOT] });
    expect(result.ok ? [] : result.issues.map((i) => [i.field, i.code])).toEqual([['answers.pc-washing', 'unknown_answer']]);
  });
});
