/**
 * Query parameters the API reads in more than one place, read one way. `asOf` is the one name for "the
 * date to judge on", wherever a date can be given: evaluating (uplifts), and which version is in force.
 */

import { isIsoDate } from '../../engine/index.js';
import { HttpProblem } from './errors.js';

/**
 * ?asOf=YYYY-MM-DD, or undefined when it is not given. The in-force routes called it `date` before it
 * had one name; they still read that spelling (documented as deprecated), and refuse both at once.
 */
export function asOfQuery(query: Record<string, unknown>, formerly?: 'date'): string | undefined {
  const given = formerly !== undefined && query.asOf === undefined ? formerly : 'asOf';
  if (formerly !== undefined && query.asOf !== undefined && query[formerly] !== undefined)
    throw new HttpProblem(400, 'bad_date', `Send asOf alone: ${formerly} is its former name.`, [
      { pointer: `/query/${formerly}`, code: 'duplicate_parameter', message: 'leave it out; asOf says the same' },
    ]);
  const value = query[given];
  if (value === undefined) return undefined;
  if (!isIsoDate(value))
    throw new HttpProblem(400, 'bad_date', `${given} must be a real date written YYYY-MM-DD.`, [
      { pointer: `/query/${given}`, code: 'schema_format', message: `'${String(value)}' is not a date written YYYY-MM-DD` },
    ]);
  return value;
}
