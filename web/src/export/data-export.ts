/**
 * The shown data as files: CSV (nodes and links, RFC 4180, with cells that a spreadsheet would read
 * as formulas neutralised). GEXF is written by the server's one writer (`POST /api/export/view/gexf`).
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
