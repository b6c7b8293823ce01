import { isIsoDate, type Policy, type WorkedExample } from '../../engine/index.js';
import { appendAudit } from '../audit.js';
import { isoNow, today } from '../clock.js';
import type { AppContext } from '../context.js';
import { HttpProblem, underPointer } from '../errors.js';
import { versionInForce } from '../in-force.js';
import { route, type RouteSpec } from '../route-table.js';
import { createPolicyBody } from '../schemas.js';
import { bodyChecker } from '../validation.js';
import { requirePolicy, versionSummary } from '../versions.js';
import { checkedDocument, insertDraft } from './versions.js';

const checkCreate = bodyChecker<{ document: unknown; examples?: WorkedExample[] }>(createPolicyBody);
const READERS = ['officer', 'ratifier', 'scrutiny', 'admin'] as const;

export function policyRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route('get', '/api/policies', READERS, 'List policies, each with its version in force today', (_req, res) => {
      const date = today(ctx.clock);
      const versions = ctx.store.all('versions');
      res.json(
        ctx.store.all('policies').map((p) => {
          const inForce = versionInForce(versions, p.id, date);
          // A scheme is known by the title of its version in force, when it has one.
          return {
            ...p,
            title: inForce?.document.title ?? p.title,
            versions: versions.filter((v) => v.policyId === p.id).length,
            inForce: inForce ? { version: inForce.version, effectiveFrom: inForce.ratification!.effectiveFrom } : null,
          };
        }),
      );
    }),

    route('post', '/api/policies', ['officer'], 'Start a new policy scheme with its first draft version', async (req, res) => {
      const body = checkCreate(req);
      const document = checkedDocumentAt(body.document);
      const at = isoNow(ctx.clock);
      const record = await ctx.store.transact((draft) => {
        const policies = draft.rows('policies');
        if (policies.some((p) => p.id === document.id))
          throw new HttpProblem(409, 'policy_exists', `There is already a policy '${document.id}': add a version to it instead.`, [
            { pointer: '/document/id', code: 'policy_exists', message: 'choose another id' },
          ]);
        policies.push({
          id: document.id,
          title: document.title,
          council: document.council,
          createdAt: at,
          createdBy: req.caller!.username,
        });
        appendAudit(draft, { at, actor: req.caller!.username, action: 'policy.create', target: `policy:${document.id}` });
        return insertDraft(draft, document, body.examples ?? [], null, req.caller!.username, at);
      });
      res.status(201).location(`/api/policies/${record.policyId}`).json(record);
    }),

    route('get', '/api/policies/:id', READERS, 'A policy and its versions', (req, res) => {
      const policy = requirePolicy(ctx.store, String(req.params.id));
      const versions = ctx.store.all('versions').filter((v) => v.policyId === policy.id);
      const inForce = versionInForce(versions, policy.id, today(ctx.clock));
      res.json({ ...policy, inForce: inForce?.version ?? null, versions: versions.map(versionSummary) });
    }),

    route('get', '/api/policies/:id/in-force', [...READERS, 'api-client'], 'The version in force on a date (default today)', (req, res) => {
      const policy = requirePolicy(ctx.store, String(req.params.id));
      const date: unknown = req.query.date === undefined ? today(ctx.clock) : req.query.date;
      if (!isIsoDate(date))
        throw new HttpProblem(400, 'bad_date', 'The date must be a real date written YYYY-MM-DD.', [
          { pointer: '/query/date', code: 'schema_format', message: `'${String(date)}' is not a date written YYYY-MM-DD` },
        ]);
      const version = versionInForce(ctx.store.all('versions'), policy.id, date);
      if (!version) throw new HttpProblem(404, 'none_in_force', `No version of '${policy.id}' is in force on ${date}.`);
      res.json({ date, ...versionSummary(version) });
    }),
  ];
}

/** A new policy's document sits under /document in the request, so its pointers carry that prefix. */
function checkedDocumentAt(document: unknown): Policy {
  try {
    const id = (document as { id?: unknown })?.id;
    return checkedDocument(document, typeof id === 'string' ? id : '');
  } catch (e) {
    throw underPointer(e, '/document');
  }
}
