import type { Answer, Question, Questionnaire } from './policy.js';

export interface CompiledQuestion {
  readonly question: Question;
  readonly answers: ReadonlyMap<string, Answer>;
  readonly required: boolean;
}

export interface CompiledQuestionnaire {
  readonly questionnaire: Questionnaire;
  readonly questions: ReadonlyMap<string, CompiledQuestion>;
  /** How many of its questions must be answered: an assessment answering that many of them has none missing. */
  readonly requiredCount: number;
}

export function compileQuestionnaire(questionnaire: Questionnaire): CompiledQuestionnaire {
  const questions = new Map(
    questionnaire.questions.map((question) => [
      question.id,
      {
        question,
        answers: new Map(question.answers.map((a) => [a.id, a])),
        required: question.required ?? true,
      },
    ]),
  );
  const requiredCount = [...questions.values()].filter((q) => q.required).length;
  return { questionnaire, questions, requiredCount };
}

/** The questionnaire for this person; the policy checks guarantee at most one matches. */
export function selectQuestionnaire(
  questionnaires: readonly CompiledQuestionnaire[],
  age: number,
  clientGroup: string,
): CompiledQuestionnaire | undefined {
  return questionnaires.find(({ questionnaire }) => questionnaireFits(questionnaire, age, clientGroup));
}

/** Whether a questionnaire's appliesTo takes in a person of this age and client group (the console asks too). */
export function questionnaireFits({ appliesTo }: Questionnaire, age: number, clientGroup: string): boolean {
  return (
    (appliesTo?.minAge === undefined || age >= appliesTo.minAge) &&
    (appliesTo?.maxAge === undefined || age <= appliesTo.maxAge) &&
    (appliesTo?.clientGroups === undefined || appliesTo.clientGroups.includes(clientGroup))
  );
}
