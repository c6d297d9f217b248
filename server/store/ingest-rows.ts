/**
 * The rows of the ingest's writes: validated properties split into what Neo4j stores and what the
 * store keeps itself, and the properties a record is given when it is created.
 */
import { type PropertyValue, STORE_FIELDS, type SplitProperties, splitProperties } from './ingest-values.ts';
import { keyRows, NAME_KEYS, NAMED_PROPERTIES } from './name-keys.ts';

/** One record as the write queries take it. */
export type Row = SplitProperties & { id: string; source?: string; target?: string };

/**
 * Kept by the store, never taken from a file: an export carries `version`, and a re-import must not
 * move a record back to an older version that a stale edit could then match; name keys are derived
 * from the names (name-keys.ts).
 */
const STORE_KEPT = ['version', NAME_KEYS] as const;
// What a row's plain properties leave out: the store's fields and those above; for a link, its ends too.
const ENTITY_OMITTED: ReadonlySet<string> = new Set([...STORE_FIELDS, ...STORE_KEPT]);
const LINK_OMITTED: ReadonlySet<string> = new Set([...ENTITY_OMITTED, 'source', 'target']);

/** A batch's rows; an id appears once, later rows adding to earlier ones as a second MERGE would. */
export function toRows(rows: readonly Record<string, unknown>[], link: boolean): Row[] {
  const byId = new Map<string, Row>();
  for (const input of rows) {
    const row: Row = {
      id: String(input.id),
      ...splitProperties(input, link ? LINK_OMITTED : ENTITY_OMITTED),
    };
    if (link) {
      row.source = String(input.source);
      row.target = String(input.target);
    }
    const earlier = byId.get(row.id);
    if (earlier) {
      Object.assign(earlier.props, row.props);
      earlier.sources = [...new Set([...earlier.sources, ...row.sources])];
    } else byId.set(row.id, row);
  }
  return [...byId.values()];
}

/**
 * The properties the write above gives a record it creates (the `created` branch of its Cypher), for
 * the bulk loader, which creates every record of a new database without Cypher: the file's properties,
 * its sources, and the bookkeeping (`createdAt`, `createdBy`, `updatedAt`; `version` only comes with a
 * change). The export round-trip test holds the two equal.
 */
export function createdProperties(
  input: Record<string, unknown>,
  link: boolean,
  meta: { user: string; now: string },
): Record<string, PropertyValue> {
  const [row] = toRows([input], link);
  if (row === undefined) return {};
  return bookkept(row, meta);
}

/** Every property a record is created with: its own, its sources and the bookkeeping (no name keys); the bulk loader's. */
export function bookkept(row: Row, meta: { user: string; now: string }): Record<string, PropertyValue> {
  return {
    ...row.props,
    id: row.id,
    sources: row.sources,
    createdAt: row.createdAt ?? meta.now,
    createdBy: row.createdBy ?? meta.user,
    updatedAt: row.updatedAt ?? meta.now,
  };
}

/**
 * A batch made ready for the write queries ahead of its turn (the write pass prepares the next batch
 * while Neo4j writes the current one): its rows, deduplicated, and for each row the properties it is
 * created with when it is new, name keys included for entities, but for the stamps that the batch's
 * rows share (`createdAt` and `updatedAt` at `now`, `createdBy` the writer): the query sets those, so
 * that each row need not carry them over the wire. Together they are `bookkept`'s properties.
 */
export interface PreparedRows {
  rows: Row[];
  created: Record<string, PropertyValue>[];
  now: string;
}

/** Prepares a batch's rows (see PreparedRows). */
export function prepareRows(
  input: readonly Record<string, unknown>[],
  link: boolean,
  meta: { user: string; now?: string | undefined },
): PreparedRows {
  const now = meta.now ?? new Date().toISOString();
  const rows = toRows(input, link);
  const created = rows.map((row) => {
    const props: Record<string, PropertyValue> = { ...row.props, id: row.id, sources: row.sources };
    if (row.createdAt !== undefined) props.createdAt = row.createdAt;
    if (row.createdBy !== undefined) props.createdBy = row.createdBy;
    if (row.updatedAt !== undefined) props.updatedAt = row.updatedAt;
    const keys = link ? null : nameKeysOf(props);
    if (keys !== null) props[NAME_KEYS] = keys;
    return props;
  });
  return { rows, created, now };
}

/** An entity's name keys (name-keys.ts) from its stored properties; null when it has no name at all. */
export function nameKeysOf(props: Record<string, PropertyValue>): string[] | null {
  if (!NAMED_PROPERTIES.some((key) => key in props)) return null;
  const [keyed] = keyRows([
    { id: String(props.id), name: props.name, aliases: props.aliases, holderName: props.holderName },
  ]);
  return keyed?.keys ?? [];
}
