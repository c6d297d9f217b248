import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clearance } from '../../server/auth/context.ts';
import { analyseStore, type StoredAnalysis } from '../../server/runner/analyse-store.ts';
import { buildStoreReport } from '../../server/report/build-report.ts';
import { type StartOptions, startApi, type TestApi } from '../helpers/api.ts';
import { DEMO_HOLDER, DEMO_RESTRICTED, loadDemoPeople } from '../helpers/demo-people.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

// The viewer may not see the account restricted to the Guardia di Finanza; the analyst is the
// Guardia di Finanza; the admin sees every handling code but belongs to Europol.
const USERS: StartOptions['users'] = {
  viewer: { username: 'scores-low-viewer', clearance: ['H0', 'H1'], agency: 'Frontex' },
  analyst: {
    username: 'scores-gdf-analyst',
    clearance: ['H0', 'H1', 'H2', 'H3'],
    agency: 'Guardia di Finanza',
  },
  admin: { username: 'scores-europol-admin', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Europol' },
};
const GDF: Clearance = { handling: ['H0', 'H1', 'H2', 'H3'], agency: 'Guardia di Finanza' };
const LOW: Clearance = { handling: ['H0', 'H1'], agency: 'Frontex' };
const SCOPE = { around: [DEMO_HOLDER], hops: 2 };

let api: TestApi;
beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  await loadDemoPeople(store);
  api = await startApi({ store, users: USERS });
});
afterAll(async () => {
  await clearDatabase(api.store);
  await api.close();
  await api.store.close();
});

const run = (clearance: Clearance, createdBy: string) =>
  analyseStore(api.store, {
    scope: SCOPE,
    clearance,
    createdBy,
    options: { only: ['communities', 'centrality'] },
  });

async function scoresSeenBy(role: 'viewer' | 'analyst' | 'admin', id = DEMO_HOLDER) {
  const res = await api.fetch(`/api/entities/${encodeURIComponent(id)}`, { role });
  expect(res.status).toBe(200);
  const { properties } = (await res.json()) as { properties: Record<string, unknown> };
  return Object.fromEntries(Object.entries(properties).filter(([key]) => key.startsWith('a_')));
}

const runExists = async (id: string) => {
  const result = await api.store.read('MATCH (r:AnalysisRun {id: $id}) RETURN count(r) AS n', { id });
  return Number(result.records[0]?.get('n')) === 1;
};

describe('analysis scores written back to entities', () => {
  let full: StoredAnalysis;

  it('are shown to the analyst who ran them, computed over the restricted account', async () => {
    const stored = await run(GDF, 'scores-gdf-analyst');
    full = stored;
    expect(stored.run.written).toBeGreaterThan(10);
    expect(await scoresSeenBy('analyst')).toMatchObject({
      a_run: stored.run.id,
      a_community: expect.any(Number),
      a_betweenness: expect.any(Number),
    });
    expect(await scoresSeenBy('analyst', DEMO_RESTRICTED)).toHaveProperty('a_degree');
  });

  it('are not shown to a low clearance reading the holder of that account', async () => {
    expect(await scoresSeenBy('viewer')).toEqual({});
  });

  it('are not shown to a reader cleared for every code but not for that agency', async () => {
    expect(await scoresSeenBy('admin')).toEqual({});
  });

  it('never reach searches or neighbourhoods at a low clearance', async () => {
    const found = await api.fetch('/api/entities?q=Anwar', { role: 'viewer' });
    expect(JSON.stringify(await found.json())).not.toMatch(/"a_/);
    const around = await api.fetch(`/api/entities/${encodeURIComponent(DEMO_HOLDER)}/neighbourhood?depth=1`, {
      role: 'viewer',
    });
    expect(around.status).toBe(200);
    expect(JSON.stringify(await around.json())).not.toMatch(/"a_/);
  });

  it('of a run under the low clearance are shown to it, and to no one outside that agency', async () => {
    const stored = await run(LOW, 'scores-low-viewer');
    expect(await scoresSeenBy('viewer')).toMatchObject({
      a_run: stored.run.id,
      a_community: expect.any(Number),
    });
    expect(await scoresSeenBy('admin')).toEqual({});
  });

  it('of a run under a lower clearance leave the fuller run, and the scores it wrote, as they were', async () => {
    expect(await runExists(full.run.id)).toBe(true);
    const holder = full.result.entities[DEMO_HOLDER];
    expect(await scoresSeenBy('analyst')).toMatchObject({
      a_run: full.run.id,
      a_betweenness: holder?.betweenness,
      a_degree: holder?.degree,
    });
    expect(await scoresSeenBy('analyst', DEMO_RESTRICTED)).toMatchObject({ a_run: full.run.id });
  });

  it("of the run a report starts at a lower clearance leave the fuller run's scores as they were", async () => {
    await buildStoreReport(api.store, {
      clearance: LOW,
      createdBy: 'scores-low-viewer',
      period: '2024-01-01..2025-12-31',
    });
    expect(await runExists(full.run.id)).toBe(true);
    expect(await scoresSeenBy('analyst')).toMatchObject({
      a_run: full.run.id,
      a_betweenness: full.result.entities[DEMO_HOLDER]?.betweenness,
    });
  });

  it('are shown from the fullest run whose clearance the reader covers', async () => {
    const open = await run({ handling: ['H0'], agency: null }, 'scores-open-runner');
    expect(await scoresSeenBy('admin')).toMatchObject({ a_run: open.run.id });
    expect(await scoresSeenBy('analyst')).toMatchObject({ a_run: full.run.id });
    const low = await scoresSeenBy('viewer');
    expect(low.a_run).not.toBe(open.run.id);
    expect(low.a_run).toMatch(/^run:analyse:/);
  });
});
