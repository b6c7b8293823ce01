/** Calendar dates as YYYY-MM-DD strings; the schema's 'date' format has already checked them. */

import type { IsoDate } from './policy.js';

/** Whole years from birth to a date. A 29 February birthday falls on 1 March in other years, as in English law. */
export function ageOn(dateOfBirth: IsoDate, date: IsoDate): number {
  const [by, bm, bd] = parts(dateOfBirth);
  const [y, m, d] = parts(date);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

function parts(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}
