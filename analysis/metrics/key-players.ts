/**
 * Key-player ranking from any score. Smuggled persons and witnesses are never ranked (they are
 * victims or witnesses, not suspects: DESIGN.md), and by default only persons are.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { type EntityAttributes, isProtected } from '../core/types.ts';

export interface KeyPlayerOptions {
  /** How many to return (default 10). */
  limit?: number;
  /** Entity types that may be ranked; null for any type (default ['Person']). */
  entityTypes?: readonly string[] | null;
}

export const DEFAULTS = { limit: 10, entityTypes: ['Person'] as readonly string[] | null };

/** One ranked entity. */
export interface KeyPlayer {
  id: string;
  rank: number;
  score: number;
  entityType: string | undefined;
  name: string | undefined;
  roles: string[];
}

/** Ranks nodes by score (descending, ties by id), never returning a protected person. */
export function rankKeyPlayers(
  graph: AbstractGraph,
  scores: Record<string, number>,
  options: KeyPlayerOptions = {},
): KeyPlayer[] {
  const limit = options.limit ?? DEFAULTS.limit;
  const types = options.entityTypes === undefined ? DEFAULTS.entityTypes : options.entityTypes;
  const eligible = Object.keys(scores).filter((id) => {
    if (!graph.hasNode(id)) return false;
    const attributes = graph.getNodeAttributes(id);
    return (
      !isProtected(attributes as EntityAttributes) &&
      (types === null || types.includes(attributes.entityType))
    );
  });
  eligible.sort((a, b) => (scores[b] as number) - (scores[a] as number) || (a < b ? -1 : a > b ? 1 : 0));
  return eligible
    .slice(0, limit)
    .map((id, i) => describe(id, i + 1, scores[id] as number, graph.getNodeAttributes(id)));
}

function describe(id: string, rank: number, score: number, attributes: Attributes): KeyPlayer {
  return {
    id,
    rank,
    score,
    entityType: attributes.entityType as string | undefined,
    name: attributes.name as string | undefined,
    roles: Array.isArray(attributes.roles) ? (attributes.roles as string[]) : [],
  };
}
