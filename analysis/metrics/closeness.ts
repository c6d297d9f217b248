/**
 * Harmonic closeness: the mean of 1/d(v, t) over all other nodes t, so unreachable nodes add 0
 * instead of making the measure undefined on a disconnected network.
 *
 * Marchiori, M. & Latora, V. (2000) "Harmony in the small-world", Physica A 285; Boldi, P. & Vigna, S.
 * (2014) "Axioms for centrality", Internet Mathematics 10(3-4).
 */
import type { AbstractGraph } from 'graphology-types';
import { assertGraph } from '../core/check-graph.ts';
import { buildCsr } from '../core/csr.ts';
import type { EdgeWeightOption } from '../core/edge-weight.ts';
import { createPathSpace, searchFrom, type WeightMeaning } from '../paths/shortest-paths.ts';

export interface ClosenessOptions {
  getEdgeWeight?: EdgeWeightOption;
  weightsAre?: WeightMeaning;
  directed?: boolean;
  /** Divide by n - 1 (default true). */
  normalized?: boolean;
}

export const DEFAULTS = {
  getEdgeWeight: null as EdgeWeightOption,
  weightsAre: 'strength' as WeightMeaning,
  directed: false,
  normalized: true,
};

/** Harmonic closeness of every node, keyed by node id. */
export function harmonicCloseness(
  graph: AbstractGraph,
  options: ClosenessOptions = {},
): Record<string, number> {
  assertGraph(graph, 'closeness');
  const o = { ...DEFAULTS, ...options };
  const csr = buildCsr(graph, { getEdgeWeight: o.getEdgeWeight, directed: o.directed });
  const n = csr.nodes.length;
  const space = createPathSpace(csr, o.getEdgeWeight !== null, o.weightsAre);
  const result: Record<string, number> = {};
  for (let s = 0; s < n; s++) {
    searchFrom(space, s);
    let sum = 0;
    for (let i = 1; i < space.size; i++) sum += 1 / space.dist[space.order[i]!]!;
    result[csr.nodes[s] as string] = o.normalized && n > 1 ? sum / (n - 1) : sum;
  }
  return result;
}
