/** Helpers for tests that meet the real Neo4j started by the global set-up. */
import { inject } from 'vitest';
import type { Neo4jTarget } from '../../server/config.ts';
import { openStore, type Store } from '../../server/store/store.ts';

/** The throwaway test Neo4j as a target. */
export function testTarget(): Neo4jTarget {
  const { uri, user, password } = inject('neo4j');
  return { uri, user, password, database: undefined };
}

/** Opens a store on the test Neo4j (migrations run). */
export function openTestStore(): Promise<Store> {
  return openStore(testTarget());
}

/** Removes every node and relationship, in batches. */
export async function clearDatabase(store: Store): Promise<void> {
  await store.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

/** The environment that points the CLI or server at the test Neo4j. */
export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { uri, user, password } = inject('neo4j');
  return { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, ...extra };
}
