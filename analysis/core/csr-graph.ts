/**
 * A read-only, graphology-shaped view of an undirected CSR: the few members that
 * graphology-communities-louvain reads to build its index (order, size, node and edge iteration,
 * degrees). Louvain then runs on a graph of millions of links without a graphology instance, whose
 * per-link objects, keys and adjacency maps cost far more than the algorithm itself.
 *
 * Links are reported once (lower index first) with a reused attribute object `{ weight }`, so the
 * view allocates nothing per link. Mutating members throw.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { Csr } from './csr.ts';

type NodeCallback = (node: string, attributes: Attributes) => void;
/** graphology's callback for edges, as the read-only views call it. */
export type EdgeCallback = (
  edge: string,
  attributes: Attributes,
  source: string,
  target: string,
  sourceAttributes: Attributes,
  targetAttributes: Attributes,
  undirected: boolean,
) => void;

const NO_ATTRIBUTES: Attributes = Object.freeze({});

const readOnly = (member: string) => () => {
  throw new Error(
    `ariadne/analysis/csr-graph: ${member} on a read-only CSR view; copy it into a graphology graph first.`,
  );
};

/**
 * Wraps an undirected CSR as the read-only graph Louvain's index needs (see the banner); `order`,
 * a permutation of node indices, sets the order in which nodes are listed.
 */
export function viewCsrAsGraph(csr: Csr, order?: Int32Array): AbstractGraph {
  if (csr.directed) throw new Error('ariadne/analysis/csr-graph: the view is for undirected CSRs only.');
  const { nodes, index, offsets, targets, weights } = csr;
  const view = {
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
    order: nodes.length,
    size: targets.length / 2,
    undirectedSize: targets.length / 2,
    directedSize: 0,
    selfLoopCount: 0,
    undirectedSelfLoopCount: 0,
    directedSelfLoopCount: 0,
    forEachNode(callback: NodeCallback) {
      if (order) for (const i of order) callback(nodes[i] as string, NO_ATTRIBUTES);
      else for (const node of nodes) callback(node, NO_ATTRIBUTES);
    },
    forEachEdge(callback: EdgeCallback) {
      const attributes = { weight: 0 };
      for (let v = 0; v < nodes.length; v++) {
        const source = nodes[v] as string;
        for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
          const t = targets[j]!;
          if (t < v) continue;
          attributes.weight = weights[j]!;
          callback('', attributes, source, nodes[t] as string, NO_ATTRIBUTES, NO_ATTRIBUTES, true);
        }
      }
    },
    nodes: () => (order ? Array.from(order, (i) => nodes[i] as string) : nodes.slice()),
    hasNode: (node: string) => index.has(node),
    undirectedDegreeWithoutSelfLoops: (node: string) => degreeOf(csr, node),
    degreeWithoutSelfLoops: (node: string) => degreeOf(csr, node),
    degree: (node: string) => degreeOf(csr, node),
    addUndirectedEdgeWithKey: readOnly('addUndirectedEdgeWithKey'),
    dropNode: readOnly('dropNode'),
    setNodeAttribute: readOnly('setNodeAttribute'),
  };
  // The cast is the point of the view: Louvain accepts it, and reads only the members above.
  return view as unknown as AbstractGraph;
}

function degreeOf(csr: Csr, node: string): number {
  const i = csr.index.get(node);
  if (i === undefined) throw new Error(`ariadne/analysis/csr-graph: node "${node}" is not in the graph.`);
  return csr.offsets[i + 1]! - csr.offsets[i]!;
}
