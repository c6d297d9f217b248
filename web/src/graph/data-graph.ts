/**
 * The data graph: every entity and link the server sent for this view, with layout positions and
 * nothing else. Served subgraphs are merged in by key; each node remembers which loads brought it
 * (in a side map, not in its attributes), so undoing a load hides what only it brought.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, NodeAttributes, SerializedGraph } from '../api/types.ts';

/** Node attributes in the data graph: the entity, plus its position and whether the layout may move it. */
export type NodeData = NodeAttributes & { x: number; y: number; fixed?: boolean };
export type EdgeData = EdgeAttributes;
export type DataGraph = MultiDirectedGraph<NodeData, EdgeData>;

/** A new, empty data graph. */
export function createDataGraph(): DataGraph {
  return new MultiDirectedGraph<NodeData, EdgeData>();
}

/** The loads that brought each node, by load key. */
export type Origins = Map<string, Set<string>>;

/** Where a new node goes: on a small circle around a neighbour already placed, or at random. */
function placeNear(
  graph: DataGraph,
  served: SerializedGraph,
  key: string,
  i: number,
): { x: number; y: number } {
  for (const edge of served.edges) {
    const other = edge.source === key ? edge.target : edge.target === key ? edge.source : null;
    if (other !== null && graph.hasNode(other)) {
      const anchor = graph.getNodeAttributes(other);
      const angle = (i * 2.399963) % (2 * Math.PI);
      const radius = 5 + Math.sqrt(i);
      return { x: anchor.x + radius * Math.cos(angle), y: anchor.y + radius * Math.sin(angle) };
    }
  }
  const spread = 100 * Math.sqrt(served.nodes.length + graph.order + 1);
  return { x: (Math.random() - 0.5) * spread, y: (Math.random() - 0.5) * spread };
}

/** Merges a served subgraph into the data graph under a load key; returns the keys of nodes added. */
export function mergeSubgraph(
  graph: DataGraph,
  origins: Origins,
  served: SerializedGraph,
  load: string,
): string[] {
  const added: string[] = [];
  served.nodes.forEach(({ key, attributes }, i) => {
    if (graph.hasNode(key)) {
      const { depth: _depth, ...rest } = attributes;
      graph.mergeNodeAttributes(key, rest);
    } else {
      const hasPosition = typeof attributes.x === 'number' && typeof attributes.y === 'number';
      const position = hasPosition ? {} : placeNear(graph, served, key, i);
      graph.addNode(key, { ...attributes, ...position } as NodeData);
      added.push(key);
    }
    const set = origins.get(key) ?? new Set<string>();
    set.add(load);
    origins.set(key, set);
  });
  for (const { key, source, target, attributes } of served.edges) {
    if (graph.hasEdge(key) || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    graph.addDirectedEdgeWithKey(key, source, target, attributes);
  }
  return added;
}

/** The date a node or edge is placed at in time: its own date, else when it was first seen. */
export function dateOf(attributes: { date?: unknown; firstSeen?: unknown }): string | null {
  const date = attributes.date ?? attributes.firstSeen;
  return typeof date === 'string' && date.length >= 10 ? date.slice(0, 10) : null;
}
