/**
 * The money Sankey (d3-sankey): payer groups on the left, payee groups on the right, so flows that
 * return to where they started (a cycle) still draw; link widths are the converted totals.
 */
import { sankey, sankeyLinkHorizontal } from 'd3-sankey';
import type { GroupFlow } from '../../../analysis/money/flows.ts';
import { escapeHtml } from '../escape-html.ts';
import { fixed, PALETTE, svgFrame, svgText } from './svg.ts';

interface SankeyNodeIn {
  key: string;
  label: string;
}

/** The flows as a Sankey SVG, or null when there are none. */
export function drawSankey(
  flows: readonly GroupFlow[],
  labelOf: (group: string) => string,
  size = { width: 640, height: 360 },
  maxFlows = 25,
): string | null {
  const top = [...flows]
    .filter((f) => f.total > 0)
    .sort((a, b) => b.total - a.total)
    .slice(0, maxFlows);
  if (top.length === 0) return null;
  const keys = [...new Set(top.flatMap((f) => [`from:${f.from}`, `to:${f.to}`]))];
  const nodes: SankeyNodeIn[] = keys.map((key) => ({ key, label: labelOf(key.slice(key.indexOf(':') + 1)) }));
  const index = new Map(keys.map((k, i) => [k, i]));
  const links = top.map((f) => ({
    source: index.get(`from:${f.from}`) as number,
    target: index.get(`to:${f.to}`) as number,
    value: f.total,
  }));
  const layout = sankey<SankeyNodeIn, { value: number }>()
    .nodeWidth(10)
    .nodePadding(6)
    .extent([
      [110, 10],
      [size.width - 110, size.height - 10],
    ]);
  const graph = layout({ nodes: nodes.map((n) => ({ ...n })), links: links.map((l) => ({ ...l })) });
  const draw = sankeyLinkHorizontal();
  const paths = graph.links
    .map(
      (l, i) =>
        `<path d="${draw(l) ?? ''}" fill="none" stroke="${PALETTE[i % PALETTE.length]}" stroke-opacity="0.45" stroke-width="${fixed(Math.max(1, l.width ?? 1))}"/>`,
    )
    .join('');
  const bars = graph.nodes
    .map((n) => {
      const [x0, x1, y0, y1] = [n.x0 ?? 0, n.x1 ?? 0, n.y0 ?? 0, n.y1 ?? 0];
      const left = n.key.startsWith('from:');
      const label = svgText(
        left ? x0 - 4 : x1 + 4,
        (y0 + y1) / 2 + 3,
        n.label,
        `font-size="9" text-anchor="${left ? 'end' : 'start'}"`,
      );
      return `<rect x="${fixed(x0)}" y="${fixed(y0)}" width="${fixed(x1 - x0)}" height="${fixed(Math.max(1, y1 - y0))}" fill="#555"><title>${escapeHtml(n.label)}</title></rect>${label}`;
    })
    .join('');
  return svgFrame(size.width, size.height, 'Money flows', paths + bars);
}
