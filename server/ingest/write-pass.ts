/**
 * Pass 2: the checked spools are written in batches, nodes before patches before links, one group
 * (a label, or a link type between two labels) after another, each cut into batches of even size.
 * Batches come out in the same order for the same input, so an interrupted import skips the batches
 * its Import node says are written and writes the rest. Two batches are written at once (Neo4j runs
 * each transaction on a core of its own) while the next is read; they may commit out of order, which
 * the Import node records (imports.ts). Every batch of one kind (entities, patches, links) is committed
 * before the first of the next kind starts: a patch finds its entity, a link its ends. Patches are
 * written one batch at a time, in order (WRITERS).
 * The ids of the entities this run CREATEd are kept, so that a link to one of them, which cannot have
 * been stored before this run, is written without comparing (writeLinkBatch). A resumed run knows only
 * the entities it created itself: those of the run before it are treated as stored, and their links
 * compared.
 */
import { createHash } from 'node:crypto';
import { ENTITY_LABELS, type EntityLabel, LINK_TYPES } from '../schema/model.ts';
import type { FieldConflict, WriteCounts } from '../store/ingest-writes.ts';
import { type BatchRecord, batchWritten, type ImportBatch, writeImportBatch } from '../store/imports.ts';
import { prepareRows } from '../store/ingest-rows.ts';
import type { Store } from '../store/store.ts';
import { parseLinkGroupKey } from './check-pass.ts';
import { IdTable } from './id-table.ts';
import type { IdPartition } from './partition.ts';
import { readSpool } from './spool.ts';
import type { IngestProgress, TypeCounts } from './types.ts';

/** The counts kept on the Import node, per label or type. */
export interface Tally {
  counts: Record<string, TypeCounts>;
  conflicts: number;
}

/** One spool group: its key (a label, or `TYPE|Source|Target`), its file and how many rows. */
export interface SpoolGroup {
  key: string;
  path: string;
  count: number;
}

/** What the write pass needs. */
export interface WritePlan {
  importId: string;
  user: string;
  batchSize: number;
  /** Batches already written by an earlier, interrupted run (its Import node's record of them). */
  skip: BatchRecord;
  /** Validated records to write, for progress. */
  total: number;
  tally: Tally;
  spools: { entities: SpoolGroup[]; patches: SpoolGroup[]; links: SpoolGroup[] };
  onProgress?: ((progress: IngestProgress) => void) | undefined;
  afterBatch?: ((index: number) => Promise<void> | void) | undefined;
  /** Maps the ids of an import made under a user's clearance to their partition. */
  partition?: IdPartition | undefined;
}

/**
 * How this write pass cuts batches (kept on the Import node): 4 is one group after another in batches
 * of even size (evenBatchSize), each group's links checked during validation first, then those of the
 * check pass; 3 was the same in full batches and a last one with the rest; 2 was
 * the same with every link in the order of the check pass; 1 was groups interleaved by a bounded
 * batcher.
 */
const WRITE_PLAN = 4;

type Kind = 'entities' | 'patches' | 'links';

/**
 * The name of an import's batches, kept on its Import node: the way they are cut and a digest of the
 * groups cut (each kind's keys and counts). A resumed run whose groups differ from its first run's
 * (its input or its options' records changed meanwhile) would skip other batches than those written:
 * under another name it writes every batch again, which MERGE makes harmless.
 */
export function batchPlanOf(spools: WritePlan['spools']): string {
  const groups = (['entities', 'patches', 'links'] as const).map((kind) =>
    spools[kind].map(({ key, count }) => [key, count]),
  );
  const digest = createHash('sha256').update(JSON.stringify(groups)).digest('hex').slice(0, 16);
  return `${WRITE_PLAN}:${digest}`;
}

/**
 * Batches of each kind written at once. An import's entities and links each have an id of their own
 * (the validation pass refuses a second record under an id); patches do not: two may change the same
 * entity, and the later must land last.
 */
export const WRITERS: Readonly<Record<Kind, number>> = { entities: 2, patches: 1, links: 2 };

/** Conflicts kept for the report; the nodes keep them all. */
const REPORTED_CONFLICTS = 1_000;

/** The tally an Import node holds (JSON; `{}` before its first batch). */
export function parseTally(stored: string): Tally {
  const tally = JSON.parse(stored) as Partial<Tally>;
  return { counts: tally.counts ?? {}, conflicts: tally.conflicts ?? 0 };
}

// The tally's labels and types in the model's order, whatever order the batches committed in.
const RANK = new Map<string, number>([...ENTITY_LABELS, ...LINK_TYPES].map((key, i) => [key, i]));
const byModel = ([a]: [string, unknown], [b]: [string, unknown]) =>
  (RANK.get(a) ?? RANK.size) - (RANK.get(b) ?? RANK.size) || a.localeCompare(b);

function addTally(tally: Tally, key: string, counts: WriteCounts): Tally {
  const current = tally.counts[key] ?? { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  const added = {
    ...current,
    created: current.created + counts.created,
    updated: current.updated + counts.updated,
    unchanged: current.unchanged + counts.unchanged,
  };
  return {
    counts: Object.fromEntries(Object.entries({ ...tally.counts, [key]: added }).sort(byModel)),
    conflicts: tally.conflicts + counts.conflicts.length,
  };
}

/**
 * The size of a group's batch `index` when its `count` rows are cut into as few batches of at most
 * `batchSize` as can hold them, of even size (none smaller than half a batch but a group's only one).
 * Neo4j keys a query's plan on the length of a list parameter rounded up to a power of ten, so a last
 * batch of 38 rows after full ones would have the group's query planned a second time (tens of
 * milliseconds of Neo4j's CPU, for each such group).
 */
export function evenBatchSize(count: number, batchSize: number, index: number): number {
  const batches = Math.max(1, Math.ceil(count / batchSize));
  return Math.max(1, Math.floor(count / batches) + (index < count % batches ? 1 : 0));
}

/** The batches of every group in order, each with the shape its rows are written in and its kind. */
async function* batchesOf(plan: WritePlan): AsyncGenerator<{ kind: Kind; batch: ImportBatch }> {
  const groups: {
    kind: Kind;
    group: SpoolGroup;
    make: (rows: Record<string, unknown>[]) => ImportBatch;
  }[] = [
    ...(['entities', 'patches'] as const).flatMap((kind) =>
      plan.spools[kind].map((group) => ({
        kind,
        group,
        make: (rows: Record<string, unknown>[]): ImportBatch => ({
          kind: 'entities',
          label: group.key as EntityLabel,
          rows,
        }),
      })),
    ),
    ...plan.spools.links.map((group) => {
      const { type, source, target } = parseLinkGroupKey(group.key);
      return {
        kind: 'links' as Kind,
        group,
        make: (rows: Record<string, unknown>[]): ImportBatch => ({
          kind: 'links',
          type,
          ends: { source, target },
          rows,
        }),
      };
    }),
  ];
  for (const { kind, group, make } of groups) {
    let batch = 0;
    let size = evenBatchSize(group.count, plan.batchSize, batch);
    let rows: Record<string, unknown>[] = [];
    for await (const row of readSpool<Record<string, unknown>>(group.path)) {
      rows.push(row);
      if (rows.length >= size) {
        yield { kind, batch: make(rows) };
        rows = [];
        size = evenBatchSize(group.count, plan.batchSize, ++batch);
      }
    }
    if (rows.length > 0) yield { kind, batch: make(rows) };
  }
}

// The links of a batch one of whose ends this run created; asked only once every batch before it is written.
function linksToCreated(batch: ImportBatch, created: IdTable): Set<string> {
  const ids = new Set<string>();
  if (created.size === 0) return ids;
  for (const row of batch.prepared?.rows ?? batch.rows)
    if (created.get(String(row.source)) || created.get(String(row.target))) ids.add(String(row.id));
  return ids;
}

/**
 * Writes every batch not yet done; returns the final tally, the first conflicts, Neo4j's time, and how
 * many links this run could not write because an end was gone (deleted since the check pass).
 */
export async function writeAll(
  store: Store,
  plan: WritePlan,
): Promise<{ tally: Tally; conflicts: FieldConflict[]; storeMs: number; missing: number }> {
  let done = 0;
  // Links not written because an end checked before the write pass was gone by then.
  let missing = 0;
  let tally = plan.tally;
  // The time at least one batch was being written (the writers overlap).
  let storeMs = 0;
  let writing = 0;
  let writingSince = 0;
  const conflicts: FieldConflict[] = [];
  const meta = { importId: plan.importId, user: plan.user };
  const created = new IdTable();
  const write = async (index: number, given: ImportBatch, rows: number) => {
    const key = given.kind === 'entities' ? given.label : given.type;
    const batch = given.kind === 'links' ? { ...given, newLinks: linksToCreated(given, created) } : given;
    if (writing++ === 0) writingSince = performance.now();
    const counts = await writeImportBatch(store, plan.importId, index, batch, meta, (stored, c) =>
      JSON.stringify(addTally(parseTally(stored), key, c)),
    ).finally(() => {
      if (--writing === 0) storeMs += performance.now() - writingSince;
    });
    // Only entities' ids are ever asked for: they are the links' ends.
    if (given.kind === 'entities') for (const id of counts.createdIds ?? []) created.add(id);
    tally = addTally(tally, key, counts);
    if (given.kind === 'links') missing += counts.missing;
    for (const conflict of counts.conflicts)
      if (conflicts.length < REPORTED_CONFLICTS) conflicts.push(conflict);
    done += rows;
    plan.onProgress?.({ phase: 'write', done, total: plan.total, storeMs });
    await plan.afterBatch?.(index);
  };
  // Up to WRITERS of a kind in flight, the next read and mapped meanwhile. A failed write
  // stops the pass once the others in flight have settled, so that the Import node is final.
  const inFlight = new Set<Promise<void>>();
  let failed: { error: unknown } | undefined;
  const settle = async (room: number) => {
    while (inFlight.size > room) await Promise.race(inFlight);
    if (failed) throw failed.error;
  };
  let index = 0;
  let kind: Kind | undefined;
  try {
    for await (const { kind: next, batch: given } of batchesOf(plan)) {
      const current = index++;
      if (batchWritten(plan.skip, current)) {
        done += given.rows.length;
        continue;
      }
      const mapped = plan.partition ? await plan.partition.mapBatch(given) : given;
      await settle(next === kind ? WRITERS[next] - 1 : 0);
      kind = next;
      // Prepared once a writer is free (the other still writing), and the spool's rows then let go:
      // memory holds the batches being written and one more.
      const prepared = prepareRows(mapped.rows, mapped.kind === 'links', meta);
      const batch = { ...mapped, rows: [], prepared };
      const task: Promise<void> = write(current, batch, given.rows.length).then(
        () => void inFlight.delete(task),
        (error: unknown) => {
          inFlight.delete(task);
          failed ??= { error };
        },
      );
      inFlight.add(task);
    }
    await settle(0);
  } catch (error) {
    // Reading or mapping failed, or a write did: let the batches in flight settle first.
    await Promise.all(inFlight);
    throw failed?.error ?? error;
  } finally {
    created.close();
  }
  return { tally, conflicts, storeMs, missing };
}
