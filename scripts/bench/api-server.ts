/**
 * The server of the API benchmark, in a process of its own: the real app on PORT against the Neo4j in
 * NEO4J_URI, with the rate limits lifted so that the benchmark measures the endpoints, not the limiter.
 * The per-user cap on heavy requests stays on unless ARIADNE_BENCH_HEAVY_PER_USER raises it.
 */
import { createApp } from '../../server/api/app.ts';
import { SESSION_CACHE_MS } from '../../server/auth/session-cache.ts';
import { openStore } from '../../server/store/store.ts';

const UNLIMITED = { capacity: 10_000_000, perSecond: 10_000_000 };

const store = await openStore({
  uri: process.env.NEO4J_URI ?? '',
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
  database: undefined,
});
const app = createApp({
  store,
  limits: {
    perAddress: UNLIMITED,
    perSession: UNLIMITED,
    login: UNLIMITED,
    ...(process.env.ARIADNE_BENCH_HEAVY_PER_USER
      ? { heavyPerUser: Number(process.env.ARIADNE_BENCH_HEAVY_PER_USER) }
      : {}),
  },
  // As the platform serves it (server/serve.ts); ARIADNE_BENCH_SESSION_CACHE_MS=0 to compare without.
  sessionCacheMs: Number(process.env.ARIADNE_BENCH_SESSION_CACHE_MS ?? SESSION_CACHE_MS),
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1');
server.requestTimeout = 30_000;
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => {
    store.close().finally(() => process.exit(0));
  });
});
