/**
 * The Express application: security headers, the API under /api, /healthz, and the web app built
 * by Vite. Routers are one per resource; errors leave as application/problem+json.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { StatsSchema } from '../schema/api/health.ts';
import { readStats } from '../store/stats.ts';
import type { Store } from '../store/store.ts';
import { healthRouter } from './health.ts';
import { buildOpenApi, documentRoute } from './openapi.ts';
import { problemHandler, sendProblem } from './problem.ts';

export const VERSION = '0.1.0';
const WEB_DIST = join(import.meta.dirname, '..', '..', 'web', 'dist');

export interface AppOptions {
  store: Store;
  /** Where the built web app lives; defaults to web/dist. */
  webRoot?: string;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

documentRoute({
  method: 'get',
  path: '/api/stats',
  summary: 'Node counts per label and relationship counts per type',
  tags: ['service'],
  responses: { 200: { description: 'Counts', schema: StatsSchema } },
});

/** Builds the application around an open store. */
export function createApp({ store, webRoot = WEB_DIST }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    next();
  });
  app.use(healthRouter(store));
  app.get('/api/openapi.json', (_req, res) => {
    res.json(buildOpenApi(VERSION));
  });
  app.get('/api/stats', async (_req, res) => {
    res.json(await readStats(store));
  });
  app.use('/api', (req, res) => sendProblem(res, 404, 'Not found', `No API route ${req.method} ${req.path}`));
  if (existsSync(webRoot)) {
    app.use(express.static(webRoot, { index: 'index.html', maxAge: '1h' }));
  }
  app.use((_req, res) => sendProblem(res, 404, 'Not found'));
  app.use(problemHandler);
  return app;
}
