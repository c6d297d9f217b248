/**
 * Rows new to the database are CREATEd rather than MERGEd and compared: one query looks up which of a
 * batch's ids its label holds (a locking index seek each, so another writer's uncommitted CREATE of
 * the same id is waited for and then found), and CREATEs the others with every property a MERGE would
 * give them, name keys included. The id constraint still guards: should a CREATE clash all the same,
 * the transaction is refused and the batch runs again with every row MERGEd.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { EntityLabel } from '../schema/model.ts';
import { createOrFindNodesCypher } from './ingest-cypher.ts';
import type { PreparedRows, Row } from './ingest-rows.ts';

/** Whether a write failed because another writer created one of its new ids meanwhile. */
export function isIdClash(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

/**
 * Runs a batch write that CREATEs the rows new to the database; if another writer created one of
 * them between the look-up and the commit (the id constraint refuses the transaction), runs it again
 * with every row MERGEd and compared, as a row found in the database is.
 */
export async function withCreateFallback<T>(write: (createNew: boolean) => Promise<T>): Promise<T> {
  try {
    return await write(true);
  } catch (error) {
    if (!isIdClash(error)) throw error;
    return write(false);
  }
}

// A row the database did not hold is CREATEd with everything a MERGE would give it (name keys
// included), without comparing: there is nothing to compare with. The look-up, in the same query,
// costs one index seek a row and spares the MERGE's locking seek, the comparison, and the read-back
// of the name keys. Returns the rows the database held (to be MERGEd and compared) and the ids it
// created.
export async function createNewRows(
  tx: ManagedTransaction,
  label: EntityLabel,
  prepared: PreparedRows,
  meta: { user: string },
): Promise<{ stored: Row[]; createdIds: string[] }> {
  const { rows, created, now } = prepared;
  const result = await tx.run(createOrFindNodesCypher(label), { rows: created, now, user: meta.user });
  const existing = new Set(result.records[0]?.get('found') as string[]);
  if (existing.size === 0) return { stored: [], createdIds: rows.map((row) => row.id) };
  return {
    stored: rows.filter((row) => existing.has(row.id)),
    createdIds: rows.filter((row) => !existing.has(row.id)).map((row) => row.id),
  };
}
