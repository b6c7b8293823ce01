import type { CsvCell } from '../csv.js';
import type { Comparison } from './compare.js';
import type { EncodedCohort } from './encoded-cohort.js';
import { plainPounds } from '../words/money.js';

/** An attribution's steps by label, and each step's part of the change per person (pence a year). */
export interface AttributionColumns {
  steps: readonly { label: string }[];
  annual: readonly ArrayLike<number>[];
}

export interface PeopleTable {
  header: string[];
  rows: Iterable<CsvCell[]>;
}

/**
 * One row per person of a comparison: who they are, whether they were compared, each version's amount
 * in pounds a year, the change for each pair, and each attribution step's part of it. The CLI's --csv
 * and the server's people.csv are this table.
 */
export function peopleTable(
  comparison: Pick<Comparison, 'versions' | 'pairs' | 'amounts' | 'included'>,
  cohort: EncodedCohort,
  attributions: readonly AttributionColumns[],
): PeopleTable {
  const versions = comparison.versions.map((v) => v.version);
  const manyPairs = comparison.pairs.length > 1;
  const header = [
    'ref',
    'clientGroup',
    'ageBand',
    'compared',
    ...versions.map((v) => `${v} (£ a year)`),
    ...comparison.pairs.map((p) => `change ${p.base} to ${p.candidate} (£ a year)`),
    ...attributions.flatMap((a, k) => a.steps.map((s) => `${manyPairs ? `${comparison.pairs[k]!.candidate}: ` : ''}${s.label} (£ a year)`)),
  ];
  function* rows(): Generator<CsvCell[]> {
    for (let i = 0; i < cohort.size; i++) {
      const compared = comparison.included[i] === 1;
      const pounds = (pence: number | undefined) => (compared && pence !== undefined && !Number.isNaN(pence) ? plainPounds(pence) : '');
      yield [
        cohort.refs[i]!,
        cohort.clientGroups[cohort.clientGroupOf[i]!]!,
        cohort.ageBands[cohort.ageBandOf[i]!]!.label,
        compared ? 'yes' : 'no',
        ...comparison.amounts.map((a) => pounds(a[i])),
        ...comparison.pairs.map((_, k) => pounds(comparison.amounts[k + 1]![i]! - comparison.amounts[0]![i]!)),
        ...attributions.flatMap((a) => a.annual.map((steps) => pounds(steps[i]))),
      ];
    }
  }
  return { header, rows: rows() };
}
