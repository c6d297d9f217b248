import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  buildLocationGraph,
  compareRoutes,
  findHotspots,
  routePaths,
} from '../../../analysis/findings/routes.ts';
import type { CaseGraph, EntityAttributes, LinkAttributes } from '../../../analysis/core/types.ts';

/** Two routes from Agadez to Italy: one through Tripoli (2022), one through Tunisia's Sfax (2023). */
function caseGraph(): CaseGraph {
  const g = new MultiDirectedGraph<EntityAttributes, LinkAttributes>();
  for (const place of ['agadez', 'sabha', 'tripoli', 'sfax', 'lampedusa', 'niamey', 'algiers']) {
    g.addNode(place, {
      entityType: 'Location',
      kind: 'city',
      name: place[0]?.toUpperCase() + place.slice(1),
    });
  }
  const route = (id: string, places: string[]) => {
    g.addNode(id, { entityType: 'Route', mode: 'sea' });
    for (const [order, place] of places.entries()) g.addEdge(id, place, { linkType: 'ROUTE_LEG', order });
  };
  // Legs given out of order: the order attribute decides.
  g.addNode('r-libya', { entityType: 'Route' });
  g.addEdge('r-libya', 'lampedusa', { linkType: 'ROUTE_LEG', order: 3 });
  g.addEdge('r-libya', 'agadez', { linkType: 'ROUTE_LEG', order: 0 });
  g.addEdge('r-libya', 'tripoli', { linkType: 'ROUTE_LEG', order: 2 });
  g.addEdge('r-libya', 'sabha', { linkType: 'ROUTE_LEG', order: 1 });
  route('r-tunisia', ['agadez', 'sfax', 'lampedusa']);
  route('r-algeria', ['niamey', 'algiers']);
  g.addNode('org-a', { entityType: 'Organisation', kind: 'syndicate' });
  g.addNode('org-b', { entityType: 'Organisation', kind: 'syndicate' });
  for (let i = 0; i < 4; i++) {
    g.addNode(`m${i}`, { entityType: 'Person', roles: ['smuggled person'] });
    g.addEdge(`m${i}`, i < 3 ? 'r-libya' : 'r-tunisia', {
      linkType: 'TRAVELLED',
      date: i < 3 ? '2022-06-01' : '2023-07-01',
    });
  }
  g.addNode('guide', { entityType: 'Person', roles: ['guide'] });
  g.addEdge('guide', 'org-a', { linkType: 'MEMBER_OF' });
  g.addEdge('guide', 'r-libya', { linkType: 'OPERATES' });
  g.addNode('pilot', { entityType: 'Person', roles: ['boat pilot'] });
  g.addEdge('pilot', 'org-b', { linkType: 'MEMBER_OF' });
  g.addNode('wreck', { entityType: 'Event', kind: 'shipwreck', date: '2022-06-03', deaths: 12 });
  g.addEdge('wreck', 'tripoli', { linkType: 'LOCATED_IN' });
  g.addEdge('pilot', 'wreck', { linkType: 'INVOLVED_IN' });
  g.addNode('stop', { entityType: 'Event', kind: 'interception', date: '2022-06-04' });
  g.addEdge('stop', 'tripoli', { linkType: 'LOCATED_IN' });
  g.addNode('ride', { entityType: 'Event', kind: 'crossing', date: '2021-03-01' });
  g.addEdge('r-algeria', 'ride', { linkType: 'INVOLVED_IN' });
  return g;
}

describe('routes', () => {
  const g = caseGraph();

  it('orders each route by its legs', () => {
    expect(routePaths(g).find((r) => r.route === 'r-libya')?.places).toEqual([
      'agadez',
      'sabha',
      'tripoli',
      'lampedusa',
    ]);
  });

  it('weights each leg of the location graph by the journeys along it', () => {
    const { legs } = buildLocationGraph(g);
    expect(legs[0]).toEqual({ from: 'agadez', to: 'sabha', routes: ['r-libya'], journeys: 3 });
    expect(legs.find((l) => l.from === 'sfax')).toMatchObject({ to: 'lampedusa', journeys: 1 });
  });

  it('ranks transit places by journeys, syndicates and incidents, leaving out sources and destinations', () => {
    const spots = findHotspots(g);
    expect(spots[0]).toMatchObject({
      location: 'tripoli',
      journeys: 3,
      syndicates: ['org-a', 'org-b'],
      incidents: { shipwreck: 1, interception: 1 },
      deaths: 12,
    });
    expect(spots.map((s) => s.location)).not.toContain('agadez');
    expect(spots.map((s) => s.location)).toContain('sfax');
  });

  it('uses a given membership instead of MEMBER_OF links', () => {
    const spots = findHotspots(g, { membership: { m3: 'community-7' } });
    expect(spots.find((s) => s.location === 'sfax')?.syndicates).toEqual(['community-7']);
  });

  it('sees the Agadez-Lampedusa corridor shift from Libya to Tunisia and the Algerian route fade', () => {
    const change = compareRoutes(g, {
      before: { from: '2021-01-01', until: '2022-12-31' },
      after: { from: '2023-01-01', until: '2023-12-31' },
    });
    expect(change.shifted).toEqual([
      {
        source: 'agadez',
        destination: 'lampedusa',
        before: [['sabha', 'tripoli']],
        after: [['sfax']],
        routes: { before: ['r-libya'], after: ['r-tunisia'] },
      },
    ]);
    expect(change.faded.map((c) => c.source)).toEqual(['niamey']);
    expect(change.appeared).toEqual([]);
  });

  it('rejects missing periods, naming the module', () => {
    expect(() => compareRoutes(g, {} as never)).toThrow(/analysis\/routes/);
  });
});
