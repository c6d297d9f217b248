/** Sessions: started at login, resolved on every request, ended at logout. */
import { deleteSession, findSessionUser, insertSession } from '../store/sessions.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from './context.ts';
import { sessionCacheFor } from './session-cache.ts';
import { hashToken, newToken } from './tokens.ts';
import { viewerOf } from './users.ts';

/** How long a session lasts: a working day. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Starts a session; the token goes to the client, only its hash is kept. */
export async function startSession(
  store: Store,
  username: string,
  ttlMs = SESSION_TTL_MS,
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = newToken();
  const sessionId = hashToken(token);
  const expiresAt = new Date(Date.now() + ttlMs);
  await insertSession(store, { id: sessionId, username, expiresAt: expiresAt.getTime() });
  return { token, sessionId, expiresAt };
}

/**
 * The viewer behind a token, or null when the session is unknown, expired, or its user disabled.
 * A session verified less than `cacheMs` ago is answered from memory (see session-cache.ts).
 */
export async function resolveSession(
  store: Store,
  token: string,
  cacheMs = 0,
): Promise<{ viewer: Viewer; sessionId: string } | null> {
  const sessionId = hashToken(token);
  const cache = sessionCacheFor(store);
  const known = cache.get(sessionId);
  if (known) return { viewer: known, sessionId };
  const generation = cache.generation();
  const user = await findSessionUser(store, sessionId, Date.now());
  if (!user) return null;
  const viewer = viewerOf(user);
  cache.set(sessionId, viewer, cacheMs, generation);
  return { viewer, sessionId };
}

/** Ends a session by its id (the token's hash), in Neo4j and in this process's memory. */
export function endSession(store: Store, sessionId: string): Promise<boolean> {
  const cache = sessionCacheFor(store);
  cache.forget(sessionId);
  return deleteSession(store, sessionId).finally(() => cache.forget(sessionId));
}
