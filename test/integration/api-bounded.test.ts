/**
 * Bounded work per user: a request past its deadline stops its query in Neo4j, heavy requests are
 * capped per user, limits are applied before the work and say what they cut, paths leave hubs out
 * unless asked, and search ranks by what the reader may see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDeadline } from '../../server/api/middleware/deadline.ts';
import { StoreUnavailableError } from '../../server/store/store.ts';
import { type StartOptions, startApi, type TestApi } from '../helpers/api.ts';
import { getEntity } from '../../server/store/entities.ts';
import { searchEntities } from '../../server/store/search.ts';
import { LOW, loadClearanceGraph } from '../helpers/clearance-graph.ts';
import { runCli } from '../helpers/cli.ts';
import { clearDatabase, openTestStore, testEnv } from '../helpers/neo4j.ts';

const USERS: StartOptions['users'] = {
  viewer: { username: 'bounded-viewer', clearance: ['H0', 'H1'], agency: 'Frontex' },
  analyst: { username: 'bounded-analyst', clearance: ['H0', 'H1'], agency: 'Frontex' },
  admin: { username: 'bounded-admin', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Frontex' },
};

// Enough visible people around one well-connected broker that whole-graph reads take a moment.
const BULK = 1_500;
const SLOW_MARKER = 'bounded-slow-query';
const SLOW = `UNWIND range(1, 4000000000) AS x WITH x WHERE x = -1 RETURN count(x) AS n // ${SLOW_MARKER}`;

let api: TestApi;
beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  await loadClearanceGraph(store);
  await store.write(
    `MATCH (k:Person {id: 'p-karim'})
     CREATE (hub:Person {id: 'p-broker', name: 'Broker Hub', handling: 'H0', sources: ['src-1']})
     CREATE (hub)-[:ASSOCIATE_OF {id: 'l-broker-karim', handling: 'H0', sources: ['src-1']}]->(k)
     WITH hub
     UNWIND range(1, $bulk) AS i
     CREATE (p:Person {id: 'bulk-' + right('0000' + toString(i), 4), name: 'Bulk person ' + toString(i),
       handling: 'H0', sources: ['src-1']})
     CREATE (p)-[:ASSOCIATE_OF {id: 'l-bulk-' + toString(i), handling: 'H0', sources: ['src-1']}]->(hub)`,
    { bulk: BULK },
  );
  // A running server has planned its queries long before: plan them here, not against a 3 s deadline.
  await searchEntities(store, LOW, { limit: 5, offset: 0 });
  await searchEntities(store, LOW, { q: 'karim', limit: 5, offset: 0 });
  await getEntity(store, LOW, 'p-karim');
  api = await startApi({ store, users: USERS, limits: { heavyPerUser: 2 } });
});
afterAll(async () => {
  // Only needed when the deadline did not end the query: it would hold a core for minutes.
  await api.store
    .write(
      'SHOW TRANSACTIONS YIELD transactionId AS txId, currentQuery WHERE currentQuery CONTAINS $marker TERMINATE TRANSACTIONS txId',
      { marker: SLOW_MARKER },
    )
    .catch(() => {});
  await clearDatabase(api.store);
  await api.close();
  await api.store.close();
});

async function runningSlowQueries(): Promise<number> {
  const found = await api.store.read(
    'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n',
    { marker: SLOW_MARKER },
  );
  return Number(found.records[0]?.get('n') ?? 0);
}

async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const get = async (path: string, role: 'viewer' | 'analyst' | 'admin' = 'viewer') => {
  const res = await api.fetch(path, { role });
  return { status: res.status, headers: res.headers, body: await res.json() };
};

describe('a query past its deadline', () => {
  it('is answered 503 and ended in Neo4j, not left running for nobody', async () => {
    await expect(withDeadline(() => api.store.read(SLOW), 1_000)).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    // The query has 2 s of grace after the deadline, and Neo4j looks for timed-out transactions
    // every 2 s at most.
    expect(await eventually(async () => (await runningSlowQueries()) === 0, 10_000)).toBe(true);
  });
});

describe('heavy requests of one user', () => {
  it('are capped: beyond the cap a 429 with Retry-After says why, and other users are served', async () => {
    const heavy = Array.from({ length: 10 }, (_, i) =>
      api.fetch(`/api/web/graph?maxNodes=200000&since=2000-01-0${(i % 9) + 1}`, { role: 'viewer' }),
    );
    const other = api.fetch('/api/entities/p-karim', { role: 'analyst' });
    const otherHeavy = api.fetch('/api/web/graph', { role: 'analyst' });
    const answers = await Promise.all(heavy);
    const refused = answers.filter((res) => res.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(answers.every((res) => res.status === 200 || res.status === 429)).toBe(true);
    const first = refused[0] as Response;
    expect(first.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await first.json()).title).toMatch(/2 heavy requests or jobs .* at a time/);
    // The cap is per user: another user's reads are not refused (their speed is the stall benchmark's).
    expect((await other).status).not.toBe(429);
    expect((await otherHeavy).status).toBe(200);
    // The slots are given back once the answers have left.
    expect((await get('/api/web/graph?maxNodes=10')).status).toBe(200);
  });
});

describe('the whole-case graph', () => {
  it('stops at its node limit before building, and says what it cut', async () => {
    const { status, body } = await get('/api/web/graph?maxNodes=50');
    expect(status).toBe(200);
    expect(body.nodes).toHaveLength(50);
    expect(body.attributes).toMatchObject({ truncated: true, maxNodes: 50, nodeCount: 50 });
    expect(body.attributes.edgeCount).toBe(body.edges.length);
    const keys = new Set(body.nodes.map((n: { key: string }) => n.key));
    expect(
      body.edges.every((e: { source: string; target: string }) => keys.has(e.source) && keys.has(e.target)),
    ).toBe(true);
  });

  it('says nothing was cut when all of it fits', async () => {
    const { body } = await get('/api/web/graph?case=case-tide');
    expect(body.attributes.truncated).toBe(false);
    expect(body.attributes.nodeCount).toBe(body.nodes.length);
  });
});

describe('a search without words', () => {
  it('reads at most its window of entities, and says the total is cut there', async () => {
    const { status, body } = await get('/api/entities?limit=5');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(5);
    expect(body).toMatchObject({ total: 1_000, truncated: true });
  });

  it('gives an exact total when the matches fit in the window', async () => {
    const { body } = await get('/api/entities?q=karim');
    expect(body.truncated).toBe(false);
    expect(body.total).toBe(body.items.length);
  });
});

describe('search ranking', () => {
  it('orders the visible matches the same whatever hidden records share their words', async () => {
    await api.store.write(
      `CREATE (:Person {id: 'rank-a', name: 'Omar Haddadi', handling: 'H0', sources: ['src-1']})
       CREATE (:Person {id: 'rank-b', name: 'Omari Haddad', handling: 'H0', sources: ['src-1']})
       CREATE (:Organisation {id: 'rank-c', name: 'Haddad Trading', handling: 'H0', sources: ['src-1']})`,
    );
    const order = async () =>
      ((await get('/api/entities?q=omar%20haddad')).body.items as { id: string }[]).map((item) => item.id);
    const before = await order();
    await api.store.write(
      `UNWIND range(1, 40) AS i CREATE (:Person {id: 'rank-hidden-' + toString(i), name: 'Omar ' + toString(i),
         handling: 'H3', sources: ['src-1']})`,
    );
    const after = await order();
    expect(after).toEqual(before);
    // A name that starts with the words comes before one that only holds them.
    expect(before).toEqual(['rank-a', 'rank-b']);
  });
});

describe('paths', () => {
  it('leave out cases, sources and well-connected nodes unless asked to go through them', async () => {
    const plain = await get('/api/paths?from=p-samir&to=vessel-1');
    expect(plain.body.attributes.paths.map((p: { nodes: string[] }) => p.nodes)).toEqual([
      ['p-samir', 'p-yusuf', 'vessel-1'],
    ]);
    const hubs = await get('/api/paths?from=p-samir&to=vessel-1&throughHubs=true');
    expect(hubs.body.attributes.paths.map((p: { nodes: string[] }) => p.nodes)).toEqual(
      expect.arrayContaining([
        ['p-samir', 'case-tide', 'vessel-1'],
        ['p-samir', 'p-yusuf', 'vessel-1'],
      ]),
    );
    // Yusuf has three links: above a degree of 2 he counts as a hub too.
    const narrow = await get('/api/paths?from=p-samir&to=vessel-1&maxDegree=2');
    expect(narrow.body.attributes.paths).toEqual([]);
  });

  it('list each hop with its link type, direction and grade', async () => {
    const { body } = await get('/api/paths?from=vessel-1&to=p-samir');
    expect(body.attributes.paths[0].steps).toEqual([
      [{ key: 'l-p3-v1', linkType: 'OPERATES', direction: 'backward', grade: null, gradeScheme: null }],
      [{ key: 'l-p2-p3', linkType: 'ASSOCIATE_OF', direction: 'backward', grade: null, gradeScheme: null }],
    ]);
  });

  it('read a bounded neighbourhood, and say when the bound cut the search short', async () => {
    const { status, body } = await get(
      '/api/paths?from=bulk-0001&to=p-mahmoud&throughHubs=true&all=true&maxHops=6&maxNodes=500',
    );
    expect(status).toBe(200);
    expect(body.attributes.truncated).toBe(true);
  });

  it('are the same from the API and from `ariadne paths`', async () => {
    const cli = await runCli(['paths', 'p-samir', 'vessel-1', '--through-hubs', '--json'], testEnv());
    expect(cli.code).toBe(0);
    const fromCli = (JSON.parse(cli.stdout).shortest as { nodes: { id: string }[] }[]).map((p) =>
      p.nodes.map((n) => n.id),
    );
    const fromApi = (await get('/api/paths?from=p-samir&to=vessel-1&throughHubs=true', 'admin')).body
      .attributes.paths as { nodes: string[] }[];
    expect(fromCli).toEqual(fromApi.map((p) => p.nodes));
    const text = await runCli(['paths', 'p-samir', 'vessel-1'], testEnv());
    expect(text.stdout).toBe(
      '1 shortest paths of 2 links\n  p-samir -[ASSOCIATE_OF]- p-yusuf -[OPERATES]- vessel-1\n',
    );
  });
});
