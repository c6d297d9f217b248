/**
 * GraphML out (http://graphml.graphdrawing.org), for Gephi, yEd and networkx: typed `<key>`
 * declarations, then a directed graph. Nodes carry `label` (name, else id), the entity type and every
 * property; edges carry `label` and `type` (the link type), `weight` and every other property.
 */
import type { Marking } from './marking.ts';
import { type AttributeDecl, attributeValues, declareAttributes, labelOf } from './attributes.ts';
import type { ColumnType, Columns } from './columns.ts';
import { escapeXml, xmlAttributes } from './xml.ts';
import type { ExportSource, TextSink } from './types.ts';

const GRAPHML_TYPES: Readonly<Record<ColumnType, string>> = {
  integer: 'long',
  double: 'double',
  boolean: 'boolean',
  string: 'string',
};

function keys(kind: 'node' | 'edge', labelId: string | undefined, decls: readonly AttributeDecl[]): string {
  const label =
    labelId === undefined
      ? ''
      : `  <key${xmlAttributes({ id: labelId, for: kind, 'attr.name': 'label', 'attr.type': 'string' })}/>\n`;
  const rest = decls.map(
    (d) =>
      `  <key${xmlAttributes({ id: d.id, for: kind, 'attr.name': d.title, 'attr.type': d.title === 'weight' ? 'double' : GRAPHML_TYPES[d.type] })}/>\n`,
  );
  return label + rest.join('');
}

function data(values: { id: string; text: string }[]): string {
  return values.map((v) => `<data key="${escapeXml(v.id)}">${escapeXml(v.text)}</data>`).join('');
}

// The marking as graph attributes: `handling` (the code) and `marking` (the line that explains it).
function graphKeys(marking: Marking | undefined): string {
  if (marking === undefined) return '';
  return (
    `  <key${xmlAttributes({ id: 'ghandling', for: 'graph', 'attr.name': 'handling', 'attr.type': 'string' })}/>\n` +
    `  <key${xmlAttributes({ id: 'gmarking', for: 'graph', 'attr.name': 'marking', 'attr.type': 'string' })}/>\n`
  );
}

function graphData(marking: Marking | undefined): string {
  if (marking === undefined) return '';
  return `    ${data([
    { id: 'ghandling', text: marking.handling },
    { id: 'gmarking', text: marking.text },
  ])}\n`;
}

/** Writes the source as one GraphML document, given the source's columns. */
export async function writeGraphml(
  source: ExportSource,
  columns: Columns,
  sink: TextSink,
  marking?: Marking,
): Promise<void> {
  const nodeDecls = declareAttributes('n', columns.entity, ['id']);
  const edgeDecls = declareAttributes('e', columns.link, ['id']);
  // A property of its own named `label` wins over the derived label, so the names never clash.
  const nodeLabel = columns.entity.has('label') ? undefined : 'nlabel';
  const edgeLabel = columns.link.has('label') ? undefined : 'elabel';
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      keys('node', nodeLabel, nodeDecls) +
      keys('edge', edgeLabel, edgeDecls) +
      graphKeys(marking) +
      '  <graph id="ariadne" edgedefault="directed">\n' +
      graphData(marking),
  );
  for await (const entity of source.entities()) {
    const { properties } = entity;
    const label = nodeLabel === undefined ? [] : [{ id: nodeLabel, text: labelOf(properties) }];
    const values = data([...label, ...attributeValues(nodeDecls, entity.type, properties)]);
    await sink.write(`    <node${xmlAttributes({ id: String(properties.id) })}>${values}</node>\n`);
  }
  for await (const link of source.links()) {
    const { properties } = link;
    const id = properties.id === undefined ? undefined : String(properties.id);
    const label = edgeLabel === undefined ? [] : [{ id: edgeLabel, text: link.type }];
    const values = data([...label, ...attributeValues(edgeDecls, link.type, properties)]);
    const open = xmlAttributes({ id, source: link.source, target: link.target });
    await sink.write(`    <edge${open}>${values}</edge>\n`);
  }
  await sink.write('  </graph>\n</graphml>\n');
}
