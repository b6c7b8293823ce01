import { verifyAuditChain } from '../audit.js';
import type { AppContext } from '../context.js';
import { route, type RouteSpec } from '../route-table.js';

const AUDITORS = ['admin', 'ratifier', 'scrutiny'] as const;

export function auditRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route('get', '/api/audit', AUDITORS, 'The audit log, oldest first; filter by target, actor or action', (req, res) => {
      const { target, actor, action } = req.query;
      res.json(
        ctx.store
          .all('audit')
          .filter(
            (e) =>
              (typeof target !== 'string' || e.target === target) &&
              (typeof actor !== 'string' || e.actor === actor) &&
              (typeof action !== 'string' || e.action === action),
          ),
      );
    }),

    route('get', '/api/audit/verify', AUDITORS, "Check the audit log's hash chain from its first entry", (_req, res) => {
      res.json(verifyAuditChain(ctx.store.all('audit')));
    }),
  ];
}
