/**
 * Reads for an import made under a user's clearance: which of the ids a file names belong to records
 * the user may see, and which link ids exist, visibly, between given ends. Everything else is treated
 * as free, so an import's answer never depends on records beyond its author's clearance.
 */
import type { Clearance } from '../schema/clearance.ts';
import type { EntityLabel, LinkType } from '../schema/model.ts';
import { quoteType } from './ingest-cypher.ts';
import type { Store } from './store.ts';
import { LABEL_PARAMS, labelOf, matchById, quoteLabel, visibilityParams, visible } from './visibility.ts';

const BATCH = 5_000;

/** The entity label of each id among `ids` whose record exists and the caller may see. */
export async function findVisibleLabels(
  store: Store,
  clearance: Clearance,
  ids: readonly string[],
): Promise<Map<string, EntityLabel>> {
  const labels = new Map<string, EntityLabel>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += BATCH) {
    const result = await store.read<{ id: string; label: EntityLabel }>(
      `UNWIND $ids AS key ${matchById('n', 'key')} WITH key, n WHERE ${visible('n')}
RETURN key AS id, ${labelOf('n')} AS label`,
      { ids: unique.slice(i, i + BATCH), ...visibilityParams(clearance), ...LABEL_PARAMS },
    );
    for (const record of result.records) labels.set(record.get('id'), record.get('label'));
  }
  return labels;
}

/** A link an import would write, with its ends' stored ids. */
export interface LinkProbe {
  id: string;
  source: string;
  target: string;
}

/** The key `findVisibleLinkIds` answers with: a link's id and its ends. */
export function linkKey(id: string, source: string, target: string): string {
  return JSON.stringify([id, source, target]);
}

/** The keys (`linkKey`) of the links among `links` that exist between those ends and the caller may see. */
export async function findVisibleLinkIds(
  store: Store,
  clearance: Clearance,
  type: LinkType,
  ends: { source: EntityLabel; target: EntityLabel },
  links: readonly LinkProbe[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < links.length; i += BATCH) {
    const result = await store.read<LinkProbe>(
      `UNWIND $links AS row
MATCH (a:${quoteLabel(ends.source)} {id: row.source})-[r:${quoteType(type)} {id: row.id}]->(b:${quoteLabel(ends.target)} {id: row.target})
WHERE ${visible('r')} AND ${visible('a')} AND ${visible('b')}
RETURN DISTINCT row.id AS id, row.source AS source, row.target AS target`,
      { links: links.slice(i, i + BATCH), ...visibilityParams(clearance) },
    );
    for (const record of result.records)
      found.add(linkKey(record.get('id'), record.get('source'), record.get('target')));
  }
  return found;
}
