/**
 * Clearance partitions. A write under a user's clearance that names an id means the record the user
 * can see under that id; when they can see none, it means their partition's own record, stored as
 * `<id>~<partition>` (for example `p1~H0H1@NCA`). The rule never asks whether an invisible record
 * holds the id, so a write does, reports and answers the same whether or not one does, and never
 * touches it; someone who may see both records sees two twins with the same id before the `~`.
 * The operator at the command line sees everything and writes ids as given.
 */
import type { Clearance } from '../schema/clearance.ts';
import { HANDLING_CODES } from '../schema/model.ts';
import type { ManagedTransaction } from 'neo4j-driver';
import { visibilityParams, visible } from './visibility.ts';

/** The character that joins an id to its partition; refused in ids sent through the API. */
export const PARTITION_MARK = '~';

/** The partition's tag for a clearance: its handling codes and agency (`H0H1@NCA`). */
export function partitionTag(clearance: Clearance): string {
  const codes = [...clearance.handling].sort().join('');
  return clearance.agency === null ? codes : `${codes}@${clearance.agency}`;
}

/** Whether a clearance sees every record, so that its writes need no partition. */
export function seesEverything(clearance: Clearance): boolean {
  return clearance.unrestricted === true && HANDLING_CODES.every((code) => clearance.handling.includes(code));
}

/** The tag of the partition a writer's records go into; none for a clearance that sees everything. */
export function writerPartition(clearance: Clearance | undefined): string | undefined {
  return clearance === undefined || seesEverything(clearance) ? undefined : partitionTag(clearance);
}

/** The partition's own id for an id (the id itself for a clearance that sees everything). */
export function ownId(clearance: Clearance, id: string): string {
  if (seesEverything(clearance)) return id;
  const suffix = `${PARTITION_MARK}${partitionTag(clearance)}`;
  return id.endsWith(suffix) ? id : `${id}${suffix}`;
}

/**
 * The Source ids an edit cites, each as the Source the caller may see under that id, or else their
 * partition's own; ids in `kept` (what the caller was shown of the record's sources) stay as they are.
 */
export async function partitionSources(
  tx: ManagedTransaction,
  clearance: Clearance,
  sources: unknown,
  kept: readonly string[] = [],
): Promise<string[]> {
  if (!Array.isArray(sources) || sources.length === 0) return [];
  const ids = sources.map(String);
  const result = await tx.run(
    `MATCH (x:Source) WHERE x.id IN $ids AND ${visible('x')} RETURN collect(x.id) AS ids`,
    { ...visibilityParams(clearance), ids },
  );
  const seen = new Set<string>([...(result.records[0]?.get('ids') ?? []), ...kept]);
  return [...new Set(ids.map((id) => (seen.has(id) ? id : ownId(clearance, id))))];
}
