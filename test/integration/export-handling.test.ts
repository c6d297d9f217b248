/**
 * What leaves Ariadne carries its handling code: every export format and the report are marked with
 * the strictest code of what they hold, in the file and in `X-Ariadne-Handling`; H2 records leave only
 * once the caller confirms that their provider agreed, and the export is audited before it streams.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartOptions, startApi, type TestApi } from '../helpers/api.ts';
import { loadClearanceGraph } from '../helpers/clearance-graph.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

const USERS: StartOptions['users'] = {
  viewer: { username: 'mark-viewer', clearance: ['H0', 'H1'], agency: 'Frontex' },
  analyst: { username: 'mark-low-analyst', clearance: ['H0', 'H1'], agency: 'Frontex' },
  admin: { username: 'mark-gdf-admin', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Guardia di Finanza' },
};
// Enough H1 records that the NDJSON export spans many 64 KB chunks.
const FILLER = 4_000;

let api: TestApi;
beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  await loadClearanceGraph(store);
  await store.write(
    `UNWIND range(1, $n) AS i CREATE (:Person {id: 'filler-' + i, name: 'Filler person number ' + i,
       handling: 'H1', sources: ['src-1'], notes: 'padding so the export is long enough to stream in chunks'})`,
    { n: FILLER },
  );
  api = await startApi({ store, users: USERS });
}, 120_000);
afterAll(async () => {
  await clearDatabase(api.store);
  await api.close();
  await api.store.close();
});

async function exportEvents(username: string) {
  const result = await api.store.read(
    'MATCH (e:AuditEvent {action: $action, username: $username}) RETURN e.parameters AS p, e.outcome AS outcome ORDER BY e.seq',
    { action: 'export', username },
  );
  return result.records.map((r) => {
    const raw = r.get('p');
    return { ...(typeof raw === 'string' ? JSON.parse(raw) : raw), outcome: r.get('outcome') };
  });
}

const text = async (res: Response) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());

describe('an export', () => {
  it('is audited, with what it holds and its handling code, before its first byte arrives', async () => {
    const res = await api.fetch('/api/export?format=ndjson', { role: 'analyst' });
    // The body is not read yet: the event must already be there.
    const events = await exportEvents('mark-low-analyst');
    expect(events.at(-1)).toMatchObject({ format: 'ndjson', handling: 'H1', outcome: 'ok' });
    expect(events.at(-1)?.entities).toBeGreaterThan(FILLER);
    const lines = (await text(res)).trim().split('\n');
    expect(lines.length - 1).toBe(events.at(-1)?.entities + events.at(-1)?.links);
  });

  it('says its strictest handling code in a header and inside every format, and still reads back', async () => {
    const ndjson = await api.fetch('/api/export?format=ndjson', { role: 'analyst' });
    expect(ndjson.headers.get('x-ariadne-handling')).toBe('H1');
    const first = JSON.parse((await text(ndjson)).split('\n')[0] ?? '');
    expect(first).toEqual({
      kind: 'marking',
      handling: 'H1',
      marking: 'Handling H1: not to be used in judicial proceedings without the permission of the provider',
    });
    for (const table of ['entities', 'links']) {
      const csv = await api.fetch(`/api/export?format=csv&table=${table}`, { role: 'analyst' });
      expect([table, csv.headers.get('x-ariadne-handling')]).toEqual([table, 'H1']);
      expect((await text(csv)).startsWith('\uFEFF# Handling H1: not to be used')).toBe(true);
    }
    const gexf = await api.fetch('/api/export?format=gexf&case=case-tide', { role: 'analyst' });
    expect(gexf.headers.get('x-ariadne-handling')).toBe('H0');
    expect(await text(gexf)).toContain('<keywords>handling:H0</keywords><description>Handling H0: ');
    const graphml = await api.fetch('/api/export?format=graphml', { role: 'analyst' });
    expect(await text(graphml)).toContain('<data key="ghandling">H1</data>');
  });

  it('holding H2 records, is refused until the caller confirms the provider agreed, and the refusal is audited', async () => {
    const refused = await api.fetch('/api/export?format=ndjson', { role: 'admin' });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const problem = await refused.json();
    expect(problem.errors).toEqual([
      {
        field: 'query.providerConsent',
        message: expect.stringMatching(
          /H2 records .* provided by Frontex: .* providerConsent=true and provider=Frontex/,
        ),
      },
    ]);
    const wrong = await api.fetch('/api/export?format=ndjson&providerConsent=true&provider=Europol', {
      role: 'admin',
    });
    expect(wrong.status).toBe(409);
    const events = await exportEvents('mark-gdf-admin');
    expect(events.map((e) => e.outcome)).toEqual(['denied', 'denied']);
  });

  it('holding H2 records, leaves marked with the strictest code once the provider is confirmed, and says so in the trail', async () => {
    const res = await api.fetch('/api/export?format=ndjson&providerConsent=true&provider=Frontex', {
      role: 'admin',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ariadne-handling')).toBe('H3');
    expect(await text(res)).toContain('"id":"p-informant"');
    const events = await exportEvents('mark-gdf-admin');
    expect(events.at(-1)).toMatchObject({ outcome: 'ok', handling: 'H3', providerConsent: ['Frontex'] });
  });
});

describe('a report', () => {
  it('holding H2 records, is refused until the provider is confirmed, then carries its handling code', async () => {
    const path = '/api/reports?period=2024-01-01..2024-12-31&format=md';
    const refused = await api.fetch(path, { role: 'admin' });
    expect(refused.status).toBe(409);
    expect((await refused.json()).errors[0].field).toBe('query.providerConsent');
    const res = await api.fetch(`${path}&providerConsent=true&provider=Frontex`, { role: 'admin' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ariadne-handling')).toBe('H3');
    expect(await res.text()).toContain('**Handling H3: other restrictions');
  });

  it('for a clearance that sees no H2 record, needs no confirmation and is marked with what it holds', async () => {
    const res = await api.fetch('/api/reports?case=case-tide&period=2024-01-01..2024-12-31&format=md', {
      role: 'analyst',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ariadne-handling')).toBe('H0');
  });
});

describe('an export made in the web app', () => {
  const view = (role: 'analyst' | 'admin' | 'viewer', json: unknown) =>
    api.fetch('/api/export/view', { role, method: 'POST', json });
  beforeAll(async () => {
    // A link the analyst may not see, between two people they may.
    await api.store.write(
      `MATCH (a:Person {id: 'p-karim'}), (b:Person {id: 'p-samir'})
       CREATE (a)-[:FAMILY_OF {id: 'l-hidden-p1-p2', handling: 'H3', sources: ['src-gdf']}]->(b)`,
    );
  });

  it('is marked by what the store reads for the records it names, and audited with them', async () => {
    const res = await view('analyst', {
      format: 'csv',
      entities: ['p-karim', 'p-samir', 'p-yusuf'],
      links: ['l-p1-p2', 'l-p2-p3'],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      handling: 'H1',
      text: expect.stringMatching(/^Handling H1: /),
      entities: 3,
      links: 2,
    });
    const events = await exportEvents('mark-low-analyst');
    expect(events.at(-1)).toMatchObject({ format: 'csv', view: true, handling: 'H1', entities: 3, links: 2 });
  });

  it('answers a hidden record as it answers a missing id, and writes nothing that names it', async () => {
    const hidden = await view('analyst', { format: 'png', entities: ['p-karim', 'p-informant'] });
    const missing = await view('analyst', { format: 'png', entities: ['p-karim', 'p-nobody'] });
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect((await hidden.json()).detail).toBe((await missing.json()).detail);
    // A hidden link between visible ends, and a link whose other end is not named, are refused too.
    const link = await view('analyst', {
      format: 'gexf',
      entities: ['p-karim', 'p-samir'],
      links: ['l-hidden-p1-p2'],
    });
    const end = await view('analyst', { format: 'gexf', entities: ['p-karim'], links: ['l-p1-p2'] });
    expect([link.status, end.status]).toEqual([404, 404]);
    const events = await exportEvents('mark-low-analyst');
    expect(events.filter((e) => e.view && e.outcome === 'ok').every((e) => e.entities <= 3)).toBe(true);
  });

  it('holding H2 records, is refused until the providers are confirmed, then marked and audited', async () => {
    const body = { format: 'svg', entities: ['p-karim', 'p-informant'], links: ['l-p1-p5'] };
    const refused = await view('admin', body);
    expect(refused.status).toBe(409);
    const problem = await refused.json();
    expect(problem.providers).toEqual(['Frontex']);
    expect(problem.errors[0].field).toBe('body.providerConsent');
    const res = await view('admin', { ...body, providerConsent: true, provider: ['Frontex'] });
    expect(res.status).toBe(200);
    expect((await res.json()).handling).toBe('H2');
    const events = await exportEvents('mark-gdf-admin');
    expect(events.slice(-2).map((e) => e.outcome)).toEqual(['denied', 'ok']);
    expect(events.at(-1)).toMatchObject({ view: true, handling: 'H2', providerConsent: ['Frontex'] });
  });

  it('is for those who may export, and names what is wrong in the request', async () => {
    expect((await view('viewer', { format: 'csv', entities: ['p-karim'] })).status).toBe(403);
    const bad = await view('analyst', { format: 'pdf', entities: [] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].field).toBe('body.format');
  });
});
