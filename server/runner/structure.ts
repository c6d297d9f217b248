/**
 * The structural steps: communities (Louvain) with their profiles, centralities of every entity on
 * the weighted undirected projection, key players, brokers and cut points. Smuggled persons and
 * witnesses are never ranked (analysis/metrics/key-players.ts); they are not listed as cut points either.
 */
import { rankBrokers } from '../../analysis/communities/brokers.ts';
import {
  betweennessCentrality,
  degreeCentrality,
  eigenvectorCentrality,
  harmonicCloseness,
  pagerank,
} from '../../analysis/metrics/centrality.ts';
import {
  type Community,
  type CommunityMethod,
  type CommunityResult,
  detectCommunities,
  summariseCommunities,
} from '../../analysis/communities/communities.ts';
import { findCutPoints } from '../../analysis/metrics/cut-points.ts';
import { rankKeyPlayers } from '../../analysis/metrics/key-players.ts';
import { createRng } from '../../analysis/core/random.ts';
import { type CaseGraph, type EntityAttributes, isProtected } from '../../analysis/core/types.ts';
import type { toWeightedUndirected } from '../../analysis/core/undirected.ts';
/** The weighted undirected projection the structural measures read (analysis/core/undirected.ts). */
export type Projection = ReturnType<typeof toWeightedUndirected>;

import { type CommunitySummary, degreeScores } from '../../analysis/communities/community-summary.ts';
import type { CellReport, CommunityReport, EntityScores, KeyPlayerReport } from './types.ts';

/** Communities (Leiden or Louvain) and the cells inside them, each with its members and profile. */
export function runCommunities(
  graph: CaseGraph,
  options: { method: CommunityMethod; resolution: number; seed: number },
): { detected: CommunityResult; communities: CommunityReport[]; cells: CellReport[] } {
  const { method, resolution, seed } = options;
  const detected = detectCommunities(graph, { method, resolution, seed, cells: true });
  // Key members are picked by degree at both levels: counted once for the two.
  const scores = degreeScores(graph);
  const communities = withSummaries(detected.communities, summariseCommunities(graph, detected, { scores }));
  const cellList = detected.cells?.cells ?? [];
  const cellSummaries = summariseCommunities(graph, { ...detected, communities: cellList }, { scores });
  const cells = withSummaries(cellList, cellSummaries) as CellReport[];
  return { detected, communities, cells };
}

/** Communities (or cells) with their profiles, the profile's own id, size and share left out. */
export function withSummaries<T extends Community>(
  list: readonly T[],
  summaries: readonly CommunitySummary[],
): (T & { summary: CommunityReport['summary'] })[] {
  return list.map((community, i) => {
    const { id: _id, size: _size, contribution: _c, ...summary } = summaries[i] as CommunitySummary;
    return { ...community, summary };
  });
}

/** Every centrality of every entity, keyed by entity id, on the weighted undirected projection. */
export function runCentrality(
  projection: Projection,
  entities: Record<string, EntityScores>,
  options: { seed: number; closenessMaxNodes: number },
): void {
  const { degree, weightedDegree } = degreeCentrality(projection, { getEdgeWeight: 'weight' });
  const scores = {
    degree,
    weightedDegree,
    betweenness: betweennessCentrality(projection, { rng: createRng(options.seed) }),
    pagerank: pagerank(projection, { getEdgeWeight: 'weight' }),
    eigenvector: eigenvectorCentrality(projection, { getEdgeWeight: 'weight' }),
    // Closeness costs one search per node: left out of large graphs.
    ...(projection.order <= options.closenessMaxNodes ? { closeness: harmonicCloseness(projection) } : {}),
  };
  const measures = Object.keys(scores) as (keyof typeof scores)[];
  projection.forEachNode((node) => {
    const entry = entities[node] ?? {};
    for (const measure of measures) entry[measure] = scores[measure]?.[node] ?? 0;
    entities[node] = entry;
  });
}

/** The key players by betweenness, with their degree, PageRank and community. */
export function rankByBetweenness(
  graph: CaseGraph,
  entities: Record<string, EntityScores>,
  limit: number,
): KeyPlayerReport[] {
  const betweenness: Record<string, number> = {};
  for (const [id, scores] of Object.entries(entities))
    if (scores.betweenness !== undefined) betweenness[id] = scores.betweenness;
  return rankKeyPlayers(graph, betweenness, { limit }).map((player) => ({
    ...player,
    community: entities[player.id]?.community,
    degree: entities[player.id]?.degree ?? 0,
    pagerank: entities[player.id]?.pagerank ?? 0,
  }));
}

/** Brokers between communities and cut points of the network, never protected persons. */
export function runBrokers(
  graph: CaseGraph,
  projection: Projection,
  membership: Record<string, number>,
  limit: number,
) {
  const brokers = rankBrokers(projection, membership, { limit });
  const cutPoints = findCutPoints(projection)
    .filter((point) => !isProtected(graph.getNodeAttributes(point.id) as EntityAttributes))
    .slice(0, limit);
  return { brokers, cutPoints };
}
