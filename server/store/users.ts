/**
 * Users in Neo4j (`User` nodes, id = username): role, clearance, agency, whether disabled, the bcrypt
 * hash of the password, and the count of failed logins with the lock they lead to. Failed logins
 * under a name no user holds are counted alike, on a `LoginThrottle` node, so that signing in
 * answers an unknown name as it answers a known one.
 */
import type { Store } from './store.ts';

/** A user as stored, password hash included: never sent out of the server. */
export interface UserRecord {
  username: string;
  role: string;
  clearance: string[];
  agency: string | null;
  disabled: boolean;
  passwordHash: string;
  failedLogins: number;
  /** Epoch milliseconds, while locked. */
  lockedUntil: number | null;
  createdAt: string;
}

/** A user with that name already exists. */
export class UserExistsError extends Error {
  override name = 'UserExistsError';
}

const FIELDS =
  'u.username AS username, u.role AS role, u.clearance AS clearance, u.agency AS agency, ' +
  'u.disabled AS disabled, u.passwordHash AS passwordHash, u.failedLogins AS failedLogins, ' +
  'u.lockedUntil AS lockedUntil, u.createdAt AS createdAt';

/** Maps a row with the user fields to a record. */
export function toUserRecord(row: { get(key: string): unknown }): UserRecord {
  const lockedUntil = row.get('lockedUntil');
  const agency = row.get('agency');
  return {
    username: String(row.get('username')),
    role: String(row.get('role')),
    clearance: ((row.get('clearance') as unknown[] | null) ?? []).map(String),
    agency: agency === null || agency === undefined ? null : String(agency),
    disabled: row.get('disabled') === true,
    passwordHash: String(row.get('passwordHash') ?? ''),
    failedLogins: Number(row.get('failedLogins') ?? 0),
    lockedUntil: lockedUntil === null || lockedUntil === undefined ? null : Number(lockedUntil),
    createdAt: String(row.get('createdAt') ?? ''),
  };
}

export { FIELDS as USER_FIELDS };

/** Creates a user; throws UserExistsError when the name is taken. */
export async function insertUser(
  store: Store,
  user: Omit<UserRecord, 'failedLogins' | 'lockedUntil' | 'createdAt'>,
): Promise<void> {
  try {
    await store.write(
      `CREATE (u:User {id: $user.username}) SET u += $user, u.failedLogins = 0, u.createdAt = $now`,
      { user, now: new Date().toISOString() },
    );
  } catch (error) {
    if ((error as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      throw new UserExistsError(`A user named ${JSON.stringify(user.username)} already exists`);
    }
    throw error;
  }
}

/** The user with that name, or null. */
export async function findUser(store: Store, username: string): Promise<UserRecord | null> {
  const result = await store.read(`MATCH (u:User {id: $username}) RETURN ${FIELDS}`, { username });
  const row = result.records[0];
  return row ? toUserRecord(row) : null;
}

/** Every user, by name. */
export async function listUserRecords(store: Store): Promise<UserRecord[]> {
  const result = await store.read(`MATCH (u:User) RETURN ${FIELDS} ORDER BY u.username`);
  return result.records.map(toUserRecord);
}

/** Whether any enabled admin exists. */
export async function hasAdmin(store: Store): Promise<boolean> {
  const result = await store.read(
    "MATCH (u:User {role: 'admin'}) WHERE NOT coalesce(u.disabled, false) RETURN count(u) AS n",
  );
  return Number(result.records[0]?.get('n') ?? 0) > 0;
}

/** Changeable fields of a user; absent fields stay. */
export interface UserUpdate {
  role?: string;
  clearance?: string[];
  agency?: string | null;
  disabled?: boolean;
  passwordHash?: string;
}

/** Applies changes to a user; returns the updated record, or null when there is no such user. */
export async function updateUserRecord(
  store: Store,
  username: string,
  changes: UserUpdate,
): Promise<UserRecord | null> {
  // `+=` with a null value removes the property, which is how an agency is cleared.
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const result = await store.write(`MATCH (u:User {id: $username}) SET u += $set RETURN ${FIELDS}`, {
    username,
    set,
  });
  const row = result.records[0];
  return row ? toUserRecord(row) : null;
}

/** A user about to sign in, or null, and the lock on the name (a user's, or a name no user holds). */
export async function findSignIn(
  store: Store,
  username: string,
): Promise<{ user: UserRecord | null; lockedUntil: number | null }> {
  // One round trip whether the name is a user's or not, so the time taken does not tell.
  const result = await store.read(
    `OPTIONAL MATCH (u:User {id: $username})
     OPTIONAL MATCH (t:LoginThrottle {id: $username})
     RETURN u IS NOT NULL AS found, ${FIELDS}, t.lockedUntil AS throttled`,
    { username },
  );
  const row = result.records[0];
  if (!row?.get('found')) {
    const throttled = row?.get('throttled');
    return {
      user: null,
      lockedUntil: throttled === null || throttled === undefined ? null : Number(throttled),
    };
  }
  const user = toUserRecord(row);
  return { user, lockedUntil: user.lockedUntil };
}

/**
 * Counts a failed login; at `maxFailures` the account locks until `now + lockMs`. Returns the lock.
 * For a name no user holds (`known` false) the count is kept on its LoginThrottle node, alike.
 */
export async function recordLoginFailure(
  store: Store,
  username: string,
  now: number,
  maxFailures: number,
  lockMs: number,
  known = true,
): Promise<number | null> {
  const result = await store.write(
    `${known ? 'MATCH (u:User {id: $username})' : 'MERGE (u:LoginThrottle {id: $username})'}
     SET u.failedLogins = coalesce(u.failedLogins, 0) + 1
     WITH u, u.failedLogins >= $max AS locks
     SET u.lockedUntil = CASE WHEN locks THEN toInteger($now + $lockMs) ELSE u.lockedUntil END,
         u.failedLogins = CASE WHEN locks THEN 0 ELSE u.failedLogins END
     RETURN u.lockedUntil AS lockedUntil`,
    { username, now, max: maxFailures, lockMs },
  );
  const lockedUntil = result.records[0]?.get('lockedUntil');
  return lockedUntil === null || lockedUntil === undefined ? null : Number(lockedUntil);
}

/** Clears the failure count and any lock after a successful login; replaces the hash when given one. */
export async function recordLoginSuccess(
  store: Store,
  username: string,
  passwordHash?: string,
): Promise<void> {
  await store.write(
    `MATCH (u:User {id: $username}) SET u.failedLogins = 0, u.lockedUntil = null, u.lastLoginAt = $now,
       u.passwordHash = coalesce($passwordHash, u.passwordHash)`,
    { username, now: new Date().toISOString(), passwordHash: passwordHash ?? null },
  );
}
