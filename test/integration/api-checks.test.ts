import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditEvents } from '../../server/store/audit.ts';
import { type StartOptions, startApi, type TestApi } from '../helpers/api.ts';
import { loadClearanceGraph } from '../helpers/clearance-graph.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

const USERS: StartOptions['users'] = {
  viewer: { username: 'border-officer', clearance: ['H0', 'H1'], agency: 'Frontex' },
  admin: { username: 'gdf-officer', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Guardia di Finanza' },
};

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

async function check(path: string, role: 'viewer' | 'admin' = 'viewer') {
  const res = await api.fetch(path, { role });
  return { status: res.status, body: await res.json() };
}

describe('GET /api/check/document', () => {
  it('flags a stolen passport typed in lower case with separators, with its holder and case', async () => {
    const { status, body } = await check('/api/check/document?number=ab-1234%20567&country=lby');
    expect(status).toBe(200);
    expect(body).toMatchObject({ known: true, alert: true, query: { number: 'AB1234567', country: 'LY' } });
    expect(body.matches[0]).toMatchObject({
      id: 'doc-ly-1',
      status: 'stolen',
      cases: [{ id: 'case-tide', name: 'Operation Tide' }],
      people: [{ id: 'p-samir', link: 'HOLDS' }],
    });
  });

  it('answers unknown for a document the officer may not see, and known for the agency that may', async () => {
    expect((await check('/api/check/document?number=YA7654321')).body).toEqual({
      known: false,
      alert: false,
      query: { number: 'YA7654321' },
      matches: [],
    });
    expect((await check('/api/check/document?number=YA7654321', 'admin')).body).toMatchObject({
      known: true,
    });
  });

  it('refuses a number that cannot be one, naming the field', async () => {
    const { status, body } = await check('/api/check/document?number=AB%2F123');
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'query.number' })]);
  });
});

describe('GET /api/check/vessel', () => {
  it('finds a suspect vessel by IMO, MMSI and a past name', async () => {
    for (const query of ['imo=IMO%209074729', 'mmsi=247123450', 'name=amira']) {
      const { body } = await check(`/api/check/vessel?${query}`);
      expect(body.matches.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
        ['vessel-1', 'suspect'],
      ]);
    }
  });

  it('needs exactly one of imo, mmsi or name', async () => {
    expect((await check('/api/check/vessel')).status).toBe(400);
    expect((await check('/api/check/vessel?imo=9074729&name=Sea%20Star')).status).toBe(400);
  });
});

describe('the audit trail of checks', () => {
  it('records every check, known or not, with what was asked and what was found', async () => {
    await check('/api/check/document?number=ZZ0000001');
    await check('/api/check/vessel?mmsi=247123450');
    const [vessel, document] = await readAuditEvents(api.store, { user: 'border-officer', limit: 2 });
    expect(vessel).toMatchObject({ action: 'check.vessel', targets: ['vessel-1'], outcome: 'ok' });
    expect(JSON.parse(vessel?.parameters ?? '{}')).toMatchObject({
      mmsi: '247123450',
      known: true,
      alert: true,
    });
    expect(document).toMatchObject({ action: 'check.document', targets: [], outcome: 'ok' });
    expect(JSON.parse(document?.parameters ?? '{}')).toMatchObject({ number: 'ZZ0000001', known: false });
  });
});
