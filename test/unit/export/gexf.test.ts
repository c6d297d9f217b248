import { describe, expect, it } from 'vitest';
import { scanColumns } from '../../../server/export/columns.ts';
import { writeGexf } from '../../../server/export/gexf.ts';
import { createMemorySink } from '../../../server/export/sinks.ts';
import { AWKWARD, memorySource, sampleRecords } from './sample.ts';
import { findAll, parseXml, type XmlElement } from './xml-reader.ts';

async function gexfOf(records = sampleRecords(), version?: '1.2' | '1.3') {
  const source = memorySource(records.entities, records.links);
  const sink = createMemorySink();
  await writeGexf(source, await scanColumns(source), sink, {
    date: '2026-01-02',
    description: 'Case <X> & Y',
    version,
  });
  return parseXml(sink.text());
}

function declared(root: XmlElement, kind: string): Map<string, { id: string; type: string }> {
  const block = findAll(root, 'attributes').find((a) => a.attributes.class === kind);
  return new Map(
    findAll(block as XmlElement, 'attribute').map((a) => [
      a.attributes.title as string,
      { id: a.attributes.id as string, type: a.attributes.type as string },
    ]),
  );
}

function valuesOf(element: XmlElement, decls: Map<string, { id: string }>): Record<string, string> {
  const byId = new Map([...decls].map(([title, d]) => [d.id, title]));
  return Object.fromEntries(
    findAll(element, 'attvalue').map((v) => [byId.get(v.attributes.for as string), v.attributes.value]),
  );
}

describe('GEXF export', () => {
  it('is a well-formed GEXF 1.2 document by default, 1.3 on request, with a directed static graph', async () => {
    const root = await gexfOf();
    expect(root.name).toBe('gexf');
    expect(root.attributes).toMatchObject({ xmlns: 'http://www.gexf.net/1.2draft', version: '1.2' });
    expect(findAll(root, 'edge')[0]?.attributes.kind).toBeUndefined();
    const newer = await gexfOf(sampleRecords(), '1.3');
    expect(newer.attributes).toMatchObject({ xmlns: 'http://gexf.net/1.3', version: '1.3' });
    expect(findAll(root, 'graph')[0]?.attributes).toMatchObject({
      defaultedgetype: 'directed',
      mode: 'static',
    });
    expect(findAll(root, 'description')[0]?.text).toBe('Case <X> & Y');
    expect(findAll(root, 'node')).toHaveLength(6);
    expect(findAll(root, 'edge')).toHaveLength(3);
  });

  it('declares type, name, grade, scheme and handling first, with types that fit the values', async () => {
    const nodes = declared(await gexfOf(), 'node');
    expect([...nodes.keys()].slice(0, 5)).toEqual(['type', 'name', 'grade', 'gradeScheme', 'handling']);
    expect(nodes.get('lat')?.type).toBe('double');
    expect(nodes.get('aliases')?.type).toBe('string');
    expect(nodes.has('id')).toBe(false);
  });

  it('carries every node value back exactly, special characters included, and lists joined with |', async () => {
    const root = await gexfOf();
    const person = findAll(root, 'node').find((n) => n.attributes.id === 'p-1') as XmlElement;
    expect(person.attributes.label).toBe(AWKWARD);
    expect(valuesOf(person, declared(root, 'node'))).toMatchObject({
      type: 'Person',
      name: AWKWARD,
      aliases: 'Abu Ali|A. al-Masri',
      grade: 'B2',
      handling: 'H1',
      notes: '=HYPERLINK("http://example.invalid","click")',
    });
  });

  it('gives edges their type as label (and kind in 1.3), their weight, and their properties as attributes', async () => {
    const root = await gexfOf(sampleRecords(), '1.3');
    const edges = findAll(root, 'edge');
    expect(edges[1]?.attributes).toMatchObject({
      id: 'l-2',
      source: 'p-1',
      target: 'p-2',
      kind: 'CONTACTED',
      weight: '12',
    });
    const member = valuesOf(edges[0] as XmlElement, declared(root, 'edge'));
    expect(member).toMatchObject({ type: 'MEMBER_OF', role: 'leader & founder', grade: 'B2' });
  });
});
