/**
 * Realistic synthetic assessments for one policy version, reproducible from a seed: for demos,
 * property tests and benchmarks, never for decisions. The seed is an input, so the engine stays pure.
 */

import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Assessment, CarerSituation } from './assessment.js';
import type { CompiledPolicy } from './compile.js';
import type { CohortPerson } from './cohort/cohort.js';
import type { IsoDate } from './policy.js';
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

export interface SyntheticPerson {
  person: CohortPerson;
  /** The exact age the age band was drawn from. */
  age: number;
}

const AGE_BANDS: Array<[number, number]> = [
  [0, 4],
  [5, 11],
  [12, 17],
  [18, 24],
  [25, 44],
  [45, 64],
  [65, 74],
  [75, 84],
  [85, 130],
];
const CURRENT_COST_SHARE = 0.7;

/**
 * Client groups whose people are of an age by definition, known by the id councils give them (the
 * example schemes' ids): older people are 65 and over. Other groups take the questionnaire's range.
 */
const GROUP_MIN_AGE: Readonly<Record<string, number>> = { 'older-people': 65 };

/** The youngest age a person of the group is drawn from: the group's, where the questionnaire's range allows it. */
function groupMinAge(clientGroup: string, minAge: number, maxAge: number): number {
  const groupMin = GROUP_MIN_AGE[clientGroup];
  return groupMin !== undefined && groupMin > minAge && groupMin <= maxAge ? groupMin : minAge;
}

/**
 * Yields `size` people: client groups evenly mixed, ages spread over each questionnaire's range (older
 * people's from 65) and reported in standard bands, need skewed towards low levels (most people need some help, few need a
 * great deal), and for most a current package cost that follows need loosely.
 */
export function* syntheticPeople(
  compiled: CompiledPolicy,
  options: Omit<SyntheticCohortOptions, 'assessmentDate'>,
): Generator<SyntheticPerson> {
  const rng = xoroshiro128plus(options.seed);
  const random = () => uniformFloat64(rng);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const groups = [...compiled.clientGroups.keys()].filter((g) => questionnairesFor(compiled, g).length > 0);
  const width = String(options.size).length;

  for (let i = 1; i <= options.size; i++) {
    const clientGroup = pick(groups);
    const questionnaire = pick(questionnairesFor(compiled, clientGroup));
    const { minAge: questionnaireMin = DEFAULT_MIN_AGE, maxAge = DEFAULT_MAX_AGE } = questionnaire.questionnaire.appliesTo ?? {};
    const minAge = groupMinAge(clientGroup, questionnaireMin, maxAge);
    const age = minAge + Math.floor(random() * (maxAge - minAge + 1));
    const need = random() ** 2;
    const carer = random() < CARER_SHARE ? syntheticCarer(compiled, random, pick) : undefined;
    const cost = random() < CURRENT_COST_SHARE ? Math.round((need * 40_000 + random() * 6_000) * 100) : undefined;
    yield {
      age,
      person: {
        ref: `S-${String(i).padStart(width, '0')}`,
        clientGroup,
        ageBand: ageBandOf(age),
        answers: answersFor(questionnaire, need, random),
        ...(carer ? { carer } : {}),
        ...(cost === undefined ? {} : { currentAnnualCostPence: cost }),
      },
    };
  }
}

/** The same people as assessments dated `assessmentDate`, with their exact ages: for benchmarks. */
export function* syntheticAssessments(compiled: CompiledPolicy, options: SyntheticCohortOptions): Generator<Assessment> {
  for (const { person, age } of syntheticPeople(compiled, options)) {
    yield {
      reference: person.ref,
      assessmentDate: options.assessmentDate,
      age,
      clientGroup: person.clientGroup,
      answers: person.answers,
      ...(person.carer ? { carer: person.carer } : {}),
    };
  }
}

function ageBandOf(age: number): string {
  const [min, max] = AGE_BANDS.find(([, high]) => age <= high)!;
  return max >= 130 ? `${min}+` : `${min}-${max}`;
}

function questionnairesFor(compiled: CompiledPolicy, clientGroup: string): CompiledQuestionnaire[] {
  return compiled.questionnaires.filter((q) => q.questionnaire.appliesTo?.clientGroups?.includes(clientGroup) ?? true);
}

function answersFor(questionnaire: CompiledQuestionnaire, need: number, random: () => number): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const { id, notApplicable, graded } of answerChoices(questionnaire)) {
    if (notApplicable && random() < NOT_APPLICABLE_SHARE) {
      answers[id] = notApplicable;
      continue;
    }
    const jitter = (random() - 0.5) * 0.4;
    const level = Math.min(1, Math.max(0, need + jitter));
    answers[id] = graded[Math.round(level * (graded.length - 1))]!;
  }
  return answers;
}

interface AnswerChoice {
  id: string;
  /** The answer id meaning "does not apply", if the question has one. */
  notApplicable: string | undefined;
  /** The answer ids that apply, from fewest points to most. */
  graded: string[];
}

const choices = new WeakMap<CompiledQuestionnaire, AnswerChoice[]>();

/** Each question's choices, worked out once per questionnaire rather than for every person. */
function answerChoices(questionnaire: CompiledQuestionnaire): AnswerChoice[] {
  let found = choices.get(questionnaire);
  if (!found) {
    found = [...questionnaire.questions.values()].map(({ question }) => ({
      id: question.id,
      notApplicable: question.answers.find((a) => a.notApplicable)?.id,
      graded: question.answers
        .filter((a) => !a.notApplicable)
        .sort((a, b) => a.points - b.points)
        .map((a) => a.id),
    }));
    choices.set(questionnaire, found);
  }
  return found;
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
