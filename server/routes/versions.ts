import { contentHash, runWorkedExample, validatePolicy, type Policy, type WorkedExample } from '../../engine/index.js';
import { appendAudit } from '../audit.js';
import { isoNow } from '../clock.js';
import type { AppContext } from '../context.js';
import { fromIssues, HttpProblem, unprocessable } from '../errors.js';
import { assertCanTransition, assertEditable, supersedeOlder, target, type Transition } from '../lifecycle.js';
import { compareForRatification, describeWorseOff } from '../ratification-comparison.js';
import { route, type RouteSpec } from '../route-table.js';
import { cloneBody, examplesBody, ratifyBody, withdrawBody } from '../schemas.js';
import type { Ratification, VersionRecord } from '../store/records.js';
import type { Draft } from '../store/store.js';
import { bodyChecker } from '../validation.js';
import { compiledFor, etagOf, examplesEtagOf, requirePolicy, requireVersion, versionLinks, versionSummary } from '../versions.js';

const checkClone = bodyChecker<{ version: string }>(cloneBody);
const checkExamples = bodyChecker<{ examples: WorkedExample[] }>(examplesBody);
const checkRatify = bodyChecker<Omit<Ratification, 'ratifiedBy' | 'ratifiedAt'>>(ratifyBody);
const checkWithdraw = bodyChecker<{ reason: string }>(withdrawBody);

const OFFICER = ['officer'] as const;
const READERS = ['officer', 'ratifier', 'scrutiny', 'admin'] as const;
const VERSION = '/api/policies/:id/versions/:version';

export function versionRoutes(ctx: AppContext): RouteSpec[] {
  const at = () => isoNow(ctx.clock);
  const params = (req: { params: Record<string, string | string[]> }) => ({
    id: String(req.params.id),
    version: String(req.params.version),
  });

  return [
    route('get', '/api/policies/:id/versions', READERS, "List a policy's versions with their status", (req, res) => {
      requirePolicy(ctx.store, String(req.params.id));
      res.json(
        ctx.store
          .all('versions')
          .filter((v) => v.policyId === req.params.id)
          .map(versionSummary),
      );
    }),

    route('post', '/api/policies/:id/versions', OFFICER, 'Create a new draft version from a policy document', async (req, res) => {
      const id = String(req.params.id);
      requirePolicy(ctx.store, id);
      const document = checkedDocument(req.body, id);
      const record = await ctx.store.transact((draft) => insertDraft(draft, document, [], null, req.caller!.username, at()));
      res.status(201).location(versionLinks(record).self).set('ETag', etagOf(record)).json(record);
    }),

    route('get', VERSION, READERS, 'A version: its document, worked examples, status and ratification', (req, res) => {
      const record = requireVersion(ctx.store, params(req).id, params(req).version);
      res.set('ETag', etagOf(record)).json({ ...record, examplesEtag: examplesEtagOf(record), links: versionLinks(record) });
    }),

    route('put', VERSION, OFFICER, "Replace a draft's policy document (needs If-Match with the current ETag)", async (req, res) => {
      const { id, version } = params(req);
      const ifMatch = requireIfMatch(req.headers['if-match']);
      const document = checkedDocument(req.body, id, version);
      const record = await ctx.store.transact((draft) =>
        replaceVersion(draft, id, version, (current) => {
          assertEditable(current);
          assertFresh(current, ifMatch);
          appendAudit(draft, {
            at: at(),
            actor: req.caller!.username,
            action: 'version.edit',
            target: target(current),
            details: { from: current.contentHash, to: contentHash(document) },
          });
          return { ...current, document, contentHash: contentHash(document), updatedAt: at() };
        }),
      );
      res.set('ETag', etagOf(record)).json(record);
    }),

    route('get', `${VERSION}/examples`, READERS, "A version's worked examples, with their own ETag", (req, res) => {
      const record = requireVersion(ctx.store, params(req).id, params(req).version);
      res.set('ETag', examplesEtagOf(record)).json({ examples: record.examples });
    }),

    route(
      'put',
      `${VERSION}/examples`,
      OFFICER,
      "Replace a draft's worked examples (needs If-Match with the examples' ETag)",
      async (req, res) => {
        const { id, version } = params(req);
        const ifMatch = requireIfMatch(req.headers['if-match']);
        const { examples } = checkExamples(req);
        const record = await ctx.store.transact((draft) =>
          replaceVersion(draft, id, version, (current) => {
            assertEditable(current);
            if (ifMatch !== examplesEtagOf(current) && ifMatch !== '*') {
              throw new HttpProblem(
                412,
                'stale_examples',
                `The worked examples of version ${current.version} have changed since you read them (now ${examplesEtagOf(current)}): reload them and apply your change again.`,
              );
            }
            appendAudit(draft, {
              at: at(),
              actor: req.caller!.username,
              action: 'version.edit-examples',
              target: target(current),
              details: { examples: examples.length },
            });
            return { ...current, examples, updatedAt: at() };
          }),
        );
        res.set('ETag', examplesEtagOf(record)).json({ examples: record.examples });
      },
    ),

    route('delete', VERSION, OFFICER, 'Delete a draft that was never submitted', async (req, res) => {
      const { id, version } = params(req);
      await ctx.store.transact((draft) => {
        const versions = draft.rows('versions');
        const index = versions.findIndex((v) => v.policyId === id && v.version === version);
        const current = index >= 0 ? versions[index]! : requireVersion(ctx.store, id, version);
        assertEditable(current);
        versions.splice(index, 1);
        appendAudit(draft, {
          at: at(),
          actor: req.caller!.username,
          action: 'version.delete',
          target: target(current),
          details: { contentHash: current.contentHash },
        });
      });
      res.status(204).end();
    }),

    route('post', `${VERSION}/clone`, OFFICER, 'Copy any version to a new draft: the way to change a fixed version', async (req, res) => {
      const { id, version } = params(req);
      const { version: newVersion } = checkClone(req);
      const source = requireVersion(ctx.store, id, version);
      const document: Policy = { ...structuredClone(source.document), version: newVersion };
      const record = await ctx.store.transact((draft) =>
        insertDraft(
          draft,
          document,
          structuredClone(source.examples),
          { version: source.version, contentHash: source.contentHash },
          req.caller!.username,
          at(),
        ),
      );
      res.status(201).location(versionLinks(record).self).set('ETag', etagOf(record)).json(record);
    }),

    route('post', `${VERSION}/examples/run`, READERS, "Run the version's worked examples and report each", async (req, res) => {
      const record = requireVersion(ctx.store, params(req).id, params(req).version);
      res.json(await runExamples(record));
    }),

    route(
      'post',
      `${VERSION}/submit`,
      OFFICER,
      'Submit a draft for ratification; it must be valid and pass all its worked examples',
      async (req, res) => {
        const { id, version } = params(req);
        const current = requireVersion(ctx.store, id, version);
        assertCanTransition(current, 'submit');
        const report = await runExamples(current);
        if (report.examples.length === 0)
          throw new HttpProblem(422, 'examples_required', 'A version needs at least one worked example before it can be submitted.', [
            { pointer: '/examples', code: 'examples_required', message: 'add a worked example' },
          ]);
        if (!report.passed) {
          throw new HttpProblem(
            422,
            'examples_failed',
            `${report.examples.filter((e) => !e.passed).length} of ${report.examples.length} worked examples do not give their expected result.`,
            report.examples.flatMap((e, i) =>
              e.passed ? [] : [{ pointer: `/examples/${i}`, code: 'example_failed', message: describeFailure(e) }],
            ),
          );
        }
        const record = await transition(
          ctx,
          req.caller!.username,
          id,
          version,
          'submit',
          (v) => ({ ...v, status: 'submitted', submittedAt: at(), submittedBy: req.caller!.username }),
          current.contentHash,
        );
        res.json(record);
      },
    ),

    route('post', `${VERSION}/return-to-draft`, ['officer', 'ratifier'], 'Send a submitted version back to draft', async (req, res) => {
      const { id, version } = params(req);
      res.json(
        await transition(ctx, req.caller!.username, id, version, 'return-to-draft', (v) => ({
          ...v,
          status: 'draft',
          submittedAt: null,
          submittedBy: null,
        })),
      );
    }),

    route(
      'post',
      `${VERSION}/ratify`,
      ['ratifier'],
      'Ratify a submitted version: the deciding body, date, minute, rationale and effective-from date',
      async (req, res) => {
        const { id, version } = params(req);
        const decision = checkRatify(req);
        const ratifier = req.caller!.username;
        const submitted = requireVersion(ctx.store, id, version);
        assertCanTransition(submitted, 'ratify');
        if (submitted.submittedBy === ratifier)
          throw new HttpProblem(403, 'four_eyes', `You submitted version ${version}, so someone else must ratify it.`);
        const comparison = await compareForRatification(ctx.store, submitted, decision.effectiveFrom);
        if (comparison && comparison.worseOff.length > 0 && !decision.equalityImpact) {
          throw new HttpProblem(
            422,
            'equality_impact_required',
            `Compared with ${comparison.against} over the reference cohort, this version leaves people worse off (${describeWorseOff(comparison.worseOff)}). Record an equality impact note with the rationale.`,
            [
              {
                pointer: '/equalityImpact',
                code: 'equality_impact_required',
                message: `some groups are worse off: ${describeWorseOff(comparison.worseOff)}`,
              },
            ],
          );
        }
        const record = await ctx.store.transact((draft) => {
          const ratified = replaceVersion(draft, id, version, (current) => {
            assertCanTransition(current, 'ratify');
            // The comparison ran outside the transaction; refuse if the version changed meanwhile.
            if (current.contentHash !== submitted.contentHash)
              throw new HttpProblem(409, 'changed_meanwhile', 'The version changed while it was being compared; ratify again.');
            return {
              ...current,
              status: 'ratified',
              ratification: {
                ...decision,
                ratifiedBy: ratifier,
                ratifiedAt: at(),
                comparison: comparison as unknown as Record<string, unknown> | null,
              },
              updatedAt: at(),
            };
          });
          appendAudit(draft, {
            at: at(),
            actor: ratifier,
            action: 'version.ratify',
            target: target(ratified),
            details: { contentHash: ratified.contentHash, ...decision, worseOff: comparison?.worseOff ?? [] },
          });
          supersedeOlder(draft, ratified, ratifier, at());
          return ratified;
        });
        res.json(record);
      },
    ),

    route('post', `${VERSION}/withdraw`, ['ratifier'], 'Withdraw a ratified version: it stops counting for any date', async (req, res) => {
      const { id, version } = params(req);
      const { reason } = checkWithdraw(req);
      res.json(
        await transition(ctx, req.caller!.username, id, version, 'withdraw', (v) => ({
          ...v,
          status: 'withdrawn',
          withdrawal: { by: req.caller!.username, at: at(), reason },
        })),
      );
    }),

    route('get', `${VERSION}/audit`, READERS, 'The audit timeline of one version', (req, res) => {
      const record = requireVersion(ctx.store, params(req).id, params(req).version);
      res.json(ctx.store.all('audit').filter((e) => e.target === target(record)));
    }),
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

export function insertDraft(
  draft: Draft,
  document: Policy,
  examples: WorkedExample[],
  basedOn: VersionRecord['basedOn'],
  actor: string,
  at: string,
): VersionRecord {
  const versions = draft.rows('versions');
  if (versions.some((v) => v.policyId === document.id && v.version === document.version)) {
    throw new HttpProblem(
      409,
      'version_exists',
      `Policy '${document.id}' already has a version '${document.version}': choose another version name.`,
      [{ pointer: '/version', code: 'version_exists', message: 'choose another version name' }],
    );
  }
  const record: VersionRecord = {
    policyId: document.id,
    version: document.version,
    status: 'draft',
    document,
    contentHash: contentHash(document),
    examples,
    basedOn,
    createdAt: at,
    createdBy: actor,
    updatedAt: at,
    submittedAt: null,
    submittedBy: null,
    ratification: null,
    superseded: null,
    withdrawal: null,
  };
  versions.push(record);
  appendAudit(draft, {
    at,
    actor,
    action: 'version.create',
    target: target(record),
    details: { contentHash: record.contentHash, basedOn },
  });
  return record;
}

function replaceVersion(draft: Draft, policyId: string, version: string, change: (v: VersionRecord) => VersionRecord): VersionRecord {
  const versions = draft.rows('versions');
  const index = versions.findIndex((v) => v.policyId === policyId && v.version === version);
  if (index < 0) throw new HttpProblem(404, 'version_not_found', `Policy '${policyId}' has no version '${version}'.`);
  const next = change(versions[index]!);
  versions[index] = next;
  return next;
}

async function transition(
  ctx: AppContext,
  actor: string,
  policyId: string,
  version: string,
  name: Transition,
  change: (v: VersionRecord) => VersionRecord,
  expectedHash?: string,
): Promise<VersionRecord> {
  requireVersion(ctx.store, policyId, version);
  return ctx.store.transact((draft) => {
    const record = replaceVersion(draft, policyId, version, (current) => {
      assertCanTransition(current, name);
      // The examples ran outside the transaction; refuse if the draft changed meanwhile.
      if (expectedHash && current.contentHash !== expectedHash)
        throw new HttpProblem(409, 'changed_meanwhile', 'The draft changed while it was being checked; submit again.');
      return { ...change(current), updatedAt: isoNow(ctx.clock) };
    });
    appendAudit(draft, {
      at: isoNow(ctx.clock),
      actor,
      action: `version.${name}`,
      target: target(record),
      details: { contentHash: record.contentHash, status: record.status },
    });
    return record;
  });
}

function requireIfMatch(header: string | undefined): string {
  if (!header)
    throw new HttpProblem(
      428,
      'if_match_required',
      'Send If-Match with the ETag you last read, so a stale edit cannot overwrite a newer one.',
    );
  return header.trim();
}

function assertFresh(record: VersionRecord, ifMatch: string): void {
  if (ifMatch !== etagOf(record) && ifMatch !== '*') {
    throw new HttpProblem(
      412,
      'stale_version',
      `Version ${record.version} has changed since you read it (now ${etagOf(record)}): reload it and apply your change again.`,
    );
  }
}

async function runExamples(record: VersionRecord) {
  const policy = compiledFor(record);
  const examples = [];
  for (const example of record.examples) examples.push(await runWorkedExample(policy, example));
  return { passed: examples.every((e) => e.passed), examples };
}

function describeFailure(outcome: Awaited<ReturnType<typeof runWorkedExample>>): string {
  if (outcome.issues)
    return `'${outcome.name}': the assessment does not fit the policy (${fromIssues(outcome.issues)
      .map((i) => `${i.pointer}: ${i.message}`)
      .join('; ')})`;
  return `'${outcome.name}': ${outcome.differences.map((d) => `${d.field} expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`).join('; ')}`;
}
