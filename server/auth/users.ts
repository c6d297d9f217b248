/**
 * Users: create, list, change and disable them. Passwords are hashed here and never leave; the
 * public form of a user carries no hash.
 */
import type { NewUser, User, UserChanges } from '../schema/api/users.ts';
import { deleteSessionsOf } from '../store/sessions.ts';
import type { Store } from '../store/store.ts';
import { findUser, insertUser, listUserRecords, type UserRecord, updateUserRecord } from '../store/users.ts';
import { FULL_CLEARANCE, type Role, type Viewer } from './context.ts';
import { PASSWORD_COST, hashPassword } from './passwords.ts';
import { sessionCacheFor } from './session-cache.ts';

/** The public form of a stored user. */
export function publicUser(record: UserRecord): User {
  return {
    username: record.username,
    role: record.role as Role,
    clearance: record.clearance as User['clearance'],
    agency: record.agency,
    disabled: record.disabled,
    lockedUntil:
      record.lockedUntil !== null && record.lockedUntil > Date.now()
        ? new Date(record.lockedUntil).toISOString()
        : null,
    createdAt: record.createdAt,
  };
}

/** The clearance an auditor holds, whatever was asked: all of it, as oversight of the trail needs. */
const AUDITOR_HOLDS = { clearance: [...FULL_CLEARANCE.handling], agency: null };

/** The viewer a stored user acts as. */
export function viewerOf(record: UserRecord): Viewer {
  if (record.role === 'auditor') return { username: record.username, role: 'auditor', ...AUDITOR_HOLDS };
  return {
    username: record.username,
    role: record.role as Role,
    clearance: record.clearance as Viewer['clearance'],
    agency: record.agency,
  };
}

/** Creates a user (already validated by NewUserSchema); throws UserExistsError on a taken name. */
export async function createUser(store: Store, input: NewUser, cost = PASSWORD_COST): Promise<User> {
  const holds =
    input.role === 'auditor'
      ? AUDITOR_HOLDS
      : { clearance: [...input.clearance].sort(), agency: input.agency ?? null };
  await insertUser(store, {
    username: input.username,
    role: input.role,
    ...holds,
    disabled: false,
    passwordHash: await hashPassword(input.password, cost),
  });
  const created = await findUser(store, input.username);
  if (!created) throw new Error(`User ${input.username} vanished right after it was created`);
  return publicUser(created);
}

/** Every user, without password hashes. */
export async function listUsers(store: Store): Promise<User[]> {
  return (await listUserRecords(store)).map(publicUser);
}

/** Changes a user; a new password, a new role or disabling ends the user's sessions. */
export async function changeUser(
  store: Store,
  username: string,
  changes: UserChanges,
  cost = PASSWORD_COST,
): Promise<User | null> {
  const updated = await updateUserRecord(store, username, {
    role: changes.role,
    clearance: changes.clearance ? [...changes.clearance].sort() : undefined,
    agency: changes.agency,
    disabled: changes.disabled,
    passwordHash: changes.password ? await hashPassword(changes.password, cost) : undefined,
  });
  // Any change may alter what a session's viewer is allowed, so this process asks Neo4j again.
  const cache = sessionCacheFor(store);
  cache.forgetUser(username);
  if (!updated) return null;
  if (changes.disabled || changes.password || changes.role || changes.clearance) {
    await deleteSessionsOf(store, username);
    cache.forgetUser(username);
  }
  return publicUser(updated);
}
