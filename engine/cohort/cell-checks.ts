/**
 * The checks of one CSV person, made cell by cell. A million-row file holds a few hundred distinct
 * client groups, age bands and answers, so each distinct value of a column is checked once (by the
 * same person checks and cohort schema as a JSON cohort) and its verdict reused; only the cells
 * unique to a row, the reference and the current cost, are checked on every row, against the
 * schema's own statement of those fields.
 */

import type { CarerSituation } from '../assessment.js';
import type { Issue } from '../issues.js';
import { cohortCostSchemaIssues, cohortPersonSchemaIssues, cohortRefSchemaIssues } from '../schema.js';
import type { CohortPerson } from './cohort.js';
import { duplicateRef, personIssues, type KnownIds } from './person-checks.js';
import type { RowIssue } from './row-issues.js';

/** A problem with one field of a person, before it is placed on a row. */
export type FieldIssue = Omit<RowIssue, 'row' | 'line'>;

type Verdicts = Map<string, readonly FieldIssue[]>;

/** A person every check passes; a probe changes one field of it and keeps the problems with that field. */
const SOUND: CohortPerson = { ref: 'R', clientGroup: 'g', ageBand: '0-1', answers: {} };
const SOUND_CARER: CarerSituation = { willingToContinue: true, ableToContinue: true, supportLevel: 's', impact: 'i' };

export class PersonCellChecks {
  private readonly refs = new Map<string, number>();
  private readonly clientGroups: Verdicts = new Map();
  private readonly ageBands: Verdicts = new Map();
  private readonly supportLevels: Verdicts = new Map();
  private readonly impacts: Verdicts = new Map();

  constructor(private readonly known: KnownIds) {}

  /** The problems of the person's fixed fields (answers are the importer's: see answerIssues), each with its JSON field name. */
  issues(person: CohortPerson, row: number): FieldIssue[] {
    const out: FieldIssue[] = [];
    add(out, duplicateRef(person.ref, row, this.refs));
    add(out, fieldIssues('ref', cohortRefSchemaIssues(person.ref)));
    let verdict = this.clientGroups.get(person.clientGroup);
    if (!verdict)
      verdict = this.remember(this.clientGroups, person.clientGroup, 'clientGroup', { ...SOUND, clientGroup: person.clientGroup });
    add(out, verdict);
    verdict = this.ageBands.get(person.ageBand);
    if (!verdict) verdict = this.remember(this.ageBands, person.ageBand, 'ageBand', { ...SOUND, ageBand: person.ageBand });
    add(out, verdict);
    const { carer } = person;
    if (carer) {
      verdict = this.supportLevels.get(carer.supportLevel);
      if (!verdict)
        verdict = this.remember(this.supportLevels, carer.supportLevel, 'carer.supportLevel', {
          ...SOUND,
          carer: { ...SOUND_CARER, supportLevel: carer.supportLevel },
        });
      add(out, verdict);
      verdict = this.impacts.get(carer.impact);
      if (!verdict)
        verdict = this.remember(this.impacts, carer.impact, 'carer.impact', { ...SOUND, carer: { ...SOUND_CARER, impact: carer.impact } });
      add(out, verdict);
    }
    if (person.currentAnnualCostPence !== undefined)
      add(out, fieldIssues('currentAnnualCostPence', cohortCostSchemaIssues(person.currentAnnualCostPence)));
    return out;
  }

  /** An answer's problems; the importer asks once for each distinct answer to a question, as it codes them. */
  answerIssues(question: string, answer: string): readonly FieldIssue[] {
    return this.probe(`answers.${question}`, { ...SOUND, answers: { [question]: answer } });
  }

  /**
   * A value's verdict, kept for the next row that has it.
   */
  private remember(verdicts: Verdicts, value: string, field: string, probe: CohortPerson): readonly FieldIssue[] {
    const verdict = this.probe(field, probe);
    verdicts.set(value, verdict);
    return verdict;
  }

  /**
   * Checks a sound person with one field changed, keeping the problems with that field: the person
   * checks first, then the schema for a field they did not speak to.
   */
  private probe(field: string, probe: CohortPerson): readonly FieldIssue[] {
    const ours = personIssues(probe, 0, this.known, new Map(), false)
      .filter((x) => x.field === field)
      .map(({ row: _, ...x }) => x);
    const path = `/${field.replaceAll('~', '~0').replaceAll('/', '~1').replace('.', '/')}`;
    // A bad question id is reported at the answers object itself.
    const about = (x: Issue) => x.path === path || x.path.startsWith(`${path}/`) || (field.startsWith('answers.') && x.path === '/answers');
    return ours.length > 0 ? ours : fieldIssues(field, cohortPersonSchemaIssues(probe).filter(about));
  }
}

/** Almost every verdict is "no problem": adding one should cost next to nothing. */
function add(out: FieldIssue[], issues: readonly FieldIssue[]): void {
  for (let k = 0; k < issues.length; k++) out.push(issues[k]!);
}

function fieldIssues(field: string, issues: readonly Issue[]): FieldIssue[] {
  return issues.length === 0 ? [] : issues.map((x) => ({ field, code: x.code, message: x.message }));
}
