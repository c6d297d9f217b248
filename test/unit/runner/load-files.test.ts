import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGraphFromFiles } from '../../../server/runner/load-files.ts';

const work = mkdtempSync(join(tmpdir(), 'ariadne-load-files-'));

function writeFiles(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

const PROV = 'sources,grade,handling';
const P = 'src:t,B2,H0';

describe("analyse --file loads files into the analyses' graph", () => {
  it('reports each bad record by file, line and field, and keeps the rest', async () => {
    const entities = [
      `id,type,name,${PROV}`,
      `src:t,Source,Test source,${P}`,
      `p1,Person,One,${P}`,
      `p2,Person,Two,${P}`,
      `p3,Person,,${P}`,
      `p4,Person,Four,src:t,Z9,H0`,
    ].join('\n');
    const links = [
      `source,target,type,weight,${PROV}`,
      `p1,p2,CONTACTED,2,${P}`,
      `p2,p1,CONTACTED,-1,${P}`,
      `p2,p2,CONTACTED,2,${P}`,
      `p1,nobody,CONTACTED,2,${P}`,
      `p1,p2,CONTACTED,lots,${P}`,
      `p1,p2,NOT_A_TYPE,2,${P}`,
      `p1,p2,contacted,4,${P}`,
    ].join('\n');
    const dir = writeFiles('bad', { 'entities.csv': entities, 'links.csv': links });
    const loaded = await loadGraphFromFiles([dir]);
    expect(loaded.records).toBe(12);
    expect(loaded.graph.nodes()).toEqual(['src:t', 'p1', 'p2']);
    // The lower-case type is normalised by validation, as ingest does.
    expect(loaded.graph.mapEdges((_e, a) => [a.linkType, a.weight])).toEqual([
      ['CONTACTED', 2],
      ['CONTACTED', 4],
    ]);
    expect(loaded.problems).toEqual([
      { at: expect.stringMatching(/entities\.csv:5$/), field: 'name', message: expect.any(String) },
      { at: expect.stringMatching(/entities\.csv:6$/), field: 'grade', message: expect.any(String) },
      { at: expect.stringMatching(/links\.csv:3$/), field: 'weight', message: expect.any(String) },
      {
        at: expect.stringMatching(/links\.csv:4$/),
        field: 'target',
        message: expect.stringMatching(/itself/),
      },
      { at: expect.stringMatching(/links\.csv:6$/), field: 'weight', message: expect.any(String) },
      { at: expect.stringMatching(/links\.csv:7$/), field: 'type', message: expect.any(String) },
      { at: expect.stringMatching(/links\.csv:5$/), field: 'target', message: 'no entity has id "nobody"' },
    ]);
  });

  it('keeps links that come before their entities, in input order, and drops those whose end never comes', async () => {
    const lines = [
      { kind: 'link', type: 'ASSOCIATE_OF', source: 'b', target: 'a', sources: ['s'], handling: 'H0' },
      { kind: 'link', type: 'ASSOCIATE_OF', source: 'b', target: 'zz', sources: ['s'], handling: 'H0' },
      { kind: 'entity', type: 'Source', id: 's', name: 'S', handling: 'H0' },
      { kind: 'entity', type: 'Person', id: 'a', name: 'A', sources: ['s'], handling: 'H0' },
      { kind: 'entity', type: 'Person', id: 'b', name: 'B', sources: ['s'], handling: 'H0' },
      { kind: 'entity', type: 'Person', id: 'c', name: 'C', sources: ['s'], handling: 'H0' },
      { kind: 'link', type: 'FAMILY_OF', source: 'c', target: 'a', sources: ['s'], handling: 'H0' },
    ];
    const dir = writeFiles('early', { 'case.ndjson': lines.map((l) => JSON.stringify(l)).join('\n') });
    const loaded = await loadGraphFromFiles([join(dir, 'case.ndjson')]);
    expect(loaded.problems).toEqual([
      expect.objectContaining({ field: 'target', message: 'no entity has id "zz"' }),
    ]);
    expect(loaded.graph.mapEdges((_e, _a, source) => source)).toEqual(['b', 'c']);
  });
});
