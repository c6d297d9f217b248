/**
 * All node centralities in one call, for the analysis run and the report: degree and weighted
 * degree, betweenness (Brandes 2001, sampled above a size threshold), PageRank (Brin & Page 1998),
 * harmonic closeness (Marchiori & Latora 2000) and eigenvector centrality (Bonacich 1972).
 * Each measure lives in its own module; this one only gathers them.
 */
import type { AbstractGraph } from 'graphology-types';
import { type BetweennessOptions, betweennessCentrality } from './betweenness.ts';
import { assertGraph } from '../core/check-graph.ts';
import { type ClosenessOptions, harmonicCloseness } from './closeness.ts';
import { degreeCentrality } from './degree.ts';
import type { EdgeWeightOption } from '../core/edge-weight.ts';
import { eigenvectorCentrality } from './eigenvector.ts';
import { type PagerankOptions, pagerank } from './pagerank.ts';

export { betweennessCentrality } from './betweenness.ts';
export { harmonicCloseness } from './closeness.ts';
export { degreeCentrality } from './degree.ts';
export { eigenvectorCentrality } from './eigenvector.ts';
export { rankKeyPlayers } from './key-players.ts';
export { pagerank, pagerankDetailed } from './pagerank.ts';

/** Every centrality of every node, keyed by measure then node id. */
export interface Centralities {
  degree: Record<string, number>;
  weightedDegree: Record<string, number>;
  betweenness: Record<string, number>;
  pagerank: Record<string, number>;
  closeness: Record<string, number>;
  eigenvector: Record<string, number>;
}

export interface CentralityOptions {
  /** Tie strength for degree, PageRank and eigenvector (default 'weight'). */
  getEdgeWeight?: EdgeWeightOption;
  betweenness?: BetweennessOptions;
  pagerank?: PagerankOptions;
  closeness?: ClosenessOptions;
}

/** Computes every centrality on the graph (best fed the weighted undirected projection). */
export function computeCentralities(graph: AbstractGraph, options: CentralityOptions = {}): Centralities {
  assertGraph(graph, 'centrality');
  const getEdgeWeight = options.getEdgeWeight === undefined ? 'weight' : options.getEdgeWeight;
  const { degree, weightedDegree } = degreeCentrality(graph, { getEdgeWeight });
  return {
    degree,
    weightedDegree,
    betweenness: betweennessCentrality(graph, options.betweenness),
    pagerank: pagerank(graph, { getEdgeWeight, ...options.pagerank }),
    closeness: harmonicCloseness(graph, options.closeness),
    eigenvector: eigenvectorCentrality(graph, { getEdgeWeight }),
  };
}
