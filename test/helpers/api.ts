/**
 * The API on a free port against the test Neo4j, with one user of each role, for integration tests:
 *
 *   const api = await startApi();            // users viewer/analyst/admin, signed in
 *   const res = await api.fetch('/api/entities/p1', { role: 'viewer' });
 *   await api.close();
 *
 * Users get clearance H0-H3 and no agency unless `users` says otherwise. Rate limits are raised so
 * that tests which send many requests are not throttled (pass `limits` to test the limits).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { type AppOptions, createApp } from '../../server/api/app.ts';
import type { Role } from '../../server/auth/context.ts';
import { createUser } from '../../server/auth/users.ts';
import type { NewUser } from '../../server/schema/api/users.ts';
import { ingestRecords } from '../../server/store/ingest-writes.ts';
import type { Store } from '../../server/store/store.ts';
import { findUser } from '../../server/store/users.ts';
import { clearDatabase, openTestStore } from './neo4j.ts';

/** A test password: long enough for the policy. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** Cheap bcrypt for tests: the cost does not change what is tested. */
const TEST_COST = 4;

export const TEST_ROLES: readonly Role[] = ['viewer', 'analyst', 'admin', 'auditor'];

export interface TestApi {
  base: string;
  /** The Express application itself (to inspect its routes). */
  app: Express;
  store: Store;
  /** A bearer token per role, signed in at start. */
  tokens: Record<Role, string>;
  /** The username per role. */
  usernames: Record<Role, string>;
  /** fetch against the API; `role` signs the request with that role's token, `token` with another. */
  fetch(
    path: string,
    init?: RequestInit & { role?: Role; token?: string; json?: unknown },
  ): Promise<Response>;
  /** Signs in and returns the token (throws on failure). */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface StartOptions extends Omit<AppOptions, 'store'> {
  /** An open store to use (default: a new one on the test Neo4j, closed by `close`). */
  store?: Store;
  /** Users per role to create (or reuse), by default `test-viewer`, `test-analyst`, `test-admin`. */
  users?: Partial<Record<Role, Omit<NewUser, 'role' | 'password'>>>;
}

const RELAXED = { capacity: 100_000, perSecond: 100_000 };

/** Creates a user with the test password unless one with that name exists. */
export async function ensureTestUser(
  store: Store,
  user: Omit<NewUser, 'password'> & { password?: string },
): Promise<void> {
  if (await findUser(store, user.username)) return;
  await createUser(store, { ...user, password: user.password ?? TEST_PASSWORD }, TEST_COST);
}

/** Starts the app on an ephemeral port, creates a user per role and signs each in. */
export async function startApi(options: StartOptions = {}): Promise<TestApi> {
  const ownStore = !options.store;
  const store = options.store ?? (await openTestStore());
  const app = createApp({
    passwordCost: TEST_COST,
    ...options,
    store,
    limits: { perAddress: RELAXED, perSession: RELAXED, login: RELAXED, ...options.limits },
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const doFetch: TestApi['fetch'] = (path, init = {}) => {
    const { role, token, json, ...rest } = init;
    const headers = new Headers(rest.headers);
    const bearer = token ?? (role ? tokens[role] : undefined);
    if (bearer) headers.set('authorization', `Bearer ${bearer}`);
    if (json !== undefined) headers.set('content-type', 'application/json');
    return fetch(`${base}${path}`, {
      ...rest,
      headers,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
  };
  const login = async (username: string, password = TEST_PASSWORD) => {
    const res = await doFetch('/api/auth/login', { method: 'POST', json: { username, password } });
    if (res.status !== 200)
      throw new Error(`Sign-in of ${username} failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };

  const usernames = {} as Record<Role, string>;
  const tokens = {} as Record<Role, string>;
  for (const role of TEST_ROLES) {
    const user = options.users?.[role] ?? { username: `test-${role}`, clearance: ['H0', 'H1', 'H2', 'H3'] };
    await ensureTestUser(store, { ...user, role });
    usernames[role] = user.username;
    tokens[role] = await login(user.username);
  }

  return {
    base,
    app,
    store,
    tokens,
    usernames,
    fetch: doFetch,
    login,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      if (ownStore) await store.close();
    },
  };
}

/**
 * The API over an emptied test database holding `records` (written as the ingest writes them), for
 * one test file; `prepare` may add to the database before the app starts. `close` empties the
 * database again and closes the store.
 */
export async function startApiOnRecords(
  records: Iterable<object>,
  options: Omit<StartOptions, 'store'> = {},
  prepare: (store: Store) => Promise<unknown> = async () => {},
): Promise<TestApi> {
  const store = await openTestStore();
  await clearDatabase(store);
  const loaded = await ingestRecords(store, records, { user: 'test' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues.slice(0, 3)));
  await prepare(store);
  const api = await startApi({ ...options, store });
  return {
    ...api,
    close: async () => {
      await clearDatabase(store);
      await api.close();
      await store.close();
    },
  };
}
