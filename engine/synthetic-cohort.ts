/**
 * Realistic synthetic assessments for one policy version, reproducible from a seed: for demos,
 * property tests and benchmarks, never for decisions. The seed is an input, so the engine stays pure.
 */

import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Assessment, CarerSituation } from './assessment.js';
import type { CompiledPolicy } from './compile.js';
import type { Answer, IsoDate } from './policy.js';
import type { CompiledQuestionnaire } from './questionnaire.js';

export interface SyntheticCohortOptions {
  size: number;
  seed: number;
  assessmentDate: IsoDate;
}

// Adults' questionnaires rarely bound age; these keep generated ages plausible.
const DEFAULT_MIN_AGE = 18;
const DEFAULT_MAX_AGE = 95;
const CARER_SHARE = 0.45;
const NOT_APPLICABLE_SHARE = 0.08;

/**
 * Yields `size` assessments: client groups evenly mixed, ages spread over each questionnaire's range,
 * and need skewed towards low levels (most people need some help, few need a great deal).
 */
export function* syntheticAssessments(compiled: CompiledPolicy, options: SyntheticCohortOptions): Generator<Assessment> {
  const rng = xoroshiro128plus(options.seed);
  const random = () => uniformFloat64(rng);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const groups = [...compiled.clientGroups.keys()].filter((g) => questionnairesFor(compiled, g).length > 0);
  const width = String(options.size).length;

  for (let i = 1; i <= options.size; i++) {
    const clientGroup = pick(groups);
    const questionnaire = pick(questionnairesFor(compiled, clientGroup));
    const { minAge = DEFAULT_MIN_AGE, maxAge = DEFAULT_MAX_AGE } = questionnaire.questionnaire.appliesTo ?? {};
    const age = minAge + Math.floor(random() * (maxAge - minAge + 1));
    const need = random() ** 2;
    const carer = random() < CARER_SHARE ? syntheticCarer(compiled, random, pick) : undefined;
    yield {
      reference: `S-${String(i).padStart(width, '0')}`,
      assessmentDate: options.assessmentDate,
      age,
      clientGroup,
      answers: answersFor(questionnaire, need, random),
      ...(carer ? { carer } : {}),
    };
  }
}

function questionnairesFor(compiled: CompiledPolicy, clientGroup: string): CompiledQuestionnaire[] {
  return compiled.questionnaires.filter((q) => q.questionnaire.appliesTo?.clientGroups?.includes(clientGroup) ?? true);
}

function answersFor(questionnaire: CompiledQuestionnaire, need: number, random: () => number): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const { question } of questionnaire.questions.values()) {
    const notApplicable = question.answers.find((a) => a.notApplicable);
    if (notApplicable && random() < NOT_APPLICABLE_SHARE) {
      answers[question.id] = notApplicable.id;
      continue;
    }
    const graded = byPoints(question.answers.filter((a) => !a.notApplicable));
    const jitter = (random() - 0.5) * 0.4;
    const level = Math.min(1, Math.max(0, need + jitter));
    answers[question.id] = graded[Math.round(level * (graded.length - 1))]!.id;
  }
  return answers;
}

function byPoints(answers: Answer[]): Answer[] {
  return [...answers].sort((a, b) => a.points - b.points);
}

function syntheticCarer(compiled: CompiledPolicy, random: () => number, pick: <T>(items: readonly T[]) => T): CarerSituation | undefined {
  const table = compiled.policy.carerAdjustment;
  if (!table) return undefined;
  return {
    willingToContinue: random() < 0.85,
    ableToContinue: random() < 0.8,
    supportLevel: pick(table.supportLevels).id,
    impact: pick(table.impacts).id,
  };
}
