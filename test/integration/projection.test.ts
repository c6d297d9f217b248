import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clearance } from '../../server/auth/context.ts';
import { FULL_CLEARANCE } from '../../server/auth/context.ts';
import { graphFromRecords } from '../../server/runner/graph-from-records.ts';
import { ingestRecords } from '../../server/store/ingest-writes.ts';
import { type ProjectedGraph, projectGraph } from '../../server/store/projection.ts';
import type { Store } from '../../server/store/store.ts';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

const demo = generateDemoCase();
const records = [...demo.records];
const restricted = demo.truth.restrictedEntityId;
const OTHER_AGENCY: Clearance = { handling: ['H0', 'H1', 'H2'], agency: 'Hellenic Police' };

type Demo = (typeof records)[number];
const visibleTo = (record: Demo, clearance: Clearance) =>
  clearance.handling.includes(record.handling) &&
  (record.restrictedTo === undefined ||
    clearance.unrestricted === true ||
    (clearance.agency !== null && record.restrictedTo.includes(clearance.agency)));

/** The demo graph as the given clearance should see it, built in memory from the records. */
function expectedGraph(clearance: Clearance): ProjectedGraph {
  return graphFromRecords(records.filter((r) => visibleTo(r, clearance))).graph;
}

const edgeKeys = (graph: ProjectedGraph) => graph.edges().sort();

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  const result = await ingestRecords(store, records);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
});
afterAll(async () => {
  await clearDatabase(store);
  await store.close();
});

describe('the projection of the whole graph', () => {
  it('holds every entity and link with full clearance, with the attributes the analyses read', async () => {
    const graph = await projectGraph(store, {}, FULL_CLEARANCE, { pageSize: 700 });
    expect(graph.order).toBe(demo.truth.counts.totalEntities);
    expect(graph.size).toBe(demo.truth.counts.totalLinks);
    const expected = expectedGraph(FULL_CLEARANCE);
    expect(edgeKeys(graph)).toEqual(edgeKeys(expected));
    const payment = demo.truth.terrorism.paymentIds[0] as string;
    expect(graph.getNodeAttributes(payment)).toEqual(expected.getNodeAttributes(payment));
    expect(graph.getNodeAttributes(restricted)).toMatchObject({ entityType: 'Account', kind: 'bank' });
    // Every link with the attributes the analyses read; a link given no weight weighs 1.
    const attributesOf = (g: typeof graph) => Object.fromEntries(g.mapEdges((e, a) => [e, a]));
    expect(attributesOf(graph)).toEqual(attributesOf(expected));
    expect(graph.filterEdges((_e, a) => a.weight === 1).length).toBeGreaterThan(0);
  });

  it('leaves out the restricted account and its links for another agency cleared H0-H2, and nothing else', async () => {
    const graph = await projectGraph(store, {}, OTHER_AGENCY);
    const expected = expectedGraph(OTHER_AGENCY);
    expect(graph.hasNode(restricted)).toBe(false);
    expect(graph.order).toBe(expected.order);
    expect(graph.order).toBeLessThan(demo.truth.counts.totalEntities);
    expect(edgeKeys(graph)).toEqual(edgeKeys(expected));
    const full = await projectGraph(store, {}, FULL_CLEARANCE);
    const touching = full.edges(restricted);
    expect(touching.length).toBeGreaterThan(0);
    for (const edge of touching) expect(graph.hasEdge(edge)).toBe(false);
  });

  it('shows the restricted account to the agency it is restricted to', async () => {
    const graph = await projectGraph(
      store,
      {},
      { handling: ['H0', 'H1', 'H2', 'H3'], agency: 'Guardia di Finanza' },
    );
    expect(graph.hasNode(restricted)).toBe(true);
  });
});

describe('the projection of a scope', () => {
  it('keeps a case to the case and the entities PART_OF it', async () => {
    const graph = await projectGraph(store, { caseId: demo.truth.caseId }, FULL_CLEARANCE);
    const members = new Set(
      records.filter((r) => r.type === 'PART_OF').map((r) => (r as { source: string }).source),
    );
    expect(graph.order).toBe(members.size + 1);
    for (const node of graph.nodes()) expect(members.has(node) || node === demo.truth.caseId).toBe(true);
  });

  it('keeps a time window to the records dated in it, or seen during it', async () => {
    const graph = await projectGraph(store, { since: '2024-01-01', until: '2024-06-30' }, FULL_CLEARANCE);
    const payments = graph.filterNodes((_n, a) => a.entityType === 'Payment');
    expect(payments.length).toBeGreaterThan(0);
    for (const p of payments) {
      const date = graph.getNodeAttribute(p, 'date') as string;
      expect(date >= '2024-01-01' && date <= '2024-06-30').toBe(true);
    }
    const outside = records.find((r) => r.type === 'Payment' && (r.date as string) < '2023-06-01');
    expect(graph.hasNode(outside?.id as string)).toBe(false);
  });

  it('keeps the k-hop neighbourhood of some entities, walking only through what the caller may see', async () => {
    const full = await projectGraph(store, {}, FULL_CLEARANCE);
    const [holder] = full.inNeighbors(restricted);
    const around = await projectGraph(store, { around: [holder as string], hops: 2 }, OTHER_AGENCY);
    const visible = expectedGraph(OTHER_AGENCY);
    const ball = new Set([holder as string]);
    let frontier = [holder as string];
    for (let hop = 0; hop < 2; hop++) {
      frontier = frontier.flatMap((n) => visible.neighbors(n)).filter((n) => !ball.has(n));
      for (const n of frontier) ball.add(n);
    }
    expect(new Set(around.nodes())).toEqual(ball);
    expect(around.hasNode(restricted)).toBe(false);
  });

  it('keeps chosen labels and link types', async () => {
    const graph = await projectGraph(store, { labels: ['Person'], linkTypes: ['CONTACTED'] }, FULL_CLEARANCE);
    expect(graph.order).toBe(demo.truth.counts.entities.Person);
    expect(graph.size).toBe(demo.truth.counts.links.CONTACTED);
    graph.forEachEdge((_e, a) => expect(a.linkType).toBe('CONTACTED'));
  });

  it('keeps only records whose source is at least as reliable as the minimum, in their own scheme', async () => {
    const graph = await projectGraph(store, { minSource: ['A', 'B'] }, FULL_CLEARANCE);
    const good = (a: { grade?: string; gradeScheme?: string }) =>
      (a.gradeScheme === 'europol' || a.gradeScheme === 'admiralty') && /^[AB]/.test(a.grade ?? '');
    graph.forEachNode((_n, a) => expect(good(a)).toBe(true));
    graph.forEachEdge((_e, a) => expect(good(a)).toBe(true));
    const expectedNodes = records.filter((r) => r.kind !== 'link' && good(r)).length;
    expect(graph.order).toBe(expectedNodes);
  });

  it('rejects an unknown label with a message naming the known ones', async () => {
    await expect(projectGraph(store, { labels: ['Smuggler'] }, FULL_CLEARANCE)).rejects.toThrow(
      /unknown entity labels Smuggler/,
    );
  });
});
