/**
 * Answers to points (rules/README.md step 3): each answer scores its points in its question's domain,
 * wherever the question stands in the questionnaire; a required question left unanswered is refused,
 * an optional one scores nothing, whatever the question is called.
 */

import { describe, expect, it } from 'vitest';
import { AssessmentInvalidError, compilePolicy, evaluate, type Policy, type Question } from '../../engine/index.js';
import { baseAssessment, basePolicy } from '../support/policy-builder.js';
import { thrown } from '../support/thrown.js';

const [washing, healthNeeds] = basePolicy().questionnaires[0]!.questions as [Question, Question];
const dressing: Question = { ...washing, id: 'dressing', text: 'Dressing' };
const medication: Question = { ...healthNeeds, id: 'medication', text: 'Medication' };

/** The base policy's questionnaire with these questions, in this order. */
function withQuestions(...questions: Question[]): Policy {
  const policy = basePolicy();
  return { ...policy, questionnaires: [{ ...policy.questionnaires[0]!, questions }] };
}

describe('answers to points', () => {
  it('adds each answer to its own domain when the domains are interleaved in the questionnaire', () => {
    // Personal care: washing 'some' 10 + dressing 'lots' 40 = 50; health: 'some' 5 + medication 'high' 30 = 35.
    // 85 points at £4.88 = £414.80 a week.
    const compiled = compilePolicy(withQuestions(washing, healthNeeds, dressing, medication));
    const answers = { washing: 'some', 'health-needs': 'some', dressing: 'lots', medication: 'high' };
    const result = evaluate(compiled, baseAssessment({ answers }));
    expect(result.points.byDomain.map(({ domain, raw }) => [domain, raw])).toEqual([
      ['personal-care', 50],
      ['health', 35],
    ]);
    expect(result.weeklyPence).toBe(41_480);
  });

  it('refuses a required question left unanswered even when it is named like a property every object has', () => {
    const inheritedName: Question = { ...healthNeeds, id: 'constructor', text: 'Constructor' };
    const compiled = compilePolicy(withQuestions(washing, inheritedName));
    const error = thrown(() => evaluate(compiled, baseAssessment({ answers: { washing: 'some' } })));
    expect(error).toBeInstanceOf(AssessmentInvalidError);
    expect((error as AssessmentInvalidError).issues.map((i) => [i.code, i.path])).toEqual([['missing_answer', '/answers/constructor']]);
  });

  it('scores nothing for an optional question left unanswered, whatever it is called', () => {
    const optional: Question = { ...healthNeeds, id: 'constructor', text: 'Constructor', required: false };
    const compiled = compilePolicy(withQuestions(washing, optional));
    const result = evaluate(compiled, baseAssessment({ answers: { washing: 'lots' } }));
    // 40 points at £4.88 = £195.20; the unanswered question is shown as unanswered, with no points.
    expect(result.weeklyPence).toBe(19_520);
    expect(result.points.byDomain.map(({ domain, raw }) => [domain, raw])).toEqual([
      ['personal-care', 40],
      ['health', 0],
    ]);
  });

  it('refuses a missing required answer beside an answer to a question the questionnaire does not ask', () => {
    const compiled = compilePolicy(withQuestions(washing, healthNeeds));
    const error = thrown(() => evaluate(compiled, baseAssessment({ answers: { washing: 'some', bathing: 'some' } })));
    expect((error as AssessmentInvalidError).issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown_question', '/answers/bathing'],
      ['missing_answer', '/answers/health-needs'],
    ]);
  });
});
