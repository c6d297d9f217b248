import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { findIntelligenceGaps } from '../../../analysis/findings/gaps.ts';
import type { CaseGraph, EntityAttributes, LinkAttributes } from '../../../analysis/core/types.ts';

function caseGraph(): CaseGraph {
  const g = new MultiDirectedGraph<EntityAttributes, LinkAttributes>();
  g.addNode('boss', { entityType: 'Person', roles: ['organiser'] });
  g.addNode('driver', { entityType: 'Person', roles: ['transporter'] });
  g.addNode('broker', { entityType: 'Person', roles: ['money broker'] });
  g.addNode('migrant', { entityType: 'Person', roles: ['smuggled person'] });
  g.addNode('syn-a', { entityType: 'Organisation', kind: 'syndicate' });
  g.addNode('syn-b', { entityType: 'Organisation', kind: 'syndicate' });
  g.addNode('front', { entityType: 'Organisation', kind: 'front company' });
  g.addEdge('boss', 'syn-a', { linkType: 'LEADS', sources: ['s1', 's2'], grade: 'B2' });
  g.addEdge('driver', 'syn-b', { linkType: 'MEMBER_OF', sources: ['s1'], grade: 'B2' });
  g.addEdge('broker', 'syn-b', { linkType: 'MEMBER_OF', sources: ['s1', 's3'] });
  g.addNode('acct', { entityType: 'Account' });
  g.addEdge('broker', 'acct', { linkType: 'HOLDS_ACCOUNT', sources: ['s1', 's2'], grade: 'A1' });
  g.addNode('fee', { entityType: 'Payment', amount: 2500, currency: 'EUR', date: '2024-01-10' });
  g.addEdge('migrant', 'fee', { linkType: 'PAID', sources: ['s1', 's2'], grade: 'B2' });
  g.addNode('agadez', { entityType: 'Location' });
  g.addNode('sabha', { entityType: 'Location' });
  g.addNode('tripoli', { entityType: 'Location' });
  g.addNode('route', { entityType: 'Route', mode: 'land' });
  g.addEdge('route', 'agadez', { linkType: 'ROUTE_LEG', order: 0 });
  g.addEdge('route', 'sabha', { linkType: 'ROUTE_LEG', order: 1 });
  g.addEdge('route', 'tripoli', { linkType: 'ROUTE_LEG', order: 2 });
  g.addNode('truck', { entityType: 'Vehicle', plate: 'NE-1234' });
  g.addNode('convoy', { entityType: 'Event', kind: 'crossing', date: '2024-01-12' });
  g.addEdge('convoy', 'agadez', { linkType: 'LOCATED_IN', sources: ['s1', 's2'], grade: 'B2' });
  g.addEdge('convoy', 'route', { linkType: 'PART_OF', sources: ['s1', 's2'], grade: 'B2' });
  g.addEdge('truck', 'convoy', { linkType: 'INVOLVED_IN', sources: ['s1', 's2'], grade: 'B2' });
  g.addEdge('driver', 'convoy', { linkType: 'INVOLVED_IN', sources: ['s1', 's2'], grade: 'B2' });
  g.addNode('arrest', { entityType: 'Event', kind: 'arrest', date: '2024-09-30' });
  g.addEdge('driver', 'arrest', { linkType: 'INVOLVED_IN', sources: ['s4', 's5'], grade: 'A1' });
  return g;
}

describe('findIntelligenceGaps', () => {
  const gaps = findIntelligenceGaps(caseGraph());

  it('lists links on a single source or without a grade, not route structure', () => {
    expect(gaps.weakLinks.map((w) => [w.source, w.target, w.reasons])).toEqual([
      ['driver', 'syn-b', ['single source']],
      ['broker', 'syn-b', ['no grade']],
    ]);
  });

  it('lists facilitators with no account and no payment, never the people smuggled', () => {
    expect(gaps.noPaymentChannel).toEqual(['boss', 'driver']);
  });

  it('lists the legs of a route where no vessel or vehicle is known', () => {
    expect(gaps.legsWithoutTransport).toEqual([{ route: 'route', from: 'sabha', to: 'tripoli' }]);
  });

  it('lists syndicates with no leader or organiser, and given communities likewise', () => {
    expect(gaps.leaderless).toEqual(['syn-b']);
    const withCommunities = findIntelligenceGaps(caseGraph(), {
      communities: { boss: 'c1', driver: 'c2', broker: 'c2' },
    });
    expect(withCommunities.leaderless).toEqual(['syn-b', 'c2']);
  });

  it('lists payments with an unknown party', () => {
    expect(gaps.paymentsWithUnknownParty).toEqual([{ payment: 'fee', missing: ['receiver'] }]);
  });

  it("lists a facilitator's silence longer than the threshold", () => {
    expect(gaps.silences).toEqual([{ person: 'driver', from: '2024-01-12', to: '2024-09-30', days: 262 }]);
    expect(findIntelligenceGaps(caseGraph(), { silenceDays: 300 }).silences).toEqual([]);
  });
});
