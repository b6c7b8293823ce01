import { runWorkedExample, validatePolicy, type Policy, type WorkedExampleOutcome } from '../../engine/index.js';
import type { AppContext } from '../context.js';
import { fromIssues, HttpProblem, unprocessable } from '../http/errors.js';
import {
  type Actor,
  authorsCarriedBy,
  examplesStatingNoFigure,
  ratificationDateProblems,
  STEP_PERMISSION,
  stepsOpenTo,
  target,
} from '../domain/lifecycle.js';
import { today } from '../clock.js';
import { compareForRatification, compareForWithdrawal } from '../services/ratification-comparison.js';
import { created, etag, totalCount } from './answer-headers.js';
import { listPage } from '../http/list-query.js';
import { sendPage } from '../http/paging.js';
import { SCHEME_VERSION_LIST, VERSION_LIST } from './list-specs.js';
import { POLICY_DOCUMENT_LIMIT, route, type RouteSpec } from '../route-table.js';
import type { VersionRecord } from '../store/records.js';
import { compiledFor, etagOf, requirePolicy, requireVersion, runCommand, versionLinks, versionSummary } from '../services/versions.js';
import { describedEntries } from './audit.js';
import { actorNames } from '../audit/words.js';
import { checkpointLine } from '../audit/checkpoint.js';

const VERSION = '/api/policies/:id/versions/:version';

export function versionRoutes(ctx: AppContext): RouteSpec[] {
  const params = (req: { params: Record<string, string | string[]> }) => ({
    id: String(req.params.id),
    version: String(req.params.version),
  });
  const actor = (req: { caller?: { username: string } }): Actor => ({ username: req.caller!.username });
  const run = (id: string, version: string, command: Parameters<typeof runCommand>[4], who: Actor) =>
    runCommand(ctx.store, ctx.clock, id, version, command, who);

  return [
    route(
      'get',
      '/api/policies/:id/versions',
      'policy.read',
      "List a policy's versions with their status; sorted, searched (q), filtered by status, a page at a time (offset, limit, X-Total-Count)",
      (req, res) => {
        requirePolicy(ctx.store, String(req.params.id));
        const rows = ctx.store
          .all('versions')
          .filter((v) => v.policyId === req.params.id)
          .map(versionSummary);
        const page = listPage(req.query, rows, SCHEME_VERSION_LIST);
        sendPage(res, page.rows, page.total);
      },
      { answers: { status: 200, schema: { listOf: 'VersionSummary' }, headers: totalCount } },
    ),

    route(
      'post',
      '/api/policies/:id/versions',
      'version.draft',
      'Create a new draft version from a policy document',
      async (req, res) => {
        const id = String(req.params.id);
        requirePolicy(ctx.store, id);
        const document = checkedDocument(req.body, id);
        const record = (await run(id, document.version, { kind: 'create', document, examples: [], basedOn: null }, actor(req)))!;
        res.status(201).location(versionLinks(record).self).set('ETag', etagOf(record)).json(record);
      },
      {
        takes: 'Policy',
        answers: { status: 201, schema: 'VersionRecord', headers: { ...created('/api/policies/{id}/versions/{version}'), ...etag } },
        bodyLimit: POLICY_DOCUMENT_LIMIT,
      },
    ),

    route(
      'get',
      VERSION,
      'policy.read',
      'A version: its document, worked examples, status and ratification',
      (req, res) => {
        const record = requireVersion(ctx.store, params(req).id, params(req).version);
        const nameOf = actorNames(ctx.store.all('users'));
        const createdByName = nameOf(record.createdBy);
        // Everyone the version's record names, by their names now, so a reader never sees a user name.
        const names = Object.fromEntries(peopleNamedBy(record).map((who) => [who, nameOf(who)]));
        // The steps the caller may take now, so the console offers those and restates no rule.
        const steps = stepsOpenTo(record, req.caller!);
        const checkpoint = record.ratification?.checkpoint;
        res.set('ETag', etagOf(record)).json({
          ...record,
          createdByName,
          names,
          links: versionLinks(record),
          steps,
          ...(checkpoint ? { checkpointLine: checkpointLine(checkpoint) } : {}),
        });
      },
      { answers: { status: 200, schema: 'VersionWithLinks', headers: etag } },
    ),

    route(
      'put',
      VERSION,
      STEP_PERMISSION.edit,
      "Replace a draft's policy document (needs If-Match with the current ETag)",
      async (req, res) => {
        const { id, version } = params(req);
        requireVersion(ctx.store, id, version);
        const document = checkedDocument(req.body, id, version);
        const record = (await run(id, version, { kind: 'edit', document, ifMatch: req.headers['if-match'] }, actor(req)))!;
        res.set('ETag', etagOf(record)).json(record);
      },
      { takes: 'Policy', answers: { status: 200, schema: 'VersionRecord', headers: etag }, bodyLimit: POLICY_DOCUMENT_LIMIT },
    ),

    route(
      'get',
      `${VERSION}/examples`,
      'policy.read',
      "A version's worked examples, with the version's ETag",
      (req, res) => {
        const record = requireVersion(ctx.store, params(req).id, params(req).version);
        res.set('ETag', etagOf(record)).json({ examples: record.examples });
      },
      { answers: { status: 200, schema: 'WorkedExamples', headers: etag } },
    ),

    route(
      'put',
      `${VERSION}/examples`,
      STEP_PERMISSION['edit-examples'],
      "Replace a draft's worked examples (needs If-Match with the version's ETag)",
      async (req, res, body) => {
        const { id, version } = params(req);
        requireVersion(ctx.store, id, version);
        const { examples, reason } = body;
        const record = (await run(id, version, { kind: 'edit-examples', examples, ifMatch: req.headers['if-match'], reason }, actor(req)))!;
        res.set('ETag', etagOf(record)).json({ examples: record.examples });
      },
      { takes: 'WorkedExamplesRequest', answers: { status: 200, schema: 'WorkedExamples', headers: etag } },
    ),

    route(
      'delete',
      VERSION,
      STEP_PERMISSION.delete,
      'Delete a draft',
      async (req, res) => {
        const { id, version } = params(req);
        requireVersion(ctx.store, id, version);
        await run(id, version, { kind: 'delete' }, actor(req));
        res.status(204).end();
      },
      { answers: { status: 204 } },
    ),

    route(
      'post',
      `${VERSION}/clone`,
      STEP_PERMISSION.clone,
      'Copy any version to a new draft: the way to change a fixed version',
      async (req, res, body) => {
        const { id, version } = params(req);
        const { version: newVersion, title, description } = body;
        const source = requireVersion(ctx.store, id, version);
        // A new version says what it is: its own title when given, and what it changes only in its own words (the
        // source's description says what the source changed, so a copy starts without one until it is written).
        const { description: _sourceChanges, ...copied } = structuredClone(source.document);
        const document: Policy = {
          ...copied,
          version: newVersion,
          ...(title === undefined ? {} : { title }),
          ...(description === undefined ? {} : { description }),
        };
        const record = (await run(
          id,
          newVersion,
          {
            kind: 'create',
            document,
            examples: structuredClone(source.examples),
            basedOn: { version: source.version, contentHash: source.contentHash },
            sourceAuthors: authorsCarriedBy(source),
          },
          actor(req),
        ))!;
        res.status(201).location(versionLinks(record).self).set('ETag', etagOf(record)).json(record);
      },
      {
        takes: 'CloneRequest',
        answers: { status: 201, schema: 'VersionRecord', headers: { ...created('/api/policies/{id}/versions/{version}'), ...etag } },
      },
    ),

    route(
      'post',
      `${VERSION}/examples/run`,
      'policy.read',
      "Run the version's worked examples and report each",
      (req, res) => {
        const record = requireVersion(ctx.store, params(req).id, params(req).version);
        res.json(runExamples(record));
      },
      { answers: { status: 200, schema: 'ExamplesReport' } },
    ),

    route(
      'post',
      `${VERSION}/submit`,
      STEP_PERMISSION.submit,
      'Submit a draft for ratification; it must be valid and pass all its worked examples',
      async (req, res) => {
        const { id, version } = params(req);
        const current = requireVersion(ctx.store, id, version);
        const report = runExamples(current);
        const failures = [
          ...report.examples.flatMap((e, i) =>
            e.passed ? [] : [{ pointer: `/examples/${i}`, code: 'example_failed' as const, message: describeFailure(e) }],
          ),
          ...examplesStatingNoFigure(current.examples),
        ];
        const record = await run(
          id,
          version,
          { kind: 'submit', checked: { revision: current.revision, examples: report.examples.length, failures } },
          actor(req),
        );
        res.set('ETag', etagOf(record!)).json(record);
      },
      { answers: { status: 200, schema: 'VersionRecord', headers: etag } },
    ),

    route(
      'post',
      `${VERSION}/return-to-draft`,
      STEP_PERMISSION['return-to-draft'],
      'Send a submitted version back to draft',
      async (req, res) => {
        const { id, version } = params(req);
        requireVersion(ctx.store, id, version);
        const record = await run(id, version, { kind: 'return-to-draft' }, actor(req));
        res.set('ETag', etagOf(record!)).json(record);
      },
      { answers: { status: 200, schema: 'VersionRecord', headers: etag } },
    ),

    route(
      'post',
      `${VERSION}/ratify`,
      STEP_PERMISSION.ratify,
      'Ratify a submitted version as reviewed (If-Match): the deciding body, date, minute, rationale, effective-from date, and an equality impact note or a comparison waiver as needed',
      async (req, res, body) => {
        const { id, version } = params(req);
        const decision = body;
        const reviewed = requireVersion(ctx.store, id, version);
        // The dates are checked in the commit with every other problem of the decision, so all are answered at once.
        // The comparison reads a cohort from disk, so it is made first; the commit then refuses it if the
        // version, the reference cohort or the version in force has changed since.
        const comparison =
          reviewed.status === 'submitted' ? await compareForRatification(ctx.store, ctx.work, reviewed, decision.effectiveFrom) : null;
        const record = await run(id, version, { kind: 'ratify', decision, ifMatch: req.headers['if-match'], comparison }, actor(req));
        res.set('ETag', etagOf(record!)).json(record);
      },
      {
        takes: 'RatifyRequest',
        answers: { status: 200, schema: 'VersionRecord', headers: etag },
        // A field left blank is refused by the schema; a date at fault is said in the same answer, not on the next try.
        alsoRefused: (body) => ratificationDateProblems(body, today(ctx.clock)),
      },
    ),

    route(
      'post',
      `${VERSION}/withdrawal`,
      STEP_PERMISSION['propose-withdrawal'],
      'Propose taking a ratified version out of force, with the reason: another ratifier must confirm it. The version then shows the proposal and what would come back into force (withdrawalProposal.restores)',
      async (req, res, body) => {
        const { id, version } = params(req);
        const { reason } = body;
        requireVersion(ctx.store, id, version);
        const record = (await run(id, version, { kind: 'propose-withdrawal', reason }, actor(req)))!;
        res.status(201).set('ETag', etagOf(record)).json(record);
      },
      { takes: 'WithdrawRequest', answers: { status: 201, schema: 'VersionRecord', headers: etag } },
    ),

    route(
      'post',
      `${VERSION}/withdrawal/confirm`,
      STEP_PERMISSION['confirm-withdrawal'],
      "Confirm another ratifier's proposal to withdraw a version, as reviewed (If-Match): it stops counting for any date, and what was in force before it comes back. An equality impact note or a comparison waiver as needed",
      async (req, res, body) => {
        const { id, version } = params(req);
        const decision = body;
        const reviewed = requireVersion(ctx.store, id, version);
        // The comparison reads a cohort from disk, so it is made first; the commit refuses it if anything compared has changed.
        const comparison = reviewed.withdrawalProposal ? await compareForWithdrawal(ctx.store, ctx.work, reviewed) : null;
        const record = await run(
          id,
          version,
          { kind: 'confirm-withdrawal', decision, ifMatch: req.headers['if-match'], comparison },
          actor(req),
        );
        res.set('ETag', etagOf(record!)).json(record);
      },
      { takes: 'ConfirmWithdrawalRequest', answers: { status: 200, schema: 'VersionRecord', headers: etag } },
    ),

    route(
      'delete',
      `${VERSION}/withdrawal`,
      STEP_PERMISSION['cancel-withdrawal'],
      'Cancel a proposal to withdraw a version',
      async (req, res) => {
        const { id, version } = params(req);
        requireVersion(ctx.store, id, version);
        const record = await run(id, version, { kind: 'cancel-withdrawal' }, actor(req));
        res.set('ETag', etagOf(record!)).json(record);
      },
      { answers: { status: 200, schema: 'VersionRecord', headers: etag } },
    ),

    route(
      'get',
      `${VERSION}/audit`,
      'policy.read',
      'The audit timeline of one version',
      async (req, res) => {
        const record = requireVersion(ctx.store, params(req).id, params(req).version);
        res.json(describedEntries(ctx, await ctx.store.auditEntries({ target: target(record) })));
      },
      { answers: { status: 200, schema: { listOf: 'AuditEntry' } } },
    ),
  ];
}

/** The body must be a valid policy whose id (and version, when given) match the URL. */
export function checkedDocument(body: unknown, policyId: string, version?: string): Policy {
  const checked = validatePolicy(body);
  if (!checked.ok) throw unprocessable('The policy document is invalid.', checked.issues);
  const document = checked.value;
  const mismatches = [
    ...(document.id !== policyId
      ? [{ pointer: '/id', code: 'id_mismatch', message: `the document's id is '${document.id}' but the URL names policy '${policyId}'` }]
      : []),
    ...(version !== undefined && document.version !== version
      ? [
          {
            pointer: '/version',
            code: 'version_mismatch',
            message: `the document's version is '${document.version}' but the URL names version '${version}'`,
          },
        ]
      : []),
  ];
  if (mismatches.length > 0) throw new HttpProblem(422, 'validation_failed', 'The document does not belong at this URL.', mismatches);
  return document;
}

function runExamples(record: VersionRecord) {
  const policy = compiledFor(record);
  const examples = record.examples.map((example) => runWorkedExample(policy, example));
  return { passed: examples.every((e) => e.passed), examples };
}

function describeFailure(outcome: WorkedExampleOutcome): string {
  if (outcome.issues)
    return `'${outcome.name}': the assessment does not fit the policy (${fromIssues(outcome.issues)
      .map((i) => `${i.pointer}: ${i.message}`)
      .join('; ')})`;
  return `'${outcome.name}': ${outcome.differences.map((d) => `${d.field} expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`).join('; ')}`;
}

/** GET /api/versions: every scheme's versions in one list, sorted, searched, filtered and paged here. */
export function versionListRoute(ctx: AppContext): RouteSpec {
  return route(
    'get',
    '/api/versions',
    'policy.read',
    "List every scheme's versions with their status; sorted, searched (q), filtered by scheme (policyId) or status, a page at a time (offset, limit, X-Total-Count)",
    (req, res) => {
      const page = listPage(req.query, ctx.store.all('versions').map(versionSummary), VERSION_LIST);
      sendPage(res, page.rows, page.total);
    },
    { answers: { status: 200, schema: { listOf: 'VersionSummary' }, headers: totalCount } },
  );
}

/** The people a version's record names: who made, edited, submitted and ratified it, and who proposed or confirmed its withdrawal. */
function peopleNamedBy(record: VersionRecord): string[] {
  const named = [
    record.createdBy,
    ...record.contributors,
    record.submittedBy,
    record.ratification?.ratifiedBy,
    record.withdrawal?.by,
    record.withdrawal?.proposedBy,
    record.withdrawalProposal?.proposedBy,
  ];
  return [...new Set(named.filter((who): who is string => typeof who === 'string'))];
}
