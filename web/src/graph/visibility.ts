/**
 * Which nodes and edges the view shows, from the view state compiled into sets: loads open, nodes
 * hidden or removed, and the filters on type, crime category, source grade, handling code and time.
 * The same predicates drive the reducers, the legend, the exports and the test handle, so what is
 * counted is exactly what is drawn.
 */
import { sourceValueOf } from '../api/vocabulary.ts';
import {
  type DataGraph,
  type EdgeData,
  type NodeData,
  type Origins,
  overlapsWindow,
  spanOf,
} from './data-graph.ts';
import type { Insights } from './derived.ts';
import type { ViewState } from './view-state.ts';
import { loadKey } from './view-state.ts';

/** The view state as sets, for constant-time checks in the reducers. */
export interface CompiledView {
  state: ViewState;
  loads: Set<string>;
  hidden: Set<string>;
  removed: Set<string>;
  selected: Set<string>;
  pinned: Set<string>;
  hiddenTypes: Set<string>;
  categories: Set<string>;
  sources: Set<string>;
  handling: Set<string>;
  highlightNodes: Set<string>;
  highlightEdges: Set<string>;
}

/** Compiles a view state. */
export function compileView(state: ViewState): CompiledView {
  return {
    state,
    loads: new Set(state.loads.map(loadKey)),
    hidden: new Set(state.hidden),
    removed: new Set(state.removed),
    selected: new Set(state.selected),
    pinned: new Set(state.pinned),
    hiddenTypes: new Set(state.filters.hiddenTypes),
    categories: new Set(state.filters.categories),
    sources: new Set(state.filters.sources),
    handling: new Set(state.filters.handling),
    highlightNodes: new Set(state.highlight?.nodes ?? []),
    highlightEdges: new Set(state.highlight?.edges ?? []),
  };
}

/** Whether provenance and date pass the grade, handling and time filters. */
function passesRecordFilters(view: CompiledView, attributes: NodeData | EdgeData): boolean {
  if (view.sources.size > 0) {
    const value = sourceValueOf(attributes.grade);
    if (value === null || !view.sources.has(value)) return false;
  }
  if (view.handling.size > 0 && !view.handling.has(String(attributes.handling))) return false;
  const time = view.state.filters.time;
  return time === null || inWindow(time, attributes);
}

/**
 * Whether a record falls in a time window: its days (its date, else first to last seen) overlap the
 * window. An undated record always does: the window says nothing about it.
 */
export function inWindow(
  window: { from: string; to: string },
  attributes: { date?: unknown; firstSeen?: unknown; lastSeen?: unknown },
): boolean {
  const span = spanOf(attributes);
  return span === null || overlapsWindow(span, window);
}

/** Whether a node is in the view before collapsing: loaded, not hidden or removed, and passing the filters. */
export function isNodeShown(
  view: CompiledView,
  origins: Origins,
  insights: Insights,
  node: string,
  attributes: NodeData,
): boolean {
  const from = origins.get(node);
  if (from !== undefined) {
    let open = false;
    for (const key of from)
      if (view.loads.has(key)) {
        open = true;
        break;
      }
    if (!open) return false;
  }
  if (view.hidden.has(node) || view.removed.has(node)) return false;
  if (view.hiddenTypes.has(attributes.entityType)) return false;
  if (view.categories.size > 0) {
    const categories = insights.categories.get(node) ?? [];
    if (!categories.some((category) => view.categories.has(category))) return false;
  }
  return passesRecordFilters(view, attributes);
}

/**
 * What of the view state decides which records are shown (isNodeShown, isEdgeShown), as a string:
 * equal keys over the same data and insights show the same records.
 */
export function shownKey(view: CompiledView): string {
  const { loads, hidden, removed, filters } = view.state;
  return JSON.stringify([loads.map(loadKey), hidden, removed, filters]);
}

/** Whether an edge passes the record filters (its ends are checked by the renderer). */
export function isEdgeShown(view: CompiledView, attributes: EdgeData): boolean {
  return passesRecordFilters(view, attributes);
}

/** The nodes and edges shown, as lists (for legends, exports and tests). */
export function shownItems(
  graph: DataGraph,
  view: CompiledView,
  origins: Origins,
  insights: Insights,
): { nodes: string[]; edges: string[] } {
  const nodes = new Set<string>();
  graph.forEachNode((node, attributes) => {
    if (isNodeShown(view, origins, insights, node, attributes)) nodes.add(node);
  });
  const edges: string[] = [];
  graph.forEachEdge((edge, attributes, source, target) => {
    if (nodes.has(source) && nodes.has(target) && isEdgeShown(view, attributes)) edges.push(edge);
  });
  return { nodes: [...nodes], edges };
}
