import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../server/ingest/index.ts';
import { type StartOptions, startApi, type TestApi } from '../helpers/api.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';
import { entity, link } from '../helpers/records.ts';

const USERS: StartOptions['users'] = {
  analyst: { username: 'nca-analyst', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'NCA' },
  viewer: { username: 'frontex-officer', clearance: ['H0', 'H1'], agency: 'Frontex' },
  admin: { username: 'nca-admin', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'NCA' },
};

/** A facilitator with a journey, an event and a payment, each on its own date. */
const BASE = [
  entity('Source', 'src-1', { name: 'Debriefing 1', reference: 'FX-1' }),
  entity('Person', 'p-karim', { name: 'Karim Benali', roles: ['organiser'] }),
  entity('Route', 'r-med', { name: 'Central Mediterranean', mode: 'sea' }),
  entity('Event', 'ev-crossing', { name: 'Crossing from Zuwara', kind: 'crossing', date: '2024-02-10' }),
  entity('Payment', 'pay-1', { name: 'Fee', amount: 900, currency: 'EUR', date: '2024-03-01' }),
  link('TRAVELLED', 'p-karim', 'r-med', { firstSeen: '2024-01-05' }),
  link('INVOLVED_IN', 'p-karim', 'ev-crossing'),
  link('PAID', 'p-karim', 'pay-1'),
];

let api: TestApi;
let caseId = '';

async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A request, asked again while a loaded machine misses the store's deadline (503). */
async function settled(path: string, init: Parameters<TestApi['fetch']>[1]): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const res = await api.fetch(path, init);
    if (res.status !== 503 || attempt === 10) return res;
    await res.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  const report = await importRecords(store, BASE, { user: 'operator', name: 'base' });
  expect(report.status).toBe('complete');
  api = await startApi({ store, users: USERS });
  const opened = await json<{ id: string }>(
    await api.fetch('/api/cases', {
      method: 'POST',
      role: 'analyst',
      json: {
        title: 'Operation Tide',
        handling: 'H2',
        sources: ['src-1'],
        entities: ['p-karim'],
        members: ['frontex-officer'],
      },
    }),
  );
  caseId = opened.id;
}, 60_000);

afterAll(async () => {
  await clearDatabase(api.store);
  await api.close();
  await api.store.close();
});

describe('a case', () => {
  it("has a timeline of its entities' journeys, events and payments, by date", async () => {
    const timeline = await json<{
      entries: { kind: string; id: string; date: string; entities: string[] }[];
    }>(await settled(`/api/cases/${encodeURIComponent(caseId)}/timeline`, { role: 'analyst' }));
    expect(timeline.entries.map((e) => [e.kind, e.id, e.date])).toEqual([
      ['journey', 'r-med', '2024-01-05'],
      ['event', 'ev-crossing', '2024-02-10'],
      ['payment', 'pay-1', '2024-03-01'],
    ]);
    expect(timeline.entries.every((e) => e.entities.join() === 'p-karim')).toBe(true);
  });

  it("takes notes with the case as target, never below the case's handling code", async () => {
    const note = (handling: string) =>
      api.fetch('/api/notes', {
        method: 'POST',
        role: 'analyst',
        json: { target: caseId, text: 'Karim pays the crossings himself', handling },
      });
    const below = await note('H1');
    expect(below.status).toBe(400);
    await below.body?.cancel();
    const made = await json<{ id: string; targetKind: string; handling: string }>(await note('H2'));
    expect(made).toMatchObject({ targetKind: 'entity', handling: 'H2' });
    const listed = await json<{ notes: { id: string }[] }>(
      await settled(`/api/notes?target=${encodeURIComponent(caseId)}`, { role: 'analyst' }),
    );
    expect(listed.notes.map((n) => n.id)).toEqual([made.id]);
  });

  it('is, with its notes, hidden from a member whose clearance does not reach its handling code', async () => {
    const asked = await settled(`/api/notes?target=${encodeURIComponent(caseId)}`, { role: 'viewer' });
    const missing = await settled('/api/notes?target=case-nobody-holds', { role: 'viewer' });
    expect([asked.status, await asked.text()]).toEqual([missing.status, await missing.text()]);
    const read = await settled(`/api/cases/${encodeURIComponent(caseId)}`, { role: 'viewer' });
    expect(read.status).toBe(404);
    await read.body?.cancel();
  });

  it('has every change audited: who, what, and the change itself', async () => {
    await json(
      await api.fetch(`/api/cases/${encodeURIComponent(caseId)}`, {
        method: 'PATCH',
        role: 'analyst',
        json: { status: 'under review', removeEntities: ['p-karim'] },
      }),
    );
    const events = async (action: string) =>
      (
        await json<{
          events: { username: string; targets: string[]; parameters: Record<string, unknown> }[];
        }>(await settled(`/api/audit?action=${action}&limit=100`, { role: 'admin' }))
      ).events.filter((e) => e.targets.includes(caseId));
    const created = await events('cases.create');
    expect(created.map((e) => e.username)).toEqual(['nca-analyst']);
    const updated = await events('cases.update');
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({
      username: 'nca-analyst',
      parameters: { status: 'under review', removeEntities: ['p-karim'] },
    });
  });

  it('writes nothing when the request names an entity or alert the caller may not have', async () => {
    const count = async () =>
      Number((await api.store.read('MATCH (c:Case) RETURN count(c) AS n')).records[0]?.get('n') ?? 0);
    const before = await count();
    const refused = await api.fetch('/api/cases', {
      method: 'POST',
      role: 'analyst',
      json: { title: 'Half a case', handling: 'H0', sources: ['src-1'], entities: ['p-karim', 'p-nobody'] },
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('entities.1');
    const noAlert = await api.fetch('/api/cases', {
      method: 'POST',
      role: 'analyst',
      json: { title: 'No alert', handling: 'H0', sources: ['src-1'], fromAlert: 'alert:none' },
    });
    expect(noAlert.status).toBe(400);
    await noAlert.body?.cancel();
    expect(await count()).toBe(before);
    const change = await api.fetch(`/api/cases/${encodeURIComponent(caseId)}`, {
      method: 'PATCH',
      role: 'analyst',
      json: { title: 'Renamed', addEntities: ['p-nobody'] },
    });
    expect(change.status).toBe(400);
    await change.body?.cancel();
    const work = await json<{ name: string }>(
      await settled(`/api/cases/${encodeURIComponent(caseId)}`, { role: 'analyst' }),
    );
    expect(work.name).toBe('Operation Tide');
  });
});
