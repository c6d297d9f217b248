/**
 * What the view derives to draw the graph: the community of each node and the centralities that
 * size it (both from the server's analysis run, never computed here), the crime categories a node
 * is linked to, and how parallel edges curve apart. Kept in maps beside the graph (never in its
 * attributes) and recomputed only when the graph's topology or the run changes.
 */
import type { EntityScores } from '../api/analyses.ts';
import { CRIME_CATEGORIES } from '../api/vocabulary.ts';
import type { DataGraph } from './data-graph.ts';
import type { SizeBy } from './view-state.ts';

/** Derived values for drawing. */
export interface Insights {
  community: Map<string, number>;
  /** Community ids by size, largest first (the colour rank). */
  communityRank: Map<number, number>;
  communitySize: Map<number, number>;
  categories: Map<string, string[]>;
  /** Centrality per node, scaled to 0..1 by the largest. */
  centrality: Map<string, number>;
  centralityOf: SizeBy;
  /** Parallel edges: index among the edges between the same two nodes, and how many there are. */
  parallel: Map<string, { index: number; count: number }>;
}

/** The crime category of an Offence node: its category, else one named in its name. */
function categoryOf(attributes: Record<string, unknown>): string | null {
  if (typeof attributes.category === 'string') return attributes.category;
  const name = typeof attributes.name === 'string' ? attributes.name.toLowerCase() : '';
  return CRIME_CATEGORIES.find((category) => name.includes(category)) ?? null;
}

/** Crime categories of every node: an Offence's own, and those of the offences a node is linked to. */
export function computeCategories(graph: DataGraph): Map<string, string[]> {
  const out = new Map<string, string[]>();
  graph.forEachNode((node, attributes) => {
    if (attributes.entityType !== 'Offence') return;
    const category = categoryOf(attributes);
    if (category === null) return;
    for (const key of [node, ...graph.neighbors(node)]) {
      const list = out.get(key) ?? [];
      if (!list.includes(category)) list.push(category);
      out.set(key, list);
    }
  });
  return out;
}

/** Ranks communities by size, largest first. */
export function rankCommunities(community: Map<string, number>): {
  rank: Map<number, number>;
  size: Map<number, number>;
} {
  const size = new Map<number, number>();
  for (const id of community.values()) size.set(id, (size.get(id) ?? 0) + 1);
  const order = [...size.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return { rank: new Map(order.map(([id], i) => [id, i])), size };
}

/** Sizes that need a run: a node's score under each, as the server's centrality step wrote it. */
export const RUN_SIZES = { pagerank: 'pagerank', betweenness: 'betweenness' } as const satisfies Partial<
  Record<SizeBy, keyof EntityScores>
>;

/**
 * The chosen centrality per node, scaled to 0..1 by the largest: degree counts the links loaded;
 * PageRank and betweenness are the run's scores (none without a run: the legend then offers one).
 */
export function computeCentrality(
  graph: DataGraph,
  by: SizeBy,
  scores: ReadonlyMap<string, EntityScores> | null,
): Map<string, number> {
  const raw = new Map<string, number>();
  if (by === 'degree') graph.forEachNode((node) => raw.set(node, graph.degree(node)));
  else if (by === 'pagerank' || by === 'betweenness') {
    const key = RUN_SIZES[by];
    for (const [node, score] of scores ?? []) {
      const value = score[key];
      if (value !== undefined && graph.hasNode(node)) raw.set(node, value);
    }
  }
  let max = 0;
  for (const value of raw.values()) if (value > max) max = value;
  for (const [node, value] of raw) raw.set(node, max > 0 ? value / max : 0);
  return raw;
}

/**
 * Indexes parallel edges (either direction) so each can curve by its own amount: a link's index is
 * its rank among the links between the same two nodes, in the graph's link order. Ends are numbered
 * by their positions in the node order and the links sorted by their pair of ends with two stable
 * counting sorts over typed arrays (by the greater end, then by the lesser), several times quicker
 * than a map by pair on graphs of tens of thousands of links.
 */
export function indexParallelEdges(graph: DataGraph): Map<string, { index: number; count: number }> {
  const position = new Map<string, number>();
  graph.forEachNode((node) => {
    position.set(node, position.size);
  });
  const edges: string[] = [];
  const lesser = new Uint32Array(graph.size);
  const greater = new Uint32Array(graph.size);
  graph.forEachEdge((edge, _attributes, source, target) => {
    const a = position.get(source) as number;
    const b = position.get(target) as number;
    lesser[edges.length] = Math.min(a, b);
    greater[edges.length] = Math.max(a, b);
    edges.push(edge);
  });
  const inOrder = new Uint32Array(edges.length).map((_, i) => i);
  const sorted = sortStably(lesser, position.size, sortStably(greater, position.size, inOrder));
  const out = new Map<string, { index: number; count: number }>();
  for (let start = 0; start < sorted.length; ) {
    const first = sorted[start] as number;
    let end = start + 1;
    while (
      end < sorted.length &&
      lesser[sorted[end] as number] === lesser[first] &&
      greater[sorted[end] as number] === greater[first]
    )
      end++;
    if (end - start > 1)
      for (let i = start; i < end; i++)
        out.set(edges[sorted[i] as number] as string, { index: i - start, count: end - start });
    start = end;
  }
  return out;
}

/** The items (indices into `keys`) sorted by their keys, each below `range`, in their order on ties. */
function sortStably(keys: Uint32Array, range: number, items: Uint32Array): Uint32Array {
  const starts = new Uint32Array(range + 1);
  for (const item of items) (starts[(keys[item] as number) + 1] as number)++;
  for (let k = 1; k <= range; k++) starts[k] = (starts[k] as number) + (starts[k - 1] as number);
  const out = new Uint32Array(items.length);
  for (const item of items) out[(starts[keys[item] as number] as number)++] = item;
  return out;
}
