/**
 * Rows new to the database are CREATEd rather than MERGEd and compared: a batch looks up which of its
 * ids its label holds (one index seek each), and CREATEs the others with every property a MERGE would
 * give them, name keys included. The id constraint still guards: when another writer creates one of
 * those ids between the look-up and the commit, the transaction is refused and the batch runs again
 * with every row MERGEd.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { EntityLabel } from '../schema/model.ts';
import { createNodesCypher, existingIdsCypher } from './ingest-cypher.ts';
import { type Row, storedProperties } from './ingest-rows.ts';

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
// included), without comparing: there is nothing to compare with. The look-up costs one index seek
// a row and spares the MERGE's locking seek, the comparison, and the read-back of the name keys.
// Returns the rows the database held (to be MERGEd and compared) and the ids it created.
export async function createNewRows(
  tx: ManagedTransaction,
  label: EntityLabel,
  rows: Row[],
  meta: { user: string },
  now: string,
): Promise<{ stored: Row[]; createdIds: string[] }> {
  const found = await tx.run(existingIdsCypher(label), { ids: rows.map((row) => row.id) });
  const existing = new Set(found.records[0]?.get('ids') as string[]);
  const fresh = rows.filter((row) => !existing.has(row.id));
  if (fresh.length > 0)
    await tx.run(createNodesCypher(label), {
      rows: fresh.map((row) => storedProperties(row, { user: meta.user, now })),
    });
  return { stored: rows.filter((row) => existing.has(row.id)), createdIds: fresh.map((row) => row.id) };
}
