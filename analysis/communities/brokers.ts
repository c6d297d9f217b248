/**
 * Brokers: the people who tie communities together. Participation coefficient (how evenly a
 * node's ties spread over communities), betweenness between groups (shortest paths whose ends lie
 * in different communities) and a ranking that combines them.
 *
 * Guimera, R. & Amaral, L. A. N. (2005) "Functional cartography of complex metabolic networks",
 * Nature 433; Brandes, U. (2001) J. Math. Sociology 25(2) for the path counting.
 */
import type { AbstractGraph } from 'graphology-types';
import { betweennessOnCsr } from '../metrics/betweenness.ts';
import { assertGraph } from '../core/check-graph.ts';
import { buildCsr, type Csr } from '../core/csr.ts';
import type { EdgeWeightOption } from '../core/edge-weight.ts';
import { rankKeyPlayers } from '../metrics/key-players.ts';

/** Node id -> community id. */
export type GroupMembership = Readonly<Record<string, number>>;

export interface BrokerOptions {
  /** Tie strength for the participation coefficient (default 'weight'). */
  getEdgeWeight?: EdgeWeightOption;
  limit?: number;
  entityTypes?: readonly string[] | null;
}

export const DEFAULTS = { getEdgeWeight: 'weight' as EdgeWeightOption, limit: 10 };

/** A ranked broker. */
export interface Broker {
  id: string;
  rank: number;
  betweenGroups: number;
  participation: number;
  /** Distinct communities among the broker's neighbours (its own included). */
  communitiesReached: number;
}

function groupsOf(csr: Csr, membership: GroupMembership): Int32Array {
  // A node outside every community is a group of its own (negative ids cannot clash).
  return Int32Array.from(csr.nodes, (node, i) => membership[node] ?? -1 - i);
}

/** Participation coefficient P_i = 1 - sum_s (k_is / k_i)^2 of every node. */
export function participationCoefficient(
  graph: AbstractGraph,
  membership: GroupMembership,
  options: { getEdgeWeight?: EdgeWeightOption } = {},
): Record<string, number> {
  assertGraph(graph, 'brokers');
  const csr = buildCsr(graph, { getEdgeWeight: options.getEdgeWeight ?? DEFAULTS.getEdgeWeight });
  const groups = groupsOf(csr, membership);
  const result: Record<string, number> = {};
  for (let v = 0; v < csr.nodes.length; v++) {
    const perGroup = new Map<number, number>();
    let total = 0;
    for (let j = csr.offsets[v]!; j < csr.offsets[v + 1]!; j++) {
      const g = groups[csr.targets[j]!]!;
      perGroup.set(g, (perGroup.get(g) ?? 0) + csr.weights[j]!);
      total += csr.weights[j]!;
    }
    let concentration = 0;
    for (const k of perGroup.values()) concentration += (k / total) ** 2;
    result[csr.nodes[v] as string] = total === 0 ? 0 : 1 - concentration;
  }
  return result;
}

/** Betweenness counting only shortest paths between members of different communities (pairs once). */
export function betweennessBetweenGroups(
  graph: AbstractGraph,
  membership: GroupMembership,
): Record<string, number> {
  assertGraph(graph, 'brokers');
  const csr = buildCsr(graph);
  const groups = groupsOf(csr, membership);
  const scores = betweennessOnCsr(csr, {
    weighted: false,
    weightsAre: 'length',
    isTarget: (s, t) => groups[s] !== groups[t],
  });
  return Object.fromEntries(csr.nodes.map((node, i) => [node, scores[i]! / 2]));
}

/** Ranks brokers by betweenness between groups, then participation; never a protected person. */
export function rankBrokers(
  graph: AbstractGraph,
  membership: GroupMembership,
  options: BrokerOptions = {},
): Broker[] {
  const between = betweennessBetweenGroups(graph, membership);
  const participation = participationCoefficient(graph, membership, options);
  // Participation in [0, 1) only breaks ties between equal path counts.
  const score = Object.fromEntries(
    Object.keys(between).map((id) => [id, (between[id] as number) + (participation[id] as number) * 1e-9]),
  );
  const ranked = rankKeyPlayers(graph, score, {
    limit: options.limit ?? DEFAULTS.limit,
    ...(options.entityTypes === undefined ? {} : { entityTypes: options.entityTypes }),
  });
  return ranked.map((player) => ({
    id: player.id,
    rank: player.rank,
    betweenGroups: between[player.id] as number,
    participation: participation[player.id] as number,
    communitiesReached: new Set([
      membership[player.id],
      ...graph.neighbors(player.id).map((n) => membership[n]),
    ]).size,
  }));
}
