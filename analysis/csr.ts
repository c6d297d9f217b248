/**
 * Compressed sparse row (CSR) adjacency on typed arrays: the layout the hot loops (Brandes,
 * PageRank, BFS) run on. Parallel links are merged (weights summed) and self-loops dropped, so a
 * multi graph and its simple projection give the same CSR.
 */
import type { AbstractGraph } from 'graphology-types';
import { type EdgeWeightOption, resolveEdgeWeight } from './edge-weight.ts';

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

/** Builds the CSR adjacency of any graphology graph. */
export function buildCsr(graph: AbstractGraph, options: CsrOptions = {}): Csr {
  const directed = options.directed ?? false;
  const weightOf = resolveEdgeWeight(options.getEdgeWeight ?? null);
  const nodes = graph.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) index.set(nodes[i] as string, i);

  const from: number[] = [];
  const to: number[] = [];
  const w: number[] = [];
  graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
    const a = index.get(source) as number;
    const b = index.get(target) as number;
    if (a === b) return;
    const weight = weightOf(edge, attributes);
    from.push(a);
    to.push(b);
    w.push(weight);
    if (!directed || undirected) {
      from.push(b);
      to.push(a);
      w.push(weight);
    }
  });
  const out = compress(nodes.length, from, to, w);
  if (!directed)
    return {
      nodes,
      index,
      directed,
      ...out,
      inOffsets: out.offsets,
      inTargets: out.targets,
      inWeights: out.weights,
    };
  const back = compress(nodes.length, to, from, w);
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

function compress(
  n: number,
  from: number[],
  to: number[],
  w: number[],
): { offsets: Uint32Array; targets: Int32Array; weights: Float64Array } {
  // Counting sort by row, then merge duplicate targets within each row.
  const start = new Uint32Array(n + 1);
  for (const a of from) start[a + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const targets = new Int32Array(from.length);
  const weights = new Float64Array(from.length);
  for (let e = 0; e < from.length; e++) {
    const slot = fill[from[e]!]!++;
    targets[slot] = to[e]!;
    weights[slot] = w[e]!;
  }
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
  return { offsets, targets: targets.slice(0, write), weights: weights.slice(0, write) };
}
