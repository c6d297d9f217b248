/**
 * What an import changed, read back from its checked spools once it has committed: the nodes and
 * links it wrote, under the ids they were stored with (an import under a user's clearance maps them
 * into its partition). The alert matcher reads these records and a hop around them, nothing more.
 */
import type { EntityLabel } from '../schema/model.ts';
import type { ChangedRecords } from '../store/alert-match.ts';
import { resolveLinkIds } from '../store/alert-match.ts';
import type { Store } from '../store/store.ts';
import { parseLinkGroupKey } from './check-pass.ts';
import type { IdPartition } from './partition.ts';
import { readSpool } from './spool.ts';

/** One spool group: its key (a label, or a link type with its ends' labels) and its file. */
type Group = { key: string; path: string };

/** The records an import wrote, read from its spools. */
export async function changedRecords(
  store: Store,
  spools: { entities: Group[]; patches: Group[]; links: Group[] },
  partition: IdPartition | undefined,
): Promise<ChangedRecords> {
  const stored = async (ids: string[]) => {
    await partition?.prefetch(ids);
    return (id: string) => (partition ? partition.storedId(id) : id);
  };
  const raw: { id: string; label: EntityLabel }[] = [];
  for (const group of [...spools.entities, ...spools.patches])
    for await (const properties of readSpool<Record<string, unknown>>(group.path))
      raw.push({ id: String(properties.id), label: group.key as EntityLabel });
  const links: ChangedRecords['links'] = [];
  for (const group of spools.links) {
    const { type, source, target } = parseLinkGroupKey(group.key);
    for await (const p of readSpool<Record<string, unknown>>(group.path))
      links.push({
        id: String(p.id),
        type,
        source: String(p.source),
        target: String(p.target),
        sourceLabel: source,
        targetLabel: target,
      });
  }
  const map = await stored([...raw.map((n) => n.id), ...links.flatMap((l) => [l.source, l.target])]);
  const nodes = raw.map((n) => ({ id: map(n.id), label: n.label }));
  const mapped = links.map((l) => ({ ...l, source: map(l.source), target: map(l.target) }));
  return {
    nodes,
    links: partition ? await resolveLinkIds(store, mapped, (id) => partition.own(id)) : mapped,
  };
}
