import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArraysFromFiles, loadGraphFromFiles } from '../../../server/analyses/load-files.ts';
import { runAnalyses } from '../../../server/analyses/run-analyses.ts';
import { runAnalysesOnArrays } from '../../../server/analyses/run-arrays.ts';

const work = mkdtempSync(join(tmpdir(), 'ariadne-csv-lane-'));
const P = 'src:t,B2,H0';

function writePair(name: string, entities: string, links: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'entities.csv'), entities);
  writeFileSync(join(dir, 'links.csv'), links);
  return dir;
}

// The quick lane against the graph built from the ingest's own reader and validateRecord: the same
// records, problems (file, line, field, words), entities with their attributes, links in order with
// their types and weights, and the same communities JSON.
async function expectAsGraph(dir: string): Promise<void> {
  const graph = await loadGraphFromFiles([dir]);
  const arrays = await loadArraysFromFiles([dir]);
  expect(arrays.records).toBe(graph.records);
  expect(arrays.problems).toEqual(graph.problems);
  const { nodes, attributes, sources, targets, types, typeNames, weights } = arrays.arrays;
  expect(nodes).toEqual(graph.graph.nodes());
  expect(attributes).toEqual(nodes.map((id) => graph.graph.getNodeAttributes(id)));
  for (const [i, a] of attributes.entries())
    expect(Object.keys(a)).toEqual(Object.keys(graph.graph.getNodeAttributes(nodes[i] as string)));
  const links = Array.from(sources, (s, e) => [
    nodes[s],
    nodes[targets[e] as number],
    typeNames[types[e] as number],
    weights[e],
  ]);
  expect(links).toEqual(graph.graph.mapEdges((_k, a, s, t) => [s, t, a.linkType, a.weight]));
  const options = { only: ['communities'] as const };
  expect(JSON.stringify(runAnalysesOnArrays(arrays.arrays, options))).toBe(
    JSON.stringify(runAnalyses(graph.graph, options)),
  );
}

const people = (ids: string[], extra = '') => ids.map((id) => `${id},Person,Person ${id}${extra},${P}`);

describe('the quick lane of analyse --file CSV', () => {
  it('reads rows of known shapes as the usual reader and validateRecord do', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
    const entities = [
      `id,type,name,sources,grade,handling`,
      `src:t,Source,Test source,${P}`,
      ...people(ids),
      `p3,Person,Person three again,${P}`,
      `q1,person,Lower-case label,${P}`,
      ` q2 ,Person,Padded id,${P}`,
      `q3,Person,Two  spaces,${P}`,
      `q4,Person,Müller,${P}`,
      `q5,Person,,${P}`,
      `q6,Person,"Quoted, with comma",${P}`,
      `q7,Person,Tab\there,${P}`,
      `,Person,No id,${P}`,
      `q8,Person,Bad grade,src:t,Z9,H0`,
      `q9,Person,Unknown source,nobody,B2,H0`,
      `q10,Person,${'x'.repeat(1_001)},${P}`,
      `q11,Nobody,Unknown label,${P}`,
      `q12,Person,Extra cell,${P},more`,
      `q13,Person`,
      ``,
      `,,,,,`,
    ].join('\r\n');
    const links = [
      'source,target,type,weight,id,sources,grade,handling',
      ...ids.slice(1).map((id, i) => `p${i},${id},ASSOCIATE_OF,,,${P}`),
      ...ids.slice(2).map((id, i) => `p${i},${id},CONTACTED,${i + 1},,${P}`),
      `p0,p1,CONTACTED,0,,${P}`,
      `p0,p1,CONTACTED,-2,,${P}`,
      `p0,p1,CONTACTED,lots,,${P}`,
      `p0,p1,CONTACTED, 2.5 ,,${P}`,
      `p0,p1,CONTACTED,1e400,,${P}`,
      `p1,p1,ASSOCIATE_OF,,,${P}`,
      `p1, p2,ASSOCIATE_OF,,,${P}`,
      `p1,q2,ASSOCIATE_OF,,,${P}`,
      `p1,nobody,ASSOCIATE_OF,,,${P}`,
      `p1,later,ASSOCIATE_OF,,,${P}`,
      `p2,p3,ASSOCIATE_OF,,l1,${P}`,
      `p2,p4,ASSOCIATE_OF,,  ,${P}`,
      `p2,p5,ASSOCIATE_OF,,bad\u0007id,${P}`,
      `p2,p6,associate of,,,${P}`,
      `p2,p7,NOT_A_TYPE,,,${P}`,
      `p3,q4,FAMILY_OF,,,${P}`,
      `p3,"p4",FAMILY_OF,,,${P}`,
      `p3,p5,FAMILY_OF,,"a`,
      `multi-line",${P}`,
      `p3,p6,FAMILY_OF,,,src:t,B2,H1`,
      `p3,p7,FAMILY_OF,,,${P},extra`,
      `p3,p8`,
      `p4,p9,FAMILY_OF,,,${P}`,
    ].join('\n');
    await expectAsGraph(writePair('mixed', entities, `${links}\n`));
  });

  it('reads semicolons, lists and a last line without a line end', async () => {
    const ids = ['a', 'b', 'c', 'd'];
    const entities = [
      'id;type;name;sources;grade;handling;nationalities;roles',
      'src:t;Source;Test source;src:t;B2;H0;;',
      ...ids.map((id) => `${id};Person;Person ${id};src:t;B2;H0;DE|fr ;organiser`),
      'e;Person;Person e;src:t;B2;H0;DE| fr;organiser',
    ].join('\n');
    const links = [
      'source;target;type;sources;grade;handling',
      'a;b;MEMBER_OF;src:t;B2;H0',
      'a;c;ASSOCIATE_OF;src:t | src:t;B2;H0',
      'b;c;ASSOCIATE_OF;src:t;B2;H0',
      'c;d;ASSOCIATE_OF;src:t;B2;H0',
      'd;e;ASSOCIATE_OF;src:t;B2;H0',
    ].join('\n');
    await expectAsGraph(writePair('semicolons', entities, links));
  });

  it('leaves a file with a kind column to the usual reader', async () => {
    const dir = join(work, 'mixed-kinds');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'case.csv'),
      [
        'kind,id,source,target,type,name,sources,grade,handling',
        `entity,src:t,,,Source,Test source,${P}`,
        ...['a', 'b', 'c'].map((id) => `entity,${id},,,Person,Person ${id},${P}`),
        ...['b', 'c'].map((id) => `link,,a,${id},ASSOCIATE_OF,,${P}`),
      ].join('\n'),
    );
    const graph = await loadGraphFromFiles([join(dir, 'case.csv')]);
    const arrays = await loadArraysFromFiles([join(dir, 'case.csv')]);
    expect(arrays.problems).toEqual(graph.problems);
    expect(arrays.arrays.nodes).toEqual(graph.graph.nodes());
    expect(arrays.arrays.sources.length).toBe(2);
  });
});
