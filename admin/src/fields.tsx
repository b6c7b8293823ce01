/**
 * Dates in a list's columns as the console's pages say them ("3 Dec 2026, 14:05"; "1 April 2010"),
 * never react-admin's numeric DateField ("03/12/2026"), which reads differently in every country.
 */

import { FunctionField, type RaRecord } from 'react-admin';
import { dateTime, longDate } from './format';

/** A moment (a timestamp) as the reader's day and time. */
export const MomentField = ({ source }: { source: string }) => (
  <FunctionField source={source} render={(record: RaRecord) => dateTime(record[source] as string | undefined)} />
);

/** A calendar day in words. */
export const DayField = ({ source }: { source: string }) => (
  <FunctionField source={source} render={(record: RaRecord) => longDate(record[source] as string | undefined)} />
);
