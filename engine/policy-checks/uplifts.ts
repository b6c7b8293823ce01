import { error, pointer, type Issue } from '../issues.js';
import type { Policy } from '../policy.js';

/** Uplifts compound in date order, so the list must read in that order with no date twice. */
export function checkUplifts(policy: Policy): Issue[] {
  const uplifts = policy.uplifts ?? [];
  return uplifts.flatMap((u, i) => {
    const previous = uplifts[i - 1];
    if (!previous || previous.from < u.from) return [];
    return [
      error(
        'uplift_dates_not_ascending',
        pointer('uplifts', i, 'from'),
        `uplift ${i + 1} starts on ${u.from} but uplift ${i} starts on ${previous.from}: list uplifts in ascending date order, each date after the last`,
        { from: u.from, previous: previous.from },
      ),
    ];
  });
}
