/** Sessions: started at login, resolved on every request, ended at logout. */
import { deleteSession, findSessionUser, insertSession } from '../store/sessions.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from './context.ts';
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

/** The viewer behind a token, or null when the session is unknown, expired, or its user disabled. */
export async function resolveSession(
  store: Store,
  token: string,
): Promise<{ viewer: Viewer; sessionId: string } | null> {
  const sessionId = hashToken(token);
  const user = await findSessionUser(store, sessionId, Date.now());
  return user ? { viewer: viewerOf(user), sessionId } : null;
}

/** Ends a session by its id (the token's hash). */
export function endSession(store: Store, sessionId: string): Promise<boolean> {
  return deleteSession(store, sessionId);
}
