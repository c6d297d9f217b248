/** The API calls the web app makes, typed. Every call carries only the session cookie. */
import { getJson, postJson, queryString } from '../lib/http.ts';
import type { EntityDetail, EntitySearchResult, SerializedGraph, Suggestions, Viewer } from './types.ts';
import type { IdentityDecision, IdentityDecisionBody } from '../../../server/schema/api/analyses.ts';

/** Signs in; the server sets the session cookie (the token in the answer is not kept). */
export async function logIn(username: string, password: string): Promise<Viewer> {
  const session = await postJson<{ user: Viewer }>('/api/auth/login', { username, password });
  return session.user;
}

/** Signs out and ends the session. */
export async function logOut(): Promise<void> {
  await postJson<unknown>('/api/auth/logout');
}

/** The signed-in user, or null without a session. */
export async function whoAmI(): Promise<Viewer | null> {
  const response = await fetch('/api/auth/me', { credentials: 'same-origin' });
  if (!response.ok) return null;
  const body = (await response.json()) as Viewer | { user: Viewer };
  return 'user' in body ? body.user : body;
}

/** Entities matching words, by type. */
export function searchEntities(
  q: string,
  options: { type?: string[]; limit?: number; offset?: number } = {},
) {
  return getJson<EntitySearchResult>(
    `/api/entities${queryString({ q, type: options.type, limit: options.limit ?? 20, offset: options.offset })}`,
  );
}

/** Type-ahead suggestions for a prefix. */
export function suggestEntities(prefix: string) {
  return getJson<Suggestions>(`/api/entities/suggest${queryString({ prefix, limit: 10 })}`);
}

/** One entity with properties, sources and relations. */
export function fetchEntity(id: string) {
  return getJson<EntityDetail>(`/api/entities/${encodeURIComponent(id)}`);
}

/** Options of a neighbourhood expansion. */
export interface ExpandOptions {
  depth?: number;
  type?: string[];
  linkType?: string[];
  limit?: number;
}

/** The neighbourhood of an entity. */
export function fetchNeighbourhood(id: string, options: ExpandOptions = {}) {
  return getJson<SerializedGraph>(
    `/api/entities/${encodeURIComponent(id)}/neighbourhood${queryString({
      depth: options.depth ?? 1,
      type: options.type,
      linkType: options.linkType,
      limit: options.limit ?? 200,
    })}`,
  );
}

/** Shortest paths (or every simple path with `all`) between two entities. */
export function fetchPaths(from: string, to: string, options: { maxHops?: number; all?: boolean } = {}) {
  return getJson<SerializedGraph>(
    `/api/paths${queryString({ from, to, maxHops: options.maxHops ?? 4, all: options.all ? 'true' : undefined })}`,
  );
}

/** Records an analyst's decision on a candidate pair: the same person (SAME_AS) or different people. */
export function recordIdentityDecision(body: IdentityDecisionBody) {
  return postJson<IdentityDecision>('/api/identity/decisions', body);
}
