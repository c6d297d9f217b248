/**
 * The store's error for an unreachable Neo4j, in a module of its own without the driver, so that a
 * command which only reports it (every CLI command) does not load neo4j-driver to do so.
 */

/** Neo4j cannot be reached or refused us; the message says which URI, what failed and what to do. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
