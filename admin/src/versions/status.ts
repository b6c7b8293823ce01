/** A version's status in words, as it stands on a given day. */

import { longDate } from '../format';
import { type Status, statusColour, statusLabel } from './format';

/** What a status chip or a choice of versions needs to know of a version to say its status. */
export interface StatusOf {
  status: Status;
  superseded?: { by: string; from: string } | null;
}

/**
 * A version's status in words as it stands on `today` (YYYY-MM-DD). A ratified version replaced by one
 * that is not in force yet is recorded as superseded at once, yet it stays in force until then: it is
 * said as ratified, and replaced from that date.
 */
export function statusWords(v: StatusOf, today: string): { label: string; colour: (typeof statusColour)[Status] } {
  if (v.status === 'superseded' && v.superseded && v.superseded.from > today)
    return { label: `Ratified, replaced by ${v.superseded.by} from ${longDate(v.superseded.from)}`, colour: statusColour.ratified };
  return { label: statusLabel[v.status] ?? v.status, colour: statusColour[v.status] ?? 'default' };
}
