/**
 * A short memory of verified sessions, so that a busy client does not cost a Neo4j round trip on
 * every request. Only live sessions are kept, for at most the TTL the caller gives (the API's
 * `sessionCacheMs`: SESSION_CACHE_MS as the platform serves). Ending a session
 * or changing a user in this process forgets them at once; a revocation made elsewhere (another
 * server process, the CLI) takes effect here within the TTL.
 */
import type { Viewer } from './context.ts';

/** How long a verified session is trusted without asking Neo4j again, as the platform serves. */
export const SESSION_CACHE_MS = 5_000;

const MAX_ENTRIES = 10_000;

interface Entry {
  viewer: Viewer;
  until: number;
}

/** Verified sessions by id (the token's hash), each until its entry expires. */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Moves on at every revocation; a lookup that began before one must not fill the cache. */
  private revocations = 0;

  /** Taken before asking Neo4j, handed to `set` with the answer. */
  generation(): number {
    return this.revocations;
  }

  /** The viewer of a session verified less than the TTL ago, or undefined. */
  get(sessionId: string, now = Date.now()): Viewer | undefined {
    const entry = this.entries.get(sessionId);
    if (entry === undefined) return undefined;
    if (entry.until <= now) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.viewer;
  }

  /**
   * Remembers a session verified in Neo4j by a lookup begun at `generation`; nothing when a
   * revocation came since (the answer may predate it) or when the TTL is 0.
   */
  set(sessionId: string, viewer: Viewer, ttlMs: number, generation: number, now = Date.now()): void {
    if (ttlMs <= 0 || generation !== this.revocations) return;
    this.entries.delete(sessionId);
    this.entries.set(sessionId, { viewer, until: now + ttlMs });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Forgets one session (at logout). */
  forget(sessionId: string): void {
    this.revocations += 1;
    this.entries.delete(sessionId);
  }

  /** Forgets every session of a user (when the user is changed or disabled). */
  forgetUser(username: string): void {
    this.revocations += 1;
    for (const [id, entry] of this.entries) if (entry.viewer.username === username) this.entries.delete(id);
  }
}

const caches = new WeakMap<object, SessionCache>();

/** The process's cache for a store. */
export function sessionCacheFor(store: object): SessionCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = new SessionCache();
    caches.set(store, cache);
  }
  return cache;
}
