/** Session tokens: 32 random bytes for the client, only their SHA-256 kept in the store. */
import { createHash, randomBytes } from 'node:crypto';

/** A new random token (base64url). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
