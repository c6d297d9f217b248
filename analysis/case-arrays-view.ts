/**
 * A read-only, graphology-shaped view of case arrays: the members that the community profiles
 * (community-summary.ts) and the key-player ranking read (nodes, degrees, attributes, a node's in,
 * out and all links). Links of a node come in graphology's own order for a multi directed graph:
 * neighbours whose ids are array indices ("12") first in numeric order, then the others in order of
 * their first link; parallel links newest first; for all links, in-links before out-links. So a
 * profile read through the view is the one read from a graphology graph of the same records.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { CaseArrays } from './case-arrays.ts';
import { type Adjacency, adjacency, indexRanks } from './case-arrays-adjacency.ts';
import type { EdgeCallback } from './csr-graph.ts';

type NeighbourCallback = EdgeCallback;

// Links have no keys here (the profiles never read them): making one string per visit cost more
// than the profiles themselves.
const NO_KEY = '';

/**
 * Wraps case arrays as the read-only directed multi graph the profiles need (see the banner); with
 * `keep`, a view of all the nodes and only the links e where keep[e] is 1, in the order they have
 * among all links.
 */
export function viewCaseArrays(arrays: CaseArrays, keep?: Uint8Array): AbstractGraph {
  const { nodes, attributes, sources, targets, types, typeNames, weights } = arrays;
  const index = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) index.set(nodes[i]!, i);
  const rank = indexRanks(nodes);
  const out = adjacency(nodes.length, sources, targets, rank, keep);
  const into = adjacency(nodes.length, targets, sources, rank, keep);
  const at = (node: string) => {
    const i = index.get(node);
    if (i === undefined)
      throw new Error(`ariadne/analysis/case-arrays-view: node "${node}" is not in the graph.`);
    return i;
  };
  const visit = (adj: Adjacency, v: number, callback: NeighbourCallback) => {
    for (let j = adj.offsets[v]!; j < adj.offsets[v + 1]!; j++) {
      const e = adj.links[j]!;
      const s = sources[e]!;
      const t = targets[e]!;
      const link = { linkType: typeNames[types[e]!] as string, weight: weights[e]! };
      callback(NO_KEY, link, nodes[s]!, nodes[t]!, attributes[s]!, attributes[t]!, false);
    }
  };
  const degree = (v: number) =>
    out.offsets[v + 1]! - out.offsets[v]! + into.offsets[v + 1]! - into.offsets[v]!;
  const view = {
    type: 'directed',
    multi: true,
    order: nodes.length,
    size: out.links.length,
    nodes: () => nodes.slice(),
    hasNode: (node: string) => index.has(node),
    getNodeAttributes: (node: string) => attributes[at(node)],
    getNodeAttribute: (node: string, key: string) => attributes[at(node)]?.[key],
    degree: (node: string) => degree(at(node)),
    forEachNode(callback: (node: string, attributes: Attributes) => void) {
      for (let i = 0; i < nodes.length; i++) callback(nodes[i]!, attributes[i]!);
    },
    forEachOutEdge: (node: string, callback: NeighbourCallback) => visit(out, at(node), callback),
    forEachInEdge: (node: string, callback: NeighbourCallback) => visit(into, at(node), callback),
    forEachEdge(node: string | NeighbourCallback, callback?: NeighbourCallback) {
      if (typeof node !== 'string' || callback === undefined)
        throw new Error('ariadne/analysis/case-arrays-view: forEachEdge needs a node here.');
      const v = at(node);
      visit(into, v, callback);
      visit(out, v, callback);
    },
  };
  // The cast is the point of the view: the profiles accept it and read only the members above.
  return view as unknown as AbstractGraph;
}
