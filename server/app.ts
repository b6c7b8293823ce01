import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { authenticate } from './auth/authenticate.js';
import { DEFAULT_SIGN_IN_LIMITS, type SignInLimits } from './auth/sign-in-limits.js';
import { systemClock, type Clock } from './clock.js';
import type { AppContext } from './context.js';
import { errorHandler, notFoundRoute } from './http/errors.js';
import { jsonLogger, type Logger } from './logger.js';
import { mount, type RouteSpec } from './route-table.js';
import { ComparisonJobs } from './services/comparisons.js';
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
import { versionListRoute, versionRoutes } from './routes/versions.js';
import type { Store } from './store/store.js';
import { sharedWorkPool, type WorkPool } from './work/pool.js';

export interface AppOptions {
  store: Store;
  clock?: Clock;
  logger?: Logger;
  /** One-time code for creating the first admin over HTTP; null when there are users already. */
  setupCode?: string | null;
  sessionHours?: number;
  /** Where uploaded cohorts wait while they are read (default: a new private temporary folder). */
  uploadDir?: string;
  /** Worker threads for heavy work (default: the process's shared pool). */
  work?: WorkPool;
  signInLimits?: SignInLimits;
  /** Express's 'trust proxy' setting, for a server behind a reverse proxy (client addresses for rate limits). */
  trustProxy?: boolean | number | string;
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
    signInLimits: options.signInLimits ?? DEFAULT_SIGN_IN_LIMITS,
    work: options.work ?? sharedWorkPool(),
  };
  const routes: RouteSpec[] = [];
  const evaluation = evaluateRoutes(ctx);
  routes.push(
    ...metaRoutes(ctx, () => routes),
    ...authRoutes(ctx),
    ...userRoutes(ctx),
    ...policyRoutes(ctx),
    ...versionRoutes(ctx),
    versionListRoute(ctx),
    ...evaluation,
    ...decisionRoutes(ctx),
    ...auditRoutes(ctx),
    ...cohortRoutes(ctx),
    ...comparisonRoutes(ctx, new ComparisonJobs(ctx.work, ctx.store, ctx.logger)),
    ...calibrateRoutes(ctx),
    ...publishedRoutes(ctx),
  );

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  app.use(securityHeaders);
  app.use(requestLog(ctx.logger));
  app.use('/api', apiGate(ctx));
  const api = express.Router();
  // express tries a request against each route in turn, and every route tried costs a pattern match: the
  // evaluation routes, which case-management systems call at volume, are tried first. The order decides
  // nothing else: no two routes of one method match the same path (test/api/route-order.test.ts).
  mount(api, [...evaluation, ...routes.filter((r) => !evaluation.includes(r))], options.uploadDir ?? privateTempDir());
  app.use(api);
  app.use('/api', notFoundRoute);
  if (options.consoleDir) app.use(express.static(options.consoleDir, { index: 'index.html', maxAge: '1h' }));
  app.use(notFoundRoute);
  app.use(errorHandler(ctx.logger));
  return { express: app, routes };
}

/**
 * helmet's headers, with a Content-Security-Policy the console works under: its scripts, Monaco's
 * workers and fonts come from this server; MUI and Monaco set styles inline. No framing anywhere.
 * No upgrade-insecure-requests: TLS is the reverse proxy's, and a server on plain HTTP must still work.
 */
const securityHeaders = sameForEveryAnswer(
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'font-src': ["'self'", 'data:'],
        'img-src': ["'self'", 'data:'],
        'worker-src': ["'self'", 'blob:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  }),
);

/**
 * helmet's headers are the same for every answer with these options (no nonce, no directive worked out
 * per request; helmet reads nothing of the request), so helmet is run once, at start-up, against a
 * recorder, and each request gets the recorded headers in one step instead of through helmet's dozen
 * middlewares in turn.
 */
function sameForEveryAnswer(middleware: express.RequestHandler): express.RequestHandler {
  const headers: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.push([name, String(value)]),
    removeHeader: (name: string) => removed.push(name),
  };
  let finished = false;
  middleware({} as express.Request, recorder as unknown as express.Response, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  if (!finished) throw new Error('the security headers middleware did not finish at once: its headers cannot be recorded');
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

/**
 * What every API request passes before its route, in one step: no cache may keep an answer (they hold
 * private and changing data, and a cached answer would outlive the revision its ETag names); with
 * several servers over one database, what another has committed is read first; then the caller is
 * identified.
 */
function apiGate(ctx: AppContext): express.RequestHandler {
  const identify = authenticate(ctx.store, ctx.clock);
  return (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    ctx.store
      .refresh()
      .then(() => identify(req, res, next))
      .catch(next);
  };
}

/** Uploads hold personal data: a folder only this user can read. */
function privateTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ras-uploads-'));
}

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
