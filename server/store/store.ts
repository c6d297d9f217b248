/**
 * The store: the only place that talks to Neo4j. It opens the driver, checks the connection with a
 * clear error, runs the migrations, and hands out small query helpers to the rest of the store.
 */
import neo4j, {
  type Driver,
  isRetryableError,
  type QueryResult,
  type RecordShape,
  type Session,
  type SessionConfig,
} from 'neo4j-driver';
import type { Neo4jTarget } from '../config.ts';
import { StoreUnavailableError } from './errors.ts';
import { runMigrations } from './migrations.ts';
import { transactionConfig } from './query-budget.ts';

export interface Store {
  /** The driver; every session it opens gives its transactions the timeout of query-budget.ts. */
  readonly driver: Driver;
  readonly uri: string;
  readonly database: string | undefined;
  /**
   * One read query, parameterised, routed to readers: an auto-commit query (one round trip, no
   * BEGIN and COMMIT), retried like a managed transaction while Neo4j is briefly unavailable.
   */
  read<R extends RecordShape = RecordShape>(
    cypher: string,
    params?: Record<string, unknown>,
  ): Promise<QueryResult<R>>;
  /** One write query, parameterised, in a managed (retried) transaction. */
  write<R extends RecordShape = RecordShape>(
    cypher: string,
    params?: Record<string, unknown>,
  ): Promise<QueryResult<R>>;
  /** One auto-commit query, for `CALL { ... } IN TRANSACTIONS` batches (not retried). */
  autoCommit(cypher: string, params?: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export { StoreUnavailableError } from './errors.ts';

/**
 * Codes of driver errors that mean Neo4j did not answer or a connection broke. A connection cut while
 * it opens surfaces as a ProtocolError, or (cut inside the handshake's few bytes) as Node's
 * ERR_OUT_OF_RANGE from the driver's reading of a truncated answer; the driver retries neither.
 */
export const CONNECTION_FAILURE_CODES: readonly string[] = [
  'ServiceUnavailable',
  'SessionExpired',
  'ProtocolError',
  'ERR_OUT_OF_RANGE',
  'Neo.TransientError.General.DatabaseUnavailable',
];

/** Whether an error from the driver means the connection, not the query, failed. */
export function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONNECTION_FAILURE_CODES.includes(code);
}

export interface OpenOptions {
  /** Run the migrations (the default); `after-bulk-load` leaves out the name keys' backfill. */
  migrate?: boolean | 'after-bulk-load';
  /** Keep below the HTTP timeout so that an outage turns into a quick 503, not a hung request. */
  maxRetryMs?: number;
}

/** Opens a driver to the target, verifies it answers, and (by default) runs the migrations. */
export async function openStore(target: Neo4jTarget, options: OpenOptions = {}): Promise<Store> {
  const driver = boundedDriver(
    neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
      disableLosslessIntegers: true,
      connectionTimeout: 4_000,
      connectionAcquisitionTimeout: 5_000,
      maxTransactionRetryTime: options.maxRetryMs ?? 3_000,
      // The pid tells a bulk load this process's own connections from other clients' (bulk-load.ts).
      userAgent: `ariadne/0.1 (pid ${process.pid})`,
    }),
  );
  try {
    await driver.verifyConnectivity({ database: target.database });
  } catch (error) {
    await driver.close();
    throw unavailable(target.uri, error);
  }
  const database = target.database;
  const maxRetryMs = options.maxRetryMs ?? 3_000;
  // A direct connection (bolt://) reaches one server, where every committed write is visible to the
  // next query: bookmarks matter only behind a router (neo4j://), and cost a little on every query.
  const bookmarkManager = isRouted(target.uri) ? driver.executeQueryBookmarkManager : null;
  const readOnce = async (cypher: string, params: Record<string, unknown>) => {
    const session = driver.session({
      database,
      defaultAccessMode: neo4j.session.READ,
      ...(bookmarkManager ? { bookmarkManager } : {}),
    });
    try {
      return await session.run(cypher, params);
    } finally {
      await session.close();
    }
  };
  const store: Store = {
    driver,
    uri: target.uri,
    database,
    read: (cypher, params = {}) => retried(() => readOnce(cypher, params), maxRetryMs) as never,
    write: (cypher, params = {}) =>
      driver.executeQuery(cypher, params, {
        database,
        routing: neo4j.routing.WRITE,
        transactionConfig: transactionConfig(),
        ...(bookmarkManager ? {} : { bookmarkManager: null }),
      }) as never,
    autoCommit: async (cypher, params = {}) => {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
      try {
        await session.run(cypher, params);
      } finally {
        await session.close();
      }
    },
    close: () => driver.close(),
  };
  const migrate = options.migrate ?? true;
  if (migrate) await runMigrations(store, { backfill: migrate !== 'after-bulk-load' });
  return store;
}

/**
 * The driver with every session bounded: each transaction it runs (auto-commit, managed or explicit)
 * carries the timeout of the current query budget unless the caller gives one, so that Neo4j ends a
 * query at the deadline its request answered 503 at, whichever module of the store sent it.
 */
export function boundedDriver(driver: Driver): Driver {
  return new Proxy(driver, {
    get(target, property) {
      if (property === 'session') return (config?: SessionConfig) => boundedSession(target.session(config));
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function boundedSession(session: Session): Session {
  const run = session.run.bind(session);
  const executeRead = session.executeRead.bind(session);
  const executeWrite = session.executeWrite.bind(session);
  const beginTransaction = session.beginTransaction.bind(session);
  return Object.assign(session, {
    run: ((query, parameters, config) =>
      run(query, parameters, { ...transactionConfig(), ...config })) as Session['run'],
    executeRead: ((work, config) =>
      executeRead(work, { ...transactionConfig(), ...config })) as Session['executeRead'],
    executeWrite: ((work, config) =>
      executeWrite(work, { ...transactionConfig(), ...config })) as Session['executeWrite'],
    beginTransaction: ((config) =>
      beginTransaction({ ...transactionConfig(), ...config })) as Session['beginTransaction'],
  });
}

function isRouted(uri: string): boolean {
  return /^neo4j(\+s|\+ssc)?:/i.test(uri);
}

/**
 * Runs `work` again after a retryable failure (an unavailable server, a transient error), waiting
 * 100 ms, 200 ms, ... between tries, until `maxMs` have passed; then the last error is thrown.
 */
export async function retried<T>(work: () => Promise<T>, maxMs: number): Promise<T> {
  const started = Date.now();
  for (let wait = 100; ; wait = Math.min(wait * 2, 1_000)) {
    try {
      return await work();
    } catch (error) {
      if (!isRetryableError(error) || Date.now() - started + wait > maxMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Turns a driver failure into an error that names the URI, the cause and the fix. */
export function unavailable(uri: string, error: unknown): StoreUnavailableError {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  let hint = 'check that Neo4j runs and NEO4J_URI points at it, or unset NEO4J_URI to use the local one';
  if (code.includes('Unauthorized') || code.includes('Security') || /auth/i.test(message)) {
    hint = 'check NEO4J_USER and NEO4J_PASSWORD (for the local Neo4j: .data/neo4j/credentials.json)';
  } else if (code.includes('Database.DatabaseNotFound')) {
    hint = 'check NEO4J_DATABASE: that database does not exist on the server';
  }
  return new StoreUnavailableError(`Neo4j at ${uri} is not available: ${message.split('\n')[0]} (${hint}).`);
}

/** The Neo4j version and edition the store talks to. */
export async function serverVersion(store: Store): Promise<{ version: string; edition: string }> {
  const result = await store.read<{ version: string; edition: string }>(
    "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition",
  );
  const row = result.records[0];
  return { version: row?.get('version') ?? 'unknown', edition: row?.get('edition') ?? 'unknown' };
}
