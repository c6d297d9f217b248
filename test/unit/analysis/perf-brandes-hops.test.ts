import { describe, expect, it } from 'vitest';
import { betweennessOnCsr } from '../../../analysis/metrics/betweenness.ts';
import { betweennessByHops } from '../../../analysis/metrics/brandes-hops.ts';
import { buildCsr } from '../../../analysis/core/csr.ts';
import { pathGraph, starGraph, twoCliquesAndBridge } from '../../helpers/small-graphs.ts';

// The general path (Dijkstra-ready, with a target filter) is the reference for the fast one.
const general = (graph: Parameters<typeof buildCsr>[0], directed = false) =>
  betweennessOnCsr(buildCsr(graph, { directed }), {
    weighted: false,
    weightsAre: 'length',
    isTarget: () => true,
  });

describe('betweennessByHops', () => {
  it('counts ordered pairs through each node of a path: 2 * i * (n - 1 - i)', () => {
    const scores = betweennessByHops(buildCsr(pathGraph(5)));
    expect([...scores]).toEqual([0, 6, 8, 6, 0]);
  });

  it('matches the general Brandes path on a star and a barbell', () => {
    for (const graph of [starGraph(6), twoCliquesAndBridge(5)]) {
      const fast = betweennessByHops(buildCsr(graph));
      general(graph).forEach((value, i) => {
        expect(fast[i]).toBeCloseTo(value, 10);
      });
    }
  });

  it('gives the exact values when every node is a pivot, linear scaling included', () => {
    const csr = buildCsr(twoCliquesAndBridge(4));
    const all = Int32Array.from(csr.nodes, (_, i) => i);
    const exact = betweennessByHops(csr);
    betweennessByHops(csr, all).forEach((value, i) => {
      expect(value).toBeCloseTo(exact[i] as number, 10);
    });
  });

  it('follows link direction on a directed CSR', () => {
    const graph = pathGraph(4);
    const fast = betweennessByHops(buildCsr(graph, { directed: true }));
    general(graph, true).forEach((value, i) => {
      expect(fast[i]).toBeCloseTo(value, 10);
    });
  });
});
