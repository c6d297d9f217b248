import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clearance } from '../../server/auth/context.ts';
import type { LinkType } from '../../server/schema/model.ts';
import { getCase, listCases } from '../../server/store/cases.ts';
import { checkDocument, checkVessel } from '../../server/store/checks.ts';
import { getEntity } from '../../server/store/entities.ts';
import { neighbourhood } from '../../server/store/graph-queries.ts';
import { searchEntities, suggest } from '../../server/store/search.ts';
import type { Store } from '../../server/store/store.ts';
import {
  EUROPOL_H3,
  GDF,
  LOW,
  loadClearanceGraph,
  pathNodes,
  pathsGraph,
  RESTRICTED,
} from '../helpers/clearance-graph.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  await loadClearanceGraph(store);
});
afterAll(async () => {
  await clearDatabase(store);
  await store.close();
});

/** Everything a caller gets back, as text, to look for any trace of the restricted records. */
const HIDDEN_TRACES = [
  RESTRICTED.id,
  RESTRICTED.name,
  RESTRICTED.iban,
  'src-gdf',
  'GDF-PA-7',
  'doc-it-2',
  'vessel-2',
  'l-p1-acct',
];
const traces = (value: unknown) => HIDDEN_TRACES.filter((trace) => JSON.stringify(value).includes(trace));
const page = { limit: 50, offset: 0 };
const HOPS: LinkType[] = ['ASSOCIATE_OF', 'HOLDS_ACCOUNT'];
const NOT_CLEARED: [string, Clearance][] = [
  ['a low clearance', LOW],
  ['H3 clearance from another agency', EUROPOL_H3],
];

describe.each(NOT_CLEARED)('a user with %s', (_, clearance) => {
  it('cannot look up the restricted account', async () => {
    expect(await getEntity(store, clearance, RESTRICTED.id)).toBeNull();
    expect(await neighbourhood(store, clearance, RESTRICTED.id, { depth: 1, limit: 10 })).toBeNull();
    expect(await pathsGraph(store, clearance, 'p-karim', RESTRICTED.id, { maxHops: 2 })).toBeNull();
  });

  it('finds no trace of it in searches, suggestions or totals', async () => {
    for (const q of [RESTRICTED.name, 'Palermo', RESTRICTED.iban]) {
      const result = await searchEntities(store, clearance, { ...page, q });
      expect(result.total).toBe(0);
    }
    const accounts = await searchEntities(store, clearance, { ...page, types: ['Account'] });
    expect(accounts).toMatchObject({ total: 0, items: [] });
    const inCase = await searchEntities(store, clearance, { ...page, caseId: 'case-tide' });
    expect(inCase.total).toBe(inCase.items.length);
    expect(traces(inCase)).toEqual([]);
    expect(await suggest(store, clearance, 'Conto')).toEqual({ suggestions: [] });
  });

  it('sees the organiser without the account, its link, or its source', async () => {
    const karim = await getEntity(store, clearance, 'p-karim');
    expect(karim?.relations.map((g) => g.type)).not.toContain('HOLDS_ACCOUNT');
    expect(karim?.sources.map((s) => s.id)).toEqual(['src-1']);
    expect(traces(karim)).toEqual([]);
  });

  it('gets neighbourhoods that neither show nor cross the account', async () => {
    const graph = await neighbourhood(store, clearance, 'p-karim', { depth: 2, limit: 100 });
    expect(traces(graph)).toEqual([]);
    // Over associations and accounts, Mahmoud is two hops away only through the account.
    const money = await neighbourhood(store, clearance, 'p-karim', { depth: 2, limit: 100, linkTypes: HOPS });
    expect(money?.nodes.map((n) => n.key).sort()).toEqual(['p-karim', 'p-samir', 'p-yusuf']);
  });

  it('gets paths that never run through the account', async () => {
    const shortest = await pathsGraph(store, clearance, 'p-karim', 'p-mahmoud', {
      maxHops: 4,
      linkTypes: HOPS,
    });
    const all = await pathsGraph(store, clearance, 'p-karim', 'p-mahmoud', {
      maxHops: 4,
      all: true,
      maxPaths: 100,
    });
    expect(traces(shortest)).toEqual([]);
    expect(traces(all)).toEqual([]);
    expect(pathNodes(shortest)).toEqual([['p-karim', 'p-samir', 'p-yusuf', 'p-mahmoud']]);
  });

  it('counts only the members of a case it may see', async () => {
    const [tide] = await listCases(store, clearance);
    expect(tide?.counts).toEqual({ total: 5, byType: { Person: 3, Document: 1, Vessel: 1 } });
    expect((await getCase(store, clearance, 'case-tide'))?.counts.total).toBe(5);
  });

  it('is told restricted documents and vessels are unknown', async () => {
    expect(await checkDocument(store, clearance, { number: 'YA7654321', country: 'IT' })).toMatchObject({
      known: false,
      matches: [],
    });
    expect(await checkVessel(store, clearance, { mmsi: '247999990' })).toMatchObject({ known: false });
    expect(await checkVessel(store, clearance, { name: 'Nuova Speranza' })).toMatchObject({ known: false });
  });
});

describe('the agency the account is restricted to', () => {
  it('sees it everywhere: lookup, search, counts, neighbourhoods, paths and checks', async () => {
    expect((await getEntity(store, GDF, RESTRICTED.id))?.properties.iban).toBe(RESTRICTED.iban);
    expect((await getEntity(store, GDF, 'p-karim'))?.sources.map((s) => s.id)).toEqual(['src-1', 'src-gdf']);
    expect((await searchEntities(store, GDF, { ...page, q: 'Palermo' })).items.map((i) => i.id)).toContain(
      RESTRICTED.id,
    );
    expect((await getCase(store, GDF, 'case-tide'))?.counts.total).toBe(6);
    const graph = await neighbourhood(store, GDF, 'p-karim', { depth: 2, limit: 100, linkTypes: HOPS });
    expect(graph?.nodes.find((n) => n.key === 'p-mahmoud')?.attributes.depth).toBe(2);
    const shortest = await pathsGraph(store, GDF, 'p-karim', 'p-mahmoud', { maxHops: 4, linkTypes: HOPS });
    expect(shortest?.attributes.paths).toEqual([
      expect.objectContaining({
        nodes: ['p-karim', RESTRICTED.id, 'p-mahmoud'],
        edges: ['l-p1-acct', 'l-p4-acct'],
      }),
    ]);
    const all = await pathsGraph(store, GDF, 'p-karim', 'p-mahmoud', { maxHops: 2, all: true });
    expect(pathNodes(all)).toContainEqual(['p-karim', RESTRICTED.id, 'p-mahmoud']);
    expect(await checkDocument(store, GDF, { number: 'ya 765 4321' })).toMatchObject({
      known: true,
      alert: true,
    });
    const vessel = await checkVessel(store, GDF, { name: 'Nuova Speranza' });
    expect(vessel.matches.map((m) => [m.id, m.people.map((p) => p.id)])).toEqual([['vessel-2', ['p-karim']]]);
  });
});
