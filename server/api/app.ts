/**
 * The Express application: security headers, the API under /api, /healthz, and the web app built
 * by Vite. Every /api request passes the same frame: a rate limit per address, the strict JSON body
 * parser, the session (required but for sign-in and the documentation), a rate limit per session,
 * idempotency keys on writes; then the routers, one per resource, each route validated by zod and
 * audited. Errors leave as application/problem+json.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type Request } from 'express';
import { auditTrailFor } from '../audit/audit-trail.ts';
import { clearanceOf } from '../auth/context.ts';
import { ANY } from '../auth/roles.ts';
import { StatsSchema } from '../schema/api/health.ts';
import { readStats } from '../store/stats.ts';
import type { Store } from '../store/store.ts';
import { auditRouter } from './routes/audit.ts';
import { authRouter } from './routes/auth.ts';
import { docsRouter } from './routes/docs.ts';
import { healthRouter } from './routes/health.ts';
import { identify, requireSession } from './middleware/authenticate.ts';
import { JobRegistry } from './jobs.ts';
import { idempotency } from './middleware/idempotency.ts';
import { JSON_LIMITS, jsonBody } from './middleware/json-body.ts';
import { DEFAULT_HEAVY_PER_USER, heavyRequests } from './middleware/heavy.ts';
import { type BucketOptions, rateLimit } from './middleware/rate-limit.ts';
import { stateOf } from './middleware/request-state.ts';
import { cors, noStore, securityHeaders } from './middleware/security.ts';
import { route } from './middleware/validated.ts';
import { buildOpenApi } from './openapi.ts';
import { problemHandler, sendProblem } from './problem.ts';
import { analysisRunsRouter } from './routes/analysis-runs.ts';
import { casesRouter } from './routes/cases.ts';
import { checksRouter } from './routes/checks.ts';
import { entitiesRouter } from './routes/entities.ts';
import { exportRouter } from './routes/export.ts';
import { importsRouter } from './routes/imports.ts';
import { notesRouter } from './routes/notes.ts';
import { graphRouter } from './routes/graph.ts';
import { reportsRouter } from './routes/reports.ts';
import { traceRouter } from './routes/trace.ts';
import { viewsRouter } from './routes/views.ts';
import { watchesRouter } from './routes/watches.ts';
import { webGraphRouter } from './routes/web-graph.ts';
import { DEFAULT_UPLOAD_LIMIT } from './upload.ts';
import { usersRouter } from './routes/users.ts';

export const VERSION = '0.1.0';
const WEB_DIST = join(import.meta.dirname, '..', '..', 'web', 'dist');

export interface RateLimits {
  /** Every /api request, per client address. */
  perAddress: BucketOptions;
  /** Every request of a session. */
  perSession: BucketOptions;
  /** Sign-in attempts, per client address. */
  login: BucketOptions;
  /** Heavy requests (middleware/heavy.ts) one user may have running at a time. */
  heavyPerUser: number;
}

export const DEFAULT_LIMITS: RateLimits = {
  perAddress: { capacity: 600, perSecond: 100 },
  perSession: { capacity: 300, perSecond: 50 },
  login: { capacity: 10, perSecond: 10 / 60 },
  heavyPerUser: DEFAULT_HEAVY_PER_USER,
};

export interface AppOptions {
  store: Store;
  /** Where the built web app lives; defaults to web/dist. */
  webRoot?: string;
  limits?: Partial<RateLimits>;
  /** Origins allowed to call the API from a browser (none by default). */
  corsOrigins?: readonly string[];
  /** Express's `trust proxy`: set it behind a TLS-terminating proxy so cookies are marked Secure. */
  trustProxy?: boolean | string;
  /** bcrypt cost for passwords set through the API (default 12; tests lower it for speed). */
  passwordCost?: number;
  /** The jobs (analysis runs, imports) of this server; a fresh registry by default. */
  jobs?: JobRegistry;
  /** The largest file `POST /api/imports` accepts, in bytes (default 256 MiB). */
  uploadLimit?: number;
  /**
   * How long a verified session may be answered from memory, saving a Neo4j round trip per request
   * (0, the default here, asks Neo4j every time; the platform serves with SESSION_CACHE_MS, 5 s).
   * Logout and user changes through this process take effect at once; revocations by another
   * process (the CLI, a second server) within this time. A request whose session came from memory
   * meets an outage at its route's store deadline (every GET but the long reads has one).
   */
  sessionCacheMs?: number;
}

/** The upload route reads its own body (a file, streamed to disk); the JSON parser leaves it alone. */
function isUpload(req: Request): boolean {
  return req.method === 'POST' && /^\/imports\/?$/.test(req.path);
}

/** A view export names every record the view holds, up to 200,000 entities and 600,000 links. */
function isViewExport(req: Request): boolean {
  return req.method === 'POST' && /^\/export\/view\/?$/.test(req.path);
}

/** Builds the application around an open store. */
export function createApp({
  store,
  webRoot = WEB_DIST,
  limits = {},
  corsOrigins = [],
  trustProxy = false,
  passwordCost,
  jobs = new JobRegistry(),
  uploadLimit = DEFAULT_UPLOAD_LIMIT,
  sessionCacheMs = 0,
}: AppOptions): Express {
  const limit = { ...DEFAULT_LIMITS, ...limits };
  const trail = auditTrailFor(store);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', trustProxy);
  app.use(securityHeaders());
  app.use(cors(corsOrigins));
  app.use('/api', noStore());
  app.use(healthRouter(store));

  app.use(
    '/api',
    rateLimit(limit.perAddress, (req) => req.ip ?? 'unknown'),
  );
  const parseJson = express.Router().use(...jsonBody());
  const parseViewExport = express.Router().use(...jsonBody(JSON_LIMITS.viewExportBytes));
  app.use('/api', (req, res, next) =>
    isUpload(req) ? next() : isViewExport(req) ? parseViewExport(req, res, next) : parseJson(req, res, next),
  );
  app.use('/api', identify(store, trail, sessionCacheMs));
  app.use('/api', requireSession());
  app.use(
    '/api',
    rateLimit(limit.perSession, (req, res) => stateOf(res).sessionId ?? req.ip ?? 'unknown'),
  );
  app.use(
    '/api',
    heavyRequests(limit.heavyPerUser, (username) => jobs.runningOf(username)),
  );
  app.use('/api', idempotency(store));

  app.get('/api/openapi.json', (_req, res) => {
    res.json(buildOpenApi(VERSION));
  });
  app.use(docsRouter());
  app.use(authRouter({ store, trail, loginLimit: limit.login, passwordCost }));
  app.use(usersRouter({ store, passwordCost }));
  app.use(auditRouter({ store }));
  app.use(statsRouter(store));
  app.use(entitiesRouter({ store }));
  app.use(graphRouter({ store }));
  app.use(checksRouter({ store }));
  app.use(casesRouter({ store }));
  app.use(watchesRouter({ store }));
  app.use(reportsRouter({ store }));
  app.use(webGraphRouter({ store }));
  app.use(analysisRunsRouter({ store, jobs }));
  app.use(traceRouter({ store }));
  app.use(exportRouter({ store }));
  app.use(importsRouter({ store, jobs, uploadLimit }));
  app.use(notesRouter({ store }));
  app.use(viewsRouter({ store }));

  app.use('/api', (req, res) => sendProblem(res, 404, 'Not found', `No API route ${req.method} ${req.path}`));
  if (existsSync(webRoot)) {
    app.use(express.static(webRoot, { index: 'index.html', maxAge: '1h' }));
  }
  app.use((_req, res) => sendProblem(res, 404, 'Not found'));
  app.use(problemHandler);
  return app;
}

/**
 * `/api/stats`: counts of what the reader may see (entities per label, links per type); the auditor,
 * whose clearance is full, gets the whole database's, the platform's own records included.
 */
function statsRouter(store: Store): express.Router {
  const router = express.Router();
  route(
    router,
    {
      method: 'get',
      path: '/api/stats',
      deadline: false,
      summary: 'Counts of the entities per label and links per type that you may see',
      tags: ['service'],
      roles: ANY,
      audit: 'stats.read',
      responses: { 200: { description: 'Counts', schema: StatsSchema } },
    },
    ({ viewer }) => (viewer.role === 'auditor' ? readStats(store) : readStats(store, clearanceOf(viewer))),
  );
  return router;
}
