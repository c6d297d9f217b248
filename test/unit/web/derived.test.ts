import { describe, expect, it } from 'vitest';
import { createRng } from '../../../analysis/core/random.ts';
import type { EntityScores } from '../../../server/schema/api/analysis-results.ts';
import { createDataGraph } from '../../../web/src/graph/data-graph.ts';
import { computeCentrality, indexParallelEdges, rankCommunities } from '../../../web/src/graph/derived.ts';
import { NO_SYNDICATES, syndicatesFromRun } from '../../../web/src/graph/syndicates.ts';

/** A star: a hub linked to three spokes. */
function star() {
  const graph = createDataGraph();
  for (const id of ['hub', 's1', 's2', 's3'])
    graph.addNode(id, { entityType: 'Person', name: id, sources: [], x: 0, y: 0 } as never);
  for (const spoke of ['s1', 's2', 's3'])
    graph.addDirectedEdgeWithKey(`e-${spoke}`, 'hub', spoke, { linkType: 'ASSOCIATE_OF' } as never);
  return graph;
}

describe('what the canvas draws from, computed in the page or read from the run', () => {
  it('sizes by degree from the links loaded, scaled to the largest', () => {
    expect(Object.fromEntries(computeCentrality(star(), 'degree', null))).toEqual({
      hub: 1,
      s1: 1 / 3,
      s2: 1 / 3,
      s3: 1 / 3,
    });
  });

  it('sizes by PageRank and betweenness only from the run, and by nothing without one', () => {
    const graph = star();
    expect(computeCentrality(graph, 'pagerank', null).size).toBe(0);
    expect(computeCentrality(graph, 'betweenness', null).size).toBe(0);
    const scores = new Map<string, EntityScores>([
      ['hub', { pagerank: 0.4, betweenness: 3 }],
      ['s1', { pagerank: 0.2, betweenness: 0 }],
      ['elsewhere', { pagerank: 0.9, betweenness: 9 }],
    ]);
    // A scored entity that is not loaded neither shows nor sets the scale.
    expect(Object.fromEntries(computeCentrality(graph, 'pagerank', scores))).toEqual({ hub: 1, s1: 0.5 });
    expect(Object.fromEntries(computeCentrality(graph, 'betweenness', scores))).toEqual({ hub: 1, s1: 0 });
  });

  it("takes communities from the run's result, ranked by size, and has none without a run", () => {
    const summary = {
      name: 'Zuwara coast syndicate',
      byEntityType: {},
      byRole: {},
      keyMembers: [],
      countries: {},
      routes: [],
      crimeCategories: {},
      money: { payments: 0, in: {}, out: {}, internal: {} },
    };
    const syndicates = syndicatesFromRun({
      graph: { entities: 4, links: 3 },
      communities: [
        { id: 7, size: 1, contribution: 0, members: ['s3'], summary: { ...summary, name: 's3' } },
        { id: 2, size: 3, contribution: 0.2, members: ['hub', 's1', 's2'], summary },
      ],
    });
    expect(syndicates.names.get('s:2')).toBe('Zuwara coast syndicate');
    const { rank, size } = rankCommunities(syndicates.syndicateOf);
    expect([...rank.entries()]).toEqual([
      [2, 0],
      [7, 1],
    ]);
    expect(size.get(2)).toBe(3);
    expect(NO_SYNDICATES.syndicateOf.size).toBe(0);
  });

  it('ranks each link among the links between the same two nodes, either way, in link order', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = createRng(seed);
      const graph = createDataGraph();
      const order = 2 + Math.floor(next() * 30);
      for (let i = 0; i < order; i++)
        graph.addNode(`${i % 3 === 0 ? i : `n${i}`}`, {
          entityType: 'Person',
          sources: [],
          x: 0,
          y: 0,
        } as never);
      const nodes = graph.nodes();
      const pick = () => nodes[Math.floor(next() * nodes.length)] as string;
      // Few nodes, many links: parallel links both ways and self-loops.
      for (let e = 0; e < order * 3; e++)
        graph.addDirectedEdgeWithKey(`e${e}`, pick(), pick(), { linkType: 'ASSOCIATE_OF' } as never);
      // The plain way: links grouped by their ends' keys joined, in the graph's link order.
      const byPair = new Map<string, string[]>();
      graph.forEachEdge((edge, _attributes, source, target) => {
        const pair = [source, target].sort().join('|');
        byPair.set(pair, [...(byPair.get(pair) ?? []), edge]);
      });
      const expected = new Map<string, { index: number; count: number }>();
      for (const list of byPair.values())
        if (list.length > 1)
          for (const [index, edge] of list.entries()) expected.set(edge, { index, count: list.length });
      expect(expected.size).toBeGreaterThan(0);
      expect(indexParallelEdges(graph)).toEqual(expected);
    }
  });
});
