/**
 * The view as SVG: every drawn link and node at its viewport position, with the labels sigma shows,
 * under a banner printing the view's handling marking.
 */
import type Sigma from 'sigma';
import { BANNER_HEIGHT, bannerColours, type Marking } from './marking.ts';

const NS = 'http://www.w3.org/2000/svg';

function element(name: string, attributes: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

/** Serialises what sigma draws now into an SVG document. */
export function viewToSvg(sigma: Sigma, marking: Marking | null): string {
  const { width, height: graphHeight } = sigma.getDimensions();
  const top = marking ? BANNER_HEIGHT : 0;
  const height = graphHeight + top;
  const root = element('svg', { xmlns: NS, width, height, viewBox: `0 0 ${width} ${height}` });
  root.append(element('rect', { width, height, fill: '#ffffff' }));
  if (marking) {
    const colours = bannerColours(marking.handling);
    root.append(element('rect', { width, height: top, fill: colours.fill }));
    const text = element('text', {
      x: 8,
      y: top / 2 + 5,
      'font-size': 14,
      'font-weight': 'bold',
      'font-family': 'sans-serif',
      fill: colours.text,
    });
    text.textContent = `HANDLING ${marking.text}`;
    root.append(text);
  }
  const graph = sigma.getGraph();
  const layer = element('g', { transform: `translate(0 ${top})` });
  root.append(layer);
  for (const edge of graph.edges()) {
    const data = sigma.getEdgeDisplayData(edge);
    if (!data || data.hidden) continue;
    const source = sigma.getNodeDisplayData(graph.source(edge));
    const target = sigma.getNodeDisplayData(graph.target(edge));
    if (!source || !target || source.hidden || target.hidden) continue;
    const a = sigma.framedGraphToViewport(source);
    const b = sigma.framedGraphToViewport(target);
    layer.append(
      element('line', {
        x1: a.x,
        y1: a.y,
        x2: b.x,
        y2: b.y,
        stroke: data.color,
        'stroke-width': sigma.scaleSize(data.size),
      }),
    );
  }
  const labels = new Set(sigma.getNodeDisplayedLabels());
  for (const node of graph.nodes()) {
    const data = sigma.getNodeDisplayData(node) as
      | (ReturnType<typeof sigma.getNodeDisplayData> & { borderColor?: string })
      | undefined;
    if (!data || data.hidden) continue;
    const p = sigma.framedGraphToViewport(data);
    const r = sigma.scaleSize(data.size);
    layer.append(
      element('circle', {
        cx: p.x,
        cy: p.y,
        r,
        fill: data.color,
        stroke: data.borderColor ?? data.color,
        'stroke-width': r * 0.22,
      }),
    );
    if (labels.has(node) && data.label) {
      const text = element('text', {
        x: p.x + r + 3,
        y: p.y + 4,
        'font-size': 12,
        'font-family': 'sans-serif',
      });
      text.textContent = data.label;
      layer.append(text);
    }
  }
  return new XMLSerializer().serializeToString(root);
}
