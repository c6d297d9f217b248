/**
 * The bulk path: an import into a new, empty database through Neo4j's own bulk importer. Everything
 * before the write is the pipeline's (every record validated and its links checked before anything is
 * loaded; the same report, the same Import node); the write pass is replaced by CSV files, an offline
 * load (the target's), the values no CSV cell could carry, and the patches through the transactional
 * write. It only ever replaces an empty database that no other client is using.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countNodesByLabel, type LateValue, otherClients, setLateValues } from '../store/bulk-load.ts';
import { writerPartition } from '../store/partition.ts';
import type { Store } from '../store/store.ts';
import { type BulkFiles, writeBulkFiles } from './bulk-files.ts';
import { type ImportWriter, ingestFiles, type PreparedImport, writeImport } from './run-import.ts';
import { readSpool } from './spool.ts';
import type { IngestOptions, IngestReport } from './types.ts';
import type { Tally } from './write-pass.ts';

export { ARRAY_DELIMITER, type BulkFiles } from './bulk-files.ts';

/** The database's side of a bulk load (the local Neo4j's: server/local-bulk.ts). */
export interface BulkTarget {
  /** Closes `store` and takes the database offline; resolves (with the seconds it took) once it is. */
  takeOffline(store: Store): Promise<number>;
  /** Brings the offline database back online as it was, when there is nothing to load after all. */
  restore(): Promise<void>;
  /**
   * Loads the files into the offline database and brings it back, migrated; returns a store on it.
   * When the load fails the database is left as it was and back online.
   */
  load(
    files: BulkFiles,
    onProgress: (fraction: number) => void,
  ): Promise<{ store: Store; seconds: OfflineSeconds }>;
}

/** Writing the importer's files failed: the database was brought back as it was, and nothing loaded. */
export class BulkFilesError extends Error {
  override name = 'BulkFilesError';
}

/** Where an offline load's time went: stopping, the importer (and its own count), starting, migrating. */
export interface OfflineSeconds {
  stop: number;
  importer: number;
  /** The importer's own figure (`IMPORT DONE in ...`), without the start of its JVM. */
  importerReported: number;
  start: number;
  migrate: number;
}

/** A bulk load refused before anything was done; the message says why and what to do instead. */
export class BulkRefusedError extends Error {
  override name = 'BulkRefusedError';
}

/**
 * Seconds spent in each step of the bulk write: files written, the load (offline, started again and
 * migrated) with its parts, and what follows it.
 */
export interface BulkTimings {
  files: number;
  load: number;
  offline?: OfflineSeconds | undefined;
  after: number;
}

/** Why a bulk load may not replace this database now, or undefined when it may. */
export async function bulkRefusal(store: Store): Promise<string | undefined> {
  const held = await countNodesByLabel(store);
  const labels = Object.entries(held);
  if (labels.length > 0)
    return `the database is not empty (it holds ${labels.map(([l, n]) => `${n} ${l}`).join(', ')}): a bulk load replaces the whole database, so it only loads a new one; ingest without --bulk to add to this one`;
  const others = await otherClients(store);
  if (others.length > 0)
    return `other clients are connected to the database (${others.join('; ')}): a bulk load takes it offline; stop them (an \`ariadne serve\`, say) or ingest without --bulk`;
  return undefined;
}

async function applyLateValues(store: Store, path: string): Promise<void> {
  let batch: LateValue[] = [];
  let group = '';
  for await (const value of readSpool<LateValue>(path)) {
    const key = value.kind === 'node' ? `n|${value.label}` : `l|${value.type}|${value.sourceLabel}`;
    if (key !== group || batch.length >= 10_000) {
      await setLateValues(store, batch);
      batch = [];
      group = key;
    }
    batch.push(value);
  }
  await setLateValues(store, batch);
}

function loadedTally(files: BulkFiles): Tally {
  const counts: Tally['counts'] = {};
  for (const { label: key, count } of [
    ...files.nodes,
    ...files.relationships.map((r) => ({ label: r.type, count: r.count })),
  ]) {
    const current = counts[key] ?? { created: 0, updated: 0, unchanged: 0, rejected: 0 };
    counts[key] = { ...current, created: current.created + count };
  }
  return { counts, conflicts: 0 };
}

/**
 * Below this many checked records, `auto` keeps the transactional write: stopping, loading and
 * starting Neo4j again costs tens of seconds, which the transactional write needs for about 50,000.
 */
export const AUTO_BULK_MIN_RECORDS = 50_000;

/** What bulkIngestFiles did: the report, the store to use from now on, and whether it loaded in bulk. */
export interface BulkOutcome {
  report: IngestReport;
  /** The one passed in, or (after a load, which closes it) a new one. */
  store: Store;
  bulk: boolean;
  timings: BulkTimings;
}

/**
 * Imports files through the target's bulk load. `bulk` insists (refusing, with the reason, a database
 * that is not empty or not free); `auto` loads in bulk only when that is certain to be safe and worth
 * it, and otherwise writes as usual (transactionally).
 */
export async function bulkIngestFiles(
  store: Store,
  target: BulkTarget,
  paths: readonly string[],
  options: IngestOptions & {
    mode: 'bulk' | 'auto';
    /** Called with the folder of the importer's files as they are begun (tests make them fail). */
    onFilesDir?: (dir: string) => void;
  },
): Promise<BulkOutcome> {
  const operator = writerPartition(options.clearance) === undefined;
  if (!operator && options.mode === 'bulk')
    throw new BulkRefusedError(
      'a bulk load is the operator’s: imports under a clearance are written by the transactional path',
    );
  const refusal = operator ? await bulkRefusal(store) : 'under a clearance';
  if (refusal && options.mode === 'bulk') throw new BulkRefusedError(refusal);
  let current = store;
  let bulk = false;
  const timings: BulkTimings = { files: 0, load: 0, after: 0 };
  const writer: ImportWriter = async (given: Store, prepared: PreparedImport) => {
    if (options.mode === 'auto' && (refusal || prepared.total < AUTO_BULK_MIN_RECORDS))
      return writeImport(given, prepared);
    // Validation may have taken minutes: someone may have written or connected meanwhile.
    const late = await bulkRefusal(given);
    if (late && options.mode === 'auto') return writeImport(given, prepared);
    if (late) throw new BulkRefusedError(late);
    bulk = true;
    const dir = await mkdtemp(join(tmpdir(), 'ariadne-bulk-'));
    try {
      const { entities, links, patches } = prepared.spools;
      const total = prepared.total;
      const progress = prepared.options.onProgress;
      let started = performance.now();
      const meta = { user: prepared.options.user, now: new Date().toISOString() };
      // Neo4j stops while the files are written: the database is empty, and nobody else uses it.
      const offline = target.takeOffline(given);
      offline.catch(() => {});
      let files: BulkFiles;
      try {
        options.onFilesDir?.(dir);
        files = await writeBulkFiles(dir, { entities, links }, meta, (done) =>
          progress?.({ phase: 'files', done, total }),
        );
      } catch (error) {
        await offline.catch(() => {});
        await target.restore();
        const message = error instanceof Error ? error.message : String(error);
        throw new BulkFilesError(
          `writing the importer's files failed (${message}); the database was started again as it was, empty, and nothing was loaded. Free disk space under ${tmpdir()} (or set TMPDIR) and run the command again, or without --bulk.`,
        );
      }
      timings.files = (performance.now() - started) / 1000;
      const stop = await offline;
      started = performance.now();
      const loaded = await target.load(files, (fraction) =>
        progress?.({ phase: 'load', done: Math.round(fraction * total), total }),
      );
      current = loaded.store;
      timings.offline = { ...loaded.seconds, stop };
      timings.load = (performance.now() - started) / 1000;
      started = performance.now();
      await applyLateValues(current, files.late.path);
      const patchCount = patches.reduce((sum, group) => sum + group.count, 0);
      const rest = { entities: [], patches, links: [] };
      const outcome = await writeImport(
        current,
        { ...prepared, spools: rest, total: patchCount },
        loadedTally(files),
      );
      timings.after = (performance.now() - started) / 1000;
      // The database held nothing before, so no watch can match what was loaded.
      return { ...outcome, alert: false };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const report = await ingestFiles(store, paths, options, writer);
  return { report, store: current, bulk, timings };
}
