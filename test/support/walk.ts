/**
 * Helpers for the e2e walks that follow a version's workflow as people take it (beside browser.ts, which
 * they build on): the figures a worked example's report gives, in the pounds and words a person types.
 */

/** Pence as a person types pounds: 130000 -> "1300.00". */
export const typedPounds = (pence: number): string => (pence / 100).toFixed(2);

/** Nothing a person reads may be an id, pence or JSON. */
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
