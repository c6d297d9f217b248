/**
 * The local Neo4j as a bulk load's target: stopped (while the importer's files are written), loaded
 * by Neo4j's importer, started again and migrated (constraints, indexes and the full-text index come
 * after the load). Only the Neo4j this Ariadne home manages can be taken offline like this; a
 * configured NEO4J_URI never is.
 */
import type { Config } from './config.ts';
import { resolveTarget } from './connect.ts';
import type { BulkFiles, BulkTarget, OfflineSeconds } from './ingest/bulk-import.ts';
import { localStatus, stopLocalNeo4j } from './local/neo4j.ts';
import { BulkLoadError, databaseFingerprint, runImporter } from './local/neo4j-import.ts';
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
    // A loaded database gets every start's migrations, but for the name keys' backfill, which would
    // read every entity to find none: the bulk files give each entity its keys (store/migrations.ts).
    const store = await openStore(target, { migrate: seconds ? 'after-bulk-load' : true });
    if (seconds) seconds.migrate = (performance.now() - started) / 1000;
    return store;
  };
  // The database's files when Neo4j had stopped: the files take a while to write, and another command
  // could start Neo4j (and write) meanwhile, which the load would then replace.
  let stopped: string | undefined;
  return {
    async takeOffline(store: Store) {
      const started = performance.now();
      await store.close();
      if (localStatus(config.home).pid !== null) await stopLocalNeo4j(config.home);
      stopped = databaseFingerprint(config.home);
      return (performance.now() - started) / 1000;
    },
    async restore() {
      return reopen();
    },
    async load(files: BulkFiles, onProgress: (fraction: number) => void) {
      const seconds: OfflineSeconds = { stop: 0, importer: 0, importerReported: 0, start: 0, migrate: 0 };
      const started = performance.now();
      try {
        if (stopped === undefined || databaseFingerprint(config.home) !== stopped)
          throw new BulkLoadError(
            'the local Neo4j was started by another command while the bulk files were written; the database was left as that command left it, and nothing was loaded. Run the command again when no other command uses it, or without --bulk.',
          );
        const { reportedSeconds } = await runImporter(
          config.home,
          {
            nodes: files.nodes.map(({ label, files }) => ({ label, files })),
            relationships: files.relationships.map(({ type, files }) => ({ type, files })),
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
