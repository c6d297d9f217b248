/**
 * What the view derives from the data graph to draw it: community of each node, crime categories it
 * is linked to, the centrality that sizes it, and how parallel edges curve apart. Kept in maps beside
 * the graph (never in its attributes) and recomputed only when the graph's topology changes.
 * Communities come from the server's analysis when one has run, else from Louvain on what is loaded
 * (Blondel et al. 2008, graphology's implementation).
 */
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { CRIME_CATEGORIES } from '../api/vocabulary.ts';
import { cjsDefault } from '../lib/interop.ts';
import type { DataGraph } from './data-graph.ts';
import type { SizeBy } from './view-state.ts';

const louvain = cjsDefault(louvainModule);
const pagerank = cjsDefault(pagerankModule);
const betweennessCentrality = cjsDefault(betweennessModule);

/** Above this many nodes, betweenness waits for the server's analysis instead of running here. */
const LOCAL_BETWEENNESS_LIMIT = 3_000;

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

/** Communities by Louvain on what is loaded, ranked by size. */
export function computeCommunities(graph: DataGraph): Map<string, number> {
  if (graph.size === 0) return new Map(graph.nodes().map((n, i) => [n, i]));
  const mapping = louvain(graph, { getEdgeWeight: null, rng: seededRng(7) });
  return new Map(Object.entries(mapping));
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

/** The chosen centrality per node, scaled to 0..1. */
export function computeCentrality(
  graph: DataGraph,
  by: SizeBy,
  server?: Map<string, number>,
): Map<string, number> {
  if (by === 'degree') {
    const degrees = new Map<string, number>();
    let most = 0;
    graph.forEachNode((node) => {
      const degree = graph.degree(node);
      degrees.set(node, degree);
      if (degree > most) most = degree;
    });
    if (most > 0) for (const [node, degree] of degrees) degrees.set(node, degree / most);
    return degrees;
  }
  let raw: Record<string, number> = {};
  if (by === 'pagerank' && graph.size > 0) raw = pagerank(graph, { getEdgeWeight: null });
  else if (by === 'betweenness') {
    if (server && server.size > 0) raw = Object.fromEntries(server);
    else if (graph.order <= LOCAL_BETWEENNESS_LIMIT)
      raw = betweennessCentrality(graph, { getEdgeWeight: null });
  }
  let max = 0;
  for (const value of Object.values(raw)) if (value > max) max = value;
  const out = new Map<string, number>();
  for (const [node, value] of Object.entries(raw)) out.set(node, max > 0 ? value / max : 0);
  return out;
}

/**
 * Indexes parallel edges (either direction) so each can curve by its own amount. Pairs of ends are
 * keyed by numbers (the ends' positions in the node order), which is several times quicker than
 * joining their keys into strings on graphs of tens of thousands of links.
 */
export function indexParallelEdges(graph: DataGraph): Map<string, { index: number; count: number }> {
  const position = new Map<string, number>();
  graph.forEachNode((node) => {
    position.set(node, position.size);
  });
  const order = position.size;
  // The first edge of a pair alone; a list once a second one comes.
  const groups = new Map<number, string | string[]>();
  graph.forEachEdge((edge, _attributes, source, target) => {
    const a = position.get(source) as number;
    const b = position.get(target) as number;
    const pair = a < b ? a * order + b : b * order + a;
    const seen = groups.get(pair);
    if (seen === undefined) groups.set(pair, edge);
    else if (typeof seen === 'string') groups.set(pair, [seen, edge]);
    else seen.push(edge);
  });
  const out = new Map<string, { index: number; count: number }>();
  for (const list of groups.values()) {
    if (typeof list === 'string') continue;
    for (const [index, edge] of list.entries()) out.set(edge, { index, count: list.length });
  }
  return out;
}

/** A small deterministic generator, so colours by community stay put between reloads. */
function seededRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
