import { error, pointer, type Issue } from '../issues.js';
import type { Policy } from '../policy.js';

/** Every id a reference can point at must name one thing only. */
export function checkUniqueIds(policy: Policy): Issue[] {
  return [
    ...duplicates(policy.clientGroups, ['clientGroups'], 'client group'),
    ...duplicates(policy.domains, ['domains'], 'domain'),
    ...duplicates(policy.questionnaires, ['questionnaires'], 'questionnaire'),
    ...policy.questionnaires.flatMap((q, qi) => [
      ...duplicates(q.questions, ['questionnaires', qi, 'questions'], 'question'),
      ...q.questions.flatMap((question, i) => duplicates(question.answers, ['questionnaires', qi, 'questions', i, 'answers'], 'answer')),
    ]),
    ...duplicates(policy.carerAdjustment?.supportLevels ?? [], ['carerAdjustment', 'supportLevels'], 'support level'),
    ...duplicates(policy.carerAdjustment?.impacts ?? [], ['carerAdjustment', 'impacts'], 'impact'),
    ...duplicates(policy.outcomes ?? [], ['outcomes'], 'outcome'),
    ...duplicates(policy.facts ?? [], ['facts'], 'fact'),
    ...duplicates(policy.eligibility ?? [], ['eligibility'], 'eligibility condition'),
    ...duplicates(
      (policy.rules ?? []).map((r) => ({ id: r.name })),
      ['rules'],
      'rule name',
      'name',
    ),
  ];
}

function duplicates(items: Array<{ id: string }>, at: Array<string | number>, what: string, field = 'id'): Issue[] {
  const firstIndex = new Map<string, number>();
  const issues: Issue[] = [];
  items.forEach((item, index) => {
    const first = firstIndex.get(item.id);
    if (first === undefined) {
      firstIndex.set(item.id, index);
      return;
    }
    issues.push(
      error(
        field === 'id' ? 'duplicate_id' : 'duplicate_rule_name',
        pointer(...at, index, field),
        `${what} '${item.id}' is already used at ${pointer(...at, first)}: each ${what} needs its own id`,
        { id: item.id, firstAt: pointer(...at, first) },
      ),
    );
  });
  return issues;
}
