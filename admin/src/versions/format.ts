/** Words a policy officer reads about versions: prices and periods, statuses in plain English, a failed request's problems. */

import type { ProblemError } from '../contract/api-answers';
import { plainMessage, whereInPolicy } from '../plainErrors';
import { csvProblemText } from '../compare/csvProblemText';
import type { HttpError } from 'react-admin';
import { PERIODS } from '../../../engine/periods';
import type { Period } from '../../../engine/policy';
import { formatPrice } from '../../../engine/words/money';

export type Status = 'draft' | 'submitted' | 'ratified' | 'superseded' | 'withdrawn';

/** Pence (a price per point may have decimals) as pounds, as the engine writes them; a dash where there is none. */
export const pounds = (pence: number | undefined | null): string =>
  pence === undefined || pence === null || Number.isNaN(pence) ? '–' : formatPrice(pence);

/** A period in the engine's words ("a week"), or as written where a draft names one the format does not have. */
export const perPeriod = (period: string): string => (Object.hasOwn(PERIODS, period) ? PERIODS[period as Period].per : `per ${period}`);

export const statusLabel: Record<Status, string> = {
  draft: 'Draft',
  submitted: 'Submitted for ratification',
  ratified: 'Ratified',
  superseded: 'Superseded',
  withdrawn: 'Withdrawn',
};

export const statusColour: Record<Status, 'default' | 'info' | 'success' | 'warning' | 'error'> = {
  draft: 'default',
  submitted: 'info',
  ratified: 'success',
  superseded: 'warning',
  withdrawn: 'error',
};

/** The nested `errors` of an HttpError back to a flat list of JSON Pointers and messages. */
export function flattenErrors(errors: unknown, prefix = ''): Array<{ pointer: string; message: string }> {
  if (errors === null || typeof errors !== 'object') return [];
  return Object.entries(errors as Record<string, unknown>).flatMap(([key, value]) => {
    if (key === 'root' && value && typeof value === 'object' && 'serverError' in value)
      return [{ pointer: prefix || '/', message: String((value as { serverError: unknown }).serverError) }];
    const pointer = `${prefix}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    return typeof value === 'object' && value !== null ? flattenErrors(value, pointer) : [{ pointer, message: String(value) }];
  });
}

/** The server's words for a failed request: its detail, and the first few problems, in plain English. */
export function describeError(error: unknown): string {
  const e = error as Partial<HttpError> & { message?: string };
  // A problem that only restates the detail (the server's one sentence) is not said twice.
  const problems: ProblemError[] = (e.body?.problems ?? []).filter((p: ProblemError) => plainMessage(p) !== e.message);
  const listed = problems
    .slice(0, 3)
    // A cohort CSV's problem is said by the row of the file (its pointer counts people, not rows of the file).
    .map((p) =>
      /^\/rows\/\d+/.test(p.pointer) && /^line \d+: /.test(p.message)
        ? csvProblemText(p)
        : `${whereInPolicy(undefined, p.pointer)}: ${plainMessage(p)}`,
    )
    .join('; ');
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return `${e.message ?? 'The request failed.'}${listed ? ` ${listed}${more}` : ''}`;
}
