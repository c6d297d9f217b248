/**
 * Reads for checking an upload against its author's clearance: which of the ids a file names belong
 * to records that exist but the author may not see, so an import through the API can neither change
 * such a record nor link to it.
 */
import type { Clearance } from '../auth/context.ts';
import type { Store } from './store.ts';
import { matchById, visibilityParams, visible } from './visibility.ts';

const BATCH = 5_000;

/** The ids among `ids` of existing records the caller may not see. */
export async function findHiddenIds(
  store: Store,
  clearance: Clearance,
  ids: readonly string[],
): Promise<Set<string>> {
  const hidden = new Set<string>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const result = await store.read<{ id: string }>(
      `UNWIND $ids AS key ${matchById('n', 'key')} WITH key, n WHERE NOT ${visible('n')} RETURN key AS id`,
      { ids: ids.slice(i, i + BATCH), ...visibilityParams(clearance) },
    );
    for (const record of result.records) hidden.add(record.get('id'));
  }
  return hidden;
}
