/**
 * Compressed sparse row (CSR) adjacency on typed arrays: the layout the hot loops (Brandes,
 * PageRank, BFS, Louvain) run on. Parallel links are merged (weights summed) and self-loops
 * dropped, so a multi graph and its simple projection give the same CSR.
 */
import type { AbstractGraph } from 'graphology-types';
import { type EdgeWeightOption, resolveEdgeWeight } from './edge-weight.ts';
import type { EdgeList } from './load-edges.ts';

/** Adjacency of a graph; `in*` is the transpose (the same arrays when undirected). */
export interface Csr {
  nodes: string[];
  index: Map<string, number>;
  directed: boolean;
  offsets: Uint32Array;
  targets: Int32Array;
  weights: Float64Array;
  inOffsets: Uint32Array;
  inTargets: Int32Array;
  inWeights: Float64Array;
}

export interface CsrOptions {
  getEdgeWeight?: EdgeWeightOption;
  /** Follow link direction (default false: every link is read both ways). */
  directed?: boolean;
}

type Rows = { offsets: Uint32Array; targets: Int32Array; weights: Float64Array };

/** Builds the CSR adjacency of any graphology graph. */
export function buildCsr(graph: AbstractGraph, options: CsrOptions = {}): Csr {
  const directed = options.directed ?? false;
  const weightOf = resolveEdgeWeight(options.getEdgeWeight ?? null);
  const nodes = graph.nodes();
  const index = indexNodes(nodes);
  const from = new Int32Array(graph.size);
  const to = new Int32Array(graph.size);
  const w = new Float64Array(graph.size);
  // An undirected link of a mixed graph is read both ways even when following direction.
  const both = new Uint8Array(directed ? graph.size : 0);
  let m = 0;
  graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
    from[m] = index.get(source) as number;
    to[m] = index.get(target) as number;
    w[m] = weightOf(edge, attributes);
    if (directed && undirected) both[m] = 1;
    m++;
  });
  const out = compress(nodes.length, from, to, w, directed ? both : null);
  if (!directed) return withTranspose(nodes, index, false, out, out);
  return withTranspose(nodes, index, true, out, compress(nodes.length, to, from, w, both));
}

/** Builds the CSR adjacency of a loaded edge list (see load-edges.ts). */
export function csrFromEdgeList(edges: EdgeList, options: { directed?: boolean } = {}): Csr {
  const directed = options.directed ?? false;
  const n = edges.nodes.length;
  const w = edges.weights;
  const index = indexNodes(edges.nodes);
  const out = compress(n, edges.sources, edges.targets, w, directed ? new Uint8Array(0) : null);
  if (!directed) return withTranspose(edges.nodes, index, false, out, out);
  const back = compress(n, edges.targets, edges.sources, w, new Uint8Array(0));
  return withTranspose(edges.nodes, index, true, out, back);
}

function indexNodes(nodes: string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) index.set(nodes[i] as string, i);
  return index;
}

function withTranspose(
  nodes: string[],
  index: Map<string, number>,
  directed: boolean,
  out: Rows,
  back: Rows,
) {
  return {
    nodes,
    index,
    directed,
    ...out,
    inOffsets: back.offsets,
    inTargets: back.targets,
    inWeights: back.weights,
  };
}

/**
 * Counting sort of the links by row, then a merge of duplicate targets within each row (weights
 * null: every link weighs 1). `oneWay`
 * null stores every link in both rows (undirected); otherwise a link goes in its source row only,
 * and also in its target row where `oneWay[e]` is 1.
 */
function compress(
  n: number,
  from: Int32Array,
  to: Int32Array,
  w: Float64Array | null,
  oneWay: Uint8Array | null,
): Rows {
  const start = new Uint32Array(n + 1);
  for (let e = 0; e < from.length; e++) {
    const a = from[e]!;
    const b = to[e]!;
    if (a === b) continue;
    start[a + 1]!++;
    if (oneWay === null || oneWay[e] === 1) start[b + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const targets = new Int32Array(start[n]!);
  // Unit weights are written in one sequential pass rather than scattered link by link.
  const weights = new Float64Array(start[n]!);
  if (w === null) weights.fill(1);
  for (let e = 0; e < from.length; e++) {
    const a = from[e]!;
    const b = to[e]!;
    if (a === b) continue;
    const weight = w === null ? 1 : w[e]!;
    let slot = fill[a]!++;
    targets[slot] = b;
    if (w !== null) weights[slot] = weight;
    if (oneWay !== null && oneWay[e] !== 1) continue;
    slot = fill[b]!++;
    targets[slot] = a;
    if (w !== null) weights[slot] = weight;
  }
  return mergeDuplicates(n, start, targets, weights);
}

function mergeDuplicates(n: number, start: Uint32Array, targets: Int32Array, weights: Float64Array): Rows {
  const seen = new Int32Array(n).fill(-1);
  const offsets = new Uint32Array(n + 1);
  let write = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = write;
    for (let j = start[i]!; j < start[i + 1]!; j++) {
      const t = targets[j]!;
      const at = seen[t]!;
      if (at >= offsets[i]! && at < write && targets[at] === t) {
        weights[at]! += weights[j]!;
        continue;
      }
      seen[t] = write;
      targets[write] = t;
      weights[write++] = weights[j]!;
    }
  }
  offsets[n] = write;
  if (write === targets.length) return { offsets, targets, weights };
  return { offsets, targets: targets.slice(0, write), weights: weights.slice(0, write) };
}
