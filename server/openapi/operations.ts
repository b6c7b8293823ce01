/**
 * Per-operation details: what the route table does not know (request bodies, parameters, responses),
 * keyed by `${method} ${path}`. Request bodies reuse the JSON Schemas that check them (server/schemas.ts).
 */

import { REASON_MINIMUM } from '../domain/reasons.js';
import { arrayOf, isoDate, record, ref, string } from './json-schema.js';
import type { Operation, Parameter } from './operation.js';

const asOf: Parameter = {
  name: 'asOf',
  in: 'query',
  description: 'Judge uplifts on this date instead of the assessment date.',
  schema: isoDate,
};
/** Which version is in force on a date: asOf, as everywhere, and the name it had here before. */
const inForceOn: Parameter[] = [
  { name: 'asOf', in: 'query', description: 'The date to ask about (default today).', schema: isoDate },
  { name: 'date', in: 'query', description: 'The former name of asOf: still read, but send asOf.', deprecated: true, schema: isoDate },
];
const BAD_IN_FORCE_DATE = 'asOf (or date) is not a real date (pointer /query/asOf or /query/date), or both are sent.';
const ifMatch: Parameter = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description: 'The ETag from the last read of this version.',
  schema: string,
};
const etag = { ETag: "The version's revision (the commit that last changed it), for If-Match." };
const examplesEtag = etag;
/** ?offset and ?limit on a list that is served a page at a time. */
const pageParams = (max: number, byDefault: number | null) => [
  {
    name: 'offset',
    in: 'query' as const,
    description: 'How many matching items to skip (default 0).',
    schema: { type: 'integer', minimum: 0 },
  },
  {
    name: 'limit',
    in: 'query' as const,
    description: `At most this many items (1 to ${max}; ${byDefault === null ? 'default: all' : `default ${byDefault}`}).`,
    schema: { type: 'integer', minimum: 1, maximum: max },
  },
];
const totalCount = { 'X-Total-Count': 'How many items match in all, over every page.' };
const BAD_PAGE = 'offset or limit is not a whole number in range (pointer /query/offset or /query/limit).';
const decisionEtag = { ETag: "The decision's revision, for If-Match when recording its final budget." };
const created = (path: string) => ({ Location: `Where the new resource is: ${path}` });

const NOT_FOUND_POLICY = 'No such policy.';
const NOT_FOUND_VERSION = 'No such policy or version.';
const NOT_FOUND_DECISION = 'No such decision; to an api-client, also one another caller recorded (a system reads only its own decisions).';
const WEAK_PASSWORD =
  'weak_password (pointer /password) for a password of fewer than 12 characters, one on the lists of common passwords, words and patterns attackers try first, or one containing the username.';
const INVALID_BODY = 'The body does not fit its schema; `errors` lists each fault at its pointer.';
/** The one rule for reasons (domain/reasons.ts), as the API document states it. */
const REASON_RULE = `reason_required (pointer {pointer}) when, with white space and invisible characters taken away, the reason holds fewer than ${REASON_MINIMUM.words} words or ${REASON_MINIMUM.letters} letters.`;
const ASSESSMENT_INVALID = 'The assessment does not fit its schema or the policy version; `errors` point into the body.';
const BAD_AS_OF = 'The asOf query parameter is not a real date (pointer /query/asOf).';
const IMMUTABLE = 'The version is not a draft, so it can never change.';
const NOT_FOUND_COHORT = 'No such cohort.';
const NOT_FOUND_COMPARISON = 'No such comparison: finished comparisons are kept for a while only.';
const NOT_READY = 'The comparison is still running (or failed), so there are no rows yet.';
const EDIT = {
  404: NOT_FOUND_VERSION,
  409: IMMUTABLE,
  412: 'The version changed since the ETag sent was read.',
  422: INVALID_BODY,
  428: 'If-Match is missing.',
} as const;

export const OPERATIONS: Record<string, Operation> = {
  'get /api/health': { ok: [200, ref('Health')] },
  'get /api/openapi.json': {
    ok: [
      200,
      {
        type: 'object',
        description: 'An OpenAPI 3.1 document (https://spec.openapis.org/oas/3.1/schema/2022-10-07).',
        required: ['openapi', 'info', 'paths'],
        properties: { openapi: { const: '3.1.0' }, info: { type: 'object' }, paths: { type: 'object' } },
      },
    ],
  },
  'get /api/schemas/{name}': {
    ok: [200, { type: 'object' }],
    okType: 'application/schema+json',
    problems: { 404: 'There is no schema of that name.' },
  },

  'post /api/auth/login': {
    ok: [200, ref('LoginResponse')],
    problems: { 401: 'The username or password is wrong, or the account is disabled.', 422: INVALID_BODY },
  },
  'post /api/auth/logout': { ok: [204] },
  'get /api/auth/me': { ok: [200, ref('Me')] },
  'post /api/auth/enrol': {
    ok: [204],
    problems: {
      403: 'bad_code (pointer /code): the code is wrong, used, out of date, or not for this username; code_not_yet: the reset of an admin in a council of two works only after its wait.',
      422: `${INVALID_BODY} Also ${WEAK_PASSWORD}`,
      429: 'Too many failed attempts for this username or from this address (Retry-After).',
    },
  },
  'get /api/setup': { ok: [200, ref('SetupStatus')] },
  'post /api/auth/password': {
    ok: [204],
    problems: {
      403: 'The current password is wrong (pointer /currentPassword), or the caller used an API key, which has no password.',
      422: `${INVALID_BODY} Also ${WEAK_PASSWORD.replace('/password', '/newPassword')}`,
    },
  },
  'post /api/setup': {
    ok: [201, ref('User')],
    problems: {
      403: 'The setup code is wrong.',
      409: 'Setup is done: there are users already.',
      422: `${INVALID_BODY} Also ${WEAK_PASSWORD}`,
    },
  },

  'get /api/users': { ok: [200, arrayOf(ref('User'))] },
  'post /api/users': {
    ok: [201, ref('NewUser')],
    okHeaders: created('/api/users/{userId}'),
    alsoOk: {
      status: 202,
      description: 'Created, but the officer or ratifier role waits for a second admin (see `pending`); the other roles are held at once.',
      schema: ref('NewUser'),
    },
    problems: {
      409: 'The username is taken.',
      422: `${INVALID_BODY} Also (incompatible_roles, pointer /roles) for roles one account may not hold together: admin with officer or ratifier, api-client with any other.`,
    },
  },
  'get /api/users/{userId}': {
    ok: [200, ref('UserWithHistory')],
    okHeaders: { ETag: "The account's revision, for If-Match when agreeing to a change waiting on it." },
    problems: { 404: 'No such user.' },
  },
  'patch /api/users/{userId}': {
    ok: [200, ref('User')],
    alsoOk: {
      status: 202,
      description: 'The officer or ratifier role granted waits for a second admin (see `pending`); the roles are as they were until then.',
      schema: ref('User'),
    },
    problems: {
      404: 'No such user.',
      409: "Nobody changes their own roles or disables themself; a system's account with live API keys cannot become a person's.",
      422: `${INVALID_BODY} Also (incompatible_roles, pointer /roles) for roles one account may not hold together: admin with officer or ratifier, api-client with any other.`,
    },
  },
  'post /api/users/{userId}/password-reset': {
    ok: [201, ref('NewUser')],
    alsoOk: {
      status: 202,
      description: "The reset of an officer's or ratifier's password waits for a second admin (see `pending`); no code is given yet.",
      schema: ref('NewUser'),
    },
    problems: {
      404: 'No such user.',
      409: "Your own account (change your password instead), or a system's account, which has no password.",
    },
  },
  'post /api/users/{userId}/pending/approve': {
    params: [{ ...ifMatch, description: 'The ETag of the account as the approving admin read it (GET /api/users/{userId}).' }],
    ok: [200, ref('ApprovedChange')],
    problems: {
      403: 'The caller asked for this change (a second admin must agree), or it gives their own account powers.',
      404: 'No such user.',
      409: "Nothing is waiting on the account, or a system's account with live keys would become a person's.",
      412: 'The account changed since the ETag sent was read.',
      422: 'The roles waiting can no longer be held together.',
      428: 'No If-Match (or *): agreeing must name the account as read.',
    },
  },
  'delete /api/auth/one-time-code': { ok: [200, ref('User')], problems: { 409: 'No one-time code is waiting for your account.' } },
  'delete /api/users/{userId}/pending': {
    ok: [200, ref('User')],
    problems: { 404: 'No such user.', 409: 'Nothing is waiting on the account.' },
  },
  'post /api/users/{userId}/api-keys': {
    ok: [201, ref('NewApiKey')],
    alsoOk: {
      status: 202,
      description: 'The key waits for a second admin (see `pending`): the one who agrees is shown it once.',
      schema: ref('User'),
    },
    problems: {
      404: 'No such user.',
      409: "keys_for_systems: the account is a person's; only an account whose one role is api-client has keys.",
      422: `${INVALID_BODY} Also expiry_in_past (pointer /expiresAt).`,
    },
  },
  'delete /api/users/{userId}/api-keys/{keyId}': { ok: [204], problems: { 404: 'No such user or API key.' } },

  'get /api/policies': { ok: [200, arrayOf(ref('PolicyListItem'))] },
  'post /api/policies': {
    ok: [201, ref('VersionRecord')],
    okHeaders: created('/api/policies/{id}'),
    problems: {
      409: 'There is a policy with that id already.',
      422: 'The body or the policy document is invalid; pointers start /document.',
    },
  },
  'get /api/policies/{id}': { ok: [200, ref('PolicyDetail')], problems: { 404: NOT_FOUND_POLICY } },
  'get /api/public/policies': { ok: [200, arrayOf(ref('PublishedPolicy'))] },
  'get /api/public/policies/{id}/in-force': {
    params: inForceOn,
    ok: [200, ref('PublishedVersion')],
    problems: { 400: BAD_IN_FORCE_DATE, 404: 'No such policy, or no version is in force on that date.' },
  },
  'get /api/public/policies/{id}/versions/{version}': {
    ok: [200, ref('PublishedVersion')],
    problems: { 404: 'No such published (ratified) version.' },
  },
  'get /api/public/policies/{id}/versions/{version}/transparency-record': {
    ok: [200, ref('TransparencyRecord')],
    problems: { 404: 'No such published (ratified) version.' },
  },
  'get /api/policies/{id}/in-force': {
    params: inForceOn,
    ok: [200, ref('InForceVersion')],
    problems: { 400: BAD_IN_FORCE_DATE, 404: 'No such policy, or no version is in force on that date.' },
  },

  'get /api/policies/{id}/versions': { ok: [200, arrayOf(ref('VersionSummary'))], problems: { 404: NOT_FOUND_POLICY } },
  'post /api/policies/{id}/versions': {
    ok: [201, ref('VersionRecord')],
    okHeaders: { ...created('/api/policies/{id}/versions/{version}'), ...etag },
    problems: {
      404: NOT_FOUND_POLICY,
      409: 'The policy has a version of that name already.',
      422: 'The policy document is invalid, or its id is not the one in the URL.',
    },
  },
  'get /api/policies/{id}/versions/{version}': {
    ok: [200, ref('VersionWithLinks')],
    okHeaders: etag,
    problems: { 404: NOT_FOUND_VERSION },
  },
  'put /api/policies/{id}/versions/{version}': {
    params: [ifMatch],
    ok: [200, ref('VersionRecord')],
    okHeaders: etag,
    problems: EDIT,
  },
  'get /api/policies/{id}/versions/{version}/examples': {
    ok: [200, ref('WorkedExamples')],
    okHeaders: examplesEtag,
    problems: { 404: NOT_FOUND_VERSION },
  },
  'put /api/policies/{id}/versions/{version}/examples': {
    params: [{ ...ifMatch, description: "The worked examples' ETag from their last read." }],
    ok: [200, ref('WorkedExamples')],
    okHeaders: examplesEtag,
    problems: { ...EDIT, 412: 'The worked examples changed since the ETag sent was read.' },
  },
  'delete /api/policies/{id}/versions/{version}': { ok: [204], problems: { 404: NOT_FOUND_VERSION, 409: IMMUTABLE } },
  'post /api/policies/{id}/versions/{version}/clone': {
    ok: [201, ref('VersionRecord')],
    okHeaders: { ...created('/api/policies/{id}/versions/{version}'), ...etag },
    problems: { 404: NOT_FOUND_VERSION, 409: 'The policy has a version of that name already.', 422: INVALID_BODY },
  },
  'post /api/policies/{id}/versions/{version}/examples/run': { ok: [200, ref('ExamplesReport')], problems: { 404: NOT_FOUND_VERSION } },
  'post /api/policies/{id}/versions/{version}/submit': {
    ok: [200, ref('VersionRecord')],
    okHeaders: etag,
    problems: {
      404: NOT_FOUND_VERSION,
      409: 'The version is not a draft, or changed while it was checked.',
      422: 'The version has no worked examples, or some do not give their expected result.',
    },
  },
  'post /api/policies/{id}/versions/{version}/return-to-draft': {
    ok: [200, ref('VersionRecord')],
    okHeaders: etag,
    problems: { 404: NOT_FOUND_VERSION, 409: 'The version is not submitted.' },
  },
  'post /api/policies/{id}/versions/{version}/ratify': {
    params: [
      { ...ifMatch, description: 'The ETag of the version as the ratifier reviewed it: the ratification is of exactly that revision.' },
    ],
    ok: [200, ref('VersionRecord')],
    okHeaders: etag,
    problems: {
      403: 'The caller created, edited or submitted this version (four eyes): someone else must ratify it.',
      404: NOT_FOUND_VERSION,
      409: 'The version is not submitted, or the reference cohort or the version in force changed while it was compared.',
      412: 'The version changed since the ETag sent was read: review it again.',
      422:
        `${INVALID_BODY} Also (equality_impact_required, pointer /equalityImpact) when the policy has a reference cohort and, compared with the version in force ` +
        'on the effective date over it, the version leaves any client group or age band with people worse off, and no equalityImpact note was given; ' +
        '(comparison_waiver_required, pointer /comparisonWaiver) when no such comparison can be made and no waiver reason was given.',
      428: 'No If-Match (or If-Match: *): a ratification must name the revision reviewed.',
    },
  },
  'post /api/policies/{id}/versions/{version}/withdrawal': {
    ok: [201, ref('VersionRecord')],
    okHeaders: etag,
    problems: {
      404: NOT_FOUND_VERSION,
      409: 'The version is not ratified or superseded, or a withdrawal of it is already proposed.',
      422: `${INVALID_BODY} Also ${REASON_RULE.replace('{pointer}', '/reason')}`,
    },
  },
  'post /api/policies/{id}/versions/{version}/withdrawal/confirm': {
    params: [
      {
        ...ifMatch,
        description: 'The ETag of the version as the confirming ratifier reviewed the proposal: the confirmation is of exactly that.',
      },
    ],
    ok: [200, ref('VersionRecord')],
    okHeaders: etag,
    problems: {
      403: 'The caller proposed this withdrawal (four eyes): another ratifier must confirm it.',
      404: NOT_FOUND_VERSION,
      409: 'No withdrawal is proposed, or what comes back into force, the reference cohort or the versions compared changed since.',
      412: 'The version (and so the proposal) changed since the ETag sent was read: review it again.',
      422:
        `${INVALID_BODY} Also (equality_impact_required, pointer /equalityImpact) when, compared over the reference cohort with the version that comes back, ` +
        'anyone is worse off or loses their amount, or when nothing comes back into force; (comparison_waiver_required, pointer /comparisonWaiver) when no ' +
        `comparison can be made; ${REASON_RULE.replace('{pointer}', '/equalityImpact or /comparisonWaiver')}`,
      428: 'No If-Match (or If-Match: *): a confirmation must name the revision reviewed.',
    },
  },
  'delete /api/policies/{id}/versions/{version}/withdrawal': {
    ok: [200, ref('VersionRecord')],
    okHeaders: etag,
    problems: { 404: NOT_FOUND_VERSION, 409: 'No withdrawal of the version is proposed.' },
  },
  'get /api/policies/{id}/versions/{version}/audit': { ok: [200, arrayOf(ref('AuditEntry'))], problems: { 404: NOT_FOUND_VERSION } },

  'post /api/policies/{id}/evaluate': {
    params: [asOf],
    ok: [200, ref('EvaluationResult')],
    problems: {
      400: BAD_AS_OF,
      404: NOT_FOUND_POLICY,
      422: `${ASSESSMENT_INVALID} Also when no version is in force on the assessment date.`,
    },
  },
  'post /api/policies/{id}/versions/{version}/evaluate': {
    params: [asOf],
    ok: [200, ref('EvaluationResult')],
    problems: { 400: BAD_AS_OF, 404: NOT_FOUND_VERSION, 422: ASSESSMENT_INVALID },
  },
  'post /api/policies/{id}/evaluate-batch': {
    ok: [200, ref('BatchResult')],
    problems: {
      404: NOT_FOUND_POLICY,
      422: 'The body is not a list of 1 to 1000 assessments. (A single assessment that fails is reported in its own result.)',
    },
  },
  'post /api/policies/{id}/versions/{version}/evaluate-batch': {
    params: [asOf],
    ok: [200, ref('BatchResult')],
    problems: { 400: BAD_AS_OF, 404: NOT_FOUND_VERSION, 422: 'The body is not a list of 1 to 1000 assessments.' },
  },

  'post /api/decisions': {
    ok: [201, ref('Decision')],
    okHeaders: { ...created('/api/decisions/{decisionId}'), ...decisionEtag },
    problems: {
      404: NOT_FOUND_POLICY,
      422:
        `${ASSESSMENT_INVALID} Pointers start /assessment. Also not_in_force (/version) and as_of_not_assessment_date (/asOf): a decision is ` +
        'recorded only under the version in force on the assessment date, as of that date; assessment_in_future (/assessment/assessmentDate); ' +
        `none_in_force; and ${REASON_RULE.replace('{pointer}', '/reason')} for an assessment dated under a version no longer in force, which needs a reason.`,
    },
  },
  'get /api/decisions': {
    params: [
      { name: 'policyId', in: 'query', description: 'Only decisions made with this policy.', schema: string },
      ...pageParams(500, 500),
    ],
    ok: [200, { ...arrayOf(ref('DecisionSummary')), maxItems: 500 }],
    okHeaders: totalCount,
    problems: { 400: BAD_PAGE },
  },
  'get /api/decisions/{decisionId}': { ok: [200, ref('Decision')], okHeaders: decisionEtag, problems: { 404: NOT_FOUND_DECISION } },
  'get /api/decisions/{decisionId}/letter': {
    ok: [
      200,
      {
        type: 'string',
        description:
          "A printable HTML page: the amount, how it was worked out step by step (the engine's explanation), the carer adjustment, what the council will also look at, what happens next and how to ask for a review (the policy's publication section).",
      },
    ],
    okType: 'text/html',
    problems: { 404: NOT_FOUND_DECISION, 409: "The version's content is not what the decision used." },
  },
  'get /api/decisions/{decisionId}/letter.pdf': {
    ok: [200, { type: 'string', format: 'binary', description: 'The same letter as an A4 PDF.' }],
    okType: 'application/pdf',
    okHeaders: { 'Content-Disposition': 'attachment, named letter-<decision id>.pdf.' },
    problems: { 404: NOT_FOUND_DECISION, 409: "The version's content is not what the decision used." },
  },
  'post /api/decisions/{decisionId}/replay': {
    ok: [200, ref('ReplayResult')],
    problems: { 404: NOT_FOUND_DECISION, 409: "The version's content is not what the decision used." },
  },
  'put /api/decisions/{decisionId}/final-budget': {
    params: [{ ...ifMatch, description: 'The ETag of the decision as read: the final budget is recorded over exactly that.' }],
    ok: [200, ref('Decision')],
    okHeaders: decisionEtag,
    problems: {
      404: NOT_FOUND_DECISION,
      412: 'The decision changed (another final budget was recorded) since the ETag sent was read.',
      422: INVALID_BODY,
      428: 'No If-Match.',
    },
  },

  'get /api/audit': {
    params: [
      ...['target', 'actor', 'action'].map((name) => ({
        name,
        in: 'query' as const,
        description: `Only entries with this ${name}, as recorded.`,
        schema: string,
      })),
      {
        name: 'q',
        in: 'query',
        description:
          'Only entries whose action, actor or target, as recorded or in words (actionWords, actorName, targetWords), holds this text, in any case.',
        schema: { type: 'string', maxLength: 200 },
      },
      { name: 'order', in: 'query', description: 'asc (default): oldest first; desc: newest first.', schema: { enum: ['asc', 'desc'] } },
      ...pageParams(500, null),
    ],
    ok: [200, arrayOf(ref('AuditEntry'))],
    okHeaders: totalCount,
    problems: {
      400: `${BAD_PAGE} Also a search longer than 200 characters (/query/q), or an order other than asc or desc (/query/order).`,
    },
  },
  'get /api/audit/actions': { ok: [200, arrayOf(record({ action: string, words: string }))] },
  'get /api/audit/verify': { ok: [200, ref('IntegrityReport')] },

  'get /api/cohorts': { ok: [200, arrayOf(ref('CohortRecord'))] },
  'post /api/cohorts': {
    bodyTypes: {
      'text/csv': {
        type: 'string',
        description:
          'A header row naming the columns ref, clientGroup and ageBand (required), carerWilling, carerAble, carerSupportLevel and carerImpact ' +
          '(all four or none), currentAnnualCost (pounds), and one column per question id whose cells are answer ids. Name the cohort with ?name=.',
      },
    },
    params: [
      {
        name: 'name',
        in: 'query',
        description: "CSV only, and then required: the cohort's name (1 to 200 characters).",
        schema: { type: 'string', minLength: 1, maxLength: 200 },
      },
      { name: 'description', in: 'query', description: 'CSV only: a description of the cohort.', schema: string },
      {
        name: 'policyId',
        in: 'query',
        description:
          'CSV only: the scheme whose questionnaire the answers follow; client groups, questions and answers are then checked against its versions.',
        schema: string,
      },
    ],
    ok: [201, ref('CohortRecord')],
    okHeaders: created('/api/cohorts/{cohortId}'),
    problems: {
      404: 'The policyId names no policy.',
      413: 'The cohort is larger than 100 MB.',
      415: 'The body is neither JSON (application/json) nor CSV (text/csv).',
      422:
        'The cohort is invalid, and nothing was stored: `errors` point at /rows/<row>/<column> for CSV (data rows from 1, the header is row 0; each message starts with the line of the file) ' +
        'or /people/<index>/<field> for JSON. Also when a CSV has no ?name= (pointer /query/name), or a cohort has nobody in it.',
    },
  },
  'get /api/cohorts/{cohortId}': { ok: [200, ref('CohortRecord')], problems: { 404: NOT_FOUND_COHORT } },
  'post /api/cohorts/generate': {
    ok: [201, ref('CohortRecord')],
    okHeaders: created('/api/cohorts/{cohortId}'),
    problems: { 404: NOT_FOUND_VERSION, 422: INVALID_BODY },
  },
  'delete /api/cohorts/{cohortId}': {
    ok: [204],
    problems: { 404: NOT_FOUND_COHORT, 409: 'The cohort is the reference cohort of a policy: choose another (or none) first.' },
  },
  'put /api/policies/{id}/reference-cohort': {
    ok: [200, ref('PolicyRecord')],
    problems: {
      404: 'No such policy, or no such cohort.',
      409: 'A version of the policy is submitted and will be compared over the current reference cohort.',
      422: INVALID_BODY,
    },
  },

  'post /api/comparisons': {
    ok: [202, ref('ComparisonJob')],
    okHeaders: created('/api/comparisons/{comparisonId}'),
    okDescription: 'The comparison has started: poll the job at Location.',
    alsoOk: {
      status: 200,
      description: 'With wait: true, the job once it has finished.',
      schema: ref('ComparisonJob'),
      headers: created('/api/comparisons/{comparisonId}'),
    },
    problems: { 404: 'No such policy, version or cohort.', 422: INVALID_BODY },
  },
  'get /api/comparisons/{comparisonId}': { ok: [200, ref('ComparisonJob')], problems: { 404: NOT_FOUND_COMPARISON } },
  'get /api/comparisons/{comparisonId}/people.csv': {
    ok: [
      200,
      {
        type: 'string',
        description:
          "One row per compared person: ref, clientGroup, ageBand, each version's annual amount, the change to each later version and, with attribution, its parts; amounts in pounds.",
      },
    ],
    okType: 'text/csv',
    okHeaders: { 'Content-Disposition': 'attachment, with a file name naming the policy and versions.' },
    problems: { 404: NOT_FOUND_COMPARISON, 409: NOT_READY },
  },
  'get /api/comparisons/{comparisonId}/people.json': {
    ok: [200, ref('ComparisonPeople')],
    problems: { 404: NOT_FOUND_COMPARISON, 409: NOT_READY },
  },
  'post /api/policies/{id}/versions/{version}/calibrate': {
    ok: [200, ref('Calibration')],
    okDescription: 'The calibration (without saveAs).',
    alsoOk: {
      status: 201,
      description: 'With saveAs: the calibration, and a new draft with the calibrated prices, which keeps the calibration.',
      schema: ref('CalibratedDraft'),
      headers: { ...created('/api/policies/{id}/versions/{saveAs}'), ...etag },
    },
    problems: {
      403: 'saveAs was given, and saving a calibrated draft needs the officer role.',
      404: 'No such policy, version or cohort.',
      409: 'The policy has a version named saveAs already.',
      422: INVALID_BODY,
    },
  },
};
