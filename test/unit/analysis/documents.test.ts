import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { analyseDocuments } from '../../../analysis/findings/documents.ts';
import type { CaseGraph, EntityAttributes, LinkAttributes } from '../../../analysis/core/types.ts';

function graph(): CaseGraph {
  const g = new MultiDirectedGraph<EntityAttributes, LinkAttributes>();
  for (const p of ['omar', 'samir', 'lina', 'karim']) g.addNode(p, { entityType: 'Person', name: p });
  const doc = (id: string, attrs: Record<string, string>) =>
    g.addNode(id, { entityType: 'Document', kind: 'passport', ...attrs });
  doc('pp-1', { number: 'LY1234501', issuingCountry: 'LY', holderName: 'Omar Haddad', status: 'genuine' });
  doc('pp-2', { number: 'SD7700122', issuingCountry: 'SD', holderName: 'Omar Hadad', status: 'forged' });
  doc('pp-3', { number: 'LY1234502', issuingCountry: 'LY', holderName: 'Samir Ali', status: 'stolen' });
  doc('pp-4', { number: 'LY1234577', issuingCountry: 'LY', holderName: 'Lina Nour', status: 'lost' });
  doc('pp-5', { number: 'LY9900001', issuingCountry: 'LY', holderName: 'Lina Nour', status: 'genuine' });
  doc('pp-6', { number: 'TN0000001', issuingCountry: 'TN', holderName: 'Karim Ben Salah' });
  doc('pp-7', { number: 'TN5550001', issuingCountry: 'TN', holderName: 'KARIM BEN SALAH' });
  g.addEdge('karim', 'pp-6', { linkType: 'HOLDS' });
  g.addEdge('karim', 'pp-7', { linkType: 'HOLDS' });
  g.addEdge('omar', 'pp-1', { linkType: 'HOLDS' });
  g.addEdge('omar', 'pp-2', { linkType: 'USED' });
  g.addEdge('samir', 'pp-3', { linkType: 'USED' });
  g.addEdge('lina', 'pp-3', { linkType: 'HOLDS' });
  g.addEdge('lina', 'pp-5', { linkType: 'HOLDS' });
  return g;
}

describe('analyseDocuments', () => {
  const result = analyseDocuments(graph());

  it('lists a document held or used by several people', () => {
    expect(result.shared).toEqual([{ document: 'pp-3', people: ['lina', 'samir'] }]);
  });

  it('lists stolen, lost and forged documents only when someone holds or uses them', () => {
    expect(result.compromised.map((c) => [c.document, c.status])).toEqual([
      ['pp-2', 'forged'],
      ['pp-3', 'stolen'],
    ]);
  });

  it('flags people with passports from two countries or in two names, not a renewal in one name', () => {
    expect(result.multipleIdentities.map((m) => m.person)).toEqual(['omar', 'lina']);
    expect(result.multipleIdentities.find((m) => m.person === 'lina')?.holderNames).toEqual([
      'Lina Nour',
      'Samir Ali',
    ]);
    expect(result.multipleIdentities.filter((m) => m.person === 'omar')).toEqual([
      {
        person: 'omar',
        kind: 'passport',
        documents: ['pp-1', 'pp-2'],
        countries: ['LY', 'SD'],
        holderNames: ['Omar Hadad', 'Omar Haddad'],
      },
    ]);
  });

  it('groups close numbers of one issuer into a series', () => {
    expect(result.series).toEqual([
      { issuingCountry: 'LY', prefix: 'LY12345', documents: ['pp-1', 'pp-3', 'pp-4'] },
    ]);
  });

  it('rejects something that is not a graph, naming the module', () => {
    expect(() => analyseDocuments(null as unknown as CaseGraph)).toThrow(/analysis\/documents/);
  });
});
