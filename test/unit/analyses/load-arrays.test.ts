import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArraysFromFiles, loadGraphFromFiles } from '../../../server/analyses/load-files.ts';
import { runAnalyses } from '../../../server/analyses/run-analyses.ts';
import { runAnalysesOnArrays, runsOnArrays } from '../../../server/analyses/run-arrays.ts';
import { writeDemoFiles } from '../../../seeds/demo/generate.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const work = mkdtempSync(join(tmpdir(), 'ariadne-load-arrays-'));

function writeFiles(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

const PROV = 'sources,grade,handling';
const P = 'src:t,B2,H0';

// Both paths on the same files: the same records, problems, entities and links, and the same
// communities result, field for field (modularity, members, profiles, entity scores).
async function expectSamePaths(paths: string[], seed = 1): Promise<void> {
  const graph = await loadGraphFromFiles(paths);
  const arrays = await loadArraysFromFiles(paths);
  expect(arrays.records).toBe(graph.records);
  expect(arrays.problems).toEqual(graph.problems);
  expect(arrays.arrays.nodes).toEqual(graph.graph.nodes());
  expect(arrays.arrays.sources.length).toBe(graph.graph.size);
  const options = { only: ['communities'] as const, seed };
  expect(JSON.stringify(runAnalysesOnArrays(arrays.arrays, options))).toBe(
    JSON.stringify(runAnalyses(graph.graph, options)),
  );
}

describe('analyse --file on case arrays', () => {
  it('runs communities alone on arrays, and anything else on the graph', () => {
    expect(runsOnArrays(['communities'])).toBe(true);
    expect(runsOnArrays(['communities', 'centrality'])).toBe(false);
    expect(runsOnArrays(['money'])).toBe(false);
    expect(runsOnArrays(undefined)).toBe(false);
  });

  it('gives the CAVIAR network the same communities, profiles and JSON as the graph', async () => {
    await expectSamePaths([join(root, 'seeds', 'caviar')]);
  });

  it('gives the London street gang the same result with several seeds', async () => {
    for (const seed of [1, 2, 3]) await expectSamePaths([join(root, 'seeds', 'london-street-gang')], seed);
  });

  it('gives the demo case (payments bridged, sources and cases left out) the same result from NDJSON', async () => {
    const dir = join(work, 'demo');
    await writeDemoFiles(dir, { scale: 1 });
    await expectSamePaths([join(dir, 'demo-case.ndjson')]);
  }, 60_000);

  it('follows graphology in profiles: numeric ids in numeric order, parallel links newest first', async () => {
    const entities = [
      `id,type,name,country,kind,${PROV}`,
      `src:t,Source,Test source,,,${P}`,
      ...['10', '2', '1', 'a', '33'].map((id) => `${id},Person,Person ${id},,,${P}`),
      `r9,Route,Route nine,,,${P}`,
      `r10,Route,Route ten,,,${P}`,
      `7,Route,Route seven,,,${P}`,
      `loc,Location,Tripoli,LY,city,${P}`,
      `pay,Payment,Fee,,,${P}`,
    ].join('\n');
    const links = [
      `source,target,type,weight,date,${PROV}`,
      `10,2,ASSOCIATE_OF,,,${P}`,
      `10,r10,TRAVELLED,,,${P}`,
      `10,r9,TRAVELLED,,,${P}`,
      `10,7,TRAVELLED,,,${P}`,
      `2,1,CONTACTED,3,2024-01-01,${P}`,
      `2,1,CONTACTED,5,2024-01-02,${P}`,
      `1,a,ASSOCIATE_OF,,,${P}`,
      `a,33,MEMBER_OF,,,${P}`,
      `33,loc,BASED_IN,,,${P}`,
      `a,pay,PAID,,,${P}`,
      `pay,10,RECEIVED,,,${P}`,
    ].join('\n');
    await expectSamePaths([writeFiles('order', { 'entities.csv': entities, 'links.csv': links })]);
  });

  it("reports bad records with validateRecord's words, after records of the same shape passed", async () => {
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
    const loaded = await loadArraysFromFiles([dir]);
    expect(loaded.problems.length).toBeGreaterThanOrEqual(6);
    expect(loaded.arrays.sources.length).toBe(2);
    await expectSamePaths([dir]);
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
    const loaded = await loadArraysFromFiles([join(dir, 'case.ndjson')]);
    expect(loaded.problems).toEqual([
      expect.objectContaining({ field: 'target', message: 'no entity has id "zz"' }),
    ]);
    expect([...loaded.arrays.sources].map((i) => loaded.arrays.nodes[i])).toEqual(['b', 'c']);
    await expectSamePaths([join(dir, 'case.ndjson')]);
  });
});
