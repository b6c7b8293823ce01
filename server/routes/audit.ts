import type { AppContext } from '../context.js';
import { route, type RouteSpec } from '../route-table.js';

export function auditRoutes(ctx: AppContext): RouteSpec[] {
  return [
    route('get', '/api/audit', 'audit.read', 'The audit log, oldest first; filter by target, actor or action', async (req, res) => {
      const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
      res.json(
        await ctx.store.auditEntries({ target: text(req.query.target), actor: text(req.query.actor), action: text(req.query.action) }),
      );
    }),

    route(
      'get',
      '/api/audit/verify',
      'audit.read',
      'Check the whole record from disk: the audit chain, its anchors, every change against its audit entry, and the files beside the journal',
      async (_req, res) => {
        res.json(await ctx.store.verify());
      },
    ),
  ];
}
