/**
 * A cohort held in columns of small integers, so a million people fit in tens of megabytes and a
 * version can be evaluated over them with table lookups: each answer is stored as a code into its
 * question's list of answer ids (0 = not answered), each client group and age band as an index.
 */

import type { CarerSituation } from '../assessment.js';
import { parseAgeBand, type AgeBand, type CohortPerson } from './cohort.js';

export interface AnswerColumn {
  questionId: string;
  /** answerIds[code - 1] is the answer id stored as `code`. */
  answerIds: string[];
  codes: Uint16Array;
}

export interface EncodedCohort {
  readonly size: number;
  readonly refs: readonly string[];
  readonly clientGroups: readonly string[];
  readonly clientGroupOf: Uint16Array;
  readonly ageBands: readonly AgeBand[];
  readonly ageBandOf: Uint16Array;
  readonly columns: readonly AnswerColumn[];
  readonly carerLevels: readonly string[];
  readonly carerImpacts: readonly string[];
  /** 0: no carer; else bit 1 willing, bit 2 able, bit 4 present. */
  readonly carerFlags: Uint8Array;
  readonly carerLevelOf: Uint16Array;
  readonly carerImpactOf: Uint16Array;
  /** NaN where not known. */
  readonly currentAnnualCostPence: Float64Array;
}

/** A column being filled; its codes are replaced by a longer array as the cohort grows. */
interface EncoderColumn {
  answers: Interner;
  codes: Uint16Array;
}

/** A column of a CohortEncoder, as answerColumn gives it, to be passed back to that encoder's methods. */
export type AnswerColumnHandle = Readonly<EncoderColumn>;

const PRESENT = 4;
const WILLING = 1;
const ABLE = 2;

/** Builds an EncodedCohort one person at a time; people are assumed already checked against the schema. */
export class CohortEncoder {
  private size = 0;
  private capacity: number;
  private readonly refs: string[] = [];
  private readonly groups = new Interner('clientGroup');
  private readonly bands = new Interner('ageBand');
  private readonly bandList: AgeBand[] = [];
  private readonly levels = new Interner('carer support level');
  private readonly impacts = new Interner('carer impact');
  private readonly columns = new Map<string, EncoderColumn>();
  private clientGroupOf: Uint16Array;
  private ageBandOf: Uint16Array;
  private carerFlags: Uint8Array;
  private carerLevelOf: Uint16Array;
  private carerImpactOf: Uint16Array;
  private cost: Float64Array;

  constructor(expectedSize = 1024) {
    this.capacity = Math.max(16, expectedSize);
    this.clientGroupOf = new Uint16Array(this.capacity);
    this.ageBandOf = new Uint16Array(this.capacity);
    this.carerFlags = new Uint8Array(this.capacity);
    this.carerLevelOf = new Uint16Array(this.capacity);
    this.carerImpactOf = new Uint16Array(this.capacity);
    this.cost = new Float64Array(this.capacity).fill(NaN);
  }

  add(person: CohortPerson): void {
    const i = this.addPerson(person);
    for (const [questionId, answerId] of Object.entries(person.answers)) {
      const column = this.column(questionId);
      column.codes[i] = column.answers.code(answerId) + 1;
    }
  }

  /**
   * A question's column, for an importer that codes each distinct cell once (with answerCode) rather
   * than every person's answers by id, then adds people with addCoded.
   */
  answerColumn(questionId: string): AnswerColumnHandle {
    return this.column(questionId);
  }

  /** The code an answer is stored as in its question's column. */
  answerCode(column: AnswerColumnHandle, answerId: string): number {
    return column.answers.code(answerId) + 1;
  }

  /** Adds a person whose answers are already coded: `codes[k]` answers the question of `columns[k]` (0: not answered). */
  addCoded(person: Omit<CohortPerson, 'answers'>, columns: readonly AnswerColumnHandle[], codes: ArrayLike<number>): void {
    const i = this.addPerson(person);
    for (let k = 0; k < columns.length; k++) {
      if (codes[k] !== 0) (columns[k] as EncoderColumn).codes[i] = codes[k]!;
    }
  }

  private addPerson(person: Omit<CohortPerson, 'answers'>): number {
    if (this.size === this.capacity) this.grow();
    const i = this.size++;
    this.refs.push(person.ref);
    this.clientGroupOf[i] = this.groups.code(person.clientGroup);
    const bandCode = this.bands.code(person.ageBand);
    if (bandCode === this.bandList.length) this.bandList.push(requireBand(person.ageBand));
    this.ageBandOf[i] = bandCode;
    if (person.carer) this.addCarer(i, person.carer);
    if (person.currentAnnualCostPence !== undefined) this.cost[i] = person.currentAnnualCostPence;
    return i;
  }

  finish(): EncodedCohort {
    const n = this.size;
    return {
      size: n,
      refs: this.refs,
      clientGroups: this.groups.values,
      clientGroupOf: this.clientGroupOf.slice(0, n),
      ageBands: this.bandList,
      ageBandOf: this.ageBandOf.slice(0, n),
      columns: [...this.columns].map(([questionId, c]) => ({ questionId, answerIds: c.answers.values, codes: c.codes.slice(0, n) })),
      carerLevels: this.levels.values,
      carerImpacts: this.impacts.values,
      carerFlags: this.carerFlags.slice(0, n),
      carerLevelOf: this.carerLevelOf.slice(0, n),
      carerImpactOf: this.carerImpactOf.slice(0, n),
      currentAnnualCostPence: this.cost.slice(0, n),
    };
  }

  private addCarer(i: number, carer: CarerSituation): void {
    this.carerFlags[i] = PRESENT | (carer.willingToContinue ? WILLING : 0) | (carer.ableToContinue ? ABLE : 0);
    this.carerLevelOf[i] = this.levels.code(carer.supportLevel);
    this.carerImpactOf[i] = this.impacts.code(carer.impact);
  }

  private column(questionId: string): EncoderColumn {
    let column = this.columns.get(questionId);
    if (!column) {
      column = { answers: new Interner(questionId), codes: new Uint16Array(this.capacity) };
      this.columns.set(questionId, column);
    }
    return column;
  }

  private grow(): void {
    this.capacity *= 2;
    const grow16 = (a: Uint16Array) => {
      const b = new Uint16Array(this.capacity);
      b.set(a);
      return b;
    };
    this.clientGroupOf = grow16(this.clientGroupOf);
    this.ageBandOf = grow16(this.ageBandOf);
    this.carerLevelOf = grow16(this.carerLevelOf);
    this.carerImpactOf = grow16(this.carerImpactOf);
    const flags = new Uint8Array(this.capacity);
    flags.set(this.carerFlags);
    this.carerFlags = flags;
    const cost = new Float64Array(this.capacity).fill(NaN);
    cost.set(this.cost);
    this.cost = cost;
    for (const column of this.columns.values()) column.codes = grow16(column.codes);
  }
}

export function encodeCohort(people: Iterable<CohortPerson>, expectedSize?: number): EncodedCohort {
  const encoder = new CohortEncoder(expectedSize);
  for (const person of people) encoder.add(person);
  return encoder.finish();
}

/** Person i as plain data again, e.g. for the reference evaluation or an export. */
export function decodePerson(cohort: EncodedCohort, i: number): CohortPerson {
  const answers: Record<string, string> = {};
  for (const column of cohort.columns) {
    const code = column.codes[i]!;
    if (code > 0) answers[column.questionId] = column.answerIds[code - 1]!;
  }
  const flags = cohort.carerFlags[i]!;
  const cost = cohort.currentAnnualCostPence[i]!;
  return {
    ref: cohort.refs[i]!,
    clientGroup: cohort.clientGroups[cohort.clientGroupOf[i]!]!,
    ageBand: cohort.ageBands[cohort.ageBandOf[i]!]!.label,
    answers,
    ...(flags & PRESENT ? { carer: carerOf(cohort, i) } : {}),
    ...(Number.isNaN(cost) ? {} : { currentAnnualCostPence: cost }),
  };
}

export function carerOf(cohort: EncodedCohort, i: number): CarerSituation | undefined {
  const flags = cohort.carerFlags[i]!;
  if (!(flags & PRESENT)) return undefined;
  return {
    willingToContinue: (flags & WILLING) !== 0,
    ableToContinue: (flags & ABLE) !== 0,
    supportLevel: cohort.carerLevels[cohort.carerLevelOf[i]!]!,
    impact: cohort.carerImpacts[cohort.carerImpactOf[i]!]!,
  };
}

function requireBand(label: string): AgeBand {
  const band = parseAgeBand(label);
  if (!band) throw new Error(`'${label}' is not an age band`);
  return band;
}

/**
 * A column with more distinct values than its 16-bit codes hold. Only an absurd file gets there (a cohort's
 * columns hold a few values each), and it is a problem of the file, said at the row that went over.
 */
export class CohortColumnLimit extends Error {
  constructor(readonly column: string) {
    super(
      `the column ${column} has more than ${MAX_DISTINCT.toLocaleString('en-GB')} different values; a cohort's columns hold a few each`,
    );
  }
}

const MAX_DISTINCT = 0xffff - 1;

class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly column: string) {}

  code(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      if (code > MAX_DISTINCT - 1) throw new CohortColumnLimit(this.column);
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }
}
