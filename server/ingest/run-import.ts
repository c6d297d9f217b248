/**
 * The ingest pipeline: files (or records) in, everything validated before the first write, then written
 * in batches recorded on an Import node. Invalid input writes nothing (or, with --skip-invalid, writes the
 * rest and says what it left out); an interrupted import resumes; a finished one is not run twice.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { alertOnChange } from '../alerts/index.ts';
import { anyActiveWatch } from '../store/watches.ts';
import { StoreUnavailableError } from '../store/store.ts';
import { beginImport, finishImport, type ImportRecord, readImport } from '../store/imports.ts';
import type { Store } from '../store/store.ts';
import { changedRecordChunks } from './changed-records.ts';
import { checkLinks, checkPatches, LabelResolver } from './check-pass.ts';
import { IdRegistry } from './id-registry.ts';
import { expandInput, hashFile, identityOptions, importIdOf } from './import-id.ts';
import { IssueSink } from './issue-sink.ts';
import { STREAM_BOUNDS, ValidationMemo } from '../schema/records.ts';
import { writerPartition } from '../store/partition.ts';
import { IdPartition } from './partition.ts';
import { createReadStats, type ReadItem, type ReadStats, readRecordBatches } from './readers/index.ts';
import { buildReport, emptyReport } from './report.ts';
import { GroupedSpool, type GroupSink, SpoolWriter } from './spool.ts';
import { addOptionRecords, caseIdOf, defaultsOf } from './synthetic.ts';
import type { IngestOptions, IngestReport } from './types.ts';
import { type PassState, toRawRecord, validateAll } from './validate-pass.ts';
import { defaultValidationThreads, ValidationThreads } from './validate-threads.ts';
import { batchPlanOf, parseTally, type Tally, type WritePlan, writeAll } from './write-pass.ts';
import type { FieldConflict } from '../store/ingest-writes.ts';

/** Where records come from: files (with their checksums), or objects handed over in memory. */
interface Input {
  files: string[];
  sha256: string[];
  batches: (stats: ReadStats) => AsyncIterable<ReadItem[]>;
  /** For in-memory records, the hash of their content, complete once they have been read. */
  contentHash?: Hash;
  /** The input's size in bytes, when it comes from files: the validation pass's progress. */
  bytes?: number;
  writesBeside: (file: string) => boolean;
}

/** An import validated and checked completely, ready for its write pass. */
export interface PreparedImport {
  importId: string;
  input: Input;
  options: IngestOptions;
  state: PassState;
  spools: WritePlan['spools'];
  /** Checked records to write. */
  total: number;
  partition: IdPartition | undefined;
  /** The ids of the records its options added (synthetic.ts), kept on its Import node. */
  optionRecords: string[];
}

/** What a write pass did: the tally, the first conflicts, whether it finished an interrupted run. */
export interface WriteOutcome {
  tally: Tally;
  conflicts: FieldConflict[];
  /** Links not written because an end they name was deleted from the database during the import. */
  missing: number;
  resumed: boolean;
  /** Whether the written records should be matched against the watches (none exist in a new database). */
  alert: boolean;
}

/** A write pass: the transactional one (the default), or the bulk loader for a new database. */
export type ImportWriter = (store: Store, prepared: PreparedImport) => Promise<WriteOutcome>;

/**
 * A write that takes the checked entities and links as validation finds them (the bulk loader's CSV
 * files) into a database known to be empty, which is therefore not read meanwhile (it may be offline).
 * The write pass still comes only after everything was validated and checked.
 */
export interface DirectWrite {
  /** Before validation: where checked entities and checked links go. */
  open(): Promise<{ entities: GroupSink; links: GroupSink }>;
  /** The import ends before its write pass (invalid, or a failure): undoes what `open` did. */
  abandon(): Promise<void>;
}

/** Imports files (Ariadne NDJSON, CSV pairs, FollowTheMoney); see IngestOptions. */
export async function ingestFiles(
  store: Store,
  paths: readonly string[],
  options: IngestOptions,
  writer: ImportWriter = writeImport,
  direct?: DirectWrite,
): Promise<IngestReport> {
  const files = (await Promise.all(paths.map(expandInput))).flat();
  const sha256 = await Promise.all(files.map(hashFile));
  const sizes = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (info) => info.size,
        () => 0,
      ),
    ),
  );
  return runImport(
    store,
    {
      files: [...paths],
      sha256,
      bytes: sizes.reduce((sum, size) => sum + size, 0),
      batches: (stats) => readRecordBatches([...paths], { format: options.format ?? 'auto', stats }),
      writesBeside: (file) => !file.startsWith('--') && existsSync(dirname(file)),
    },
    options,
    writer,
    direct,
  );
}

// Records handed over as objects are validated this many at a time, as lines read from a file are.
const RECORDS_BATCH = 1024;

function validationThreadsOf(input: Input, options: IngestOptions, state: PassState) {
  const count = options.validationThreads ?? defaultValidationThreads(input.bytes);
  return count > 0 ? new ValidationThreads(count, state.validate) : undefined;
}

/** Imports records handed over as objects (`{kind, type, ...fields}`), with the same guarantees. */
export async function importRecords(
  store: Store,
  records: AsyncIterable<object> | Iterable<object>,
  options: IngestOptions & { name?: string },
): Promise<IngestReport> {
  const name = options.name ?? 'records';
  const contentHash = createHash('sha256');
  async function* batches(): AsyncGenerator<ReadItem[]> {
    let line = 0;
    let batch: ReadItem[] = [];
    for await (const raw of records) {
      contentHash.update(`${JSON.stringify(raw)}\n`);
      batch.push(toRawRecord(raw, name, ++line));
      if (batch.length === RECORDS_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  return runImport(
    store,
    { files: [name], sha256: [], batches, contentHash, writesBeside: () => false },
    options,
    writeImport,
  );
}

async function runImport(
  store: Store,
  input: Input,
  options: IngestOptions,
  writer: ImportWriter,
  direct?: DirectWrite,
): Promise<IngestReport> {
  let importId = input.contentHash ? '' : importIdOf(input.sha256, options);
  // The Import node of an earlier run of the same import, if any: done, or interrupted.
  let earlier = importId === '' ? null : await readImport(store, importId);
  if (earlier?.status === 'complete') return alreadyImported(earlier, input.files);
  const tmp = await mkdtemp(join(tmpdir(), 'ariadne-ingest-'));
  // Until the write pass has the import, a direct write's preparations are undone on every way out.
  let handedOver = direct === undefined;
  // The id tables, whose runs on disk are freed on every way out.
  const tables: { close(): void }[] = [];
  try {
    const stats = createReadStats();
    const sinks = await direct?.open();
    const state = newState(tmp, options, sinks?.entities);
    tables.push(state.registry);
    const links = sinks?.links ?? new GroupedSpool(tmp, 'links-checked');
    state.checkedLinks = links;
    const bytes = input.bytes;
    if (bytes) state.readFraction = () => Math.min(1, stats.bytes / bytes);
    const threads = validationThreadsOf(input, options, state);
    try {
      await validateAll(state, input.batches(stats), threads);
    } finally {
      await threads?.close();
    }
    if (state.records === 0 && state.sink.count === 0) await rejectEmpty(state, input.files, stats);
    const partition =
      options.clearance && writerPartition(options.clearance)
        ? new IdPartition(store, options.clearance)
        : undefined;
    const resolver = new LabelResolver(direct ? undefined : store, state, partition);
    tables.push(resolver, ...(partition ? [partition] : []));
    if (input.contentHash) {
      importId = importIdOf([input.contentHash.digest('hex')], options);
      earlier = await readImport(store, importId);
      if (earlier?.status === 'complete') return alreadyImported(earlier, input.files);
    }
    const resuming = direct ? undefined : optionRecordsOf(earlier);
    const optionRecords = await addOptionRecords(state, resolver, options, resuming);
    await Promise.all([state.entities.close(), state.links.close(), state.patches.close()]);
    const patches = new GroupedSpool(tmp, 'patches-checked');
    await checkPatches(state, resolver, patches);
    await checkLinks(state, resolver, links);
    await Promise.all([links.close(), patches.close()]);
    const warnings = Object.entries(stats.unmapped).map(
      ([schema, n]) =>
        `${n} FollowTheMoney record(s) of schema ${schema} have no Ariadne counterpart and were skipped`,
    );
    const invalid = state.sink.count > 0 && !options.skipInvalid;
    const errorFiles =
      state.sink.count > 0 || state.seenFiles.size > 0
        ? await state.sink.writeFiles(state.seenFiles, invalid ? 'errors' : 'rejects', input.writesBeside)
        : [];
    const base = { importId, files: input.files, state, errorFiles, warnings };
    if (invalid) return buildReport({ ...base, status: 'invalid' });
    if (options.dryRun) return buildReport({ ...base, status: 'dry-run' });
    const spools = { entities: state.entities.files(), patches: patches.files(), links: links.files() };
    const total = state.entities.count + patches.count + links.count;
    handedOver = true;
    const { tally, conflicts, resumed, alert, missing } = await writer(store, {
      importId,
      input,
      options,
      state,
      spools,
      total,
      partition,
      optionRecords,
    });
    // The one hook of the alerts into imports: after the commit, with the records it wrote.
    const alerting = alert ? await alertOnImport(store, spools, partition) : undefined;
    return buildReport({
      ...base,
      warnings: [
        ...warnings,
        ...(missing > 0 ? [missingWarning(missing)] : []),
        ...(alerting ? [alerting] : []),
      ],
      status: 'complete',
      tally,
      conflicts,
      resumed,
    });
  } finally {
    for (const table of tables) table.close();
    if (!handedOver) await direct?.abandon();
    await rm(tmp, { recursive: true, force: true });
  }
}

// Links the check pass found ends for, whose end was deleted before its batch was written.
function missingWarning(missing: number): string {
  return `${missing} link(s) were not written: an entity they link was deleted from the database while the import ran; restore it and import those links again`;
}

// An import that finds nothing to import is a mistake (an empty or wrong file), not a success.
async function rejectEmpty(state: PassState, files: string[], stats: ReadStats): Promise<void> {
  const unmapped = Object.keys(stats.unmapped);
  const message =
    unmapped.length > 0
      ? `holds no records Ariadne can import: FollowTheMoney schema ${unmapped.join(', ')} has no counterpart in the model`
      : 'holds no records: the file is empty';
  for (const file of files) await state.sink.reject({ file, line: 0, issues: [{ field: '', message }] });
}

/** Matches the committed import against the watches; a failure is a warning, never an undone import. */
async function alertOnImport(
  store: Store,
  spools: Parameters<typeof changedRecordChunks>[1],
  partition: IdPartition | undefined,
): Promise<string | undefined> {
  try {
    // With no active watch there is nothing to match: the import's records are not read back.
    if (!(await anyActiveWatch(store))) return undefined;
    for await (const chunk of changedRecordChunks(store, spools, partition))
      await alertOnChange(store, chunk, 'import');
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `the import is complete, but matching it against the watches failed (${message}): alerts may be missing`;
  }
}

function newState(tmp: string, options: IngestOptions, entities?: GroupSink): PassState {
  return {
    registry: new IdRegistry(),
    sink: new IssueSink(join(tmp, 'issues.ndjson')),
    entities: entities ?? new GroupedSpool(tmp, 'entities'),
    links: new SpoolWriter(join(tmp, 'links.ndjson')),
    patches: new SpoolWriter(join(tmp, 'patches.ndjson')),
    rejected: new Set(),
    valid: {},
    seenFiles: new Set(),
    records: 0,
    // The rows of a file repeat their values (types, grades, sources, dates): each is parsed once.
    validate: {
      dateFormat: options.dateFormat,
      defaults: defaultsOf(options),
      memo: new ValidationMemo(STREAM_BOUNDS),
    },
    caseId: options.caseName === undefined ? undefined : caseIdOf(options.caseName),
    onProgress: options.onProgress,
  };
}

// The records an interrupted run of the import added for its options, which a resumed run adds too.
function optionRecordsOf(earlier: ImportRecord | null): string[] | undefined {
  if (!earlier || (earlier.batchesDone === 0 && earlier.batchesAhead.length === 0)) return undefined;
  return earlier.optionRecords;
}

function alreadyImported(done: ImportRecord, files: string[]): IngestReport {
  return {
    ...emptyReport(done.id, files),
    status: 'already-imported',
    importedAt: done.finishedAt ?? done.startedAt,
  };
}

/**
 * The transactional write pass: batches recorded on the Import node, resumable. `given` is what was
 * written before it by other means (the bulk loader), counted into the Import node's tally.
 */
export async function writeImport(
  store: Store,
  job: PreparedImport,
  given: Tally = { counts: {}, conflicts: 0 },
): Promise<WriteOutcome> {
  const { importId, input, options } = job;
  const record = await beginImport(store, {
    id: importId,
    files: input.files,
    sha256: input.sha256,
    options: JSON.stringify(identityOptions(options)),
    user: options.user,
    plan: batchPlanOf(job.spools),
    counts: JSON.stringify(given),
    optionRecords: job.optionRecords,
  });
  const resumed = record.batchesDone > 0 || record.batchesAhead.length > 0;
  const start: Tally = resumed ? parseTally(record.counts) : given;
  try {
    const result = await writeAll(store, {
      importId,
      user: options.user,
      batchSize: options.batchSize ?? 10_000,
      skip: record,
      total: job.total,
      tally: start,
      spools: job.spools,
      onProgress: options.onProgress,
      afterBatch: options.afterBatch,
      partition: job.partition,
    });
    await finishImport(store, importId, { status: 'complete', counts: JSON.stringify(result.tally) });
    return { ...result, resumed, alert: true };
  } catch (error) {
    // With the database gone the status cannot be written; the Import node already says how far it got.
    if (!(error instanceof StoreUnavailableError)) {
      const message = error instanceof Error ? error.message : String(error);
      await finishImport(store, importId, { status: 'failed', error: message }).catch(() => {});
    }
    throw error;
  }
}
