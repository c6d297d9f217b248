import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { simulateDisruption } from '../../../analysis/findings/disruption.ts';
import { readCaviar } from '../../helpers/caviar.ts';

// Two cells of three (a*, c*) joined only through the broker; money flows a1 -> broker -> c1.
function twoCellsAndBroker(): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  for (const id of ['a1', 'a2', 'a3', 'c1', 'c2', 'c3', 'broker']) g.addNode(id, { entityType: 'Person' });
  g.addNode('p1', { entityType: 'Payment', amount: 2000 });
  g.addNode('p2', { entityType: 'Payment', amount: 1800 });
  for (const [a, b] of [
    ['a1', 'a2'],
    ['a2', 'a3'],
    ['a1', 'a3'],
    ['c1', 'c2'],
    ['c2', 'c3'],
    ['c1', 'c3'],
    ['a1', 'broker'],
    ['broker', 'c1'],
  ])
    g.addEdge(a as string, b as string, { linkType: 'ASSOCIATE_OF' });
  g.addEdge('a1', 'p1', { linkType: 'PAID' });
  g.addEdge('p1', 'broker', { linkType: 'RECEIVED' });
  g.addEdge('broker', 'p2', { linkType: 'PAID' });
  g.addEdge('p2', 'c1', { linkType: 'RECEIVED' });
  return g;
}

describe('simulateDisruption', () => {
  it('removing the broker splits the network and cuts every money path through them', () => {
    const result = simulateDisruption(twoCellsAndBroker(), { remove: ['broker'] });
    expect(result.before).toEqual({ largestComponent: 7, components: 1, moneyPaths: 3 });
    expect(result.after).toEqual({ largestComponent: 3, components: 2, moneyPaths: 0 });
    expect(result.moneyPathsCut).toEqual(
      expect.arrayContaining([
        { payer: 'a1', payee: 'broker' },
        { payer: 'broker', payee: 'c1' },
        { payer: 'a1', payee: 'c1' },
      ]),
    );
  });

  it('cuts the money path but not the network when only the payment is removed', () => {
    const result = simulateDisruption(twoCellsAndBroker(), { remove: ['p2'] });
    expect(result.after.components).toBe(1);
    expect(result.moneyPathsCut).toEqual(
      expect.arrayContaining([
        { payer: 'broker', payee: 'c1' },
        { payer: 'a1', payee: 'c1' },
      ]),
    );
    expect(result.after.moneyPaths).toBe(1);
  });

  it('reports a community left in pieces', () => {
    const membership = { a1: 0, a2: 0, a3: 0, broker: 0, c1: 0, c2: 0, c3: 0 };
    const result = simulateDisruption(twoCellsAndBroker(), { remove: ['broker'], membership });
    expect(result.communitiesSplit).toEqual([{ id: 0, pieces: 2 }]);
  });

  it('picks the broker first by betweenness', () => {
    const result = simulateDisruption(twoCellsAndBroker(), { strategy: 'betweenness', k: 1 });
    expect(result.removed.map((r) => r.id)).toEqual(['broker']);
  });

  it.each(['betweenness', 'degree', 'collective-influence'] as const)(
    'never picks a smuggled person by %s, even when it holds the network together',
    (strategy) => {
      const graph = twoCellsAndBroker();
      graph.mergeNodeAttributes('broker', { roles: ['smuggled person'] });
      graph.mergeNodeAttributes('a1', { roles: ['witness'] });
      const result = simulateDisruption(graph, { strategy, k: 4 });
      expect(result.removed).toHaveLength(4);
      expect(result.removed.map((r) => r.id)).not.toContain('broker');
      expect(result.removed.map((r) => r.id)).not.toContain('a1');
    },
  );

  it('recomputes betweenness after each removal: the second pick is the middle of a remaining chain', () => {
    // l3-l2-l1-hub-r1-r2-r3: a one-shot ranking would take l1 after the hub; once the hub is gone,
    // l2 (the middle of l3-l2-l1) carries the only remaining paths.
    const g = new MultiDirectedGraph();
    const chain = ['l3', 'l2', 'l1', 'hub', 'r1', 'r2', 'r3'];
    for (const id of chain) g.addNode(id, { entityType: 'Person' });
    for (let i = 1; i < chain.length; i++)
      g.addEdge(chain[i - 1] as string, chain[i] as string, { linkType: 'CONTACTED' });
    const result = simulateDisruption(g, { strategy: 'betweenness', k: 2, membership: {} });
    expect(result.removed.map((r) => r.id)).toEqual(['hub', 'l2']);
    expect(result.after).toMatchObject({ largestComponent: 3, components: 3 });
  });

  it('breaks CAVIAR apart by removing the mastermind n1 and lieutenant n3 first', () => {
    const result = simulateDisruption(readCaviar(), { strategy: 'betweenness', k: 2, membership: {} });
    expect(result.removed.map((r) => r.id).sort()).toEqual(['1', '3']);
    expect(result.after.largestComponent).toBeLessThan(result.before.largestComponent);
    expect(result.after.components).toBeGreaterThan(result.before.components);
  });

  it('rejects an unknown entity id with a message naming the module', () => {
    expect(() => simulateDisruption(twoCellsAndBroker(), { remove: ['nobody'] })).toThrow(
      /disruption: no entity 'nobody'/,
    );
  });
});
