import type { Assessment } from './assessment.js';
import type { AnswerLine } from './explanation.js';
import type { CompiledQuestionnaire } from './questionnaire.js';

/** Points for each question of the questionnaire, in its order; an unanswered optional question scores 0. */
export function scoreAnswers(questionnaire: CompiledQuestionnaire, answers: NonNullable<Assessment['answers']>): AnswerLine[] {
  const lines: AnswerLine[] = [];
  for (const { question, answers: options } of questionnaire.questions.values()) {
    // One lookup, no own-property test: a name the object only inherits ('constructor') gives a
    // value that is not an answer id, which options.get() does not find, so it counts as unanswered.
    const answerId: unknown = answers[question.id];
    const answer = typeof answerId === 'string' ? options.get(answerId) : undefined;
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
  // Added up in a line's run of the same domain before the map is touched: questions come grouped by domain.
  let domain: string | undefined;
  let sum = 0;
  for (const line of answers) {
    if (line.domain !== domain) {
      if (domain !== undefined) totals.set(domain, (totals.get(domain) ?? 0) + sum);
      domain = line.domain;
      sum = 0;
    }
    sum += line.points;
  }
  if (domain !== undefined) totals.set(domain, (totals.get(domain) ?? 0) + sum);
  return totals;
}
