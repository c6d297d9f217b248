import { describe, expect, it } from 'vitest';
import { planSteps, runAnalyses } from '../../../server/runner/run-analyses.ts';
import { ANALYSIS_NAMES, type StepProgress } from '../../../server/runner/types.ts';
import { smallCase } from './small-case.ts';

describe('runAnalyses on a small case with known answers', () => {
  const graph = smallCase();
  const progress: StepProgress[] = [];
  const result = runAnalyses(graph, { onProgress: (p) => progress.push(p) });

  it('finds the two cells as communities, with their members and profiles', () => {
    const cellOf = (id: string) => result.entities[id]?.community;
    expect(new Set(['a1', 'a2', 'a3', 'a4'].map(cellOf)).size).toBe(1);
    expect(new Set(['b1', 'b2', 'b3', 'b4'].map(cellOf)).size).toBe(1);
    expect(cellOf('a1')).not.toBe(cellOf('b1'));
    expect(result.modularity).toBeGreaterThan(0.2);
    const a = result.communities?.find((c) => c.members.includes('a2'));
    expect(a?.summary.byRole.transporter).toBeGreaterThanOrEqual(4);
  });

  it('scores every entity, and never ranks the smuggled person among the key players', () => {
    expect(result.entities.s?.betweenness).toBeGreaterThan(0);
    for (const id of ['a1', 'b', 'b1']) {
      expect(result.entities[id]).toMatchObject({
        degree: expect.any(Number),
        betweenness: expect.any(Number),
        pagerank: expect.any(Number),
      });
    }
    const ranked = (result.keyPlayers ?? []).map((p) => p.id);
    expect(ranked).not.toContain('s');
    expect(ranked.slice(0, 3)).toContain('b');
  });

  it('finds the broker between the cells, and leaves the smuggled person out of the cut points', () => {
    expect(result.brokers?.[0]?.id).toBe('b');
    expect(result.cutPoints?.map((c) => c.id)).not.toContain('s');
  });

  it('finds the fan-out of the broker account, converted from dollars', () => {
    expect(result.money?.transfers).toBe(4);
    expect(result.money?.unconverted).toEqual([]);
    const fan = result.money?.typologies.find((t) => t.kind === 'fan-out');
    expect(fan?.parties[0]).toBe('acc:b');
    expect(fan?.payments).toHaveLength(4);
    expect(result.money?.flows.countries.find((f) => f.from === 'TR' && f.to === 'LY')?.count).toBe(4);
  });

  it('links the community of b3 to terrorism, with the graded evidence', () => {
    const community = result.entities.b3?.community;
    const row = result.crimeLinks?.communities.find((c) => c.community === community);
    const terrorism = row?.links.find((l) => l.category === 'terrorism');
    expect(terrorism?.distance).toBe(1);
    expect(terrorism?.evidence[0]?.hops[0]).toEqual([
      { linkType: 'SUSPECTED_OF', grade: 'C3', gradeScheme: 'europol' },
    ]);
  });

  it('reports each step starting and finishing, in order', () => {
    const done = progress.filter((p) => p.state === 'done').map((p) => p.step);
    expect(done).toEqual([...ANALYSIS_NAMES]);
    expect(progress.every((p) => p.total === ANALYSIS_NAMES.length)).toBe(true);
  });

  it('runs only what is asked, with the communities a step needs', () => {
    const only = runAnalyses(graph, { only: ['money'] });
    expect(only.parameters.only).toEqual(['communities', 'money']);
    expect(only.money?.typologies.length).toBeGreaterThan(0);
    expect(only.documents).toBeUndefined();
    expect(only.keyPlayers).toBeUndefined();
  });

  it('refuses an unknown analysis by name', () => {
    expect(() => planSteps(['communities', 'astrology' as never])).toThrow(/unknown analyses astrology/);
  });

  it('gives the same communities for the same seed', () => {
    const again = runAnalyses(graph, { only: ['communities'], seed: 1 });
    expect(again.communities?.map((c) => c.members)).toEqual(result.communities?.map((c) => c.members));
  });
});
