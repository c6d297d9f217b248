/**
 * The local Neo4j as a bulk load's target: stopped, loaded by Neo4j's importer, started again and
 * migrated (constraints, indexes, the full-text index and name keys come after the load). Only the
 * Neo4j this Ariadne home manages can be taken offline like this; a configured NEO4J_URI never is.
 */
import type { Config } from './config.ts';
import { resolveTarget } from './connect.ts';
import type { BulkFiles, BulkTarget, OfflineSeconds } from './ingest/bulk-import.ts';
import { localStatus, stopLocalNeo4j } from './local/neo4j.ts';
import { BulkLoadError, runImporter } from './local/neo4j-import.ts';
import { openStore, type Store } from './store/store.ts';

export { BulkLoadError } from './local/neo4j-import.ts';

/** Whether the configuration points at the local Neo4j of this Ariadne home (the only one bulk can load). */
export function usesLocalNeo4j(config: Config): boolean {
  return config.neo4j === undefined;
}

/** The local Neo4j of `config.home` as a bulk target; `onImporterStarted` lets tests interrupt it. */
export function localBulkTarget(
  config: Config,
  hooks: { onImporterStarted?: (pid: number) => void; say?: (line: string) => void } = {},
): BulkTarget {
  if (!usesLocalNeo4j(config))
    throw new BulkLoadError(
      'a bulk load needs the local Neo4j this Ariadne home manages; NEO4J_URI names another server, which stays online: ingest without --bulk',
    );
  const reopen = async (seconds?: OfflineSeconds): Promise<Store> => {
    let started = performance.now();
    const { target } = await resolveTarget(config, hooks.say);
    if (seconds) seconds.start = (performance.now() - started) / 1000;
    started = performance.now();
    const store = await openStore(target, { migrate: true });
    if (seconds) seconds.migrate = (performance.now() - started) / 1000;
    return store;
  };
  return {
    async load(store: Store, files: BulkFiles, onProgress: (fraction: number) => void) {
      const seconds: OfflineSeconds = { stop: 0, importer: 0, importerReported: 0, start: 0, migrate: 0 };
      const wasRunning = localStatus(config.home).pid !== null;
      let started = performance.now();
      await store.close();
      if (wasRunning) await stopLocalNeo4j(config.home);
      seconds.stop = (performance.now() - started) / 1000;
      started = performance.now();
      try {
        const { reportedSeconds } = await runImporter(
          config.home,
          {
            nodes: files.nodes.map(({ label, file }) => ({ label, file })),
            relationships: files.relationships.map(({ type, file }) => ({ type, file })),
            arrayDelimiter: files.arrayDelimiter,
          },
          { onProgress, onStarted: hooks.onImporterStarted },
        );
        seconds.importerReported = reportedSeconds;
      } catch (error) {
        // Leave the database as it was found: online, and (the load never swapped in) empty.
        await reopen().then(
          (s) => s.close(),
          () => {},
        );
        throw error;
      }
      seconds.importer = (performance.now() - started) / 1000;
      return { store: await reopen(seconds), seconds };
    },
  };
}
