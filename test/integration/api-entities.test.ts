import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditEvents } from '../../server/store/audit.ts';
import { type StartOptions, startApi, type TestApi } from '../helpers/api.ts';
import { countGraph, loadClearanceGraph, RESTRICTED } from '../helpers/clearance-graph.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

// The viewer has a low clearance; the analyst sees H3 but belongs to another agency; the admin is
// the Guardia di Finanza, the one agency that sees the restricted account.
const USERS: StartOptions['users'] = {
  viewer: { username: 'low-viewer', clearance: ['H0', 'H1'], agency: 'Frontex' },
  analyst: { username: 'europol-analyst', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Europol' },
  admin: { username: 'gdf-admin', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Guardia di Finanza' },
};

const HIDDEN = [
  RESTRICTED.id,
  RESTRICTED.name,
  RESTRICTED.iban,
  'src-gdf',
  'GDF-PA-7',
  'doc-it-2',
  'vessel-2',
];
const id = encodeURIComponent(RESTRICTED.id);

/** Every read endpoint, with the requests that would reveal the account if anything did. */
const READS = [
  '/api/entities?q=Palermo',
  `/api/entities?q=${RESTRICTED.iban}`,
  '/api/entities?type=Account',
  '/api/entities?case=case-tide&limit=100',
  '/api/entities?minSource=A&limit=100',
  '/api/entities/suggest?prefix=Conto',
  '/api/entities/p-karim',
  '/api/entities/p-karim/neighbourhood?depth=3&limit=1000',
  '/api/entities/p-mahmoud/neighbourhood?depth=2&linkType=HOLDS_ACCOUNT,ASSOCIATE_OF',
  '/api/paths?from=p-karim&to=p-mahmoud&all=true&maxHops=4&limit=100',
  '/api/paths?from=p-karim&to=p-mahmoud&linkType=HOLDS_ACCOUNT,ASSOCIATE_OF',
  '/api/check/document?number=YA7654321&country=IT',
  '/api/check/vessel?mmsi=247999990',
  '/api/check/vessel?name=Nuova%20Speranza',
  '/api/cases',
  '/api/cases/case-tide',
];

let api: TestApi;
beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  await loadClearanceGraph(store);
  api = await startApi({ store, users: USERS });
});
afterAll(async () => {
  await clearDatabase(api.store);
  await api.close();
  await api.store.close();
});

async function body(path: string, role: 'viewer' | 'analyst' | 'admin') {
  const res = await api.fetch(path, { role });
  return { status: res.status, text: await res.text() };
}

describe.each(['viewer', 'analyst'] as const)('the %s, not cleared for the restricted account', (role) => {
  it.each(READS)('finds no trace of it in %s', async (path) => {
    const { status, text } = await body(path, role);
    expect(status).toBe(200);
    expect(HIDDEN.filter((trace) => text.includes(trace))).toEqual([]);
  });

  it('gets the same 404 for it as for an entity that does not exist', async () => {
    for (const suffix of ['', '/neighbourhood']) {
      const restricted = await body(`/api/entities/${id}${suffix}`, role);
      const missing = await body(`/api/entities/no-such-entity${suffix}`, role);
      expect(restricted).toEqual({ status: 404, text: missing.text });
    }
    expect((await body(`/api/paths?from=p-karim&to=${id}`, role)).status).toBe(404);
  });

  it('counts only what it may see', async () => {
    const page = JSON.parse((await body('/api/entities?case=case-tide&limit=100', role)).text);
    expect(page.total).toBe(5);
    const cases = JSON.parse((await body('/api/cases', role)).text);
    expect(cases.cases[0].counts).toEqual({ total: 5, byType: { Person: 3, Document: 1, Vessel: 1 } });
  });
});

describe('the agency the account is restricted to', () => {
  it('sees it, and counts it', async () => {
    expect((await body(`/api/entities/${id}`, 'admin')).status).toBe(200);
    const page = JSON.parse((await body('/api/entities?case=case-tide&limit=100', 'admin')).text);
    expect(page.total).toBe(6);
  });
});

describe('writes to an entity the caller may not see', () => {
  it('are 404 and change nothing', async () => {
    const before = await countGraph(api.store);
    const patch = await api.fetch(`/api/entities/${id}`, {
      method: 'PATCH',
      role: 'analyst',
      headers: { 'if-match': '1' },
      json: { properties: { name: 'Renamed' } },
    });
    expect(patch.status).toBe(404);
    const retract = await api.fetch(`/api/entities/${id}/retract`, {
      method: 'POST',
      role: 'analyst',
      json: { reason: 'probing' },
    });
    expect(retract.status).toBe(404);
    expect(await countGraph(api.store)).toEqual(before);
    expect(JSON.parse((await body(`/api/entities/${id}`, 'admin')).text).properties.name).toBe(
      RESTRICTED.name,
    );
  });
});

describe('entity edits over HTTP', () => {
  it('creates, changes under If-Match, refuses stale and missing versions, and retracts', async () => {
    const created = await api.fetch('/api/entities', {
      method: 'POST',
      role: 'analyst',
      json: {
        type: 'person',
        properties: { name: 'Hassan Ali', sources: ['src-1'], handling: 'H0' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const location = created.headers.get('location') ?? '';
    expect(location).toBe(`/api/entities/${encodeURIComponent((await created.json()).id)}`);
    const change = (version: string | null, name: string) =>
      api.fetch(location, {
        method: 'PATCH',
        role: 'analyst',
        headers: version === null ? {} : { 'if-match': version },
        json: { properties: { name } },
      });
    const changed = await change('"1"', 'Hassan Ali Omar');
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect((await change('1', 'Stale')).status).toBe(412);
    expect((await change(null, 'Blind')).status).toBe(428);
    const retracted = await api.fetch(`${location}/retract`, {
      method: 'POST',
      role: 'analyst',
      json: { reason: 'Duplicate of another record' },
    });
    expect(retracted.status).toBe(200);
    expect(await retracted.json()).toMatchObject({ retracted: true, version: 3 });
  });

  it('admits only analysts and admins to write', async () => {
    const res = await api.fetch('/api/entities', {
      method: 'POST',
      role: 'viewer',
      json: { type: 'Person', properties: { name: 'X', sources: ['src-1'], handling: 'H0' } },
    });
    expect(res.status).toBe(403);
  });

  it('names the invalid fields of a new entity', async () => {
    const res = await api.fetch('/api/entities', {
      method: 'POST',
      role: 'analyst',
      json: {
        type: 'Vessel',
        properties: { name: 'Bad', imo: '1234568', sources: ['src-1'], handling: 'H0' },
      },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([expect.objectContaining({ field: 'body.properties.imo' })]);
  });

  it('audits reads and writes with the action, targets and outcome', async () => {
    await api.fetch(`/api/entities/${id}`, { role: 'viewer' });
    const events = await readAuditEvents(api.store, { user: 'low-viewer', limit: 5 });
    expect(events[0]).toMatchObject({
      action: 'entities.read',
      targets: [RESTRICTED.id],
      outcome: 'not-found',
    });
    const writes = await readAuditEvents(api.store, {
      user: 'europol-analyst',
      action: 'entities.update',
      limit: 5,
    });
    expect(writes.map((e) => e.outcome)).toEqual(expect.arrayContaining(['ok', 'invalid', 'not-found']));
  });
});
