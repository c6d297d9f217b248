/**
 * The API benchmarks' database: a local Neo4j in `home` holding the demo case. With a home given on
 * the command line, a Neo4j already running there is used where it listens, and a database that
 * already holds the demo case is used as it is.
 */
import { DemoRefusedError, loadDemoCase } from '../../server/ingest/demo.ts';
import { localCredentials, startLocalNeo4j } from '../../server/local/neo4j.ts';
import { findFreePort } from '../../server/local/net.ts';
import { openStore, type Store } from '../../server/store/store.ts';

/** The running database: its Bolt URI, credentials, and an open store (to close when done with it). */
export interface DemoDatabase {
  uri: string;
  user: string;
  password: string;
  store: Store;
}

/** Starts (or joins) the local Neo4j in `home` and loads the demo case unless `kept` and present. */
export async function openDemoDatabase(home: string, kept: boolean): Promise<DemoDatabase> {
  const boltPort = await findFreePort();
  const started = await startLocalNeo4j({ home, port: boltPort, strictPort: true, heap: '1g' });
  const { user, password } = localCredentials(home);
  const uri = `bolt://127.0.0.1:${started.port}`;
  const store = await openStore({ uri, user, password, database: undefined });
  await loadDemoCase(store, { home, user: 'bench' }).catch((error: unknown) => {
    if (!(error instanceof DemoRefusedError) || !kept) throw error;
  });
  return { uri, user, password, store };
}
