/**
 * A Sankey diagram of money flows (d3-sankey): payers on the left, payees on the right, so flows
 * that run both ways or in circles still draw; link width is the amount. SVG built from data as
 * attributes and text only.
 */
import { sankey, sankeyLinkHorizontal } from 'd3-sankey';
import type { GroupFlow } from '../api/analyses.ts';
import { svg } from '../lib/dom.ts';
import { communityColour } from '../graph/palette.ts';

interface FlowNode {
  id: string;
  label: string;
}
interface FlowLink {
  source: string;
  target: string;
  value: number;
  flow: GroupFlow;
}

/** The most flows a diagram draws (the largest); the panel says when there were more. */
export const SANKEY_MAX = 40;

/** Draws flows; `label` names a group; `onPick` hears a click on a flow. */
export function sankeyChart(
  flows: GroupFlow[],
  label: (group: string) => string,
  onPick: (flow: GroupFlow) => void,
): SVGSVGElement {
  const width = 320;
  const kept = flows
    .filter((f) => f.total > 0)
    .sort((a, b) => b.total - a.total)
    .slice(0, SANKEY_MAX);
  const nodes = new Map<string, FlowNode>();
  for (const flow of kept) {
    nodes.set(`out:${flow.from}`, { id: `out:${flow.from}`, label: label(flow.from) });
    nodes.set(`in:${flow.to}`, { id: `in:${flow.to}`, label: label(flow.to) });
  }
  const height = Math.max(160, nodes.size * 14);
  const chart = svg('svg', {
    id: 'sankey',
    class: 'chart',
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': 'Money flows',
  });
  if (kept.length === 0) return chart;
  const layout = sankey<FlowNode, FlowLink>()
    .nodeId((node) => node.id)
    .nodeWidth(10)
    .nodePadding(6)
    .extent([
      [100, 4],
      [width - 100, height - 4],
    ]);
  const graph = layout({
    nodes: [...nodes.values()].map((n) => ({ ...n })),
    links: kept.map((flow) => ({
      source: `out:${flow.from}`,
      target: `in:${flow.to}`,
      value: flow.total,
      flow,
    })),
  });
  const path = sankeyLinkHorizontal();
  graph.links.forEach((link, i) => {
    const element = svg(
      'path',
      {
        class: 'sankey-link',
        d: path(link) ?? '',
        'stroke-width': Math.max(1, link.width ?? 1),
        stroke: communityColour(i % 16),
        'data-from': link.flow.from,
        'data-to': link.flow.to,
        'data-total': link.flow.total,
      },
      svg(
        'title',
        {},
        `${label(link.flow.from)} → ${label(link.flow.to)}: ${Math.round(link.flow.total).toLocaleString('en')} (${link.flow.count} payments)`,
      ),
    );
    element.addEventListener('click', () => onPick(link.flow));
    chart.append(element);
  });
  for (const node of graph.nodes) {
    const left = node.id.startsWith('out:');
    chart.append(
      svg('rect', {
        x: node.x0 ?? 0,
        y: node.y0 ?? 0,
        width: (node.x1 ?? 0) - (node.x0 ?? 0),
        height: Math.max(1, (node.y1 ?? 0) - (node.y0 ?? 0)),
        fill: '#555e6e',
      }),
      svg(
        'text',
        {
          x: left ? (node.x0 ?? 0) - 3 : (node.x1 ?? 0) + 3,
          y: ((node.y0 ?? 0) + (node.y1 ?? 0)) / 2 + 3,
          'text-anchor': left ? 'end' : 'start',
          'font-size': 7,
        },
        node.label.length > 22 ? `${node.label.slice(0, 21)}…` : node.label,
        svg('title', {}, node.label),
      ),
    );
  }
  return chart;
}
