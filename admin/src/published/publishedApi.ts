/** What the public API serves about published schemes (no sign-in); the data layer fetches it. */

// A scheme as GET /api/public/policies lists it, and a published version, as the API's components state them (generated).
export type { PublishedPolicy, PublishedVersion } from '../contract/api-answers';

/** GET …/transparency-record: its shape has one statement, rules/transparency-record.schema.json. */
export type { TransparencyRecord } from '../../../engine/contract/transparency-record';
