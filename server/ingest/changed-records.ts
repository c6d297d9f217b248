/**
 * What an import changed, read back from its checked spools once it has committed: the nodes and
 * links it wrote, under the ids they were stored with (an import under a user's clearance maps them
 * into its partition). The alert matcher reads these records and a hop around them, nothing more.
 */
import type { EntityLabel } from '../schema/model.ts';
import type { ChangedRecords } from '../store/alert-match.ts';
import { resolveLinkIds } from '../store/alert-match.ts';
import type { Store } from '../store/store.ts';
import type { CheckedLink, CheckedPatch } from './check-pass.ts';
import type { IdPartition } from './partition.ts';
import { readSpool } from './spool.ts';

/** The records an import wrote, read from its spools. */
export async function changedRecords(
  store: Store,
  spools: { entities: string; patches: string; links: string },
  partition: IdPartition | undefined,
): Promise<ChangedRecords> {
  const stored = async (ids: string[]) => {
    await partition?.prefetch(ids);
    return (id: string) => (partition ? partition.storedId(id) : id);
  };
  const raw: { id: string; label: EntityLabel }[] = [];
  for await (const { type, properties } of readSpool<{
    type: EntityLabel;
    properties: Record<string, unknown>;
  }>(spools.entities))
    raw.push({ id: String(properties.id), label: type });
  for await (const { label, row } of readSpool<CheckedPatch>(spools.patches))
    raw.push({ id: String(row.id), label });
  const links: ChangedRecords['links'] = [];
  for await (const { type, s, t, p } of readSpool<CheckedLink>(spools.links))
    links.push({
      id: String(p.id),
      type,
      source: String(p.source),
      target: String(p.target),
      sourceLabel: s,
      targetLabel: t,
    });
  const map = await stored([...raw.map((n) => n.id), ...links.flatMap((l) => [l.source, l.target])]);
  const nodes = raw.map((n) => ({ id: map(n.id), label: n.label }));
  const mapped = links.map((l) => ({ ...l, source: map(l.source), target: map(l.target) }));
  return {
    nodes,
    links: partition ? await resolveLinkIds(store, mapped, (id) => partition.own(id)) : mapped,
  };
}
