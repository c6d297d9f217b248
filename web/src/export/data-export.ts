/**
 * The shown data as files: CSV (nodes and links, RFC 4180, with cells that a spreadsheet would read
 * as formulas neutralised) and GEXF 1.3 for Gephi, with the view's colours and positions.
 */
import type { DataGraph } from '../graph/data-graph.ts';

const NODE_COLUMNS = [
  'id',
  'type',
  'name',
  'grade',
  'gradeScheme',
  'handling',
  'sources',
  'firstSeen',
  'lastSeen',
];
const EDGE_COLUMNS = [
  'id',
  'source',
  'target',
  'type',
  'grade',
  'gradeScheme',
  'handling',
  'date',
  'amount',
  'weight',
];

/** One CSV cell. */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : Array.isArray(value) ? value.join('|') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV text (RFC 4180, CRLF line ends) of a header and rows of values. */
export function csvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return (
    [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n'
  );
}

/** Nodes and links shown, as two CSV texts. */
export function toCsv(
  graph: DataGraph,
  shown: { nodes: string[]; edges: string[] },
): { nodes: string; edges: string } {
  const nodeRows = shown.nodes.map((node) => {
    const a = graph.getNodeAttributes(node);
    return [
      node,
      a.entityType,
      a.name,
      a.grade,
      a.gradeScheme,
      a.handling,
      a.sources,
      a.firstSeen,
      a.lastSeen,
    ];
  });
  const edgeRows = shown.edges.map((edge) => {
    const a = graph.getEdgeAttributes(edge);
    return [
      edge,
      graph.source(edge),
      graph.target(edge),
      a.linkType,
      a.grade,
      a.gradeScheme,
      a.handling,
      a.date,
      a.amount,
      a.weight,
    ];
  });
  return { nodes: csvText(NODE_COLUMNS, nodeRows), edges: csvText(EDGE_COLUMNS, edgeRows) };
}

function xml(text: unknown): string {
  return String(text ?? '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Nodes and links shown, as GEXF 1.3 with colours, sizes and positions as drawn. */
export function toGexf(
  graph: DataGraph,
  shown: { nodes: string[]; edges: string[] },
  drawn: (node: string) => { color: string; size: number; x: number; y: number } | null,
): string {
  const attributes = ['type', 'grade', 'gradeScheme', 'handling'];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '<meta><creator>Ariadne</creator></meta>',
    '<graph defaultedgetype="directed" mode="static">',
    `<attributes class="node">${attributes.map((a, i) => `<attribute id="${i}" title="${a}" type="string"/>`).join('')}</attributes>`,
    '<attributes class="edge"><attribute id="0" title="type" type="string"/><attribute id="1" title="grade" type="string"/></attributes>',
    '<nodes>',
  ];
  for (const node of shown.nodes) {
    const a = graph.getNodeAttributes(node);
    const d = drawn(node);
    const hex = (d?.color ?? '#777777').replace('#', '');
    const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) || 0);
    const values = [a.entityType, a.grade, a.gradeScheme, a.handling]
      .map((v, i) => `<attvalue for="${i}" value="${xml(v)}"/>`)
      .join('');
    lines.push(
      `<node id="${xml(node)}" label="${xml(a.name ?? node)}"><attvalues>${values}</attvalues><viz:color r="${r}" g="${g}" b="${b}"/><viz:size value="${d?.size ?? 5}"/><viz:position x="${d?.x ?? a.x}" y="${d?.y ?? a.y}" z="0"/></node>`,
    );
  }
  lines.push('</nodes>', '<edges>');
  for (const edge of shown.edges) {
    const a = graph.getEdgeAttributes(edge);
    lines.push(
      `<edge id="${xml(edge)}" source="${xml(graph.source(edge))}" target="${xml(graph.target(edge))}" weight="${Number(a.weight ?? 1)}"><attvalues><attvalue for="0" value="${xml(a.linkType)}"/><attvalue for="1" value="${xml(a.grade)}"/></attvalues></edge>`,
    );
  }
  lines.push('</edges>', '</graph>', '</gexf>');
  return lines.join('\n');
}
