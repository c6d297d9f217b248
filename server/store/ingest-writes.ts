/**
 * The ingest's writes: validated entities and links into Neo4j in UNWIND batches, each in a managed
 * (retried, so idempotent) transaction, MERGE on stable ids. A value that differs from the stored one is
 * reported and kept in the node's `conflicts` history, never overwritten silently.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { checkLinkEndpoints } from '../schema/link-endpoints.ts';
import type { EntityLabel, LinkType } from '../schema/model.ts';
import { type RecordDefaults, type ValidateOptions, validateRecord } from '../schema/records.ts';
import {
  appendLinkConflictsCypher,
  appendNodeConflictsCypher,
  mergeLinksCypher,
  mergeNewLinksCypher,
  mergeNodesCypher,
} from './ingest-cypher.ts';
import { createNewRows, withCreateFallback } from './ingest-create.ts';
import { type PreparedRows, prepareRows, type Row } from './ingest-rows.ts';
import { lookupEntityLabels, runWrite } from './ingest-session.ts';
import type { Store } from './store.ts';
import { NAMED_PROPERTIES, refreshNameKeys } from './name-keys.ts';

export { lookupEntityLabels, runWrite, toStoreError } from './ingest-session.ts';

/** Who writes, for which import, and when (createdAt/updatedAt; defaults to now). */
export interface WriteMeta {
  importId?: string | undefined;
  user: string;
  now?: string | undefined;
}

/** A stored value an import would have changed: reported, and appended to the record's `conflicts`. */
export interface FieldConflict {
  id: string;
  label: string;
  field: string;
  old: unknown;
  new: unknown;
  source: string[];
}

/** What a write did: rows created, updated (new fields or sources), unchanged, or skipped (an end missing). */
export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
  missing: number;
  conflicts: FieldConflict[];
  /** The ids of the entities this write CREATEd as new to the database (entity batches only). */
  createdIds?: string[];
}

/** Rows per UNWIND batch. */
export const WRITE_BATCH_SIZE = 5_000;

/** An empty tally. */
export function emptyCounts(): WriteCounts {
  return { created: 0, updated: 0, unchanged: 0, missing: 0, conflicts: [] };
}

/** Adds one tally into another. */
export function addCounts(into: WriteCounts, from: WriteCounts): WriteCounts {
  into.created += from.created;
  into.updated += from.updated;
  into.unchanged += from.unchanged;
  into.missing += from.missing;
  for (const conflict of from.conflicts) into.conflicts.push(conflict);
  return into;
}

type Changed = { id: string; changed: { field: string; old: unknown }[] };

function readCounts(record: { get(key: string): unknown }, label: string, rows: Row[], total: number) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const conflicts: FieldConflict[] = [];
  for (const item of record.get('conflicts') as Changed[]) {
    const row = byId.get(item.id);
    for (const { field, old } of item.changed)
      conflicts.push({ id: item.id, label, field, old, new: row?.props[field], source: row?.sources ?? [] });
  }
  const created = Number(record.get('created'));
  const updated = Number(record.get('updated'));
  const unchanged = Number(record.get('unchanged'));
  return { created, updated, unchanged, missing: total - created - updated - unchanged, conflicts };
}

function conflictItems(conflicts: FieldConflict[], rows: Row[], at: string) {
  const byId = new Map<string, { id: string; source?: string | undefined; entries: string[] }>();
  const sourceOf = new Map(rows.map((row) => [row.id, row.source]));
  for (const c of conflicts) {
    const item = byId.get(c.id) ?? { id: c.id, source: sourceOf.get(c.id), entries: [] };
    item.entries.push(JSON.stringify({ field: c.field, old: c.old, new: c.new, source: c.source, at }));
    byId.set(c.id, item);
  }
  return [...byId.values()];
}

function params(rows: Row[], meta: WriteMeta, now: string) {
  return { rows, now, user: meta.user };
}

function prepared(
  input: readonly Record<string, unknown>[] | PreparedRows,
  link: boolean,
  meta: WriteMeta,
): PreparedRows {
  return Array.isArray(input) ? prepareRows(input, link, meta) : (input as PreparedRows);
}

/**
 * Writes one batch of nodes of a label inside a transaction; returns what it did. With `createNew`,
 * the rows new to the database are CREATEd (withCreateFallback runs the batch again without it when
 * another writer created one meanwhile); the others are MERGEd and compared.
 */
export async function writeEntityBatch(
  tx: ManagedTransaction,
  label: EntityLabel,
  input: readonly Record<string, unknown>[] | PreparedRows,
  meta: WriteMeta,
  createNew = false,
): Promise<WriteCounts> {
  const batch = prepared(input, false, meta);
  const { now } = batch;
  const { stored: rows, createdIds } = createNew
    ? await createNewRows(tx, label, batch, meta)
    : { stored: batch.rows, createdIds: [] };
  const created = createdIds.length;
  if (rows.length === 0) return { ...emptyCounts(), created, createdIds };
  const result = await tx.run(mergeNodesCypher(label), params(rows, meta, now));
  const counts = readCounts(result.records[0] as never, label, rows, rows.length);
  if (counts.conflicts.length > 0)
    await tx.run(appendNodeConflictsCypher(label), { items: conflictItems(counts.conflicts, rows, now) });
  // An entity the write left unchanged keeps its names, and so its name keys.
  const written = new Set(result.records[0]?.get('written') as string[]);
  const named = rows.filter((row) => written.has(row.id) && NAMED_PROPERTIES.some((key) => key in row.props));
  await refreshNameKeys(
    tx,
    label,
    named.map((row) => row.id),
  );
  return { ...counts, created: counts.created + created, createdIds };
}

/**
 * Writes one batch of links of a type whose ends have the given labels, inside a transaction. The links
 * named in `newLinks` (one of their ends was created by this import) are MERGEd without comparing when
 * the MERGE creates them; any of them found already stored, and every other link, is MERGEd and compared.
 */
export async function writeLinkBatch(
  tx: ManagedTransaction,
  type: LinkType,
  ends: { source: EntityLabel; target: EntityLabel },
  input: readonly Record<string, unknown>[] | PreparedRows,
  meta: WriteMeta,
  newLinks: ReadonlySet<string> = new Set(),
): Promise<WriteCounts> {
  const batch = prepared(input, true, meta);
  const { now } = batch;
  const all = batch.rows;
  const fresh: Record<string, unknown>[] = [];
  const freshRows: Row[] = [];
  for (const [i, row] of all.entries()) {
    if (!newLinks.has(row.id)) continue;
    freshRows.push(row);
    fresh.push({ source: row.source, target: row.target, stored: batch.created[i] });
  }
  let rows = fresh.length === 0 ? all : all.filter((row) => !newLinks.has(row.id));
  let created = 0;
  let missing = 0;
  if (fresh.length > 0) {
    const result = await tx.run(mergeNewLinksCypher(type, ends.source, ends.target), {
      rows: fresh,
      now,
      user: meta.user,
    });
    const found = new Set(result.records[0]?.get('found') as string[]);
    created = Number(result.records[0]?.get('created') ?? 0);
    missing = fresh.length - created - found.size;
    if (found.size > 0) rows = [...rows, ...freshRows.filter((row) => found.has(row.id))];
  }
  if (rows.length === 0) return { ...emptyCounts(), created, missing };
  const result = await tx.run(mergeLinksCypher(type, ends.source, ends.target), params(rows, meta, now));
  const counts = readCounts(result.records[0] as never, type, rows, rows.length);
  if (counts.conflicts.length > 0) {
    const items = conflictItems(counts.conflicts, rows, now);
    await tx.run(appendLinkConflictsCypher(type, ends.source), { items });
  }
  return { ...counts, created: counts.created + created, missing: counts.missing + missing };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** MERGEs entities of one label on id, in batches; each row holds `id` and validated properties. */
export async function writeEntities(
  store: Store,
  label: EntityLabel,
  rows: readonly Record<string, unknown>[],
  meta: WriteMeta,
): Promise<WriteCounts> {
  const total = emptyCounts();
  for (const batch of chunks(rows, WRITE_BATCH_SIZE)) {
    const counts = await withCreateFallback((createNew) =>
      runWrite(store, (tx) => writeEntityBatch(tx, label, batch, meta, createNew)),
    );
    addCounts(total, counts);
  }
  return total;
}

/**
 * MERGEs links of one type on id, in batches; each row holds `id`, `source`, `target` and properties.
 * The ends' labels are looked up first (or taken from `labels`), then matched per label through the id
 * constraints; a row whose end does not exist is counted as missing and not written.
 */
export async function writeLinks(
  store: Store,
  type: LinkType,
  rows: readonly Record<string, unknown>[],
  meta: WriteMeta & { labels?: ReadonlyMap<string, EntityLabel> },
): Promise<WriteCounts> {
  const total = emptyCounts();
  for (const batch of chunks(rows, WRITE_BATCH_SIZE)) {
    const ids = batch.flatMap((row) => [String(row.source), String(row.target)]);
    const unknown = meta.labels ? ids.filter((id) => !meta.labels?.has(id)) : ids;
    const found = await lookupEntityLabels(store, unknown);
    const labelOf = (id: string) => meta.labels?.get(id) ?? found.get(id);
    const groups = new Map<
      string,
      { ends: { source: EntityLabel; target: EntityLabel }; rows: typeof batch }
    >();
    for (const row of batch) {
      const source = labelOf(String(row.source));
      const target = labelOf(String(row.target));
      if (!source || !target) {
        total.missing++;
        continue;
      }
      const key = `${source}>${target}`;
      const group = groups.get(key) ?? { ends: { source, target }, rows: [] };
      group.rows.push(row);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      addCounts(total, await runWrite(store, (tx) => writeLinkBatch(tx, type, group.ends, group.rows, meta)));
    }
  }
  return total;
}

/** Options of ingestRecords. */
export interface IngestRecordsOptions {
  user?: string | undefined;
  dateFormat?: ValidateOptions['dateFormat'];
  defaults?: RecordDefaults | undefined;
}

/** What ingestRecords did: every problem (and nothing written), or the counts per label and type. */
export type IngestRecordsResult =
  | { ok: false; issues: { index: number; field: string; message: string }[] }
  | { ok: true; entities: Record<string, WriteCounts>; links: Record<string, WriteCounts> };

/**
 * Validates raw records (`{kind, type, ...fields}`, as the demo generator yields them) and, when every
 * one passes and every link's ends exist here or in the database and fit its type, writes them: nodes
 * first, grouped by label, then links. Holds the records in memory: for test data and small loads; files
 * go through the ingest pipeline.
 */
export async function ingestRecords(
  store: Store,
  records: AsyncIterable<object> | Iterable<object>,
  options: IngestRecordsOptions = {},
): Promise<IngestRecordsResult> {
  const issues: { index: number; field: string; message: string }[] = [];
  const entities = new Map<EntityLabel, Record<string, unknown>[]>();
  const links = new Map<LinkType, { index: number; row: Record<string, unknown> }[]>();
  const labels = new Map<string, EntityLabel>();
  let index = 0;
  for await (const raw of records) {
    const result = validateRecord(raw, { dateFormat: options.dateFormat, defaults: options.defaults });
    if (!result.ok) for (const issue of result.issues) issues.push({ index, ...issue });
    else if (result.record.kind === 'entity') {
      const { type, properties } = result.record;
      labels.set(properties.id, type);
      const list = entities.get(type) ?? [];
      list.push(properties);
      entities.set(type, list);
    } else {
      const { type, properties } = result.record;
      const list = links.get(type) ?? [];
      list.push({ index, row: properties });
      links.set(type, list);
    }
    index++;
  }
  const ends = [...links.values()].flat().flatMap(({ row }) => [String(row.source), String(row.target)]);
  for (const [id, label] of await lookupEntityLabels(
    store,
    ends.filter((id) => !labels.has(id)),
  ))
    labels.set(id, label);
  for (const [type, items] of links) {
    for (const { index: at, row } of items) {
      for (const end of ['source', 'target'] as const) {
        if (!labels.has(String(row[end])))
          issues.push({ index: at, field: end, message: `no entity has id ${JSON.stringify(row[end])}` });
      }
      const source = labels.get(String(row.source));
      const target = labels.get(String(row.target));
      const problem = source && target ? checkLinkEndpoints(type, source, target) : undefined;
      if (problem) issues.push({ index: at, field: 'type', message: problem });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const meta: WriteMeta = { user: options.user ?? 'ariadne' };
  const entityCounts: Record<string, WriteCounts> = {};
  const linkCounts: Record<string, WriteCounts> = {};
  for (const [label, rows] of entities) entityCounts[label] = await writeEntities(store, label, rows, meta);
  for (const [type, items] of links) {
    const rows = items.map((item) => item.row);
    linkCounts[type] = await writeLinks(store, type, rows, { ...meta, labels });
  }
  return { ok: true, entities: entityCounts, links: linkCounts };
}
