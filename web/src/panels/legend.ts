/**
 * The legend, rebuilt after every redraw from what is drawn: the entity types present (ring colour
 * and glyph), and the fill colours of the current colouring (types, communities or crime categories)
 * with their counts among the nodes shown.
 */
import type { GraphView } from '../graph/graph-view.ts';
import { fillOf } from '../graph/reducers.ts';
import {
  CATEGORY_COLOUR,
  communityColour,
  NO_CATEGORY_COLOUR,
  typeColour,
  typeGlyph,
} from '../graph/palette.ts';
import { syndicateName } from '../graph/syndicates.ts';
import { h, replace } from '../lib/dom.ts';

function swatch(colour: string, glyph = ''): HTMLElement {
  const element = h('span', { class: 'swatch', 'aria-hidden': 'true' }, glyph);
  element.style.background = colour;
  return element;
}

function entry(colour: string, label: string, count: number, glyph = ''): HTMLElement {
  return h(
    'li',
    { 'data-colour': colour },
    swatch(colour, glyph),
    h('span', {}, label),
    h('span', { class: 'count' }, String(count)),
  );
}

function countBy<T>(items: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** Mounts the legend and keeps it in step with the drawing. */
export function mountLegend(container: HTMLElement, view: GraphView): () => void {
  const render = () => {
    const { nodes, edges } = view.shown();
    const { graph, insights, state } = view;
    const types = countBy(nodes.map((node) => graph.getNodeAttribute(node, 'entityType') as string));
    const typeList = [...types.entries()].sort((a, b) => b[1] - a[1]);
    const sections: HTMLElement[] = [
      h('h3', {}, `Shown: ${nodes.length} nodes, ${edges.length} links`),
      h(
        'ul',
        { class: 'legend-types' },
        ...typeList.map(([type, n]) => entry(typeColour(type), type, n, typeGlyph(type))),
      ),
    ];
    if (state.colourBy === 'community') {
      const communities = countBy(nodes.map((node) => insights.community.get(node) ?? -1));
      const ranked = [...communities.entries()].sort((a, b) => b[1] - a[1]).slice(0, 16);
      sections.push(
        h('h3', {}, 'Fill: community'),
        h(
          'ul',
          { class: 'legend-fill' },
          ...ranked.map(([id, n]) =>
            entry(
              communityColour(insights.communityRank.get(id) ?? 99),
              syndicateName(view.syndicates, id),
              n,
            ),
          ),
        ),
      );
    } else if (state.colourBy === 'crime') {
      const fills = countBy(nodes.map((node) => insights.categories.get(node)?.[0] ?? 'none'));
      sections.push(
        h('h3', {}, 'Fill: crime category'),
        h(
          'ul',
          { class: 'legend-fill' },
          ...[...fills.entries()].map(([category, n]) =>
            entry(
              category === 'none' ? NO_CATEGORY_COLOUR : (CATEGORY_COLOUR[category] ?? NO_CATEGORY_COLOUR),
              category,
              n,
            ),
          ),
        ),
      );
    }
    sections.push(h('p', { class: 'muted' }, `Size: ${state.sizeBy}; link width: ${state.edgeWidthBy}`));
    container.dataset.fills = String(
      new Set(nodes.map((node) => fillOf(view.drawContext(), node, graph.getNodeAttributes(node)))).size,
    );
    replace(container, ...sections);
  };
  view.onChange(render);
  render();
  return render;
}
