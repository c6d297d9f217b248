/**
 * PageRank by power iteration on CSR typed arrays, run until the L1 change between two iterations
 * falls below the tolerance. Rank held by dangling nodes (no outgoing links) is spread uniformly.
 *
 * Brin, S. & Page, L. (1998) "The anatomy of a large-scale hypertextual Web search engine",
 * Computer Networks and ISDN Systems 30(1-7).
 */
import type { AbstractGraph } from 'graphology-types';
import { assertGraph } from '../core/check-graph.ts';
import { buildCsr, type Csr } from '../core/csr.ts';
import type { EdgeWeightOption } from '../core/edge-weight.ts';

export interface PagerankOptions {
  getEdgeWeight?: EdgeWeightOption;
  directed?: boolean;
  /** Damping factor: probability of following a link rather than jumping. */
  alpha?: number;
  /** Stop when the L1 change between iterations is below this. */
  tolerance?: number;
  maxIterations?: number;
}

// 1e-10 in L1 keeps the top of the ranking identical to a fully converged run on case-sized graphs.
export const DEFAULTS = {
  getEdgeWeight: 'weight' as EdgeWeightOption,
  directed: false,
  alpha: 0.85,
  tolerance: 1e-10,
  maxIterations: 1_000,
};

/** PageRank result with convergence details. */
export interface PagerankResult {
  scores: Record<string, number>;
  iterations: number;
  converged: boolean;
}

/** PageRank of every node, keyed by node id (sums to 1). */
export function pagerank(graph: AbstractGraph, options: PagerankOptions = {}): Record<string, number> {
  return pagerankDetailed(graph, options).scores;
}

/** PageRank with the number of iterations run and whether the tolerance was reached. */
export function pagerankDetailed(graph: AbstractGraph, options: PagerankOptions = {}): PagerankResult {
  assertGraph(graph, 'pagerank');
  const o = { ...DEFAULTS, ...options };
  if (!(o.alpha > 0 && o.alpha < 1))
    throw new Error('ariadne/analysis/pagerank: alpha must lie in (0, 1), e.g. 0.85.');
  const csr = buildCsr(graph, { getEdgeWeight: o.getEdgeWeight, directed: o.directed });
  const { x, iterations, converged } = pagerankOnCsr(csr, o);
  const scores: Record<string, number> = {};
  for (let i = 0; i < csr.nodes.length; i++) scores[csr.nodes[i] as string] = x[i]!;
  return { scores, iterations, converged };
}

/** PageRank on a prepared CSR: scores by node index, with convergence details. */
export function pagerankOnCsr(
  csr: Csr,
  options: Pick<PagerankOptions, 'alpha' | 'tolerance' | 'maxIterations'> = {},
): { x: Float64Array; iterations: number; converged: boolean } {
  const { alpha, tolerance, maxIterations } = { ...DEFAULTS, ...options };
  const n = csr.nodes.length;
  const { offsets, weights, inOffsets, inTargets, inWeights } = csr;
  // 1 / out-strength per node (0 for dangling nodes, whose rank is spread uniformly instead).
  const inverse = new Float64Array(n);
  const dangling: number[] = [];
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let j = offsets[i]!; j < offsets[i + 1]!; j++) total += weights[j]!;
    if (total === 0) dangling.push(i);
    else inverse[i] = 1 / total;
  }
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const flow = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let lost = 0;
    for (const d of dangling) lost += x[d]!;
    const base = (alpha * lost + 1 - alpha) / n;
    for (let i = 0; i < n; i++) flow[i] = alpha * x[i]! * inverse[i]!;
    // Pulled along in-rows: each node sums what flows in, reading at random but writing in order.
    let error = 0;
    for (let v = 0; v < n; v++) {
      let sum = base;
      for (let j = inOffsets[v]!, end = inOffsets[v + 1]!; j < end; j++)
        sum += flow[inTargets[j]!]! * inWeights[j]!;
      next[v] = sum;
      error += Math.abs(sum - x[v]!);
    }
    [x, next] = [next, x];
    if (error < tolerance) return { x, iterations: iteration, converged: true };
  }
  return { x, iterations: maxIterations, converged: false };
}
