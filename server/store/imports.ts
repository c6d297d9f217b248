/**
 * Import records: one `Import` node per import (id from the files' contents and options) holding its
 * files, checksums, options, status (running, complete, failed), the batches written and the counts.
 * Each batch is written in the same transaction that advances `batchesDone`, so after an interruption
 * the node says exactly what was written and the import resumes from there.
 */
import type { EntityLabel, LinkType } from '../schema/model.ts';
import { runWrite, toStoreError } from './ingest-session.ts';
import {
  emptyCounts,
  type WriteCounts,
  type WriteMeta,
  writeEntityBatch,
  writeLinkBatch,
} from './ingest-writes.ts';
import type { PreparedRows } from './ingest-rows.ts';
import { withCreateFallback } from './ingest-create.ts';
import type { Store } from './store.ts';

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
  counts: string;
  startedAt: string;
  finishedAt: string | null;
  createdBy: string;
  error: string | null;
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
    counts: props.counts ?? '{}',
    startedAt: props.startedAt ?? '',
    finishedAt: props.finishedAt ?? null,
    createdBy: props.createdBy ?? '',
    error: props.error ?? null,
  };
}

/**
 * Records an import as running (created, or resumed with its batches and counts kept). `plan` names the
 * way the write pass cuts batches: an import begun under another plan (an older version) starts its
 * batches again from the first, since its count of batches done means other batches now; MERGE makes
 * writing them again harmless.
 */
export async function beginImport(
  store: Store,
  info: { id: string; files: string[]; sha256: string[]; options: string; user: string; plan: number },
): Promise<ImportRecord> {
  await runWrite(store, (tx) =>
    tx.run(
      `MERGE (i:Import {id: $id})
ON CREATE SET i.startedAt = $now, i.batchesDone = 0, i.counts = '{}', i.createdBy = $user, i.createdAt = $now,
    i.batchPlan = $plan
SET i.batchesDone = CASE WHEN i.batchPlan = $plan THEN i.batchesDone ELSE 0 END,
    i.counts = CASE WHEN i.batchPlan = $plan THEN i.counts ELSE '{}' END,
    i.batchPlan = $plan,
    i.status = 'running', i.files = $files, i.sha256 = $sha256, i.options = $options, i.updatedAt = $now,
    i.error = null`,
      { ...info, now: new Date().toISOString() },
    ),
  );
  const record = await readImport(store, info.id);
  if (!record) throw new Error(`import ${info.id} was not recorded`);
  return record;
}

/**
 * Writes one batch and advances the import in the same transaction: `batchesDone` becomes `index + 1`
 * and `counts` whatever `tally` makes of this batch's counts (pure: the transaction may be retried).
 * When every row of the batch is new, the batch's first query advances the import itself, with the
 * counts of that outcome; otherwise one more query does, with the counts that came.
 */
export async function writeImportBatch(
  store: Store,
  importId: string,
  index: number,
  batch: ImportBatch,
  meta: WriteMeta,
  tally: (counts: WriteCounts) => string,
): Promise<WriteCounts> {
  // A retry after a commit whose answer was lost finds the batch done: it reports what that commit
  // wrote instead of writing again (which MERGE would count as unchanged).
  let written: WriteCounts | undefined;
  const input = batch.prepared ?? batch.rows;
  const rows = batch.prepared?.rows.length;
  return withCreateFallback((createNew) =>
    runWrite(store, async (tx) => {
      if (written !== undefined) {
        const done = await tx.run('MATCH (i:Import {id: $id}) RETURN i.batchesDone AS done', {
          id: importId,
        });
        if (Number(done.records[0]?.get('done') ?? 0) > index) return written;
      }
      const now = new Date().toISOString();
      const advance =
        createNew && rows !== undefined
          ? { importId, done: index + 1, now, counts: tally({ ...emptyCounts(), created: rows }) }
          : null;
      const { advanced, ...counts } =
        batch.kind === 'entities'
          ? await writeEntityBatch(tx, batch.label, input, meta, createNew, advance)
          : await writeLinkBatch(tx, batch.type, batch.ends, input, meta, batch.newLinks, advance);
      if (!advanced)
        await tx.run(
          'MATCH (i:Import {id: $id}) SET i.batchesDone = $done, i.counts = $counts, i.updatedAt = $now',
          { id: importId, done: index + 1, counts: tally(counts), now },
        );
      written = counts;
      return counts;
    }),
  );
}

/** Marks an import complete or failed, with its final counts (and the error when it failed). */
export async function finishImport(
  store: Store,
  id: string,
  outcome: { status: 'complete' | 'failed'; counts?: string; error?: string },
): Promise<void> {
  await runWrite(store, (tx) =>
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
