import type { Assessment } from './assessment.js';
import type { AnswerLine } from './explanation.js';
import type { CompiledQuestionnaire } from './questionnaire.js';

/** Points for each question of the questionnaire, in its order; an unanswered optional question scores 0. */
export function scoreAnswers(questionnaire: CompiledQuestionnaire, answers: NonNullable<Assessment['answers']>): AnswerLine[] {
  const lines: AnswerLine[] = [];
  for (const { question, answers: options } of questionnaire.questions.values()) {
    const answerId = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    const answer = answerId === undefined ? undefined : options.get(answerId);
    lines.push({
      step: 'answer',
      question: question.id,
      questionText: question.text,
      domain: question.domain,
      answer: answer?.id ?? null,
      answerText: answer?.text ?? null,
      notApplicable: answer?.notApplicable ?? false,
      points: answer?.points ?? 0,
    });
  }
  return lines;
}

/** Raw points per domain id, for every domain of the policy (a domain with no answers scores 0). */
export function rawDomainPoints(domainIds: Iterable<string>, answers: readonly AnswerLine[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const id of domainIds) totals.set(id, 0);
  for (const line of answers) totals.set(line.domain, (totals.get(line.domain) ?? 0) + line.points);
  return totals;
}
