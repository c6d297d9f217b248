/**
 * Sessions for the ingest: managed write transactions whose lost connections become
 * StoreUnavailableError, and the batched look-up of the labels of existing entity ids.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { EntityLabel } from '../schema/model.ts';
import { lookupLabelsCypher } from './ingest-cypher.ts';
import { isConnectionFailure, retried, type Store, StoreUnavailableError, unavailable } from './store.ts';

/** Ids per look-up query. */
const LOOKUP_BATCH = 5_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Runs a unit of work in a managed write transaction; a lost connection becomes StoreUnavailableError.
 * `retryMs` keeps trying a write whose server went away for that long beyond the driver's own retries
 * (3 s): an import's batch rides out a reset connection, where an API request answers 503 in time.
 */
export async function runWrite<T>(
  store: Store,
  work: (tx: ManagedTransaction) => Promise<T>,
  retryMs = 0,
): Promise<T> {
  try {
    return await retried(() => writeOnce(store, work), retryMs);
  } catch (error) {
    throw toStoreError(store, error);
  }
}

async function writeOnce<T>(store: Store, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = store.driver.session({ database: store.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(work);
  } finally {
    await session.close().catch(() => {});
  }
}

/** Tells a lost or refused connection (StoreUnavailableError) from other failures, which pass unchanged. */
export function toStoreError(store: Store, error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  if (isConnectionFailure(error)) return unavailable(store.uri, error);
  return error;
}

/** The entity label of each id that exists in the database (ids not found are absent from the map). */
export async function lookupEntityLabels(
  store: Store,
  ids: readonly string[],
): Promise<Map<string, EntityLabel>> {
  const labels = new Map<string, EntityLabel>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return labels;
  for (const batch of chunks(unique, LOOKUP_BATCH)) {
    let result: Awaited<ReturnType<Store['read']>>;
    try {
      result = await store.read(lookupLabelsCypher(), { ids: batch });
    } catch (error) {
      throw toStoreError(store, error);
    }
    for (const record of result.records)
      labels.set(record.get('id') as string, record.get('label') as EntityLabel);
  }
  return labels;
}
