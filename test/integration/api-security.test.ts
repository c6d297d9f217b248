import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app.ts';
import type { Store } from '../../server/store/store.ts';
import { startApi, TEST_PASSWORD, type TestApi } from '../helpers/api.ts';
import { graphFingerprint } from '../helpers/graph-fingerprint.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

let api: TestApi;
let before: string;

const INJECTIONS = [
  "' WITH true AS x MATCH (n) DETACH DELETE n //",
  '`) DETACH DELETE n //',
  'x\u0060}) MATCH (n) DETACH DELETE n //',
  '"; MATCH (n) DETACH DELETE n; //',
  '$where',
  '{"$ne": null}',
];

beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  await store.write(
    "CREATE (:Person {id: 'canary-1', name: 'Canary'})-[:ASSOCIATE_OF]->(:Person {id: 'canary-2'})",
  );
  await store.close();
  api = await startApi();
});
beforeEach(async () => {
  before = await graphFingerprint(api.store);
});
afterAll(async () => {
  await api.close();
});

const newUser = (username: string) => ({
  username,
  role: 'viewer',
  clearance: ['H0'],
  password: TEST_PASSWORD,
});

function post(path: string, body: string, contentType = 'application/json') {
  return api.fetch(path, { method: 'POST', role: 'admin', headers: { 'content-type': contentType }, body });
}

describe('security headers', () => {
  it('send a script-src self policy, nosniff, no framing and no server banner', async () => {
    const res = await api.fetch('/api/auth/me', { role: 'viewer' });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('keep every API answer out of caches, errors included', async () => {
    for (const [path, role] of [
      ['/api/entities/suggest?prefix=Kar', 'analyst'],
      ['/api/entities/no-such-entity', 'analyst'],
      ['/api/auth/me', undefined],
    ] as const) {
      const res = await api.fetch(path, role ? { role } : {});
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('keep CORS closed: no Access-Control headers for a foreign origin', async () => {
    const res = await api.fetch('/api/auth/me', {
      role: 'viewer',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await api.fetch('/api/users', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serve the API documentation as a page whose only script is a file of this origin', async () => {
    const page = await api.fetch('/api/docs');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<script src="/api/docs/docs.js" defer></script>');
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]+<\/script>|https?:\/\//);
    const script = await api.fetch('/api/docs/docs.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).not.toContain('innerHTML');
  });
});

describe('malformed requests get a 4xx problem, never a 5xx, and change nothing', () => {
  it('names each unknown key', async () => {
    const res = await post('/api/users', JSON.stringify({ ...newUser('extra-keys'), isRoot: true, x: 1 }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const body = await res.json();
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'body.isRoot', message: 'unknown field "isRoot"' },
        { field: 'body.x', message: 'unknown field "x"' },
      ]),
    );
    expect(body).not.toHaveProperty('stack');
  });

  it('names fields of the wrong type, in the body and the query', async () => {
    const body = await post(
      '/api/users',
      JSON.stringify({ ...newUser('wrong-types'), role: 5, clearance: 'H0' }),
    );
    expect(body.status).toBe(400);
    const fields = (await body.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.role', 'body.clearance']));
    const query = await api.fetch('/api/audit?limit=lots&colour=red', { role: 'admin' });
    expect(query.status).toBe(400);
    const queryFields = (await query.json()).errors.map((e: { field: string }) => e.field);
    expect(queryFields).toEqual(expect.arrayContaining(['query.limit', 'query.colour']));
  });

  it('refuses 10,000 levels of nesting with a 400, and keeps serving', async () => {
    const deep = `{"username":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const res = await post('/api/users', deep);
    expect(res.status).toBe(400);
    expect((await res.json()).title).toMatch(/nested deeper than 32/);
    const loginDeep = await api.fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '['.repeat(10_000),
    });
    expect(loginDeep.status).toBe(400);
    expect((await api.fetch('/api/auth/me', { role: 'viewer' })).status).toBe(200);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await post(
      '/api/users',
      JSON.stringify({ ...newUser('too-big'), agency: 'x'.repeat(1_100_000) }),
    );
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('refuses a key given twice rather than taking the last', async () => {
    const text = `{"username":"dup-keys","role":"viewer","clearance":["H0"],"password":"${TEST_PASSWORD}","role":"admin"}`;
    const res = await post('/api/users', text);
    expect(res.status).toBe(400);
    expect((await res.json()).title).toMatch(/"role" appears twice/);
  });

  it('refuses broken JSON, and a body that is not JSON', async () => {
    expect((await post('/api/users', '{"username": "half')).status).toBe(400);
    expect(
      (await post('/api/users', 'username=x&role=admin', 'application/x-www-form-urlencoded')).status,
    ).toBe(400);
    expect((await post('/api/users', 'null')).status).toBe(400);
  });

  it('refuses a repeated query parameter and an over-long purpose', async () => {
    expect((await api.fetch('/api/audit?user=a&user=b', { role: 'admin' })).status).toBe(400);
    const purpose = await api.fetch(`/api/users?purpose=${'p'.repeat(501)}`, { role: 'admin' });
    expect(purpose.status).toBe(400);
  });

  afterAll(async () => {
    expect(await graphFingerprint(api.store)).toBe(before);
  });
});

describe('injection strings in every string field', () => {
  it('are refused or kept verbatim by sign-in, and the graph is unchanged', async () => {
    for (const text of INJECTIONS) {
      const res = await api.fetch('/api/auth/login', {
        method: 'POST',
        json: { username: text, password: text },
      });
      expect([400, 401]).toContain(res.status);
    }
    const [event] = (
      await (await api.fetch('/api/audit?action=auth.login&limit=1', { role: 'admin' })).json()
    ).events;
    expect(event.username).toBe(INJECTIONS.at(-1));
    expect(await graphFingerprint(api.store)).toBe(before);
  });

  it('are refused in a username and in an agency the admin does not hold, and kept verbatim in a password', async () => {
    for (const [i, text] of INJECTIONS.entries()) {
      const asName = await post('/api/users', JSON.stringify({ ...newUser('x'), username: text }));
      expect(asName.status).toBe(400);
      const name = `injected-${i}`;
      const asAgency = await post('/api/users', JSON.stringify({ ...newUser(name), agency: text }));
      expect(asAgency.status).toBe(403);
      expect((await asAgency.json()).errors[0].field).toBe('body.agency');
      const created = await post(
        '/api/users',
        JSON.stringify({ ...newUser(name), password: `${text}-long-enough` }),
      );
      expect(created.status).toBe(201);
      await api.login(name, `${text}-long-enough`);
      const patched = await api.fetch(`/api/users/${name}`, {
        method: 'PATCH',
        role: 'admin',
        json: { agency: `${text}!` },
      });
      expect(patched.status).toBe(403);
    }
    const canary = await api.store.read(
      "MATCH (:Person {id: 'canary-1'})-[r]->(:Person {id: 'canary-2'}) RETURN count(r) AS n",
    );
    expect(canary.records[0]?.get('n')).toBe(1);
  });

  it('are harmless as audit filters and path parameters', async () => {
    for (const text of INJECTIONS) {
      const q = encodeURIComponent(text);
      const res = await api.fetch(`/api/audit?user=${q}&action=${q}`, { role: 'admin' });
      expect(res.status).toBe(200);
      expect((await res.json()).events).toEqual([]);
      const patch = await api.fetch(`/api/users/${q}`, {
        method: 'PATCH',
        role: 'admin',
        json: { disabled: true },
      });
      expect(patch.status).toBe(400);
    }
    expect(await graphFingerprint(api.store)).toBe(before);
  });
});

describe('idempotency keys', () => {
  it('replay the first response to a retried write, which then writes once', async () => {
    const send = () =>
      api.fetch('/api/users', {
        method: 'POST',
        role: 'admin',
        headers: { 'idempotency-key': 'create-once-1' },
        json: newUser('created-once'),
      });
    const first = await send();
    const retry = await send();
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    const count = await api.store.read("MATCH (u:User {username: 'created-once'}) RETURN count(u) AS n");
    expect(count.records[0]?.get('n')).toBe(1);
  });

  it('refuse the same key for a different request with 422', async () => {
    const res = await api.fetch('/api/users', {
      method: 'POST',
      role: 'admin',
      headers: { 'idempotency-key': 'create-once-1' },
      json: newUser('created-twice'),
    });
    expect(res.status).toBe(422);
  });

  it('belong to one user: another user with the same key is not served the first response', async () => {
    const res = await api.fetch('/api/users', {
      method: 'POST',
      role: 'analyst',
      headers: { 'idempotency-key': 'create-once-1' },
      json: newUser('created-once'),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('limits', () => {
  it('answer 429 with Retry-After once a session has spent its requests', async () => {
    const limited = await startApi({
      store: api.store,
      // The sign-ins of the four test users, one per role, share a bucket of the address's.
      limits: { perSession: { capacity: 4, perSecond: 0.05 } },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await limited.fetch('/api/auth/me', { role: 'viewer' })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      const res = await limited.fetch('/api/auth/me', { role: 'viewer' });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await limited.fetch('/api/auth/me', { role: 'analyst' })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('while Neo4j does not answer', () => {
  async function serveWith(store: Store): Promise<{ base: string; close: () => Promise<void> }> {
    const server = createApp({ store }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as { port: number };
    return {
      base: `http://127.0.0.1:${port}`,
      close: async () => {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
      },
    };
  }

  const refusing = (reply: () => Promise<never>) =>
    ({ uri: 'bolt://nowhere', database: undefined, read: reply, write: reply }) as unknown as Store;

  it('answers 503 with Retry-After when the driver gives up', async () => {
    const down = refusing(() =>
      Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ServiceUnavailable' })),
    );
    const app = await serveWith(down);
    try {
      const res = await fetch(`${app.base}/api/auth/me`, {
        headers: { authorization: `Bearer ${api.tokens.viewer}` },
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      const login = await fetch(`${app.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'test-viewer', password: TEST_PASSWORD }),
      });
      expect(login.status).toBe(503);
    } finally {
      await app.close();
    }
  });

  it('answers 503 rather than hanging when Neo4j stops answering mid-query', async () => {
    const app = await serveWith(refusing(() => new Promise<never>(() => {})));
    try {
      const res = await fetch(`${app.base}/api/users`, {
        headers: { authorization: `Bearer ${api.tokens.admin}` },
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
    } finally {
      await app.close();
    }
  });
});
