/**
 * An import under a user's clearance writes into that clearance's partition (store/partition.ts says
 * the rule): each id the file names (an entity's, a link's, a link end, a Source in `sources`, the
 * case) is mapped, batch by batch, to the record the user can see under it or to the partition's own.
 */
import type { Clearance } from '../auth/context.ts';
import { ENTITY_LABELS, type EntityLabel } from '../schema/model.ts';
import type { ImportBatch } from '../store/imports.ts';
import { IdTable } from './id-table.ts';
import { ownId } from '../store/partition.ts';
import type { Store } from '../store/store.ts';
import { findVisibleLabels, findVisibleLinkIds, linkKey } from '../store/upload-checks.ts';

// What an id stands for, by its ordinal in the table of ids looked up: nothing the user may see (the
// partition's own id will be created), the record under the id itself, or the partition's own record.
const ABSENT = 0;
const ITSELF = 1;
const OWN = 2;

/**
 * Maps the ids of an import under a clearance to the records they stand for, remembering every answer
 * in compact tables (an upload may name a million ids).
 */
export class IdPartition {
  // Each id asked about, with where it stands (byte 0) and its label's code (byte 1).
  private readonly asked = new IdTable({ payload: 2 });

  constructor(
    private readonly store: Store,
    private readonly clearance: Clearance,
  ) {}

  /** The partition's own id for an id. */
  own(id: string): string {
    return ownId(this.clearance, id);
  }

  /** Looks up, in one query, the ids not asked about yet: each one's record, and the partition's. */
  async prefetch(ids: Iterable<string>): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.asked.get(id));
    if (wanted.length === 0) return;
    const labels = await findVisibleLabels(
      this.store,
      this.clearance,
      wanted.flatMap((id) => [id, this.own(id)]),
    );
    for (const id of wanted) {
      const itself = labels.get(id);
      const own = labels.get(this.own(id));
      this.remember(id, itself ? ITSELF : own ? OWN : ABSENT, itself ?? own);
    }
  }

  /** The label of the record an id stands for, when one exists that the user may see. */
  labelOf(id: string): EntityLabel | undefined {
    if (!this.asked.get(id) || this.asked.found[0] === ABSENT) return undefined;
    return ENTITY_LABELS[this.asked.found[1] ?? 0];
  }

  /** The id under which the record an id stands for is stored (or will be created). */
  storedId(id: string): string {
    if (!this.asked.get(id)) throw new Error(`id ${JSON.stringify(id)} was not looked up before use`);
    return this.asked.found[0] === ITSELF ? id : this.own(id);
  }

  /** Frees the table's file. */
  close(): void {
    this.asked.close();
  }

  private remember(id: string, where: number, label: EntityLabel | undefined): void {
    this.asked.add(id, Uint8Array.of(where, label === undefined ? 0 : ENTITY_LABELS.indexOf(label)));
  }

  /** A batch with every id in it mapped to its stored id. */
  async mapBatch(batch: ImportBatch): Promise<ImportBatch> {
    const ids = new Set<string>();
    for (const row of batch.rows) {
      if (batch.kind === 'entities') ids.add(String(row.id));
      else {
        ids.add(String(row.source));
        ids.add(String(row.target));
      }
      if (Array.isArray(row.sources)) for (const source of row.sources) ids.add(String(source));
    }
    await this.prefetch(ids);
    const rows = batch.rows.map((row) => {
      const mapped: Record<string, unknown> = { ...row };
      if (Array.isArray(row.sources)) mapped.sources = row.sources.map((s) => this.storedId(String(s)));
      if (batch.kind === 'entities') mapped.id = this.storedId(String(row.id));
      else {
        mapped.source = this.storedId(String(row.source));
        mapped.target = this.storedId(String(row.target));
      }
      return mapped;
    });
    if (batch.kind === 'entities') return { ...batch, rows };
    const probes = rows.map((row) => ({
      id: String(row.id),
      source: String(row.source),
      target: String(row.target),
    }));
    const seen = await findVisibleLinkIds(this.store, this.clearance, batch.type, batch.ends, probes);
    for (const row of rows)
      if (!seen.has(linkKey(String(row.id), String(row.source), String(row.target))))
        row.id = this.own(String(row.id));
    return { ...batch, rows };
  }
}
