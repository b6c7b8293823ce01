/**
 * Per-operation details the route table does not hold, keyed by `${method} ${path}`: the parameters
 * besides the path's, media types a body may have besides JSON, and the problems an operation answers
 * with besides the ones every operation of its kind can. What a route takes and what it answers on
 * success are the route's own (server/routes/*.ts).
 */

import { REASON_MINIMUM } from '../domain/reasons.js';
import { isoDate, string } from '../domain/json-schema.js';
import type { Operation, Parameter } from './operation.js';
import { LIST_PAGE_LIMIT, listParameters, listProblems } from '../http/list-query.js';
import { COHORT_LIST, POLICY_LIST, SCHEME_VERSION_LIST, USER_LIST, VERSION_LIST } from '../routes/list-specs.js';

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
const BAD_PAGE = 'offset or limit is not a whole number in range (pointer /query/offset or /query/limit).';

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
  'get /api/schemas/{name}': {
    problems: { 404: 'There is no schema of that name.' },
  },

  'post /api/auth/login': {
    problems: { 401: 'The username or password is wrong, or the account is disabled.', 422: INVALID_BODY },
  },
  'post /api/auth/enrol': {
    problems: {
      403: 'bad_code (pointer /code): the code is wrong, used, out of date, or not for this username; code_not_yet: the reset of an admin in a council of two works only after its wait.',
      422: `${INVALID_BODY} Also ${WEAK_PASSWORD}`,
      429: 'Too many failed attempts for this username or from this address (Retry-After).',
    },
  },
  'post /api/auth/password': {
    problems: {
      403: 'The current password is wrong (pointer /currentPassword), or the caller used an API key, which has no password.',
      422: `${INVALID_BODY} Also ${WEAK_PASSWORD.replace('/password', '/newPassword')}`,
    },
  },
  'post /api/setup': {
    problems: {
      403: 'The setup code is wrong.',
      409: 'Setup is done: there are users already.',
      422: `${INVALID_BODY} Also ${WEAK_PASSWORD}`,
    },
  },
  'post /api/users': {
    problems: {
      409: 'The username is taken.',
      422: `${INVALID_BODY} Also (incompatible_roles, pointer /roles) for roles one account may not hold together: admin with officer or ratifier, api-client with any other.`,
    },
  },
  'get /api/users/{userId}': {
    problems: { 404: 'No such user.' },
  },
  'patch /api/users/{userId}': {
    problems: {
      404: 'No such user.',
      409: "Nobody changes their own roles or disables themself; a system's account with live API keys cannot become a person's.",
      422: `${INVALID_BODY} Also (incompatible_roles, pointer /roles) for roles one account may not hold together: admin with officer or ratifier, api-client with any other.`,
    },
  },
  'post /api/users/{userId}/password-reset': {
    problems: {
      404: 'No such user.',
      409: "Your own account (change your password instead), or a system's account, which has no password.",
    },
  },
  'post /api/users/{userId}/pending/approve': {
    params: [{ ...ifMatch, description: 'The ETag of the account as the approving admin read it (GET /api/users/{userId}).' }],
    problems: {
      403: 'The caller asked for this change (a second admin must agree), or it gives their own account powers.',
      404: 'No such user.',
      409: "Nothing is waiting on the account, or a system's account with live keys would become a person's.",
      412: 'The account changed since the ETag sent was read.',
      422: 'The roles waiting can no longer be held together.',
      428: 'No If-Match (or *): agreeing must name the account as read.',
    },
  },
  'delete /api/auth/one-time-code': { problems: { 409: 'No one-time code is waiting for your account.' } },
  'delete /api/users/{userId}/pending': {
    problems: { 404: 'No such user.', 409: 'Nothing is waiting on the account.' },
  },
  'post /api/users/{userId}/api-keys': {
    problems: {
      404: 'No such user.',
      409: "keys_for_systems: the account is a person's; only an account whose one role is api-client has keys.",
      422: `${INVALID_BODY} Also expiry_in_past (pointer /expiresAt).`,
    },
  },
  'delete /api/users/{userId}/api-keys/{keyId}': { problems: { 404: 'No such user or API key.' } },
  'post /api/policies': {
    problems: {
      409: 'There is a policy with that id already.',
      422: 'The body or the policy document is invalid; pointers start /document.',
    },
  },
  'get /api/policies/{id}': { problems: { 404: NOT_FOUND_POLICY } },
  'get /api/public/policies/{id}/in-force': {
    params: inForceOn,
    problems: { 400: BAD_IN_FORCE_DATE, 404: 'No such policy, or no version is in force on that date.' },
  },
  'get /api/public/policies/{id}/versions/{version}': {
    problems: { 404: 'No such published (ratified) version.' },
  },
  'get /api/public/policies/{id}/versions/{version}/transparency-record': {
    problems: { 404: 'No such published (ratified) version.' },
  },
  'get /api/policies/{id}/in-force': {
    params: inForceOn,
    problems: { 400: BAD_IN_FORCE_DATE, 404: 'No such policy, or no version is in force on that date.' },
  },

  'get /api/policies': {
    params: [...listParameters(POLICY_LIST), ...pageParams(LIST_PAGE_LIMIT, null)],
    problems: { 400: listProblems(POLICY_LIST) },
  },
  'get /api/policies/{id}/versions': {
    params: [...listParameters(SCHEME_VERSION_LIST), ...pageParams(LIST_PAGE_LIMIT, null)],
    problems: { 400: listProblems(SCHEME_VERSION_LIST), 404: NOT_FOUND_POLICY },
  },
  'get /api/versions': {
    params: [...listParameters(VERSION_LIST), ...pageParams(LIST_PAGE_LIMIT, null)],
    problems: { 400: listProblems(VERSION_LIST) },
  },
  'get /api/users': {
    params: [...listParameters(USER_LIST), ...pageParams(LIST_PAGE_LIMIT, null)],
    problems: { 400: listProblems(USER_LIST) },
  },
  'post /api/policies/{id}/versions': {
    problems: {
      404: NOT_FOUND_POLICY,
      409: 'The policy has a version of that name already.',
      422: 'The policy document is invalid, or its id is not the one in the URL.',
    },
  },
  'get /api/policies/{id}/versions/{version}': {
    problems: { 404: NOT_FOUND_VERSION },
  },
  'put /api/policies/{id}/versions/{version}': {
    params: [ifMatch],
    problems: EDIT,
  },
  'get /api/policies/{id}/versions/{version}/examples': {
    problems: { 404: NOT_FOUND_VERSION },
  },
  'put /api/policies/{id}/versions/{version}/examples': {
    params: [{ ...ifMatch, description: "The worked examples' ETag from their last read." }],
    problems: { ...EDIT, 412: 'The worked examples changed since the ETag sent was read.' },
  },
  'delete /api/policies/{id}/versions/{version}': { problems: { 404: NOT_FOUND_VERSION, 409: IMMUTABLE } },
  'post /api/policies/{id}/versions/{version}/clone': {
    problems: { 404: NOT_FOUND_VERSION, 409: 'The policy has a version of that name already.', 422: INVALID_BODY },
  },
  'post /api/policies/{id}/versions/{version}/examples/run': { problems: { 404: NOT_FOUND_VERSION } },
  'post /api/policies/{id}/versions/{version}/submit': {
    problems: {
      404: NOT_FOUND_VERSION,
      409: 'The version is not a draft, or changed while it was checked.',
      422: 'The version has no worked examples, or some do not give their expected result.',
    },
  },
  'post /api/policies/{id}/versions/{version}/return-to-draft': {
    problems: { 404: NOT_FOUND_VERSION, 409: 'The version is not submitted.' },
  },
  'post /api/policies/{id}/versions/{version}/ratify': {
    params: [
      { ...ifMatch, description: 'The ETag of the version as the ratifier reviewed it: the ratification is of exactly that revision.' },
    ],
    problems: {
      403: 'The caller created, edited or submitted this version (four eyes): someone else must ratify it.',
      404: NOT_FOUND_VERSION,
      409: 'The version is not submitted, or the reference cohort or the version in force changed while it was compared.',
      412: 'The version changed since the ETag sent was read: review it again.',
      422:
        `${INVALID_BODY} Also (equality_impact_required, pointer /equalityImpact) when the policy has a reference cohort and, compared with the version in force ` +
        'on the effective date over it, the version leaves any client group or age band with people worse off, and no equalityImpact note was given; ' +
        '(comparison_waiver_required, pointer /comparisonWaiver) when no such comparison can be made and no waiver reason was given. ' +
        'Every problem a field can put right (a reason not in words, a decision date after today, an unconfirmed effective date, ' +
        'a missing note or waiver) is answered at once: two or more together as ratification_incomplete, each at its own pointer.',
      428: 'No If-Match (or If-Match: *): a ratification must name the revision reviewed.',
    },
  },
  'post /api/policies/{id}/versions/{version}/withdrawal': {
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
    problems: { 404: NOT_FOUND_VERSION, 409: 'No withdrawal of the version is proposed.' },
  },
  'get /api/policies/{id}/versions/{version}/audit': { problems: { 404: NOT_FOUND_VERSION } },

  'post /api/policies/{id}/evaluate': {
    params: [asOf],
    problems: {
      400: BAD_AS_OF,
      404: NOT_FOUND_POLICY,
      422: `${ASSESSMENT_INVALID} Also when no version is in force on the assessment date.`,
    },
  },
  'post /api/policies/{id}/versions/{version}/evaluate': {
    params: [asOf],
    problems: { 400: BAD_AS_OF, 404: NOT_FOUND_VERSION, 422: ASSESSMENT_INVALID },
  },
  'post /api/policies/{id}/evaluate-batch': {
    problems: {
      404: NOT_FOUND_POLICY,
      422: 'The body is not a list of 1 to 1000 assessments. (A single assessment that fails is reported in its own result.)',
    },
  },
  'post /api/policies/{id}/versions/{version}/evaluate-batch': {
    params: [asOf],
    problems: { 400: BAD_AS_OF, 404: NOT_FOUND_VERSION, 422: 'The body is not a list of 1 to 1000 assessments.' },
  },

  'post /api/decisions': {
    problems: {
      404: NOT_FOUND_POLICY,
      422:
        'The body is checked first (policyId, version, asOf, reason: `validation_failed`), then the assessment (`assessment_invalid`, ' +
        'pointers starting /assessment). Then: not_in_force (/version) and as_of_not_assessment_date (/asOf), as a decision is recorded ' +
        'only under the version in force on the assessment date, as of that date (it is stored with asOf null: the assessment date); ' +
        'assessment_in_future (/assessment/assessmentDate); none_in_force; and, for an assessment dated under a version no longer in force, ' +
        `which needs a reason: ${REASON_RULE.replace('{pointer}', '/reason')}`,
    },
  },
  'get /api/decisions': {
    params: [
      { name: 'policyId', in: 'query', description: 'Only decisions made with this policy.', schema: string },
      {
        name: 'reference',
        in: 'query',
        description:
          "Only decisions on an assessment with this reference (the case system's pseudonymous one), matched whole, in any case. " +
          'Decisions recorded before lists carried the reference are not found by it.',
        schema: { type: 'string', minLength: 1, maxLength: 100 },
      },
      ...pageParams(500, 500),
    ],
    problems: { 400: `${BAD_PAGE} Also a reference longer than 100 characters or given twice (/query/reference).` },
  },
  'get /api/decisions/{decisionId}': { problems: { 404: NOT_FOUND_DECISION } },
  'get /api/decisions/{decisionId}/letter': {
    problems: { 404: NOT_FOUND_DECISION, 409: "The version's content is not what the decision used." },
  },
  'get /api/decisions/{decisionId}/letter.pdf': {
    problems: { 404: NOT_FOUND_DECISION, 409: "The version's content is not what the decision used." },
  },
  'post /api/decisions/{decisionId}/replay': {
    problems: { 404: NOT_FOUND_DECISION, 409: "The version's content is not what the decision used." },
  },
  'put /api/decisions/{decisionId}/final-budget': {
    params: [{ ...ifMatch, description: 'The ETag of the decision as read: the final budget is recorded over exactly that.' }],
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
    problems: {
      400: `${BAD_PAGE} Also a search longer than 200 characters (/query/q), or an order other than asc or desc (/query/order).`,
    },
  },
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
    problems: {
      404: 'The policyId names no policy.',
      413: 'The cohort is larger than 100 MB.',
      415: 'The body is neither JSON (application/json) nor CSV (text/csv).',
      422:
        'The cohort is invalid, and nothing was stored: `errors` point at /rows/<row>/<column> for CSV (data rows from 1, the header is row 0; each message starts with the line of the file) ' +
        'or /people/<index>/<field> for JSON. Also when a CSV has no ?name= (pointer /query/name), or a cohort has nobody in it.',
    },
  },
  'get /api/cohorts': {
    params: [...listParameters(COHORT_LIST), ...pageParams(LIST_PAGE_LIMIT, null)],
    problems: { 400: listProblems(COHORT_LIST) },
  },
  'get /api/cohorts/{cohortId}': { problems: { 404: NOT_FOUND_COHORT } },
  'post /api/cohorts/generate': {
    problems: { 404: NOT_FOUND_VERSION, 422: INVALID_BODY },
  },
  'delete /api/cohorts/{cohortId}': {
    problems: { 404: NOT_FOUND_COHORT, 409: 'The cohort is the reference cohort of a policy: choose another (or none) first.' },
  },
  'put /api/policies/{id}/reference-cohort': {
    problems: {
      404: 'No such policy, or no such cohort.',
      409: 'A version of the policy is submitted and will be compared over the current reference cohort.',
      422: INVALID_BODY,
    },
  },

  'post /api/comparisons': {
    problems: { 404: 'No such policy, version or cohort.', 422: INVALID_BODY },
  },
  'get /api/comparisons/{comparisonId}': { problems: { 404: NOT_FOUND_COMPARISON } },
  'get /api/comparisons/{comparisonId}/people.csv': {
    problems: { 404: NOT_FOUND_COMPARISON, 409: NOT_READY },
  },
  'get /api/comparisons/{comparisonId}/people.json': {
    problems: { 404: NOT_FOUND_COMPARISON, 409: NOT_READY },
  },
  'post /api/policies/{id}/versions/{version}/calibrate': {
    problems: {
      403: 'saveAs was given, and saving a calibrated draft needs the officer role.',
      404: 'No such policy, version or cohort.',
      409: 'The policy has a version named saveAs already.',
      422: INVALID_BODY,
    },
  },
};
