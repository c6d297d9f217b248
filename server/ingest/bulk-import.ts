/**
 * The bulk path: an import into a new, empty database through Neo4j's own bulk importer. Everything
 * before the write is the pipeline's (every record validated and its links checked before anything is
 * loaded; the same report, the same Import node); the write pass is replaced by CSV files, an offline
 * load (the target's), the values no CSV cell could carry, and the patches through the transactional
 * write. It only ever replaces an empty database that no other client is using.
 *
 * Asked for (`bulk`), the database goes offline as validation begins and the CSV files are written as
 * the records are checked, so that neither waits for the other; an import that turns out invalid (or
 * fails) loads nothing, and the database is started again as it was, empty. Chosen (`auto`), the
 * import is validated with the database online and the files are written after, from the spools, as
 * the size that decides whether bulk is worth it is only known then.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countNodesByLabel, type LateValue, otherClients, setLateValues } from '../store/bulk-load.ts';
import { writerPartition } from '../store/partition.ts';
import type { Store } from '../store/store.ts';
import { BulkCsv, type BulkFiles, writeBulkFiles } from './bulk-files.ts';
import {
  type DirectWrite,
  type ImportWriter,
  ingestFiles,
  type PreparedImport,
  type WriteOutcome,
  writeImport,
} from './run-import.ts';
import { readSpool } from './spool.ts';
import type { IngestOptions, IngestReport } from './types.ts';
import type { Tally } from './write-pass.ts';

export { ARRAY_DELIMITER, type BulkFiles } from './bulk-files.ts';

/** The database's side of a bulk load (the local Neo4j's: server/local-bulk.ts). */
export interface BulkTarget {
  /** Closes `store` and takes the database offline; resolves (with the seconds it took) once it is. */
  takeOffline(store: Store): Promise<number>;
  /** Brings the offline database back online as it was, when there is nothing to load after all. */
  restore(): Promise<Store>;
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

/** The state of one bulk ingest: the target, the store given and the one to use now, timings. */
interface BulkRun {
  target: BulkTarget;
  /** The store passed in (closed once the database goes offline). */
  given: Store;
  /** The store to use from now on: the given one, or (once the database was restarted) a new one. */
  current: Store;
  bulk: boolean;
  timings: BulkTimings;
  onFilesDir?: ((dir: string) => void) | undefined;
}

function filesError(error: unknown): BulkFilesError {
  const message = error instanceof Error ? error.message : String(error);
  return new BulkFilesError(
    `writing the importer's files failed (${message}); the database was started again as it was, empty, and nothing was loaded. Free disk space under ${tmpdir()} (or set TMPDIR) and run the command again, or without --bulk.`,
  );
}

/** Loads the finished files into the offline database, then the late values and the patches. */
async function loadFiles(
  run: BulkRun,
  prepared: PreparedImport,
  files: BulkFiles,
  stop: number,
): Promise<WriteOutcome> {
  const total = prepared.total;
  const progress = prepared.options.onProgress;
  let started = performance.now();
  const loaded = await run.target.load(files, (fraction) =>
    progress?.({ phase: 'load', done: Math.round(fraction * total), total }),
  );
  run.current = loaded.store;
  run.timings.offline = { ...loaded.seconds, stop };
  run.timings.load = (performance.now() - started) / 1000;
  started = performance.now();
  await applyLateValues(run.current, files.late.path);
  const patches = prepared.spools.patches;
  const patchCount = patches.reduce((sum, group) => sum + group.count, 0);
  const rest = { entities: [], patches, links: [] };
  const outcome = await writeImport(
    run.current,
    { ...prepared, spools: rest, total: patchCount },
    loadedTally(files),
  );
  run.timings.after = (performance.now() - started) / 1000;
  // The database held nothing before, so no watch can match what was loaded.
  return { ...outcome, alert: false };
}

/**
 * `auto`: validated with the database online; then, when bulk is worth it and still safe, the files
 * are written from the spools while the database stops, and loaded.
 */
function stagedWriter(run: BulkRun, refusal: string | undefined): ImportWriter {
  return async (given: Store, prepared: PreparedImport) => {
    if (refusal || prepared.total < AUTO_BULK_MIN_RECORDS) return writeImport(given, prepared);
    // Validation may have taken minutes: someone may have written or connected meanwhile.
    if (await bulkRefusal(given)) return writeImport(given, prepared);
    run.bulk = true;
    const dir = await mkdtemp(join(tmpdir(), 'ariadne-bulk-'));
    try {
      const { entities, links } = prepared.spools;
      const started = performance.now();
      const meta = { user: prepared.options.user, now: new Date().toISOString() };
      // Neo4j stops while the files are written: the database is empty, and nobody else uses it.
      const offline = run.target.takeOffline(given);
      offline.catch(() => {});
      let files: BulkFiles;
      try {
        run.onFilesDir?.(dir);
        files = await writeBulkFiles(dir, { entities, links }, meta, (done) =>
          prepared.options.onProgress?.({ phase: 'files', done, total: prepared.total }),
        );
      } catch (error) {
        await offline.catch(() => {});
        run.current = await run.target.restore();
        throw filesError(error);
      }
      run.timings.files = (performance.now() - started) / 1000;
      return await loadFiles(run, prepared, files, await offline);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

/**
 * `bulk`: the database stops as validation begins, and the importer's files are written as records
 * are checked; once everything is validated and checked they are loaded. Should the import be invalid
 * or anything fail first, nothing is loaded and the database is started again as it was, empty.
 */
async function directIngest(
  run: BulkRun,
  paths: readonly string[],
  options: IngestOptions,
): Promise<IngestReport> {
  const dir = await mkdtemp(join(tmpdir(), 'ariadne-bulk-'));
  let offline: Promise<number> | undefined;
  let csv: BulkCsv | undefined;
  const abandon = async () => {
    await offline?.catch(() => {});
    run.current = await run.target.restore();
  };
  const direct: DirectWrite = {
    async open() {
      // The database is empty and nobody else uses it (bulkRefusal): it stops while the records are
      // validated, and nothing reads it meanwhile.
      offline = run.target.takeOffline(run.given);
      offline.catch(() => {});
      run.onFilesDir?.(dir);
      csv = new BulkCsv(dir, { user: options.user, now: new Date().toISOString() });
      return { entities: csv.nodes, links: csv.relationships };
    },
    abandon,
  };
  const writer: ImportWriter = async (_store, prepared) => {
    run.bulk = true;
    const started = performance.now();
    let files: BulkFiles;
    try {
      if (csv === undefined) throw new Error('the files were never begun');
      files = await csv.finish();
    } catch (error) {
      await abandon();
      throw filesError(error);
    }
    run.timings.files = (performance.now() - started) / 1000;
    return loadFiles(run, prepared, files, await (offline ?? 0));
  };
  try {
    return await ingestFiles(run.given, paths, options, writer, direct);
  } catch (error) {
    // A failure to write the files surfaces where validation wrote them; the database is back by now.
    if (csv?.failure && !(error instanceof BulkFilesError)) throw filesError(csv.failure);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
  const run: BulkRun = {
    target,
    given: store,
    current: store,
    bulk: false,
    timings: { files: 0, load: 0, after: 0 },
    onFilesDir: options.onFilesDir,
  };
  try {
    const report =
      options.mode === 'bulk' && !options.dryRun
        ? await directIngest(run, paths, options)
        : // `auto`, or a dry run (which validates and writes nothing, so never reaches the writer).
          await ingestFiles(store, paths, options, stagedWriter(run, refusal));
    return { report, store: run.current, bulk: run.bulk, timings: run.timings };
  } catch (error) {
    // The caller keeps the store it gave; one opened here would be left open.
    if (run.current !== store) await run.current.close().catch(() => {});
    throw error;
  }
}
