/**
 * The data graph: every entity and link the server sent for this view, with layout positions and
 * nothing else. Served subgraphs are merged in by key; each node remembers which loads brought it
 * (in a side map, not in its attributes), so undoing a load hides what only it brought. Merging works
 * in slices that yield to the page, so a graph of tens of thousands of records does not freeze it.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, NodeAttributes, SerializedGraph } from '../api/types.ts';
import { Slicer } from '../lib/slices.ts';

/** Node attributes in the data graph: the entity, plus its position and whether the layout may move it. */
export type NodeData = NodeAttributes & { x: number; y: number; fixed?: boolean };
export type EdgeData = EdgeAttributes;
export type DataGraph = MultiDirectedGraph<NodeData, EdgeData>;

/** A callback over links, as graphology calls it. */
export type EdgeCallback = (edge: string, attributes: EdgeData, source: string, target: string) => void;

/**
 * What grouping and folding read of a graph of records (grouping.ts, display-graph.ts): the data
 * graph, or a served subgraph not yet merged into it (served-graph.ts). The two visit nodes,
 * neighbours and links in orders of their own, so what is read here never depends on an order:
 * where one decides a result, the result takes the least key, or is sorted by key.
 */
export interface GraphRecords {
  forEachNode(callback: (node: string, attributes: NodeData) => void): void;
  getNodeAttributes(node: string): NodeData;
  mergeNodeAttributes(node: string, attributes: Partial<NodeData>): void;
  neighbors(node: string): string[];
  forEachEdge(callback: EdgeCallback): void;
  forEachEdge(node: string, callback: EdgeCallback): void;
  forEachInEdge(node: string, callback: EdgeCallback): void;
  forEachOutEdge(node: string, callback: EdgeCallback): void;
}

/** A new, empty data graph. */
export function createDataGraph(): DataGraph {
  return new MultiDirectedGraph<NodeData, EdgeData>();
}

/**
 * The loads that brought each node, by load key. The sets are never changed in place: the nodes one
 * load alone brought share one set (a graph of 50k nodes then makes one set, not 50k).
 */
export type Origins = Map<string, ReadonlySet<string>>;

/** Served neighbours of each served node, in the order of the served edges. */
function servedNeighbours(served: SerializedGraph): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const link = (from: string, to: string) => {
    const list = out.get(from);
    if (list) list.push(to);
    else out.set(from, [to]);
  };
  for (const { source, target } of served.edges) {
    link(source, target);
    if (target !== source) link(target, source);
  }
  return out;
}

/**
 * Gives each served node new to the graph and without a position one: on a small circle around a
 * neighbour already placed (in the graph, or served before it), else at random. Done before the
 * merge, so a load's groups can be drawn from the served records while they are merged.
 */
export function placeServed(graph: DataGraph, served: SerializedGraph): void {
  const unplaced = ({ attributes }: SerializedGraph['nodes'][number]) =>
    typeof attributes.x !== 'number' || typeof attributes.y !== 'number';
  if (!served.nodes.some(unplaced)) return;
  const spread = 100 * Math.sqrt(served.nodes.length + graph.order + 1);
  let neighbours: Map<string, string[]> | null = null;
  const placed = new Map<string, { x: number; y: number }>();
  for (let i = 0; i < served.nodes.length; i++) {
    const node = served.nodes[i] as SerializedGraph['nodes'][number];
    const { key, attributes } = node;
    if (graph.hasNode(key) || placed.has(key)) continue;
    if (unplaced(node)) {
      neighbours ??= servedNeighbours(served);
      Object.assign(attributes, placeNear(graph, placed, neighbours.get(key), spread, i));
    }
    placed.set(key, attributes as unknown as { x: number; y: number });
  }
}

/** Where a new node goes: on a small circle around a neighbour already placed, or at random. */
function placeNear(
  graph: DataGraph,
  placed: ReadonlyMap<string, { x: number; y: number }>,
  neighbours: string[] | undefined,
  spread: number,
  i: number,
): { x: number; y: number } {
  for (const other of neighbours ?? []) {
    const anchor = placed.get(other) ?? (graph.hasNode(other) ? graph.getNodeAttributes(other) : undefined);
    if (!anchor) continue;
    const angle = (i * 2.399963) % (2 * Math.PI);
    const radius = 5 + Math.sqrt(i);
    return { x: anchor.x + radius * Math.cos(angle), y: anchor.y + radius * Math.sin(angle) };
  }
  return { x: (Math.random() - 0.5) * spread, y: (Math.random() - 0.5) * spread };
}

/** How far a merge has got: items (nodes, then links) done out of all served. */
export type MergeProgress = (done: number, total: number) => void;

/**
 * Merges a served subgraph into the data graph under a load key; returns the keys of nodes added.
 * New nodes take the served attribute objects over, so the served graph's attributes must not be
 * used after. It works in slices, yielding to the page between them, so a large graph does not
 * freeze it.
 */
export async function mergeSubgraph(
  graph: DataGraph,
  origins: Origins,
  served: SerializedGraph,
  load: string,
  progress?: MergeProgress,
): Promise<string[]> {
  const added: string[] = [];
  const total = served.nodes.length + served.edges.length;
  placeServed(graph, served);
  const slicer = new Slicer();
  const alone: ReadonlySet<string> = new Set([load]);
  for (let i = 0; i < served.nodes.length; i++) {
    const { key, attributes } = served.nodes[i] as SerializedGraph['nodes'][number];
    if (graph.hasNode(key)) {
      const { depth: _depth, ...rest } = attributes;
      graph.mergeNodeAttributes(key, rest);
    } else {
      // The served attributes, placed, become the node's own (no copy): the served graph is not
      // read again.
      graph.addNode(key, attributes as NodeData);
      added.push(key);
    }
    const set = origins.get(key);
    if (set === undefined) origins.set(key, alone);
    else if (!set.has(load)) origins.set(key, new Set([...set, load]));
    if (slicer.due()) {
      progress?.(i + 1, total);
      await slicer.pause();
    }
  }
  for (let i = 0; i < served.edges.length; i++) {
    const { key, source, target, attributes } = served.edges[i] as SerializedGraph['edges'][number];
    try {
      graph.addDirectedEdgeWithKey(key, source, target, attributes);
    } catch (error) {
      // A link already there or with an end not loaded is left out; asking first costs three
      // lookups per link on every merge, this only on the rare link refused.
      if (!(graph.hasEdge(key) || !graph.hasNode(source) || !graph.hasNode(target))) throw error;
    }
    if (slicer.due()) {
      progress?.(served.nodes.length + i + 1, total);
      await slicer.pause();
    }
  }
  progress?.(total, total);
  return added;
}

/** The date a node or edge is placed at in time: its own date, else when it was first seen. */
export function dateOf(attributes: { date?: unknown; firstSeen?: unknown }): string | null {
  const date = attributes.date ?? attributes.firstSeen;
  return typeof date === 'string' && date.length >= 10 ? date.slice(0, 10) : null;
}

/**
 * The days a node or edge covers: its own date, else from when it was first seen to when it was last
 * seen (a person active for years, a contact kept up), or null when it has no date at all.
 */
export function spanOf(attributes: {
  date?: unknown;
  firstSeen?: unknown;
  lastSeen?: unknown;
}): { start: string; end: string } | null {
  const start = dateOf(attributes);
  if (start === null) return null;
  const last = attributes.date === undefined || attributes.date === null ? attributes.lastSeen : undefined;
  const end = typeof last === 'string' && last.length >= 10 ? last.slice(0, 10) : start;
  return end < start ? { start, end: start } : { start, end };
}

/** Whether days [start, end] overlap a window [from, to] (ISO days, all included). */
export function overlapsWindow(
  span: { start: string; end: string },
  window: { from: string; to: string },
): boolean {
  return span.start <= window.to && span.end >= window.from;
}
