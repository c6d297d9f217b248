import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { CaseGraph, EntityAttributes, LinkAttributes } from '../../../analysis/core/types.ts';
import { analyseVessels } from '../../../analysis/findings/vessels.ts';

function caseGraph(): CaseGraph {
  const g = new MultiDirectedGraph<EntityAttributes, LinkAttributes>();
  g.addNode('v1', {
    entityType: 'Vessel',
    name: 'Sea Star',
    flag: 'TG',
    pastNames: ['Nour 2'],
    pastFlags: ['SL'],
    imo: '9123456',
  });
  g.addNode('v2', {
    entityType: 'Vessel',
    name: 'Amal',
    flag: 'LY',
    pastNames: ['AMAL'],
    pastFlags: [],
    imo: '9123456',
  });
  g.addNode('v3', { entityType: 'Vessel', name: 'Fishing boat', mmsi: '642000001' });
  g.addNode('car1', { entityType: 'Vehicle', plate: 'AB 123 CD' });
  g.addNode('car2', { entityType: 'Vehicle', plate: 'ab123cd' });
  g.addNode('wreck', { entityType: 'Event', kind: 'shipwreck', date: '2023-06-14' });
  g.addNode('charter', { entityType: 'Payment', amount: 60_000, currency: 'USD', date: '2023-06-01' });
  g.addNode('border', { entityType: 'Event', kind: 'interception', date: '2023-02-01' });
  g.addEdge('v1', 'wreck', { linkType: 'INVOLVED_IN' });
  g.addEdge('charter', 'wreck', { linkType: 'INVOLVED_IN' });
  g.addEdge('car2', 'border', { linkType: 'INVOLVED_IN' });
  return g;
}

describe('analyseVessels', () => {
  const result = analyseVessels(caseGraph());

  it('reports a renamed and reflagged vessel with its events and the payments around them', () => {
    expect(result.histories).toEqual([
      {
        vessel: 'v1',
        name: 'Sea Star',
        flag: 'TG',
        pastNames: ['Nour 2'],
        pastFlags: ['SL'],
        renamed: true,
        reflagged: true,
        events: ['wreck'],
        payments: ['charter'],
      },
    ]);
  });

  it('reports vessels sharing an IMO number and vehicles sharing a plate however it is written', () => {
    expect(result.sharedIdentifiers.map((s) => [s.entityType, s.key, s.nodes, s.events])).toEqual([
      ['Vessel', 'imo', ['v1', 'v2'], ['wreck']],
      ['Vehicle', 'plate', ['car1', 'car2'], ['border']],
    ]);
  });

  it('rejects something that is not a graph, naming the module', () => {
    expect(() => analyseVessels([] as unknown as CaseGraph)).toThrow(/analysis\/vessels/);
  });
});
