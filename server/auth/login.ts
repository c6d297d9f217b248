/**
 * Signing in: the password is checked against its hash (scrypt; bcrypt of earlier versions is
 * replaced on success); failures are counted per user, and
 * the fifth in a row locks the account for fifteen minutes. A locked account is refused before its
 * password is looked at, so guessing stops while the lock lasts. A name no user holds is answered
 * alike: the same hash work, the same count of failures and the same lock, so that nothing tells
 * whether the user exists.
 */
import type { Store } from '../store/store.ts';
import { findSignIn, recordLoginFailure, recordLoginSuccess } from '../store/users.ts';
import type { Viewer } from './context.ts';
import { hashPassword, isOutdatedHash, PASSWORD_COST, verifyNobody, verifyPassword } from './passwords.ts';
import { startSession } from './sessions.ts';
import { viewerOf } from './users.ts';

export const LOCKOUT = { maxFailures: 5, lockMs: 15 * 60 * 1000 };

export type LoginResult =
  | { kind: 'ok'; viewer: Viewer; token: string; sessionId: string; expiresAt: Date }
  | { kind: 'invalid'; reason: 'unknown user' | 'wrong password' | 'disabled' }
  | { kind: 'locked'; retryAfterSeconds: number };

/** Checks credentials and starts a session when they hold. */
export async function attemptLogin(
  store: Store,
  username: string,
  password: string,
  lockout = LOCKOUT,
  cost = PASSWORD_COST,
): Promise<LoginResult> {
  const { user, lockedUntil: lock } = await findSignIn(store, username);
  const now = Date.now();
  if (lock !== null && lock > now) {
    return { kind: 'locked', retryAfterSeconds: Math.ceil((lock - now) / 1000) };
  }
  const matches = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyNobody(password, cost);
  if (!user || !matches) {
    const known = user !== null;
    const lockedUntil = await recordLoginFailure(
      store,
      username,
      now,
      lockout.maxFailures,
      lockout.lockMs,
      known,
    );
    if (lockedUntil !== null && lockedUntil > now) {
      return { kind: 'locked', retryAfterSeconds: Math.ceil((lockedUntil - now) / 1000) };
    }
    return { kind: 'invalid', reason: known ? 'wrong password' : 'unknown user' };
  }
  if (user.disabled) return { kind: 'invalid', reason: 'disabled' };
  // A bcrypt hash of an earlier version is replaced now that the password is known.
  const upgraded = isOutdatedHash(user.passwordHash) ? await hashPassword(password, cost) : undefined;
  await recordLoginSuccess(store, username, upgraded);
  const session = await startSession(store, username);
  return { kind: 'ok', viewer: viewerOf(user), ...session };
}
