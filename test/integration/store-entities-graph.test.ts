import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_CLEARANCE } from '../../server/auth/context.ts';
import { checkDocument, checkVessel, CheckInputError } from '../../server/store/checks.ts';
import { neighbourhood } from '../../server/store/graph-queries.ts';
import type { Store } from '../../server/store/store.ts';
import { LOW, loadClearanceGraph, pathNodes, pathsGraph } from '../helpers/clearance-graph.ts';
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

const keys = (items: { key: string }[] | undefined) => (items ?? []).map((item) => item.key).sort();

describe('neighbourhood', () => {
  it('serialises the entities within reach as a directed multigraph with provenance on every node', async () => {
    const graph = await neighbourhood(store, LOW, 'p-samir', { depth: 1, limit: 50 });
    expect(graph?.options).toEqual({ type: 'directed', multi: true, allowSelfLoops: true });
    expect(keys(graph?.nodes)).toEqual(['case-tide', 'doc-ly-1', 'p-karim', 'p-samir', 'p-yusuf']);
    const karim = graph?.nodes.find((n) => n.key === 'p-karim');
    expect(karim?.attributes).toMatchObject({
      entityType: 'Person',
      name: 'Karim Benali',
      grade: 'B2',
      gradeScheme: 'europol',
      handling: 'H0',
      depth: 1,
    });
    // Edges among the nodes reached, including the one between two neighbours.
    expect(keys(graph?.edges)).toEqual([
      'l-d1-case',
      'l-p1-case',
      'l-p1-p2',
      'l-p2-case',
      'l-p2-d1',
      'l-p2-p3',
    ]);
    const edge = graph?.edges.find((e) => e.key === 'l-p2-d1');
    expect(edge).toMatchObject({ source: 'p-samir', target: 'doc-ly-1', attributes: { linkType: 'HOLDS' } });
  });

  it('walks only the link and entity types asked for', async () => {
    const graph = await neighbourhood(store, LOW, 'p-karim', {
      depth: 3,
      limit: 50,
      linkTypes: ['ASSOCIATE_OF'],
      types: ['Person'],
    });
    expect(keys(graph?.nodes)).toEqual(['p-karim', 'p-mahmoud', 'p-samir', 'p-yusuf']);
    expect(graph?.nodes.find((n) => n.key === 'p-mahmoud')?.attributes.depth).toBe(3);
  });

  it('stops at the limit, nearest first, and says so', async () => {
    const graph = await neighbourhood(store, FULL_CLEARANCE, 'p-karim', { depth: 3, limit: 3 });
    expect(graph?.nodes).toHaveLength(3);
    expect(graph?.nodes.every((n) => (n.attributes.depth ?? 0) <= 1)).toBe(true);
    expect(graph?.attributes.truncated).toBe(true);
  });

  it('is null for an unknown entity', async () => {
    expect(await neighbourhood(store, LOW, 'nobody', { depth: 1, limit: 10 })).toBeNull();
  });
});

describe('paths', () => {
  it('finds all the shortest paths through hubs when asked, with their node and edge keys in order', async () => {
    const graph = await pathsGraph(store, FULL_CLEARANCE, 'p-samir', 'vessel-1', {
      maxHops: 4,
      throughHubs: true,
    });
    expect(graph?.attributes.paths).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ nodes: ['p-samir', 'p-yusuf', 'vessel-1'], edges: ['l-p2-p3', 'l-p3-v1'] }),
        expect.objectContaining({
          nodes: ['p-samir', 'case-tide', 'vessel-1'],
          edges: ['l-p2-case', 'l-v1-case'],
        }),
      ]),
    );
    expect(pathNodes(graph)).toHaveLength(2);
    expect(keys(graph?.nodes)).toEqual(['case-tide', 'p-samir', 'p-yusuf', 'vessel-1']);
    expect(keys(graph?.edges)).toEqual(['l-p2-case', 'l-p2-p3', 'l-p3-v1', 'l-v1-case']);
  });

  it('finds every simple path up to the hop limit, shortest first', async () => {
    const graph = await pathsGraph(store, LOW, 'p-samir', 'p-karim', {
      maxHops: 3,
      all: true,
      throughHubs: true,
    });
    const found = pathNodes(graph);
    expect(found[0]).toEqual(['p-samir', 'p-karim']);
    expect(found).toContainEqual(['p-samir', 'case-tide', 'p-karim']);
    expect(found.every((nodes) => new Set(nodes).size === nodes.length)).toBe(true);
    expect(found.every((nodes) => nodes.length <= 4)).toBe(true);
  });

  it('gives both ends and no path when none is within reach', async () => {
    const graph = await pathsGraph(store, LOW, 'p-samir', 'p-mahmoud', { maxHops: 1 });
    expect(graph?.attributes.paths).toEqual([]);
    expect(keys(graph?.nodes)).toEqual(['p-mahmoud', 'p-samir']);
  });
});

describe('front-line checks', () => {
  it('finds a stolen document by its number in lower case with separators, with its holder and case', async () => {
    const result = await checkDocument(store, LOW, { number: 'ab-123 45.67', country: 'Libya' });
    expect(result).toMatchObject({ known: true, alert: true, query: { number: 'AB1234567', country: 'LY' } });
    expect(result.matches).toEqual([
      expect.objectContaining({
        id: 'doc-ly-1',
        status: 'stolen',
        matchedOn: 'number',
        cases: [{ id: 'case-tide', name: 'Operation Tide' }],
        people: [expect.objectContaining({ id: 'p-samir', link: 'HOLDS', roles: ['recruiter'] })],
      }),
    ]);
  });

  it('does not know a number issued by another country', async () => {
    expect(await checkDocument(store, LOW, { number: 'AB1234567', country: 'TN' })).toMatchObject({
      known: false,
      alert: false,
      matches: [],
    });
  });

  it('finds a vessel by IMO, by MMSI and by a past name, with its operator and case', async () => {
    const byImo = await checkVessel(store, LOW, { imo: 'IMO 9074729' });
    expect(byImo.matches.map((m) => [m.id, m.matchedOn, m.status, m.alert])).toEqual([
      ['vessel-1', 'imo', 'suspect', true],
    ]);
    expect(byImo.matches[0]?.people.map((p) => [p.id, p.link])).toEqual([['p-yusuf', 'OPERATES']]);
    expect(byImo.matches[0]?.cases.map((c) => c.id)).toEqual(['case-tide']);
    expect((await checkVessel(store, LOW, { mmsi: '247 123 450' })).matches.map((m) => m.id)).toEqual([
      'vessel-1',
    ]);
    const byPastName = await checkVessel(store, LOW, { name: 'blue  DAWN' });
    expect(byPastName.matches.map((m) => [m.id, m.matchedOn])).toEqual([['vessel-1', 'pastName']]);
    expect((await checkVessel(store, LOW, { name: 'sea star' })).matches[0]?.matchedOn).toBe('name');
  });

  it('refuses input that cannot be an IMO number or a country', async () => {
    await expect(checkVessel(store, LOW, { imo: '9074728' })).rejects.toBeInstanceOf(CheckInputError);
    await expect(checkDocument(store, LOW, { number: 'A1', country: 'Atlantis' })).rejects.toMatchObject({
      field: 'country',
    });
  });
});
