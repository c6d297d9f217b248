import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { projectToCsr, toWeightedUndirected } from '../../../analysis/core/undirected.ts';

function caseGraph(): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  for (const id of ['alice', 'bob', 'carol']) g.addNode(id, { entityType: 'Person' });
  g.addNode('syndicate', { entityType: 'Organisation' });
  g.addNode('pay1', { entityType: 'Payment', amount: 3000 });
  g.addNode('src', { entityType: 'Source' });
  g.addNode('case', { entityType: 'Case' });
  g.addEdge('alice', 'bob', { linkType: 'CONTACTED', weight: 1 });
  g.addEdge('bob', 'alice', { linkType: 'CONTACTED', weight: 2 });
  g.addEdge('alice', 'syndicate', { linkType: 'MEMBER_OF' });
  g.addEdge('carol', 'pay1', { linkType: 'PAID' });
  g.addEdge('pay1', 'bob', { linkType: 'RECEIVED' });
  g.addEdge('alice', 'src', { linkType: 'REPORTED_IN' });
  g.addEdge('carol', 'src', { linkType: 'REPORTED_IN' });
  g.addEdge('carol', 'case', { linkType: 'PART_OF' });
  g.addEdge('alice', 'alice', { linkType: 'SAME_AS' });
  return g;
}

describe('toWeightedUndirected', () => {
  it('sums parallel links in both directions into one tie weighted by link type', () => {
    const u = toWeightedUndirected(caseGraph());
    expect(u.type).toBe('undirected');
    expect(u.multi).toBe(false);
    // CONTACTED weighs 2: 2 x 1 + 2 x 2.
    expect(u.getEdgeAttribute('alice', 'bob', 'weight')).toBe(6);
    expect(u.getEdgeAttribute('alice', 'syndicate', 'weight')).toBe(3);
  });

  it('bridges a Payment into a payer-payee tie and drops the Payment node', () => {
    const u = toWeightedUndirected(caseGraph());
    expect(u.hasNode('pay1')).toBe(false);
    expect(u.hasEdge('carol', 'bob')).toBe(true);
  });

  it('leaves Source and Case nodes out by default so they do not glue the network together', () => {
    const u = toWeightedUndirected(caseGraph());
    expect(u.hasNode('src')).toBe(false);
    expect(u.hasNode('case')).toBe(false);
    expect(u.hasEdge('alice', 'carol')).toBe(false);
    expect(u.order).toBe(4);
    expect(u.size).toBe(3);
  });

  it('keeps whatever the include filter accepts and honours custom type weights', () => {
    const u = toWeightedUndirected(caseGraph(), {
      include: () => true,
      bridgePayments: false,
      linkTypeWeights: { CONTACTED: 1 },
      getEdgeWeight: null,
    });
    expect(u.hasNode('src')).toBe(true);
    expect(u.hasNode('pay1')).toBe(true);
    expect(u.getEdgeAttribute('alice', 'bob', 'weight')).toBe(2);
    expect(u.hasEdge('alice', 'alice')).toBe(false);
  });

  it('rejects something that is not a graph with a message naming the module', () => {
    expect(() => toWeightedUndirected({} as MultiDirectedGraph)).toThrow(/analysis\/undirected/);
  });
});

describe('projectToCsr', () => {
  it('gives the same ties as compressed rows: summed, bridged, Sources and Cases left out', () => {
    const csr = projectToCsr(caseGraph());
    expect(csr.directed).toBe(false);
    expect(csr.nodes).toEqual(['alice', 'bob', 'carol', 'syndicate']);
    const ties = (node: string) => {
      const v = csr.index.get(node) as number;
      const row: Record<string, number> = {};
      for (let j = csr.offsets[v] as number; j < (csr.offsets[v + 1] as number); j++)
        row[csr.nodes[csr.targets[j] as number] as string] = csr.weights[j] as number;
      return row;
    };
    expect(ties('alice')).toEqual({ bob: 6, syndicate: 3 });
    expect(ties('bob')).toEqual({ alice: 6, carol: 1 });
    expect(ties('carol')).toEqual({ bob: 1 });
  });
});
