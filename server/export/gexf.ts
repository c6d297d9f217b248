/**
 * GEXF out (https://gexf.net), for Gephi and networkx: a static directed graph whose nodes carry the
 * entity type, name, grade, handling and every other property as declared attributes, and whose
 * edges carry the link type (as `label`, and in 1.3 as `kind` too, so parallel links of different
 * types stay apart), the weight natively, and the other properties as attributes. GEXF 1.2 by
 * default, which Gephi and networkx (2.8, Debian's) both read; 1.3 on request. A view exported from
 * the web app also carries each node's colour, size and position as drawn (the viz module).
 */
import type { GexfVersion } from '../schema/api/export.ts';
import type { Marking } from './marking.ts';
import { type AttributeDecl, attributeValues, declareAttributes, labelOf } from './attributes.ts';
import type { ColumnType, Columns } from './columns.ts';
import { escapeXml, xmlAttributes } from './xml.ts';
import type { ExportSource, TextSink } from './types.ts';

/** Options of the GEXF writer. */
export interface GexfOptions {
  /** The document's last-modified date (YYYY-MM-DD); today by default. */
  date?: string;
  description?: string;
  /** Said in the document's meta: a `handling:H2` keyword and the handling line before the description. */
  marking?: Marking | undefined;
  /** The GEXF version written: 1.2 (default) or 1.3. */
  version?: GexfVersion | undefined;
  /** How each node was drawn (the web app's view), by entity id: written as viz colour, size, position. */
  drawing?: ReadonlyMap<string, NodeDrawing> | undefined;
}

/** A node as drawn: position, size and colour (`#rrggbb`). */
export interface NodeDrawing {
  x: number;
  y: number;
  size: number;
  color: string;
}

const NAMESPACES: Readonly<Record<GexfVersion, string>> = {
  '1.2': 'http://www.gexf.net/1.2draft',
  '1.3': 'http://gexf.net/1.3',
};

const VIZ: Readonly<Record<GexfVersion, string>> = {
  '1.2': 'http://www.gexf.net/1.2draft/viz',
  '1.3': 'http://gexf.net/1.3/viz',
};

function viz(drawn: NodeDrawing | undefined): string {
  if (drawn === undefined) return '';
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(drawn.color.slice(at, at + 2), 16));
  return (
    `<viz:color${xmlAttributes({ r, g, b })}/><viz:size${xmlAttributes({ value: drawn.size })}/>` +
    `<viz:position${xmlAttributes({ x: drawn.x, y: drawn.y, z: 0 })}/>`
  );
}

const GEXF_TYPES: Readonly<Record<ColumnType, string>> = {
  integer: 'long',
  double: 'double',
  boolean: 'boolean',
  string: 'string',
};

function declarations(kind: 'node' | 'edge', decls: readonly AttributeDecl[]): string {
  const lines = decls.map(
    (d) => `      <attribute${xmlAttributes({ id: d.id, title: d.title, type: GEXF_TYPES[d.type] })}/>\n`,
  );
  return `    <attributes class="${kind}">\n${lines.join('')}    </attributes>\n`;
}

function attvalues(values: { id: string; text: string }[]): string {
  if (values.length === 0) return '';
  const items = values.map((v) => `<attvalue${xmlAttributes({ for: v.id, value: v.text })}/>`);
  return `<attvalues>${items.join('')}</attvalues>`;
}

function description(options: GexfOptions): string {
  const text = options.description ?? 'Ariadne export';
  return options.marking ? `${options.marking.text}. ${text}` : text;
}

/** Writes the source as one GEXF document, given the source's columns. */
export async function writeGexf(
  source: ExportSource,
  columns: Columns,
  sink: TextSink,
  options: GexfOptions = {},
): Promise<void> {
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const version = options.version ?? '1.2';
  const ns = NAMESPACES[version];
  const nodeDecls = declareAttributes('n', columns.entity, ['id']);
  const edgeDecls = declareAttributes('e', columns.link, ['id', 'weight']);
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<gexf xmlns="${ns}"${options.drawing ? ` xmlns:viz="${VIZ[version]}"` : ''} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
      `xsi:schemaLocation="${ns} ${ns}/gexf.xsd" version="${version}">\n` +
      `  <meta lastmodifieddate="${escapeXml(date)}"><creator>Ariadne</creator>` +
      (options.marking ? `<keywords>handling:${options.marking.handling}</keywords>` : '') +
      `<description>${escapeXml(description(options))}</description></meta>\n` +
      '  <graph defaultedgetype="directed" mode="static">\n' +
      declarations('node', nodeDecls) +
      declarations('edge', edgeDecls) +
      '    <nodes>\n',
  );
  for await (const entity of source.entities()) {
    const { properties } = entity;
    const open = xmlAttributes({ id: String(properties.id), label: labelOf(properties) });
    const values = attvalues(attributeValues(nodeDecls, entity.type, properties));
    const drawn = viz(options.drawing?.get(String(properties.id)));
    await sink.write(`      <node${open}>${values}${drawn}</node>\n`);
  }
  await sink.write('    </nodes>\n    <edges>\n');
  for await (const link of source.links()) {
    const { properties } = link;
    const weight = typeof properties.weight === 'number' ? properties.weight : undefined;
    const id = properties.id === undefined ? undefined : String(properties.id);
    const open = xmlAttributes({
      id,
      source: link.source,
      target: link.target,
      kind: version === '1.3' ? link.type : undefined,
      label: link.type,
      weight,
    });
    const values = attvalues(attributeValues(edgeDecls, link.type, properties));
    await sink.write(`      <edge${open}>${values}</edge>\n`);
  }
  await sink.write('    </edges>\n  </graph>\n</gexf>\n');
}
