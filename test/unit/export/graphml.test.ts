import { describe, expect, it } from 'vitest';
import { scanColumns } from '../../../server/export/columns.ts';
import { writeGraphml } from '../../../server/export/graphml.ts';
import { createMemorySink } from '../../../server/export/sinks.ts';
import { AWKWARD, memorySource, sampleRecords } from './sample.ts';
import { findAll, parseXml, type XmlElement } from './xml-reader.ts';

async function graphmlOf(records = sampleRecords()) {
  const source = memorySource(records.entities, records.links);
  const sink = createMemorySink();
  await writeGraphml(source, await scanColumns(source), sink);
  return parseXml(sink.text());
}

function keysOf(root: XmlElement, kind: string): Map<string, { name: string; type: string }> {
  return new Map(
    findAll(root, 'key')
      .filter((k) => k.attributes.for === kind)
      .map((k) => [
        k.attributes.id as string,
        { name: k.attributes['attr.name'] as string, type: k.attributes['attr.type'] as string },
      ]),
  );
}

function dataOf(root: XmlElement, element: XmlElement, kind: string): Record<string, string> {
  const keys = keysOf(root, kind);
  return Object.fromEntries(
    findAll(element, 'data').map((d) => [keys.get(d.attributes.key as string)?.name, d.text]),
  );
}

describe('GraphML export', () => {
  it('is a well-formed GraphML document: keys first, then one directed graph', async () => {
    const root = await graphmlOf();
    expect(root.name).toBe('graphml');
    expect(root.attributes.xmlns).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(root.children.map((c) => c.name).indexOf('graph')).toBe(root.children.length - 1);
    expect(findAll(root, 'graph')[0]?.attributes.edgedefault).toBe('directed');
    expect(findAll(root, 'node')).toHaveLength(6);
    expect(findAll(root, 'edge')).toHaveLength(3);
  });

  it('declares label, type, name, grade and handling with GraphML types', async () => {
    const root = await graphmlOf();
    const names = new Map([...keysOf(root, 'node').values()].map((k) => [k.name, k.type]));
    expect(names.get('label')).toBe('string');
    expect(names.get('type')).toBe('string');
    expect(names.get('lon')).toBe('double');
    expect([...names.keys()]).toEqual(expect.arrayContaining(['name', 'grade', 'gradeScheme', 'handling']));
    const edgeNames = new Map([...keysOf(root, 'edge').values()].map((k) => [k.name, k.type]));
    expect(edgeNames.get('weight')).toBe('double');
  });

  it('carries node values back exactly, with the name as label', async () => {
    const root = await graphmlOf();
    const person = findAll(root, 'node').find((n) => n.attributes.id === 'p-1') as XmlElement;
    expect(dataOf(root, person, 'node')).toMatchObject({
      label: AWKWARD,
      type: 'Person',
      name: AWKWARD,
      roles: 'organiser|money broker',
      gradeScheme: 'europol',
    });
  });

  it('gives edges their ends, type, label and weight', async () => {
    const root = await graphmlOf();
    const contact = findAll(root, 'edge').find((e) => e.attributes.id === 'l-2') as XmlElement;
    expect(contact.attributes).toMatchObject({ source: 'p-1', target: 'p-2' });
    expect(dataOf(root, contact, 'edge')).toMatchObject({
      label: 'CONTACTED',
      type: 'CONTACTED',
      weight: '12',
    });
  });
});
