/**
 * Pass 2: the checked spools are written in batches, nodes before patches before links, grouped by
 * label or by link type and end labels. Batches come out in the same order for the same input, so an
 * interrupted import skips the batches its Import node says are done and writes the rest.
 */
import type { EntityLabel } from '../schema/model.ts';
import type { FieldConflict, WriteCounts } from '../store/ingest-writes.ts';
import { type ImportBatch, writeImportBatch } from '../store/imports.ts';
import type { Store } from '../store/store.ts';
import type { CheckedLink, CheckedPatch } from './check-pass.ts';
import type { IdPartition } from './partition.ts';
import { readSpool } from './spool.ts';
import type { IngestProgress, TypeCounts } from './types.ts';

/** The counts kept on the Import node, per label or type. */
export interface Tally {
  counts: Record<string, TypeCounts>;
  conflicts: number;
}

/** What the write pass needs. */
export interface WritePlan {
  importId: string;
  user: string;
  batchSize: number;
  /** Batches already written by an earlier, interrupted run. */
  skip: number;
  /** Validated records to write, for progress. */
  total: number;
  tally: Tally;
  spools: { entities: string; patches: string; links: string };
  onProgress?: ((progress: IngestProgress) => void) | undefined;
  afterBatch?: ((index: number) => Promise<void> | void) | undefined;
  /** Maps the ids of an import made under a user's clearance to their partition. */
  partition?: IdPartition | undefined;
}

/** Conflicts kept for the report; the nodes keep them all. */
const REPORTED_CONFLICTS = 1_000;

function addTally(tally: Tally, key: string, counts: WriteCounts): Tally {
  const current = tally.counts[key] ?? { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  return {
    counts: {
      ...tally.counts,
      [key]: {
        ...current,
        created: current.created + counts.created,
        updated: current.updated + counts.updated,
        unchanged: current.unchanged + counts.unchanged,
      },
    },
    conflicts: tally.conflicts + counts.conflicts.length,
  };
}

/** Groups rows into batches; holds at most `limit` rows across groups, flushing the largest first. */
class Batcher {
  private readonly groups = new Map<string, ImportBatch>();
  private held = 0;

  constructor(
    private readonly size: number,
    private readonly limit: number,
    private readonly emit: (batch: ImportBatch) => Promise<void>,
  ) {}

  async add(key: string, make: () => ImportBatch, row: Record<string, unknown>): Promise<void> {
    let batch = this.groups.get(key);
    if (!batch) {
      batch = make();
      this.groups.set(key, batch);
    }
    batch.rows.push(row);
    this.held++;
    if (batch.rows.length >= this.size) await this.flush(key);
    else if (this.held >= this.limit) await this.flush(this.largest());
  }

  async flushAll(): Promise<void> {
    for (const key of [...this.groups.keys()]) await this.flush(key);
  }

  private largest(): string {
    let best = '';
    let most = -1;
    for (const [key, batch] of this.groups)
      if (batch.rows.length > most) {
        best = key;
        most = batch.rows.length;
      }
    return best;
  }

  private async flush(key: string): Promise<void> {
    const batch = this.groups.get(key);
    if (!batch || batch.rows.length === 0) return;
    this.groups.delete(key);
    this.held -= batch.rows.length;
    await this.emit(batch);
  }
}

/** Writes every batch not yet done; returns the final tally and the first conflicts. */
export async function writeAll(
  store: Store,
  plan: WritePlan,
): Promise<{ tally: Tally; conflicts: FieldConflict[] }> {
  let index = 0;
  let done = 0;
  let tally = plan.tally;
  const conflicts: FieldConflict[] = [];
  const meta = { importId: plan.importId, user: plan.user };
  const emit = async (given: ImportBatch) => {
    const current = index++;
    done += given.rows.length;
    if (current < plan.skip) return;
    const batch = plan.partition ? await plan.partition.mapBatch(given) : given;
    const key = batch.kind === 'entities' ? batch.label : batch.type;
    const counts = await writeImportBatch(store, plan.importId, current, batch, meta, (c) =>
      JSON.stringify(addTally(tally, key, c)),
    );
    tally = addTally(tally, key, counts);
    for (const conflict of counts.conflicts)
      if (conflicts.length < REPORTED_CONFLICTS) conflicts.push(conflict);
    plan.onProgress?.({ phase: 'write', done, total: plan.total });
    await plan.afterBatch?.(current);
  };
  const limit = plan.batchSize * 4;
  const nodes = new Batcher(plan.batchSize, limit, emit);
  for await (const { type, properties } of readSpool<{
    type: EntityLabel;
    properties: Record<string, unknown>;
  }>(plan.spools.entities))
    await nodes.add(type, () => ({ kind: 'entities', label: type, rows: [] }), properties);
  await nodes.flushAll();
  const patches = new Batcher(plan.batchSize, limit, emit);
  for await (const { label, row } of readSpool<CheckedPatch>(plan.spools.patches))
    await patches.add(label, () => ({ kind: 'entities', label, rows: [] }), row);
  await patches.flushAll();
  const links = new Batcher(plan.batchSize, limit, emit);
  for await (const { type, s, t, p } of readSpool<CheckedLink>(plan.spools.links))
    await links.add(
      `${type}|${s}|${t}`,
      () => ({ kind: 'links', type, ends: { source: s, target: t }, rows: [] }),
      p,
    );
  await links.flushAll();
  return { tally, conflicts };
}
