/**
 * Betweenness centrality: the share of shortest paths between other pairs that run through a node.
 *
 * Brandes, U. (2001) "A faster algorithm for betweenness centrality", J. Math. Sociology 25(2).
 * Above a size threshold the sources are sampled (k pivots, the estimator scaled by n/k), after
 * Brandes, U. & Pich, C. (2007) "Centrality estimation in large networks", IJBC 17(7). On
 * undirected hop counts the sampled estimate uses linear scaling (a pivot credits a node on a path
 * by its share of the distance), which ranks low-betweenness nodes far better for the same pivots:
 * Geisberger, R., Sanders, P. & Schultes, D. (2008) "Better approximation of betweenness
 * centrality", ALENEX.
 * Runs on CSR typed arrays; the normalisation matches graphology-metrics.
 */
import type { AbstractGraph } from 'graphology-types';
import { assertGraph, assertRng } from '../core/check-graph.ts';
import { buildCsr, type Csr } from '../core/csr.ts';
import { betweennessByHops } from './brandes-hops.ts';
import type { EdgeWeightOption } from '../core/edge-weight.ts';
import { createPathSpace, isPredecessor, searchFrom, type WeightMeaning } from '../paths/shortest-paths.ts';

export interface BetweennessOptions {
  /** Link weight (null: hop counts). */
  getEdgeWeight?: EdgeWeightOption;
  /** Whether a weight is a tie strength (length 1/w) or already a length. */
  weightsAre?: WeightMeaning;
  directed?: boolean;
  /** Divide by (n-1)(n-2) as graphology-metrics does; otherwise halve for undirected graphs. */
  normalized?: boolean;
  /** Sample pivots when the graph has more nodes than this. */
  sampleAbove?: number;
  /** Number of pivots when sampling. */
  pivots?: number;
  rng?: () => number;
}

export const DEFAULTS = {
  getEdgeWeight: null as EdgeWeightOption,
  weightsAre: 'strength' as WeightMeaning,
  directed: false,
  normalized: true,
  sampleAbove: 50_000,
  pivots: 1_000,
  rng: Math.random,
};

/** Lower-level options on a prepared CSR (shared with brokers and disruption). */
export interface CsrBetweennessOptions {
  weighted: boolean;
  weightsAre: WeightMeaning;
  /** Source nodes to run from (all when undefined); the result is scaled up to an all-sources estimate. */
  sources?: Int32Array;
  /** Counts a path s -> t only when true (all pairs when undefined). */
  isTarget?: (source: number, target: number) => boolean;
  removed?: Uint8Array;
}

/** Betweenness of every node, keyed by node id. */
export function betweennessCentrality(
  graph: AbstractGraph,
  options: BetweennessOptions = {},
): Record<string, number> {
  assertGraph(graph, 'betweenness');
  const o = { ...DEFAULTS, ...options };
  assertRng(o.rng, 'betweenness');
  const csr = buildCsr(graph, { getEdgeWeight: o.getEdgeWeight, directed: o.directed });
  const n = csr.nodes.length;
  const sources = n > o.sampleAbove ? samplePivots(n, Math.min(o.pivots, n), o.rng) : undefined;
  const scores = betweennessOnCsr(csr, {
    weighted: o.getEdgeWeight !== null,
    weightsAre: o.weightsAre,
    sources,
  });
  const scale = o.normalized ? (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1) : csr.directed ? 1 : 0.5;
  const result: Record<string, number> = {};
  for (let i = 0; i < n; i++) result[csr.nodes[i] as string] = scores[i]! * scale;
  return result;
}

/** Raw (unnormalised, ordered-pair) betweenness on a CSR. */
export function betweennessOnCsr(csr: Csr, options: CsrBetweennessOptions): Float64Array {
  if (!options.weighted && !options.removed && !options.isTarget)
    return betweennessByHops(csr, options.sources);
  const n = csr.nodes.length;
  const space = createPathSpace(csr, options.weighted, options.weightsAre);
  const delta = new Float64Array(n);
  const scores = new Float64Array(n);
  const { inOffsets, inTargets } = csr;
  const { removed, isTarget } = options;
  const count = options.sources ? options.sources.length : n;
  for (let k = 0; k < count; k++) {
    const s = options.sources ? options.sources[k]! : k;
    if (removed?.[s]) continue;
    searchFrom(space, s, removed);
    const { order, sigma } = space;
    for (let i = 0; i < space.size; i++) delta[order[i]!] = 0;
    for (let i = space.size - 1; i > 0; i--) {
      const w = order[i]!;
      const own = isTarget === undefined || isTarget(s, w) ? 1 : 0;
      const coefficient = (own + delta[w]!) / sigma[w]!;
      for (let j = inOffsets[w]!; j < inOffsets[w + 1]!; j++) {
        const v = inTargets[j]!;
        if (!removed?.[v] && isPredecessor(space, v, w, j)) delta[v]! += sigma[v]! * coefficient;
      }
      scores[w]! += delta[w]!;
    }
  }
  if (options.sources && count > 0) for (let i = 0; i < n; i++) scores[i]! *= n / count;
  return scores;
}

/** Draws `k` distinct node indices with the given rng (partial Fisher-Yates). */
export function samplePivots(n: number, k: number, rng: () => number): Int32Array {
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const swap = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = swap;
  }
  return pool.slice(0, k);
}
