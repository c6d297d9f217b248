import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { findDuplicateCandidates, nameSimilarity } from '../../../analysis/findings/identity.ts';
import { createRng } from '../../../analysis/core/random.ts';
import type { CaseGraph, EntityAttributes, LinkAttributes } from '../../../analysis/core/types.ts';

const graph = () => new MultiDirectedGraph<EntityAttributes, LinkAttributes>();

describe('name folding', () => {
  it('reads common transliterations of one Arabic name as the same name', () => {
    expect(nameSimilarity('Mohammed Abdul-Rahman', 'Muhammad Abd al Rahman')).toBe(1);
    expect(nameSimilarity('Youssef El-Masri', 'Yusuf al Masri')).toBe(1);
    expect(nameSimilarity('Hüseyin Çelik', 'Huseyin Celik')).toBe(1);
  });

  it('scores reordered and respelt names close, and different people apart', () => {
    expect(nameSimilarity('Haddad, Omar', 'Omar Hadad')).toBeGreaterThan(0.95);
    expect(nameSimilarity('Mohamed Ali', 'Mohamed Salah')).toBeLessThan(0.88);
  });
});

describe('findDuplicateCandidates', () => {
  function caseGraph(): CaseGraph {
    const g = graph();
    g.addNode('p1', {
      entityType: 'Person',
      name: 'Mohammed Abdul Rahman',
      birthDate: '1985-04-02',
      nationalities: ['SD'],
    });
    g.addNode('p2', { entityType: 'Person', name: 'Muhammad Abd al-Rahman', birthDate: '1985-04-02' });
    g.addNode('p3', { entityType: 'Person', name: 'Mohamed Salah', birthDate: '1985-04-02' });
    g.addNode('p4', { entityType: 'Person', name: 'Abu Yassin', aliases: ['The Doctor'] });
    g.addNode('p5', { entityType: 'Person', name: 'Tarek Y.' });
    g.addNode('p6', { entityType: 'Person', name: 'Omar Haddad', birthDate: '1990-01-01' });
    g.addNode('p7', { entityType: 'Person', name: 'Omar Hadad', birthDate: '1990-01-01' });
    g.addNode('phone', { entityType: 'Communication', kind: 'phone', identifier: '+218 91 000 0000' });
    g.addEdge('p4', 'phone', { linkType: 'USED' });
    g.addEdge('p5', 'phone', { linkType: 'USED' });
    g.addNode('passport', { entityType: 'Document', kind: 'passport', number: 'P0001' });
    g.addEdge('p4', 'passport', { linkType: 'HOLDS' });
    g.addEdge('p5', 'passport', { linkType: 'USED' });
    g.addEdge('p6', 'p7', { linkType: 'SAME_AS' });
    g.addNode('acc1', { entityType: 'Account', iban: 'LY83 0020 4800 0020 1000 1200 1' });
    g.addNode('acc2', { entityType: 'Account', iban: 'LY830020480000201000120 01' });
    g.addNode('v1', { entityType: 'Vessel', imo: '9123456' });
    g.addNode('v2', { entityType: 'Vessel', imo: '9123457' });
    return g;
  }
  const result = findDuplicateCandidates(caseGraph());

  it('proposes transliterated names with the same birth date, with the reasons', () => {
    const pair = result.persons.find((c) => c.a === 'p1' && c.b === 'p2');
    expect(pair?.score).toBeGreaterThanOrEqual(0.6);
    expect(pair?.reasons.join(' | ')).toMatch(/similar names.*\| same birth date 1985-04-02/);
  });

  it('proposes people sharing a phone and a passport even when their names differ', () => {
    expect(result.persons.find((c) => c.a === 'p4' && c.b === 'p5')?.reasons).toEqual([
      'shared documents, phones or accounts: phone, passport',
    ]);
  });

  it('does not propose different names that only share a birth date, nor pairs already confirmed SAME_AS', () => {
    const pairs = result.persons.map((c) => `${c.a}-${c.b}`);
    expect(pairs).not.toContain('p1-p3');
    expect(pairs).not.toContain('p6-p7');
  });

  it('lists accounts that share an IBAN however it is spaced, not vessels with different IMO numbers', () => {
    expect(result.identifiers).toEqual([
      { entityType: 'Account', key: 'iban', value: 'LY83002048000020100012001', nodes: ['acc1', 'acc2'] },
    ]);
  });

  it('finds a planted duplicate among thousands of distinct persons', () => {
    const g = graph();
    const rng = createRng(7);
    const syllables =
      'ka ri mo ta ne su lo bi da fe gu hi jo ze wa pe ni tu vo sa me ku ra do li bo xe yu ce'.split(' ');
    const word = () =>
      Array.from({ length: 3 }, () => syllables[Math.floor(rng() * syllables.length)]).join('');
    for (let i = 0; i < 3000; i++) {
      g.addNode(`n${i}`, {
        entityType: 'Person',
        name: `${word()} ${word()}`,
        birthDate: `19${50 + (i % 50)}-01-01`,
      });
    }
    g.addNode('dupe-a', { entityType: 'Person', name: 'Ibrahim Mostafa Khaled', birthDate: '1979-09-09' });
    g.addNode('dupe-b', { entityType: 'Person', name: 'Khalid Ebrahim Mustafa', birthDate: '1979-09-09' });
    const { persons } = findDuplicateCandidates(g);
    expect(persons[0]).toMatchObject({ a: 'dupe-a', b: 'dupe-b' });
  });
});
