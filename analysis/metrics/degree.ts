/**
 * Degree (distinct neighbours) and weighted degree (strength: the sum of tie weights), read
 * undirected with parallel links merged, so a pair who spoke forty times is still one neighbour.
 */
import type { AbstractGraph } from 'graphology-types';
import { assertGraph } from '../core/check-graph.ts';
import { buildCsr } from '../core/csr.ts';
import type { EdgeWeightOption } from '../core/edge-weight.ts';

export const DEFAULTS = { getEdgeWeight: 'weight' as EdgeWeightOption };

/** Degree and weighted degree of every node. */
export function degreeCentrality(
  graph: AbstractGraph,
  options: { getEdgeWeight?: EdgeWeightOption } = {},
): { degree: Record<string, number>; weightedDegree: Record<string, number> } {
  assertGraph(graph, 'degree');
  const getEdgeWeight = options.getEdgeWeight === undefined ? DEFAULTS.getEdgeWeight : options.getEdgeWeight;
  const { nodes, offsets, weights } = buildCsr(graph, { getEdgeWeight });
  const degree: Record<string, number> = {};
  const weightedDegree: Record<string, number> = {};
  for (let i = 0; i < nodes.length; i++) {
    let strength = 0;
    for (let j = offsets[i]!; j < offsets[i + 1]!; j++) strength += weights[j]!;
    degree[nodes[i] as string] = offsets[i + 1]! - offsets[i]!;
    weightedDegree[nodes[i] as string] = strength;
  }
  return { degree, weightedDegree };
}
