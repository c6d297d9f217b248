/**
 * The `nameKeys` property: the phonetic codes of an entity's names (analysis/core/name-key.ts), held on
 * the node so that the full-text index finds "Anwar" when "Anouar" is searched. One place writes it:
 * after every write of entities (import, create, edit) the written ids are read back and their keys
 * set, in the same transaction; at start, entities written before keys existed are back-filled,
 * and name watches are filed under the keys of their names.
 * The keys are derived data: never taken from input, never shown, never exported.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { searchKeys } from '../../analysis/core/name-key.ts';
import { ENTITY_LABELS, type EntityLabel } from '../schema/model.ts';
import { quoteLabel } from './ingest-cypher.ts';
import type { Store } from './store.ts';
import { nameWatchKey } from './watch-keys.ts';

/** The property that holds the keys. */
export const NAME_KEYS = 'nameKeys';

/** The properties whose text the keys are made of. */
export const NAMED_PROPERTIES = ['name', 'aliases', 'holderName'] as const;

interface NamedRow {
  id: string;
  name: unknown;
  aliases: unknown;
  holderName: unknown;
}

function namesOf(row: NamedRow): string[] {
  const list = [row.name, ...(Array.isArray(row.aliases) ? row.aliases : [row.aliases]), row.holderName];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

/** The keys of each row's names. */
export function keyRows(rows: readonly NamedRow[]): { id: string; keys: string[] }[] {
  return rows.map((row) => ({ id: row.id, keys: searchKeys(namesOf(row)) }));
}

const READ = (label: EntityLabel) => `UNWIND $ids AS id
MATCH (n:${quoteLabel(label)} {id: id})
RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.holderName AS holderName`;

const WRITE = (label: EntityLabel) => `UNWIND $rows AS row
MATCH (n:${quoteLabel(label)} {id: row.id})
SET n.${NAME_KEYS} = row.keys`;

/** Sets the name keys of the given entities of one label, inside the caller's transaction. */
export async function refreshNameKeys(
  tx: ManagedTransaction,
  label: EntityLabel,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const read = await tx.run(READ(label), { ids: [...ids] });
  const rows = read.records.map((record) => record.toObject() as NamedRow);
  await tx.run(WRITE(label), { rows: keyRows(rows) });
}

const BACKFILL_BATCH = 2_000;

/**
 * Gives name keys to entities that have none (written before keys existed), a batch at a time.
 * Returns how many were keyed. An entity without names is given an empty list, so it is read once.
 */
export async function backfillNameKeys(store: Store): Promise<number> {
  let keyed = 0;
  for (const label of ENTITY_LABELS) {
    for (;;) {
      const found = await store.read(
        `MATCH (n:${quoteLabel(label)}) WHERE n.${NAME_KEYS} IS NULL
RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.holderName AS holderName
LIMIT toInteger($batch)`,
        { batch: BACKFILL_BATCH },
      );
      if (found.records.length === 0) break;
      const rows = found.records.map((record) => record.toObject() as NamedRow);
      await store.write(WRITE(label), { rows: keyRows(rows) });
      keyed += rows.length;
      if (rows.length < BACKFILL_BATCH) break;
    }
  }
  return keyed;
}

/**
 * Files every name watch under the name keys of its names as well (a watch made before name keys
 * was filed under its folded text, which changed records no longer carry). Idempotent.
 */
export async function refileNameWatches(store: Store): Promise<number> {
  const found = await store.read(
    `MATCH (w:Watch {kind: 'identifier'}) WHERE w.parameters CONTAINS '"scheme":"name"'
RETURN w.id AS id, w.parameters AS parameters`,
  );
  const rows = found.records.flatMap((record) => {
    const parameters = JSON.parse(String(record.get('parameters'))) as {
      value?: unknown;
      transliterations?: unknown;
    };
    const names = [
      parameters.value,
      ...(Array.isArray(parameters.transliterations) ? parameters.transliterations : []),
    ];
    const keys = names.filter((n): n is string => typeof n === 'string').map(nameWatchKey);
    return keys.length === 0 ? [] : [{ id: String(record.get('id')), keys: [...new Set(keys)] }];
  });
  if (rows.length === 0) return 0;
  await store.write(
    `UNWIND $rows AS row
MATCH (w:Watch {id: row.id})
UNWIND row.keys AS key
MERGE (k:WatchKey {id: key})
MERGE (k)-[:KEY_OF]->(w)`,
    { rows },
  );
  return rows.length;
}
