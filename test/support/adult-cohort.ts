/**
 * Small hand-made cohorts for the seeded adult-ras scheme, for the scrutiny API tests. Every person
 * answers all eighteen questions of the adult questionnaire (all are required); unless a test says
 * otherwise each answer is the one worth 0 points, so a person's points are exactly the answers named.
 *
 * Points used by the tests (adult-sdaq):
 *   pc-washing  (personal care): prompting 5, some-help 10, full-help 20
 *   he-physical (health):        reminders 4, some-help 8
 * Health is weighted 1 in 2009-pilot and 1.5 in 2010-revised.
 */

import type { CarerSituation, CohortPerson } from '../../engine/index.js';

/** The 0-point answer to each question of adult-sdaq. */
export const NO_NEEDS: Readonly<Record<string, string>> = {
  'pc-washing': 'independent',
  'pc-dressing': 'independent',
  'pc-night': 'none',
  'nu-meals': 'independent',
  'nu-eating': 'independent',
  'he-physical': 'independent',
  'he-mental': 'well',
  'ss-home': 'safe',
  'ss-abuse': 'no-concern',
  'ss-community': 'independent',
  're-family': 'independent',
  're-caring-role': 'independent',
  'wl-work': 'independent',
  'wl-leisure': 'independent',
  'cc-decisions': 'independent',
  'cc-money': 'independent',
  'dl-housework': 'independent',
  'dl-home': 'independent',
};

export const QUESTION_IDS = Object.keys(NO_NEEDS);

/** A person with no needs except the answers given. */
export function adult(
  ref: string,
  clientGroup: string,
  ageBand: string,
  needs: Record<string, string> = {},
  extra: { carer?: CarerSituation; currentAnnualCostPence?: number } = {},
): CohortPerson {
  return { ref, clientGroup, ageBand, answers: { ...NO_NEEDS, ...needs }, ...extra };
}

/** A cohort.schema.json document. */
export function cohortDocument(name: string, people: CohortPerson[], policyId = 'adult-ras') {
  return { schemaVersion: 1, name, policyId, people };
}

const FIXED = [
  'ref',
  'clientGroup',
  'ageBand',
  'carerWilling',
  'carerAble',
  'carerSupportLevel',
  'carerImpact',
  'currentAnnualCost',
] as const;

/** The same people as CSV, as a case system would export them: costs in pounds, one column per question. */
export function cohortCsv(people: CohortPerson[]): string {
  const pounds = (pence: number) => `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
  const yesNo = (b: boolean) => (b ? 'yes' : 'no');
  const rows = people.map((p) =>
    [
      p.ref,
      p.clientGroup,
      p.ageBand,
      p.carer ? yesNo(p.carer.willingToContinue) : '',
      p.carer ? yesNo(p.carer.ableToContinue) : '',
      p.carer?.supportLevel ?? '',
      p.carer?.impact ?? '',
      p.currentAnnualCostPence === undefined ? '' : pounds(p.currentAnnualCostPence),
      ...QUESTION_IDS.map((q) => p.answers[q] ?? ''),
    ].join(','),
  );
  return `${[[...FIXED, ...QUESTION_IDS].join(','), ...rows].join('\n')}\n`;
}

/** CSV lines as cells, for reading an export (no quoted commas in what the tests send). */
export function parseCsv(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}
