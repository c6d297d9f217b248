import { DirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { describe, expect, it } from 'vitest';
import {
  betweennessCentrality,
  computeCentralities,
  eigenvectorCentrality,
  harmonicCloseness,
  pagerankDetailed,
  rankKeyPlayers,
} from '../../../analysis/metrics/centrality.ts';
import { cjsDefault } from '../../../analysis/core/interop.ts';
import { readCaviar } from '../../helpers/caviar.ts';
import {
  pathGraph,
  randomGraph,
  seededRng,
  starGraph,
  twoCliquesAndBridge,
} from '../../helpers/small-graphs.ts';

function expectClose(actual: Record<string, number>, expected: Record<string, number>, digits = 9) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [node, value] of Object.entries(expected)) expect(actual[node]).toBeCloseTo(value, digits);
}

const referenceBetweenness = cjsDefault(betweennessModule);
const referencePagerank = cjsDefault(pagerankModule);

function pearson(pairs: number[][]): number {
  const mean = (k: number) => pairs.reduce((sum, p) => sum + (p[k] as number), 0) / pairs.length;
  const [mx, my] = [mean(0), mean(1)];
  let [sxy, sxx, syy] = [0, 0, 0];
  for (const [x, y] of pairs as [number, number][]) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function topIds(scores: Record<string, number>, k: number): string[] {
  return Object.keys(scores)
    .sort((a, b) => (scores[b] as number) - (scores[a] as number))
    .slice(0, k);
}

describe('betweenness', () => {
  it('gives the inner nodes of a path the number of pairs they separate', () => {
    const scores = betweennessCentrality(pathGraph(5), { normalized: false });
    expect(scores).toEqual({ p0: 0, p1: 3, p2: 4, p3: 3, p4: 0 });
  });

  it('puts all shortest paths of a star through its hub', () => {
    const scores = betweennessCentrality(starGraph(6));
    expect(scores.hub).toBeCloseTo(1, 12);
    expect(scores.l3).toBe(0);
  });

  it('equals graphology-metrics on random graphs, unweighted, weighted and directed', () => {
    const rng = seededRng(7);
    for (let trial = 0; trial < 4; trial++) {
      const graph = randomGraph(40, 0.1, rng);
      expectClose(betweennessCentrality(graph), referenceBetweenness(graph, { getEdgeWeight: null }));
      graph.forEachEdge((edge) => graph.setEdgeAttribute(edge, 'weight', 1 + Math.floor(rng() * 4)));
      expectClose(
        betweennessCentrality(graph, { getEdgeWeight: 'weight', weightsAre: 'length' }),
        referenceBetweenness(graph, { getEdgeWeight: 'weight' }),
      );
      const directed = new DirectedGraph();
      graph.forEachNode((node) => directed.addNode(node));
      graph.forEachEdge((_e, _a, s, t) => {
        directed.addEdge(s, t);
        if (rng() < 0.5) directed.addEdge(t, s);
      });
      expectClose(
        betweennessCentrality(directed, { directed: true }),
        referenceBetweenness(directed, { getEdgeWeight: null }),
      );
    }
  });

  it('estimates from sampled pivots, scaled, close to the exact values', () => {
    const graph = randomGraph(300, 0.03, seededRng(3));
    const exact = betweennessCentrality(graph);
    const sampled = betweennessCentrality(graph, { sampleAbove: 100, pivots: 150, rng: seededRng(11) });
    expect(
      pearson(Object.keys(exact).map((id) => [exact[id] as number, sampled[id] as number])),
    ).toBeGreaterThan(0.9);
    const total = (s: Record<string, number>) => Object.values(s).reduce((a, b) => a + b, 0);
    expect(total(sampled) / total(exact)).toBeGreaterThan(0.85);
    expect(total(sampled) / total(exact)).toBeLessThan(1.15);
  });

  it('puts the CAVIAR mastermind n1 and his lieutenant n3 in the top five (Morselli 2009)', () => {
    const top = topIds(betweennessCentrality(readCaviar()), 5);
    expect(top).toContain('1');
    expect(top).toContain('3');
  });
});

describe('pagerank', () => {
  it('equals graphology-metrics on directed random graphs with dangling nodes', () => {
    const rng = seededRng(5);
    for (let trial = 0; trial < 3; trial++) {
      const undirected = randomGraph(60, 0.05, rng);
      const graph = new DirectedGraph();
      undirected.forEachNode((node) => graph.addNode(node));
      undirected.forEachEdge((_e, _a, s, t) => (rng() < 0.5 ? graph.mergeEdge(s, t) : graph.mergeEdge(t, s)));
      const ours = pagerankDetailed(graph, { directed: true, getEdgeWeight: null, tolerance: 1e-13 });
      expect(ours.converged).toBe(true);
      const reference = referencePagerank(graph, {
        getEdgeWeight: null,
        tolerance: 1e-15,
        maxIterations: 10_000,
      });
      expectClose(ours.scores, reference, 10);
    }
  });

  it('sums to one and ranks the hub of a star first', () => {
    const { scores } = pagerankDetailed(starGraph(5));
    expect(Object.values(scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(topIds(scores, 1)).toEqual(['hub']);
  });

  it('matches a fully converged run in its top 100 at the default tolerance', () => {
    const graph = randomGraph(400, 0.02, seededRng(9));
    const fast = pagerankDetailed(graph).scores;
    const converged = pagerankDetailed(graph, { tolerance: 1e-15, maxIterations: 100_000 }).scores;
    expect(topIds(fast, 100)).toEqual(topIds(converged, 100));
  });
});

describe('closeness and eigenvector', () => {
  it('gives the hub of a star harmonic closeness 1 and a leaf (1 + (n-2)/2)/(n-1)', () => {
    const scores = harmonicCloseness(starGraph(4));
    expect(scores.hub).toBeCloseTo(1, 12);
    expect(scores.l0).toBeCloseTo((1 + 3 / 2) / 4, 12);
  });

  it('gives a star the known eigenvector: hub 1/sqrt(2), leaves 1/sqrt(2n)', () => {
    const scores = eigenvectorCentrality(starGraph(8));
    expect(scores.hub).toBeCloseTo(Math.SQRT1_2, 8);
    expect(scores.l5).toBeCloseTo(1 / Math.sqrt(16), 8);
  });

  it('computes every measure at once, with the bridge ends on top of betweenness', () => {
    const all = computeCentralities(twoCliquesAndBridge(5));
    expect(all.degree.a0).toBe(5);
    expect(all.weightedDegree.a1).toBe(4);
    expect(topIds(all.betweenness, 2).sort()).toEqual(['a0', 'b0']);
    expect(Object.keys(all.pagerank)).toHaveLength(10);
  });
});

describe('rankKeyPlayers', () => {
  it('never ranks smuggled persons or witnesses, and ranks only persons unless asked', () => {
    const graph = starGraph(4);
    graph.mergeNodeAttributes('hub', { roles: ['smuggled person'] });
    graph.mergeNodeAttributes('l1', { roles: ['witness', 'guide'] });
    graph.mergeNodeAttributes('l2', { entityType: 'Vessel' });
    const scores = { hub: 10, l0: 3, l1: 9, l2: 8, l3: 1 };
    expect(rankKeyPlayers(graph, scores).map((p) => p.id)).toEqual(['l0', 'l3']);
    expect(rankKeyPlayers(graph, scores, { entityTypes: null, limit: 2 }).map((p) => p.id)).toEqual([
      'l2',
      'l0',
    ]);
  });
});
