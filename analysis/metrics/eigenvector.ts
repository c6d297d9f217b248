/**
 * Eigenvector centrality: a node is central when its neighbours are. Power iteration on A + I
 * (the shift keeps bipartite networks such as stars from oscillating; it does not move the
 * leading eigenvector), normalised to unit Euclidean length.
 *
 * Bonacich, P. (1972) "Factoring and weighting approaches to status scores and clique
 * identification", J. Mathematical Sociology 2(1).
 */
import type { AbstractGraph } from 'graphology-types';
import { assertGraph } from '../core/check-graph.ts';
import { buildCsr } from '../core/csr.ts';
import type { EdgeWeightOption } from '../core/edge-weight.ts';

export interface EigenvectorOptions {
  getEdgeWeight?: EdgeWeightOption;
  tolerance?: number;
  maxIterations?: number;
}

export const DEFAULTS = {
  getEdgeWeight: 'weight' as EdgeWeightOption,
  tolerance: 1e-10,
  maxIterations: 10_000,
};

/** Eigenvector centrality of every node (undirected reading), keyed by node id. */
export function eigenvectorCentrality(
  graph: AbstractGraph,
  options: EigenvectorOptions = {},
): Record<string, number> {
  assertGraph(graph, 'eigenvector');
  const o = { ...DEFAULTS, ...options };
  const { nodes, offsets, targets, weights } = buildCsr(graph, { getEdgeWeight: o.getEdgeWeight });
  const n = nodes.length;
  let x = new Float64Array(n).fill(n > 0 ? 1 / Math.sqrt(n) : 0);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < o.maxIterations; iteration++) {
    for (let i = 0; i < n; i++) {
      let sum = x[i]!;
      for (let j = offsets[i]!; j < offsets[i + 1]!; j++) sum += weights[j]! * x[targets[j]!]!;
      next[i] = sum;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += next[i]! * next[i]!;
    norm = Math.sqrt(norm) || 1;
    let error = 0;
    for (let i = 0; i < n; i++) {
      next[i]! /= norm;
      error += Math.abs(next[i]! - x[i]!);
    }
    [x, next] = [next, x];
    if (error < o.tolerance) break;
  }
  const result: Record<string, number> = {};
  for (let i = 0; i < n; i++) result[nodes[i] as string] = x[i]!;
  return result;
}
