/**
 * `/healthz`: liveness, and readiness of Neo4j (503 while it does not answer). Public, so it says
 * healthy or not and nothing about the deployment: no URI, version or driver message.
 */
import { Router } from 'express';
import { type Health, HealthSchema } from '../../schema/api/health.ts';
import type { Store } from '../../store/store.ts';
import { documentRoute } from '../openapi.ts';
import { sendProblem } from '../problem.ts';

const CHECK_TIMEOUT_MS = 4_000;

documentRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness and Neo4j readiness',
  tags: ['service'],
  responses: {
    200: { description: 'Ready', schema: HealthSchema },
    400: { description: 'It takes no query parameters' },
    503: { description: 'Neo4j unavailable', schema: HealthSchema },
  },
});

/** Checks that Neo4j answers, within a bound so that an outage gives a quick 503. */
export async function checkHealth(store: Store): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`no answer within ${CHECK_TIMEOUT_MS / 1000} s`)),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([store.driver.getServerInfo({ database: store.database }), timeout]);
    return { status: 'ok' };
  } catch {
    return { status: 'unavailable', reason: 'Neo4j is not reachable' };
  } finally {
    clearTimeout(timer);
  }
}

/** The health router. */
export function healthRouter(store: Store): Router {
  const router = Router();
  router.get('/healthz', async (req, res) => {
    const unknown = Object.keys(req.query);
    if (unknown.length > 0) {
      const errors = unknown.map((name) => ({ field: `query.${name}`, message: 'not a parameter: drop it' }));
      sendProblem(res, 400, 'Invalid request', '/healthz takes no query parameters', errors);
      return;
    }
    const health = await checkHealth(store);
    if (health.status !== 'ok') res.setHeader('Retry-After', '5');
    res.status(health.status === 'ok' ? 200 : 503).json(health);
  });
  return router;
}
