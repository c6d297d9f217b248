import { describe, expect, it } from 'vitest';
import { graphFromRecords } from '../../../server/runner/graph-from-records.ts';
import { runAnalyses } from '../../../server/runner/run-analyses.ts';
import { nameSyndicate } from '../../../analysis/communities/syndicate-name.ts';
import { generateDemoCase } from '../../../seeds/demo/generate.ts';

describe('nameSyndicate', () => {
  it('names a community after the syndicate organisation among its members', () => {
    const members = [
      { entityType: 'Person', name: 'Anwar Al-Fitouri' },
      { entityType: 'Organisation', kind: 'front company', name: 'Mare Blu Pesca S.r.l.' },
      { entityType: 'Organisation', kind: 'syndicate', name: 'Zuwara coast syndicate' },
    ];
    expect(nameSyndicate(0, members, [{ name: 'Anwar Al-Fitouri' }])).toBe('Zuwara coast syndicate');
  });

  it('falls back to its key members, then to its number', () => {
    const members = [
      { entityType: 'Person', name: 'A' },
      { entityType: 'Organisation', kind: 'front company' },
    ];
    expect(
      nameSyndicate(3, members, [{ name: 'Moussa Sarr' }, { name: 'Moussa Sarr' }, { name: 'Cheikh Diop' }]),
    ).toBe('Moussa Sarr & Cheikh Diop');
    expect(nameSyndicate(4, [], [])).toBe('Community 4');
    expect(() => nameSyndicate(4, [], [], { keyMembers: 0 })).toThrow(/keyMembers must be at least 1/);
  });

  it('names every syndicate of the demo case after its organisation in the run summaries', () => {
    const { graph } = graphFromRecords(generateDemoCase().records);
    const result = runAnalyses(graph, { only: ['communities'] });
    const names = (result.communities ?? []).filter((c) => c.size > 100).map((c) => c.summary.name);
    expect(names.sort()).toEqual([
      'Aegean crossings syndicate',
      'Balkan corridor syndicate',
      'Cordillera passage syndicate',
      'Petite Cote pirogue syndicate',
      'Zuwara coast syndicate',
    ]);
    for (const cell of result.cells ?? []) expect(cell.summary.name).not.toBe('');
  });
});
