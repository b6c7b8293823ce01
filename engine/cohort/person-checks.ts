/**
 * Checks shared by both formats: what the schema cannot say about a person, made against the ids
 * the policy versions under test actually know.
 */

import type { CarerSituation } from '../assessment.js';
import type { CompiledPolicy } from '../compile.js';
import { parseAgeBand, type CohortPerson } from './cohort.js';
import type { RowIssue } from './row-issues.js';

export interface KnownIds {
  clientGroups: Set<string> | null;
  /** question id -> the answer ids any given version accepts for it. */
  questions: Map<string, Set<string>> | null;
  carerLevels: Set<string> | null;
  carerImpacts: Set<string> | null;
}

/** The union over the given versions: a cohort may hold answers some versions ask and others do not. */
export function knownIds(policies: readonly CompiledPolicy[] | undefined): KnownIds {
  if (!policies || policies.length === 0) return { clientGroups: null, questions: null, carerLevels: null, carerImpacts: null };
  const questions = new Map<string, Set<string>>();
  for (const compiled of policies) {
    for (const questionnaire of compiled.policy.questionnaires) {
      for (const question of questionnaire.questions) {
        const answers = questions.get(question.id) ?? new Set<string>();
        for (const answer of question.answers) answers.add(answer.id);
        questions.set(question.id, answers);
      }
    }
  }
  const tables = policies.flatMap((p) => (p.policy.carerAdjustment ? [p.policy.carerAdjustment] : []));
  return {
    clientGroups: new Set(policies.flatMap((p) => p.policy.clientGroups.map((g) => g.id))),
    questions,
    // A version without a carer table ignores carers, so only versions with one constrain the ids.
    carerLevels: tables.length ? new Set(tables.flatMap((t) => t.supportLevels.map((l) => l.id))) : null,
    carerImpacts: tables.length ? new Set(tables.flatMap((t) => t.impacts.map((m) => m.id))) : null,
  };
}

export function policyIdIssues(policyId: string | undefined, policies: readonly CompiledPolicy[] | undefined): RowIssue[] {
  if (policyId === undefined || !policies?.length || policies.some((p) => p.policy.id === policyId)) return [];
  return [
    {
      row: 0,
      field: 'policyId',
      code: 'policy_mismatch',
      message: `the cohort follows scheme '${policyId}' but the versions given are of ${listOf([...new Set(policies.map((p) => p.policy.id))])}`,
    },
  ];
}

/** The checks the schema cannot make: a real age band, unique refs, and ids the versions know. */
export function personIssues(person: unknown, row: number, known: KnownIds, refs: Map<string, number>, checkRef = true): RowIssue[] {
  if (!person || typeof person !== 'object') return [];
  const p = person as Partial<Record<keyof CohortPerson, unknown>>;
  const out: RowIssue[] = [];
  const issue = (field: string, code: string, message: string) => out.push({ row, field, code, message });
  if (checkRef && typeof p.ref === 'string') out.push(...duplicateRef(p.ref, row, refs));
  if (typeof p.ageBand === 'string' && p.ageBand !== '' && !parseAgeBand(p.ageBand)) {
    issue(
      'ageBand',
      'bad_age_band',
      `'${p.ageBand}' is not an age band: write whole years youngest first, like 65-74, or 85+ for an open top band (at most 130)`,
    );
  }
  if (known.clientGroups && typeof p.clientGroup === 'string' && p.clientGroup !== '' && !known.clientGroups.has(p.clientGroup)) {
    issue(
      'clientGroup',
      'unknown_client_group',
      `client group '${p.clientGroup}' is not one of the versions' client groups: ${listOf([...known.clientGroups])}`,
    );
  }
  if (known.questions && p.answers && typeof p.answers === 'object') {
    for (const [question, answer] of Object.entries(p.answers as Record<string, unknown>)) {
      const answers = known.questions.get(question);
      if (!answers) issue(`answers.${question}`, 'unknown_question', `'${question}' is not a question any of the versions asks`);
      else if (typeof answer === 'string' && answer !== '' && !answers.has(answer)) {
        issue(
          `answers.${question}`,
          'unknown_answer',
          `'${answer}' is not an answer to question '${question}': valid answers are ${listOf([...answers])}`,
        );
      }
    }
  }
  if (p.carer && typeof p.carer === 'object') {
    const carer = p.carer as Partial<CarerSituation>;
    if (
      known.carerLevels &&
      typeof carer.supportLevel === 'string' &&
      carer.supportLevel !== '' &&
      !known.carerLevels.has(carer.supportLevel)
    ) {
      issue(
        'carer.supportLevel',
        'unknown_support_level',
        `carer support level '${carer.supportLevel}' is not in the carer table: valid levels are ${listOf([...known.carerLevels])}`,
      );
    }
    if (known.carerImpacts && typeof carer.impact === 'string' && carer.impact !== '' && !known.carerImpacts.has(carer.impact)) {
      issue(
        'carer.impact',
        'unknown_impact',
        `carer impact '${carer.impact}' is not in the carer table: valid impacts are ${listOf([...known.carerImpacts])}`,
      );
    }
  }
  return out;
}

export function duplicateRef(ref: string, row: number, refs: Map<string, number>): RowIssue[] {
  if (ref === '') return [];
  const first = refs.get(ref);
  if (first === undefined) {
    refs.set(ref, row);
    return [];
  }
  return [
    {
      row,
      field: 'ref',
      code: 'duplicate_ref',
      message: `ref '${ref}' is already used by row ${first}: each person needs a reference of their own`,
    },
  ];
}

function listOf(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}
