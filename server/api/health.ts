/** `/healthz`: liveness, and readiness of Neo4j (503 with a reason while it does not answer). */
import { Router } from 'express';
import { type Health, HealthSchema } from '../schema/api/health.ts';
import type { Store } from '../store/store.ts';
import { documentRoute } from './openapi.ts';

const CHECK_TIMEOUT_MS = 4_000;

documentRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness and Neo4j readiness',
  tags: ['service'],
  responses: {
    200: { description: 'Ready', schema: HealthSchema },
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
    const info = await Promise.race([store.driver.getServerInfo({ database: store.database }), timeout]);
    const version = /Neo4j\/([\w.-]+)/.exec(info.agent ?? '')?.[1] ?? null;
    return { status: 'ok', neo4j: { version, uri: store.uri } };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      status: 'unavailable',
      neo4j: { version: null, uri: store.uri },
      reason: `Neo4j is not reachable: ${reason}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The health router. */
export function healthRouter(store: Store): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const health = await checkHealth(store);
    if (health.status !== 'ok') res.setHeader('Retry-After', '5');
    res.status(health.status === 'ok' ? 200 : 503).json(health);
  });
  return router;
}
