/**
 * Sessions in Neo4j (`Session` nodes, id = SHA-256 of the token): they survive a restart, and
 * deleting one revokes it at once. The token itself is never stored.
 */
import type { Store } from './store.ts';
import { toUserRecord, USER_FIELDS, type UserRecord } from './users.ts';

/** Stores a session, and clears sessions that have expired. */
export async function insertSession(
  store: Store,
  session: { id: string; username: string; expiresAt: number },
): Promise<void> {
  await store.write(
    `CREATE (s:Session {id: $id, username: $username, createdAt: $createdAt, expiresAt: toInteger($expiresAt)})
     WITH s
     CALL (s) { MATCH (old:Session) WHERE old.expiresAt < $now WITH old LIMIT 100 DETACH DELETE old }`,
    { ...session, createdAt: new Date().toISOString(), now: Date.now() },
  );
}

/** The user of a live session, or null when it is unknown, expired or its user is disabled. */
export async function findSessionUser(store: Store, id: string, now: number): Promise<UserRecord | null> {
  const result = await store.read(
    `MATCH (s:Session {id: $id}) WHERE s.expiresAt > $now
     MATCH (u:User {id: s.username}) WHERE NOT coalesce(u.disabled, false)
     RETURN ${USER_FIELDS}`,
    { id, now },
  );
  const row = result.records[0];
  return row ? toUserRecord(row) : null;
}

/** Deletes a session; returns whether it existed. */
export async function deleteSession(store: Store, id: string): Promise<boolean> {
  const result = await store.write('MATCH (s:Session {id: $id}) DETACH DELETE s RETURN count(*) AS n', {
    id,
  });
  return Number(result.records[0]?.get('n') ?? 0) > 0;
}

/** Deletes every session of a user (when disabled, or when the password changes). */
export async function deleteSessionsOf(store: Store, username: string): Promise<void> {
  await store.write('MATCH (s:Session {username: $username}) DETACH DELETE s', { username });
}
