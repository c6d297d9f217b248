import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../helpers/api.ts';
import { countGraph, loadClearanceGraph } from '../helpers/clearance-graph.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

const INJECTIONS = [
  "' WITH true AS x MATCH (n) DETACH DELETE n //",
  '`) DETACH DELETE n //',
  '\u0060Person\u0060 WITH n MATCH (m) DETACH DELETE m',
  '"}) MATCH (n) SET n.handling = "H0" //',
  '*:* OR name:*',
];
const XSS = ['<script>alert(1)</script>', '<img src=x onerror="alert(document.cookie)">'];

/** Every string parameter of every endpoint, as a template taking the hostile text. */
const TARGETS: ((text: string) => string)[] = [
  (t) => `/api/entities?q=${t}`,
  (t) => `/api/entities?type=${t}`,
  (t) => `/api/entities?case=${t}`,
  (t) => `/api/entities?since=${t}`,
  (t) => `/api/entities?until=${t}`,
  (t) => `/api/entities?minSource=${t}`,
  (t) => `/api/entities?sort=${t}`,
  (t) => `/api/entities?limit=${t}`,
  (t) => `/api/entities?offset=${t}`,
  (t) => `/api/entities?includeRetracted=${t}`,
  (t) => `/api/entities/suggest?prefix=${t}`,
  (t) => `/api/entities/${t}`,
  (t) => `/api/entities/${t}/neighbourhood`,
  (t) => `/api/entities/p-karim/neighbourhood?depth=${t}`,
  (t) => `/api/entities/p-karim/neighbourhood?type=${t}`,
  (t) => `/api/entities/p-karim/neighbourhood?linkType=${t}`,
  (t) => `/api/entities/p-karim/neighbourhood?limit=${t}`,
  (t) => `/api/paths?from=${t}&to=p-karim`,
  (t) => `/api/paths?from=p-samir&to=${t}`,
  (t) => `/api/paths?from=p-samir&to=p-karim&maxHops=${t}`,
  (t) => `/api/paths?from=p-samir&to=p-karim&linkType=${t}`,
  (t) => `/api/check/document?number=${t}`,
  (t) => `/api/check/document?number=AB1234567&country=${t}`,
  (t) => `/api/check/vessel?imo=${t}`,
  (t) => `/api/check/vessel?mmsi=${t}`,
  (t) => `/api/check/vessel?name=${t}`,
  (t) => `/api/cases/${t}`,
];

let api: TestApi;
beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  await loadClearanceGraph(store);
  api = await startApi({ store });
});
afterAll(async () => {
  await clearDatabase(api.store);
  await api.close();
  await api.store.close();
});

describe('hostile text in every parameter', () => {
  it.each(INJECTIONS)(
    'is data, answered with 200, 400 or 404, and the graph stays as it was: %s',
    async (text) => {
      const before = await countGraph(api.store);
      for (const target of TARGETS) {
        const res = await api.fetch(target(encodeURIComponent(text)), { role: 'analyst' });
        expect([200, 400, 404], `${target(text)} answered ${res.status}`).toContain(res.status);
        await res.arrayBuffer();
      }
      expect(await countGraph(api.store)).toEqual(before);
    },
  );
});

describe('hostile text in bodies', () => {
  it('is stored verbatim in names and notes, and property keys that could reach Cypher are refused', async () => {
    const before = await countGraph(api.store);
    for (const text of [...INJECTIONS, ...XSS]) {
      const res = await api.fetch('/api/entities', {
        method: 'POST',
        role: 'analyst',
        json: {
          type: 'Person',
          properties: { name: text, notes: text, sources: ['src-1'], handling: 'H0' },
        },
      });
      expect(res.status).toBe(201);
      const stored = await (await api.fetch(res.headers.get('location') ?? '', { role: 'analyst' })).json();
      expect(stored.properties).toMatchObject({ name: text, notes: text });
    }
    expect(await countGraph(api.store)).toEqual({
      ...before,
      nodes: before.nodes + INJECTIONS.length + XSS.length,
    });
    for (const key of ['`x`', "a' WITH 1 AS x //", 'name`) DETACH DELETE n //']) {
      const res = await api.fetch('/api/entities', {
        method: 'POST',
        role: 'analyst',
        json: {
          type: 'Person',
          properties: { name: 'Key test', [key]: 1, sources: ['src-1'], handling: 'H0' },
        },
      });
      expect(res.status).toBe(400);
    }
  });

  it('is refused as an entity type, and changes nothing through a patch', async () => {
    const before = await countGraph(api.store);
    for (const text of INJECTIONS) {
      const created = await api.fetch('/api/entities', {
        method: 'POST',
        role: 'analyst',
        json: { type: text, properties: { name: 'x', sources: ['src-1'], handling: 'H0' } },
      });
      expect(created.status).toBe(400);
      const patched = await api.fetch('/api/entities/p-samir', {
        method: 'PATCH',
        role: 'analyst',
        headers: { 'if-match': '1' },
        json: { properties: { [text]: text } },
      });
      expect(patched.status).toBe(400);
    }
    expect(await countGraph(api.store)).toEqual(before);
  });

  it('comes back as plain JSON data, never as markup', async () => {
    const res = await api.fetch(`/api/entities?q=${encodeURIComponent('script alert')}`, { role: 'analyst' });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await res.json();
    expect(page.items.map((item: { name: string }) => item.name)).toContain(XSS[0]);
  });
});
