/**
 * Import records: one `Import` node per import (id from the files' contents and options) holding its
 * files, checksums, options, status (running, complete, failed), the batches written and the counts.
 * Each batch is written in the same transaction that records it on the node, so after an interruption
 * the node says exactly what was written and the import resumes from there. Batches are written
 * several at once and may commit out of order: `batchesDone` counts those written from the first
 * without a gap, `batchesAhead` lists those written beyond a gap.
 */
import type { EntityLabel, LinkType } from '../schema/model.ts';
import { runWrite, toStoreError } from './ingest-session.ts';
import { type WriteCounts, type WriteMeta, writeEntityBatch, writeLinkBatch } from './ingest-writes.ts';
import type { PreparedRows } from './ingest-rows.ts';
import { withCreateFallback } from './ingest-create.ts';
import { KEEP_PLAN } from './ingest-cypher.ts';
import type { Store } from './store.ts';

// An import's writes ride out a reset or refused connection this long beyond the driver's own 3 s:
// a batch job of minutes should not fail on a moment's loss, and each of its writes may run again.
const IMPORT_RETRY_MS = 15_000;

/** The states of an import. */
export type ImportStatus = 'running' | 'complete' | 'failed';

/** What the database knows of an import. */
export interface ImportRecord {
  id: string;
  status: ImportStatus;
  files: string[];
  sha256: string[];
  options: string;
  batchesDone: number;
  /** Batches written beyond the first gap (by a writer that finished before the one before it). */
  batchesAhead: number[];
  counts: string;
  startedAt: string;
  finishedAt: string | null;
  createdBy: string;
  error: string | null;
  /** The ids of the records the import's options added (its --source Source, its --case Case). */
  optionRecords?: string[] | undefined;
}

/** One batch of the write pass: nodes of one label, or links of one type between two labels. */
export type ImportBatch =
  | {
      kind: 'entities';
      label: EntityLabel;
      rows: Record<string, unknown>[];
      /** The rows made ready for the queries ahead of their turn (prepareRows), when they were. */
      prepared?: PreparedRows;
    }
  | {
      kind: 'links';
      type: LinkType;
      ends: { source: EntityLabel; target: EntityLabel };
      rows: Record<string, unknown>[];
      /** Ids of the batch's links one of whose ends this import created (see writeLinkBatch). */
      newLinks?: ReadonlySet<string>;
      prepared?: PreparedRows;
    };

/** Reads an import by id, or null when it never ran. */
export async function readImport(store: Store, id: string): Promise<ImportRecord | null> {
  let result: Awaited<ReturnType<Store['read']>>;
  try {
    result = await store.read('MATCH (i:Import {id: $id}) RETURN properties(i) AS i', { id });
  } catch (error) {
    throw toStoreError(store, error);
  }
  const props = result.records[0]?.get('i') as Partial<ImportRecord> | undefined;
  if (!props) return null;
  return {
    id,
    status: props.status ?? 'running',
    files: props.files ?? [],
    sha256: props.sha256 ?? [],
    options: props.options ?? '{}',
    batchesDone: Number(props.batchesDone ?? 0),
    batchesAhead: (props.batchesAhead ?? []).map(Number),
    counts: props.counts ?? '{}',
    startedAt: props.startedAt ?? '',
    finishedAt: props.finishedAt ?? null,
    createdBy: props.createdBy ?? '',
    error: props.error ?? null,
    optionRecords: props.optionRecords,
  };
}

/**
 * Records an import as running (created, or resumed with its batches and counts kept). `plan` names the
 * batches the write pass cuts (their way of cutting and the groups cut): an import begun under another
 * plan (an older version, or other groups) starts its batches again from the first, since its count
 * of batches done means other batches now; MERGE makes writing them again harmless. An import that
 * starts with no batch written takes `counts` (what was written before its batches by other means, as
 * JSON) as its tally.
 */
export async function beginImport(
  store: Store,
  info: {
    id: string;
    files: string[];
    sha256: string[];
    options: string;
    user: string;
    plan: string;
    counts: string;
    optionRecords: string[];
  },
): Promise<ImportRecord> {
  await runWrite(
    store,
    (tx) =>
      tx.run(
        `MERGE (i:Import {id: $id})
ON CREATE SET i.startedAt = $now, i.batchesDone = 0, i.batchesAhead = [], i.counts = '{}', i.createdBy = $user,
    i.createdAt = $now, i.batchPlan = $plan
WITH i, i.batchPlan = $plan AND (i.batchesDone > 0 OR size(coalesce(i.batchesAhead, [])) > 0) AS resumed
SET i.batchesDone = CASE WHEN resumed THEN i.batchesDone ELSE 0 END,
    i.batchesAhead = CASE WHEN resumed THEN coalesce(i.batchesAhead, []) ELSE [] END,
    i.counts = CASE WHEN resumed THEN i.counts ELSE $counts END,
    i.batchPlan = $plan,
    i.status = 'running', i.files = $files, i.sha256 = $sha256, i.options = $options, i.updatedAt = $now,
    i.error = null, i.optionRecords = $optionRecords`,
        { ...info, now: new Date().toISOString() },
      ),
    IMPORT_RETRY_MS,
  );
  const record = await readImport(store, info.id);
  if (!record) throw new Error(`import ${info.id} was not recorded`);
  return record;
}

/** What an Import node records of the batches written. */
export type BatchRecord = Pick<ImportRecord, 'batchesDone' | 'batchesAhead'>;

// The batches an Import node records, from a query's `done` and `ahead`.
function batchRecord(row: { get(key: string): unknown } | undefined): BatchRecord {
  const ahead = (row?.get('ahead') ?? []) as unknown[];
  return { batchesDone: Number(row?.get('done') ?? 0), batchesAhead: ahead.map(Number) };
}

const BATCHES = 'i.batchesDone AS done, coalesce(i.batchesAhead, []) AS ahead';

/** Whether an import's Import node records the batch as written. */
export function batchWritten(record: BatchRecord, index: number): boolean {
  return index < record.batchesDone || record.batchesAhead.includes(index);
}

/** The Import node's record of batches once `index` is written too: the gapless count, and the rest. */
export function withBatch(record: BatchRecord, index: number): BatchRecord {
  const ahead = new Set([...record.batchesAhead, index]);
  let done = record.batchesDone;
  while (ahead.has(done)) ahead.delete(done++);
  return { batchesDone: done, batchesAhead: [...ahead].filter((i) => i > done).sort((a, b) => a - b) };
}

// The Import node is locked (by the SET) only after the batch's rows are written, so that writers
// running at once wait on each other for this record alone, and never while holding it: what it then
// reads is what the writers before it committed.
const LOCK_IMPORT = `${KEEP_PLAN}MATCH (i:Import {id: $id})
SET i.updatedAt = $now
WITH i
RETURN ${BATCHES}, i.counts AS counts`;

const RECORD_BATCH = `${KEEP_PLAN}MATCH (i:Import {id: $id})
SET i.batchesDone = $done, i.batchesAhead = $ahead, i.counts = $counts`;

/**
 * Writes one batch and records it on the Import node in the same transaction, with `counts` whatever
 * `tally` makes of the stored counts (JSON) and this batch's (pure: the transaction may be retried).
 */
export async function writeImportBatch(
  store: Store,
  importId: string,
  index: number,
  batch: ImportBatch,
  meta: WriteMeta,
  tally: (stored: string, counts: WriteCounts) => string,
): Promise<WriteCounts> {
  // A retry after a commit whose answer was lost finds the batch written: it reports what that commit
  // wrote instead of writing again (which MERGE would count as unchanged).
  let written: WriteCounts | undefined;
  const input = batch.prepared ?? batch.rows;
  return withCreateFallback((createNew) =>
    runWrite(
      store,
      async (tx) => {
        if (written !== undefined) {
          const found = await tx.run(`MATCH (i:Import {id: $id}) RETURN ${BATCHES}`, { id: importId });
          if (batchWritten(batchRecord(found.records[0]), index)) return written;
        }
        const counts =
          batch.kind === 'entities'
            ? await writeEntityBatch(tx, batch.label, input, meta, createNew)
            : await writeLinkBatch(tx, batch.type, batch.ends, input, meta, batch.newLinks);
        const now = new Date().toISOString();
        const stored = (await tx.run(LOCK_IMPORT, { id: importId, now })).records[0];
        if (!stored) throw new Error(`import ${importId} is not recorded`);
        const next = withBatch(batchRecord(stored), index);
        await tx.run(RECORD_BATCH, {
          id: importId,
          done: next.batchesDone,
          ahead: next.batchesAhead,
          counts: tally(String(stored.get('counts') ?? '{}'), counts),
        });
        written = counts;
        return counts;
      },
      IMPORT_RETRY_MS,
    ),
  );
}

/** Marks an import complete or failed, with its final counts (and the error when it failed). */
export async function finishImport(
  store: Store,
  id: string,
  outcome: { status: 'complete' | 'failed'; counts?: string; error?: string },
): Promise<void> {
  await runWrite(
    store,
    (tx) =>
      tx.run(
        `MATCH (i:Import {id: $id})
SET i.status = $status, i.counts = coalesce($counts, i.counts), i.error = $error, i.finishedAt = $now, i.updatedAt = $now`,
        {
          id,
          status: outcome.status,
          counts: outcome.counts ?? null,
          error: outcome.error ?? null,
          now: new Date().toISOString(),
        },
      ),
    IMPORT_RETRY_MS,
  );
}

/** Whether the database holds any entity (of the model's labels). */
export async function hasEntities(store: Store, labels: readonly EntityLabel[]): Promise<boolean> {
  const branches = labels.map((label) => `MATCH (n:\`${label}\`) RETURN n LIMIT 1`).join(' UNION ALL ');
  const result = await store.read(`CALL () { ${branches} } RETURN count(*) AS n`);
  return Number(result.records[0]?.get('n') ?? 0) > 0;
}

/**
 * A stamp of what imports have written, from any process: it changes whenever an import starts,
 * commits a batch (in the batch's own transaction) or ends. Caches of the data compare it to know
 * that an import run elsewhere (`ariadne import`) has changed what they hold.
 */
export async function importStamp(store: Store): Promise<string> {
  const result = await store.read(
    `MATCH (i:Import)
RETURN count(i) AS imports, sum(i.batchesDone) AS batches, max(i.updatedAt) AS updated`,
  );
  const row = result.records[0];
  return JSON.stringify([row?.get('imports'), row?.get('batches'), row?.get('updated')].map(String));
}
