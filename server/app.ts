import express, { type Express } from 'express';
import { authenticate } from './auth/authenticate.js';
import { systemClock, type Clock } from './clock.js';
import type { AppContext } from './context.js';
import { errorHandler, HttpProblem, notFoundRoute } from './errors.js';
import { jsonLogger, type Logger } from './logger.js';
import { mount, type RouteSpec } from './route-table.js';
import { ComparisonJobs } from './comparisons.js';
import { auditRoutes } from './routes/audit.js';
import { calibrateRoutes } from './routes/calibrate.js';
import { cohortRoutes } from './routes/cohorts.js';
import { comparisonRoutes } from './routes/comparisons.js';
import { authRoutes } from './routes/auth.js';
import { decisionRoutes } from './routes/decisions.js';
import { evaluateRoutes } from './routes/evaluate.js';
import { metaRoutes } from './routes/meta.js';
import { policyRoutes } from './routes/policies.js';
import { publishedRoutes } from './routes/published.js';
import { userRoutes } from './routes/users.js';
import { versionRoutes } from './routes/versions.js';
import type { Store } from './store/store.js';

export interface AppOptions {
  store: Store;
  clock?: Clock;
  logger?: Logger;
  /** One-time code for creating the first admin over HTTP; null when there are users already. */
  setupCode?: string | null;
  sessionHours?: number;
  bodyLimit?: string;
  /** Folder of the built admin console, served at /. */
  consoleDir?: string;
}

export interface App {
  express: Express;
  routes: readonly RouteSpec[];
}

/**
 * The HTTP service as a value: no listening, no environment. main.ts listens; tests call this with a
 * store in a temporary directory and listen on a random port.
 */
export function createApp(options: AppOptions): App {
  const ctx: AppContext = {
    store: options.store,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? jsonLogger(),
    setupCode: options.setupCode ?? null,
    sessionHours: options.sessionHours ?? 12,
  };
  const routes: RouteSpec[] = [];
  routes.push(
    ...metaRoutes(ctx, () => routes),
    ...authRoutes(ctx),
    ...userRoutes(ctx),
    ...policyRoutes(ctx),
    ...versionRoutes(ctx),
    ...evaluateRoutes(ctx),
    ...decisionRoutes(ctx),
    ...auditRoutes(ctx),
    ...cohortRoutes(ctx),
    ...comparisonRoutes(ctx, new ComparisonJobs(ctx.logger)),
    ...calibrateRoutes(ctx),
    ...publishedRoutes(ctx),
  );

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestLog(ctx.logger));
  // Cohorts are uploaded whole, as JSON or CSV, so that one route reads larger bodies.
  app.post('/api/cohorts', express.json({ limit: COHORT_LIMIT, strict: true }), express.text({ type: 'text/csv', limit: COHORT_LIMIT }));
  app.use(
    '/api',
    requireJsonBody,
    express.json({ limit: options.bodyLimit ?? '1mb', strict: true, type: ['application/json', 'application/*+json'] }),
  );
  // API answers hold private and changing data (a version's status moves while its ETag, the content
  // hash, stays), so no cache may keep them.
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', authenticate(ctx.store, ctx.clock));
  const api = express.Router();
  mount(api, routes);
  app.use(api);
  app.use('/api', notFoundRoute);
  if (options.consoleDir) app.use(express.static(options.consoleDir, { index: 'index.html', maxAge: '1h' }));
  app.use(notFoundRoute);
  app.use(errorHandler(ctx.logger));
  return { express: app, routes };
}

const COHORT_LIMIT = '100mb';

/** A body that is not JSON is refused up front, instead of being read as "no body" (cohorts may be CSV). */
const requireJsonBody: express.RequestHandler = (req, _res, next) => {
  const hasBody =
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0') ||
    req.headers['transfer-encoding'] !== undefined;
  const csvCohort = req.method === 'POST' && req.path === '/cohorts' && req.is('text/csv');
  if (hasBody && !csvCohort && !req.is(['application/json', 'application/*+json'])) {
    next(
      new HttpProblem(
        415,
        'json_required',
        `Send the body as JSON with Content-Type: application/json (got ${req.headers['content-type'] ?? 'none'}).`,
      ),
    );
    return;
  }
  next();
};

function requestLog(logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      // Method, route pattern and status only: URLs and bodies can carry personal data.
      logger.info('request', {
        method: req.method,
        route: req.route?.path ?? null,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - start) / 1e6,
      });
    });
    next();
  };
}
