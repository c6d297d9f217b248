/**
 * Finds the Neo4j to use: the user's own when NEO4J_URI is set (never starting the local one), else
 * the local Neo4j under ARIADNE_HOME, started or reused.
 */
import type { Config, Neo4jTarget } from './config.ts';
import { localCredentials, type Started, startLocalNeo4j } from './local/neo4j.ts';
import { type OpenOptions, openStore, type Store } from './store/store.ts';

export interface Connection {
  store: Store;
  target: Neo4jTarget;
  /** The local Neo4j, when that is what we use; `startedNow` says whether we started it. */
  local: Started | null;
}

/** Resolves the Neo4j target, starting the local one when needed. */
export async function resolveTarget(
  config: Config,
  say: (line: string) => void = () => {},
): Promise<{ target: Neo4jTarget; local: Started | null }> {
  if (config.neo4j) return { target: config.neo4j, local: null };
  const local = await startLocalNeo4j({
    home: config.home,
    port: config.localNeo4jPort,
    heap: config.localNeo4jHeap,
    pageCache: config.localNeo4jPageCache,
  });
  if (local.startedNow)
    say(
      `Started the local Neo4j ${local.version} at ${local.uri}${local.portNote ? ` (${local.portNote})` : ''}`,
    );
  const { user, password } = localCredentials(config.home);
  return {
    target: { uri: local.uri ?? `bolt://127.0.0.1:${local.port}`, user, password, database: undefined },
    local,
  };
}

/** Opens the store on the configured Neo4j (starting the local one if that is the one configured). */
export async function connect(
  config: Config,
  say?: (line: string) => void,
  options?: OpenOptions,
): Promise<Connection> {
  const { target, local } = await resolveTarget(config, say);
  const store = await openStore(target, options);
  return { store, target, local };
}
