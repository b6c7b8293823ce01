import { error, pointer, warning, type Issue } from '../issues.js';
import type { Policy, Questionnaire } from '../policy.js';

const MAX_AGE = 130;

/** Exactly one questionnaire must apply to any person, and 'does not apply' must mean zero points. */
export function checkQuestionnaires(policy: Policy): Issue[] {
  return [
    ...policy.questionnaires.flatMap((q, i) => ageRange(q, i)),
    ...overlaps(policy.questionnaires),
    ...notApplicablePoints(policy),
    ...unusedDomains(policy),
  ];
}

function ageRange(q: Questionnaire, i: number): Issue[] {
  const { minAge, maxAge } = q.appliesTo ?? {};
  if (minAge === undefined || maxAge === undefined || minAge <= maxAge) return [];
  return [
    error(
      'age_range_inverted',
      pointer('questionnaires', i, 'appliesTo', 'maxAge'),
      `questionnaire '${q.id}' applies from age ${minAge} to ${maxAge}: maxAge must not be below minAge`,
      { minAge, maxAge },
    ),
  ];
}

function overlaps(questionnaires: Questionnaire[]): Issue[] {
  const issues: Issue[] = [];
  questionnaires.forEach((later, j) => {
    questionnaires.slice(0, j).forEach((earlier) => {
      const shared = sharedAges(earlier, later);
      if (shared && sharesGroup(earlier, later)) {
        issues.push(
          error(
            'questionnaire_overlap',
            pointer('questionnaires', j, 'appliesTo'),
            `questionnaires '${earlier.id}' and '${later.id}' both apply to ages ${shared[0]} to ${shared[1]}${groupText(earlier, later)}: narrow their appliesTo so exactly one applies to any person`,
            { questionnaire: later.id, other: earlier.id, ages: shared },
          ),
        );
      }
    });
  });
  return issues;
}

function sharedAges(a: Questionnaire, b: Questionnaire): [number, number] | null {
  const low = Math.max(a.appliesTo?.minAge ?? 0, b.appliesTo?.minAge ?? 0);
  const high = Math.min(a.appliesTo?.maxAge ?? MAX_AGE, b.appliesTo?.maxAge ?? MAX_AGE);
  return low <= high ? [low, high] : null;
}

function sharesGroup(a: Questionnaire, b: Questionnaire): boolean {
  const ga = a.appliesTo?.clientGroups;
  const gb = b.appliesTo?.clientGroups;
  return !ga || !gb || ga.some((g) => gb.includes(g));
}

function groupText(a: Questionnaire, b: Questionnaire): string {
  const ga = a.appliesTo?.clientGroups;
  const gb = b.appliesTo?.clientGroups;
  if (!ga && !gb) return '';
  const shared = !ga ? gb! : !gb ? ga : ga.filter((g) => gb.includes(g));
  return ` in client group ${shared.map((g) => `'${g}'`).join(', ')}`;
}

function notApplicablePoints(policy: Policy): Issue[] {
  return policy.questionnaires.flatMap((q, qi) =>
    q.questions.flatMap((question, i) =>
      question.answers.flatMap((answer, ai) =>
        answer.notApplicable && answer.points !== 0
          ? [
              error(
                'not_applicable_scores_points',
                pointer('questionnaires', qi, 'questions', i, 'answers', ai, 'points'),
                `answer '${answer.id}' to '${question.id}' does not apply but scores ${answer.points} points: a 'does not apply' answer must score 0`,
                { points: answer.points },
              ),
            ]
          : [],
      ),
    ),
  );
}

function unusedDomains(policy: Policy): Issue[] {
  const used = new Set(policy.questionnaires.flatMap((q) => q.questions.map((question) => question.domain)));
  return policy.domains.flatMap((d, i) =>
    used.has(d.id)
      ? []
      : [
          warning(
            'domain_without_questions',
            pointer('domains', i),
            `domain '${d.id}' has no questions in any questionnaire, so it always scores 0`,
            { domain: d.id },
          ),
        ],
  );
}
