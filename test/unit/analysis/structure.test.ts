import { MultiDirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  betweennessBetweenGroups,
  participationCoefficient,
  rankBrokers,
} from '../../../analysis/communities/brokers.ts';
import { findCutPoints } from '../../../analysis/metrics/cut-points.ts';
import { cycleGraph, pathGraph, starGraph, twoCliquesAndBridge } from '../../helpers/small-graphs.ts';

const barbellGroups = (k: number) =>
  Object.fromEntries(
    Array.from({ length: k }, (_, i) => [
      [`a${i}`, 0],
      [`b${i}`, 1],
    ]).flat(),
  ) as Record<string, number>;

describe('participationCoefficient', () => {
  it('is 0 inside a community and 1 - (k_in/k)^2 - (k_out/k)^2 for a bridge end', () => {
    const scores = participationCoefficient(twoCliquesAndBridge(4), barbellGroups(4), {
      getEdgeWeight: null,
    });
    expect(scores.a1).toBe(0);
    expect(scores.a0).toBeCloseTo(1 - (3 / 4) ** 2 - (1 / 4) ** 2, 12);
  });
});

describe('betweennessBetweenGroups', () => {
  it('counts only paths between communities: every a-b pair crosses both bridge ends', () => {
    const scores = betweennessBetweenGroups(twoCliquesAndBridge(4), barbellGroups(4));
    // 3 x 4 pairs from a1..a3 to the b side pass a0; same for b0. Inside paths count nothing.
    expect(scores.a0).toBe(12);
    expect(scores.b0).toBe(12);
    expect(scores.a1).toBe(0);
  });

  it('ranks the bridge ends as brokers and never a protected person', () => {
    const graph = twoCliquesAndBridge(4);
    graph.mergeNodeAttributes('b0', { roles: ['witness'] });
    const brokers = rankBrokers(graph, barbellGroups(4), { limit: 3 });
    expect(brokers[0]).toMatchObject({ id: 'a0', betweenGroups: 12, communitiesReached: 2 });
    expect(brokers.map((b) => b.id)).not.toContain('b0');
  });
});

describe('findCutPoints', () => {
  it('finds the inner nodes of a path, each leaving two pieces', () => {
    expect(findCutPoints(pathGraph(4))).toEqual([
      { id: 'p1', pieces: 2 },
      { id: 'p2', pieces: 2 },
    ]);
  });

  it('finds the hub of a star, whose removal leaves one piece per leaf', () => {
    expect(findCutPoints(starGraph(5))).toEqual([{ id: 'hub', pieces: 5 }]);
  });

  it('finds none in a cycle and the two bridge ends of a barbell', () => {
    expect(findCutPoints(cycleGraph(6))).toEqual([]);
    expect(findCutPoints(twoCliquesAndBridge(4)).map((c) => c.id)).toEqual(['a0', 'b0']);
  });

  it('handles a chain of 100,000 couriers without running out of stack', () => {
    const graph = new UndirectedGraph();
    for (let i = 0; i < 100_000; i++) graph.addNode(String(i));
    for (let i = 1; i < 100_000; i++) graph.addEdge(String(i - 1), String(i));
    expect(findCutPoints(graph)).toHaveLength(99_998);
  });

  it('reads a directed multi graph as undirected, ignoring parallel links', () => {
    const graph = new MultiDirectedGraph();
    for (const id of ['x', 'y', 'z']) graph.addNode(id);
    graph.addEdge('x', 'y');
    graph.addEdge('y', 'x');
    graph.addEdge('z', 'y');
    expect(findCutPoints(graph)).toEqual([{ id: 'y', pieces: 2 }]);
  });
});
