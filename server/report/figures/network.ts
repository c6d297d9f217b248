/**
 * The figure of one network: its facilitators and organisations placed by ForceAtlas2 (Jacomy et al.
 * 2014) from a circular start, so the layout is the same on every run, drawn as SVG with the key
 * members labelled.
 */
import { MultiUndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { type CaseGraph, isProtected } from '../../../analysis/types.ts';
import { escapeHtml } from '../escape-html.ts';
import { fixed, PALETTE, svgFrame, svgText } from './svg.ts';

/** Options of drawNetwork. */
export interface NetworkFigureOptions {
  /** Most nodes drawn (the best connected). */
  maxNodes?: number;
  /** Ids to label (key members). */
  labelled?: readonly string[];
  width?: number;
  height?: number;
}

// A CommonJS package: under Node its default import is the function itself, under the types a namespace.
const forceAtlas2 = forceAtlas2Module.default ?? forceAtlas2Module;

const ROLE_COLOURS: Record<string, string> = {
  organiser: PALETTE[1] as string,
  'money broker': PALETTE[2] as string,
  forger: PALETTE[3] as string,
  recruiter: PALETTE[4] as string,
};

function colourOf(attributes: ReturnType<CaseGraph['getNodeAttributes']>): string {
  if (attributes.entityType === 'Organisation') return '#444444';
  for (const role of attributes.roles ?? []) if (ROLE_COLOURS[role]) return ROLE_COLOURS[role];
  return PALETTE[0] as string;
}

const THROUGH_NONE = new Set(['Location', 'Case', 'Source', 'Route', 'Organisation', 'Offence']);

function subgraphOf(graph: CaseGraph, members: readonly string[], maxNodes: number) {
  const kept = members
    .filter((m) => graph.hasNode(m))
    .filter((m) => {
      const a = graph.getNodeAttributes(m);
      return (a.entityType === 'Person' && !isProtected(a)) || a.entityType === 'Organisation';
    })
    .sort((a, b) => graph.degree(b) - graph.degree(a) || a.localeCompare(b))
    .slice(0, maxNodes);
  const sub = new MultiUndirectedGraph<{ x: number; y: number }>();
  kept.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / kept.length;
    sub.addNode(id, { x: Math.cos(angle) * 100, y: Math.sin(angle) * 100 });
  });
  // Facilitators are mostly tied through what they share (a phone, a payment, a document), so two
  // are joined when linked directly or through one such entity; places, cases and sources tie everyone.
  const join = (a: string, b: string) => {
    if (a !== b && sub.hasNode(b) && !sub.hasEdge(a, b)) sub.addEdge(a, b);
  };
  for (const id of kept)
    graph.forEachNeighbor(id, (middle, attributes) => {
      join(id, middle);
      if (!THROUGH_NONE.has(attributes.entityType) && graph.degree(middle) <= 50)
        graph.forEachNeighbor(middle, (other) => join(id, other));
    });
  sub.forEachNode((id) => {
    if (sub.degree(id) === 0) sub.dropNode(id);
  });
  return sub;
}

/** The network of `members` as an SVG string. */
export function drawNetwork(
  graph: CaseGraph,
  members: readonly string[],
  options: NetworkFigureOptions = {},
) {
  const { maxNodes = 40, labelled = [], width = 520, height = 360 } = options;
  const sub = subgraphOf(graph, members, maxNodes);
  if (sub.order > 1)
    forceAtlas2.assign(sub, {
      iterations: 150,
      settings: { gravity: 1, scalingRatio: 10, strongGravityMode: true },
    });
  const xs = sub.mapNodes((_n, a) => a.x);
  const ys = sub.mapNodes((_n, a) => a.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = 40;
  const px = (x: number) => margin + ((x - minX) / (maxX - minX || 1)) * (width - 2 * margin);
  const py = (y: number) => margin + ((y - minY) / (maxY - minY || 1)) * (height - 2 * margin);
  const edges = sub.mapEdges((_e, _a, _s, _t, sa, ta) => {
    return `<line x1="${fixed(px(sa.x))}" y1="${fixed(py(sa.y))}" x2="${fixed(px(ta.x))}" y2="${fixed(py(ta.y))}" stroke="#999" stroke-width="0.6"/>`;
  });
  const label = new Set(labelled);
  const nodes = sub.mapNodes((id, a) => {
    const attributes = graph.getNodeAttributes(id);
    const circle = `<circle cx="${fixed(px(a.x))}" cy="${fixed(py(a.y))}" r="${label.has(id) ? 6 : 4}" fill="${colourOf(attributes)}"><title>${escapeHtml(attributes.name ?? id)}</title></circle>`;
    return label.has(id)
      ? circle + svgText(px(a.x) + 7, py(a.y) + 3, String(attributes.name ?? id), 'font-size="9"')
      : circle;
  });
  const legend = [
    ['organiser', ROLE_COLOURS.organiser],
    ['money broker', ROLE_COLOURS['money broker']],
    ['forger', ROLE_COLOURS.forger],
    ['recruiter', ROLE_COLOURS.recruiter],
    ['other facilitator', PALETTE[0]],
    ['organisation', '#444444'],
  ]
    .map(
      ([text, colour], i) =>
        `<circle cx="${10 + i * 85}" cy="${height - 10}" r="4" fill="${colour}"/>${svgText(17 + i * 85, height - 7, String(text), 'font-size="8"')}`,
    )
    .join('');
  return svgFrame(
    width,
    height,
    `Network of ${sub.order} facilitators and organisations`,
    edges.join('') + nodes.join('') + legend,
  );
}
