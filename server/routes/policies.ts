import type { Policy } from '../../engine/index.js';
import { today } from '../clock.js';
import type { AppContext } from '../context.js';
import { underPointer } from '../http/errors.js';
import { versionInForce } from '../domain/in-force.js';
import { asOfQuery } from '../http/query.js';
import { created } from './answer-headers.js';
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
      'List policies, each with its version in force today',
      (_req, res) => {
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
      },
      { answers: { status: 200, schema: { listOf: 'PolicyListItem' } } },
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
        const inForce = versionInForce(versions, policy.id, today(ctx.clock));
        // The version in force is said as the list says it, so a client holds one shape of a scheme.
        res.json({
          ...policy,
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
