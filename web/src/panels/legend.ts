/**
 * The legend, rebuilt after every redraw from what is drawn: the entity types present (ring colour
 * and the icon drawn in their discs), and the fill colours of the current colouring (types, communities or crime categories)
 * with their counts among the nodes shown. Communities and centralities come from the server's
 * analysis run: while none covers what is shown, the legend says so and offers to start one.
 */
import type { AnalysisName } from '../api/analyses.ts';
import type { GraphView } from '../graph/graph-view.ts';
import { fillOf } from '../graph/reducers.ts';
import {
  CATEGORY_COLOUR,
  communityColour,
  NO_CATEGORY_COLOUR,
  typeColour,
  typeGlyph,
} from '../graph/palette.ts';
import { iconPath, iconTint } from '../graph/icons.ts';
import { syndicateName } from '../graph/syndicates.ts';
import { groupsAnything } from '../graph/view-state.ts';
import { h, replace } from '../lib/dom.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** The icon of an entity type as the canvas draws it, built as SVG elements (never parsed from text). */
function icon(type: string, colour: string): SVGSVGElement | null {
  const d = iconPath(type);
  if (d === null) return null;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'legend-icon');
  svg.dataset.icon = type;
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', iconTint(colour));
  svg.append(path);
  return svg;
}

function swatch(colour: string, mark: string | SVGSVGElement | null = ''): HTMLElement {
  const element = h('span', { class: 'swatch', 'aria-hidden': 'true' }, mark ?? '');
  element.style.background = colour;
  return element;
}

function entry(
  colour: string,
  label: string,
  count: number,
  mark: string | SVGSVGElement | null = '',
): HTMLElement {
  return h(
    'li',
    { 'data-colour': colour },
    swatch(colour, mark),
    h('span', {}, label),
    h('span', { class: 'count' }, String(count)),
  );
}

function countBy<T>(items: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** What the view shows that needs a run it has not got: the run's steps, and why it is needed. */
function missingRuns(view: GraphView): { id: string; names: AnalysisName[]; why: string; label: string }[] {
  const { state } = view;
  const out = [];
  const byCommunity =
    state.colourBy === 'community' || state.focus !== null || groupsAnything(state.grouping);
  if (byCommunity && view.syndicates === null)
    out.push({
      id: 'communities',
      names: ['communities'] as AnalysisName[],
      label: 'Find communities',
      why: view.syndicatesProblem
        ? `No communities: the communities run for the case did not finish (${view.syndicatesProblem}).`
        : 'No communities yet: the server has not run the communities analysis over what is shown.',
    });
  if ((state.sizeBy === 'pagerank' || state.sizeBy === 'betweenness') && view.scores === null)
    out.push({
      id: 'centrality',
      names: ['centrality'] as AnalysisName[],
      label: 'Run centrality',
      why: `Sizes by ${state.sizeBy === 'pagerank' ? 'PageRank' : 'betweenness'} come from the server's centrality run; none has run over what is shown, so every node is drawn the same size.`,
    });
  return out;
}

/** What is drawn: entities and links apart, and the closed groups with the entities they hold. */
function shownLine(view: GraphView, nodes: number, edges: number): string {
  const apart = `${nodes} ${nodes === 1 ? 'entity' : 'entities'}, ${edges} ${edges === 1 ? 'link' : 'links'}`;
  const plan = view.grouped.plan;
  if (!plan) return `Shown: ${apart}`;
  const closed = [...new Set(plan.groupOf.values())];
  if (closed.length === 0) return `Shown: ${apart}`;
  return `Shown: ${apart} apart, and ${closed.length} closed ${closed.length === 1 ? 'group' : 'groups'} holding ${plan.groupOf.size} entities`;
}

/** Mounts the legend and keeps it in step with the drawing. */
export function mountLegend(container: HTMLElement, view: GraphView): () => void {
  /** Runs started from the legend: under way, or failed with the reason. */
  const runs = new Map<string, { running: true } | { running: false; error: string }>();
  const notice = (missing: ReturnType<typeof missingRuns>[number]): HTMLElement => {
    const run = runs.get(missing.id);
    const button = h(
      'button',
      { type: 'button', id: `run-${missing.id}`, disabled: run?.running === true },
      run?.running ? 'Running on the server…' : missing.label,
    );
    button.addEventListener('click', () => {
      runs.set(missing.id, { running: true });
      render();
      view
        .runForView(missing.names)
        .then(() => runs.delete(missing.id))
        .catch((error: unknown) =>
          runs.set(missing.id, {
            running: false,
            error: error instanceof Error ? error.message : String(error),
          }),
        )
        .finally(render);
    });
    const failed = run && !run.running ? h('p', { class: 'error' }, `The run failed: ${run.error}`) : '';
    return h(
      'div',
      { class: 'missing-run', 'data-missing': missing.id },
      h('p', {}, missing.why),
      button,
      failed,
    );
  };
  const render = () => {
    const { nodes, edges } = view.shown();
    const { graph, insights, state } = view;
    const types = countBy(nodes.map((node) => graph.getNodeAttribute(node, 'entityType') as string));
    const typeList = [...types.entries()].sort((a, b) => b[1] - a[1]);
    const sections: HTMLElement[] = [
      h('h3', {}, shownLine(view, nodes.length, edges.length)),
      h(
        'ul',
        { class: 'legend-types' },
        ...typeList.map(([type, n]) =>
          entry(typeColour(type), type, n, icon(type, typeColour(type)) ?? typeGlyph(type)),
        ),
      ),
    ];
    if (state.colourBy === 'community' && view.syndicates) {
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
              id === -1 ? 'In no community of the run' : syndicateName(view.syndicates, id),
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
    sections.push(...missingRuns(view).map(notice));
    container.dataset.fills = String(
      new Set(nodes.map((node) => fillOf(view.drawContext(), node, graph.getNodeAttributes(node)))).size,
    );
    replace(container, ...sections);
  };
  view.onChange(render);
  render();
  return render;
}
