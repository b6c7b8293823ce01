import type { Policy } from '../../engine/index.js';
import { today } from '../clock.js';
import type { AppContext } from '../context.js';
import { underPointer } from '../http/errors.js';
import { currentTitle, versionInForce } from '../domain/in-force.js';
import { listPage } from '../http/list-query.js';
import { sendPage } from '../http/paging.js';
import { POLICY_LIST } from './list-specs.js';
import { asOfQuery } from '../http/query.js';
import { created, totalCount } from './answer-headers.js';
import { POLICY_DOCUMENT_LIMIT, route, type RouteSpec } from '../route-table.js';
import { changesOf, createPolicy } from '../domain/lifecycle.js';
import { etagOf, policyState, requireInForce, requirePolicy, versionSummary } from '../services/versions.js';
import { runDecision } from '../commands.js';
import { checkedDocument } from './versions.js';

export function policyRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route(
      'get',
      '/api/policies',
      'policy.read',
      'List policies, each with its version in force today; sorted, searched (q) and a page at a time (offset, limit, X-Total-Count)',
      (req, res) => {
        const date = today(ctx.clock);
        const versions = ctx.store.all('versions');
        const rows = ctx.store.all('policies').map((p) => {
          const inForce = versionInForce(versions, p.id, date);
          return {
            ...p,
            title: currentTitle(versions, p.id, date) ?? p.title,
            versions: versions.filter((v) => v.policyId === p.id).length,
            inForce: inForce ? { version: inForce.version, effectiveFrom: inForce.ratification!.effectiveFrom } : null,
          };
        });
        const page = listPage(req.query, rows, POLICY_LIST);
        sendPage(res, page.rows, page.total);
      },
      { answers: { status: 200, schema: { listOf: 'PolicyListItem' }, headers: totalCount } },
    ),

    route(
      'post',
      '/api/policies',
      'policy.create',
      'Start a new policy scheme with its first draft version',
      async (req, res, body) => {
        const document = checkedDocumentAt(body.document);
        const record = await runDecision(ctx.store, ctx.clock, (state, commit) => {
          const outcome = createPolicy(
            policyState(state, document.id),
            document,
            body.examples ?? [],
            { username: req.caller!.username },
            commit,
          );
          return { answer: outcome.version!, changes: changesOf(document.id, outcome) };
        }).catch((e) => {
          throw underPointer(e, '/document');
        });
        res.status(201).location(`/api/policies/${record.policyId}`).set('ETag', etagOf(record)).json(record);
      },
      {
        takes: 'CreatePolicyRequest',
        answers: { status: 201, schema: 'VersionRecord', headers: created('/api/policies/{id}') },
        bodyLimit: POLICY_DOCUMENT_LIMIT,
      },
    ),

    route(
      'get',
      '/api/policies/:id',
      'policy.read',
      'A policy and its versions',
      (req, res) => {
        const policy = requirePolicy(ctx.store, String(req.params.id));
        const versions = ctx.store.all('versions').filter((v) => v.policyId === policy.id);
        const date = today(ctx.clock);
        const inForce = versionInForce(versions, policy.id, date);
        // The version in force is said as the list says it, so a client holds one shape of a scheme.
        res.json({
          ...policy,
          title: currentTitle(versions, policy.id, date) ?? policy.title,
          inForce: inForce ? { version: inForce.version, effectiveFrom: inForce.ratification!.effectiveFrom } : null,
          versions: versions.map(versionSummary),
        });
      },
      { answers: { status: 200, schema: 'PolicyDetail' } },
    ),

    route(
      'get',
      '/api/policies/:id/in-force',
      'policy.in-force',
      'The version in force on a date (default today)',
      (req, res) => {
        const date = asOfQuery(req.query, 'date') ?? today(ctx.clock);
        const version = requireInForce(ctx.store, String(req.params.id), date);
        res.json({ asOf: date, ...versionSummary(version) });
      },
      { answers: { status: 200, schema: 'InForceVersion' } },
    ),
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
