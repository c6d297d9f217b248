import { describe, expect, it } from 'vitest';
import { normalizedMutualInformation } from '../../../analysis/communities/compare.ts';
import { isProtected } from '../../../analysis/core/types.ts';
import { graphFromRecords } from '../../../server/runner/graph-from-records.ts';
import { runAnalyses } from '../../../server/runner/run-analyses.ts';
import { generateDemoCase } from '../../../seeds/demo/generate.ts';

describe('the analyses of the demo case, in memory', () => {
  const demo = generateDemoCase();
  const { graph, problems } = graphFromRecords(demo.records);
  const result = runAnalyses(graph, {
    only: ['communities', 'centrality', 'crime-links', 'money', 'documents'],
    crimeLinks: { maxHops: 3 },
  });
  const { truth } = demo;

  it('reads every record of the case', () => {
    expect(problems).toEqual([]);
    expect(result.graph).toEqual({ entities: truth.counts.totalEntities, links: truth.counts.totalLinks });
  });

  it('recovers the planted syndicates as communities (NMI of at least 0.85 over facilitators)', () => {
    const found: Record<string, number> = {};
    for (const id of Object.keys(truth.facilitators)) {
      const community = result.entities[id]?.community;
      if (community !== undefined) found[id] = community;
    }
    expect(Object.keys(found).length).toBe(Object.keys(truth.facilitators).length);
    expect(normalizedMutualInformation(truth.facilitators, found)).toBeGreaterThanOrEqual(0.85);
    const members = result.communities?.flatMap((c) => c.members) ?? [];
    expect(new Set(members).size).toBe(members.length);
  });

  it('never ranks a smuggled person or witness among the key players', () => {
    const players = result.keyPlayers ?? [];
    expect(players.length).toBe(10);
    for (const p of players) expect(isProtected(graph.getNodeAttributes(p.id))).toBe(false);
    const leaders = new Set(truth.syndicates.flatMap((s) => s.leaderIds));
    expect(players.filter((p) => leaders.has(p.id)).length).toBeGreaterThanOrEqual(3);
  });

  it.each(truth.typologies.map((t) => [t.kind, t] as const))('finds the planted %s', (kind, planted) => {
    const covered = new Set(
      (result.money?.typologies ?? []).filter((h) => h.kind === kind).flatMap((h) => h.payments),
    );
    const found = planted.payments.filter((p) => covered.has(p)).length;
    expect(found * 2).toBeGreaterThan(planted.payments.length);
  });

  it('converts every payment with the built-in rates', () => {
    expect(result.money?.unconverted).toEqual([]);
    expect(result.money?.transfers).toBe(truth.counts.entities.Payment);
  });

  it('finds every reused document with the people who used it', () => {
    for (const reused of truth.reusedDocuments) {
      const shared = result.documents?.shared.find((s) => s.document === reused.documentId);
      expect(shared?.people).toEqual(expect.arrayContaining(reused.users));
    }
  });

  it('links the broker’s community to terrorism, through the payments to the armed group', () => {
    const community = result.entities[truth.terrorism.brokerId]?.community;
    const row = result.crimeLinks?.communities.find((c) => c.community === community);
    const terrorism = row?.links.find((l) => l.category === 'terrorism');
    expect(terrorism?.offences).toContain(truth.terrorism.offenceId);
    const evidence = terrorism?.evidence.flatMap((p) => p.nodes) ?? [];
    expect(evidence).toContain(truth.terrorism.organisationId);
    expect(terrorism?.evidence[0]?.hops.flat().every((h) => typeof h.grade === 'string')).toBe(true);
  });
});
