/**
 * What an import changed, read back from its checked spools once it has committed: the nodes and
 * links it wrote, chunk by chunk, under the ids they were stored with (an import under a user's clearance maps them
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

/** Records per chunk: what one round of matching holds in memory, whatever the import's size. */
const CHUNK = 20_000;

/**
 * The records an import wrote, read from its spools, in chunks of at most `size` nodes and links:
 * every alert is about one node or one link (and what it names), so matching chunk by chunk raises
 * the same alerts as matching the whole import at once, with memory bounded by the chunk.
 */
export async function* changedRecordChunks(
  store: Store,
  spools: { entities: Group[]; patches: Group[]; links: Group[] },
  partition: IdPartition | undefined,
  size = CHUNK,
): AsyncGenerator<ChangedRecords> {
  let nodes: { id: string; label: EntityLabel }[] = [];
  let links: ChangedRecords['links'] = [];
  const flush = async (): Promise<ChangedRecords> => {
    const ids = [...nodes.map((n) => n.id), ...links.flatMap((l) => [l.source, l.target])];
    await partition?.prefetch(ids);
    const map = (id: string) => (partition ? partition.storedId(id) : id);
    const mapped = links.map((l) => ({ ...l, source: map(l.source), target: map(l.target) }));
    const chunk = {
      nodes: nodes.map((n) => ({ id: map(n.id), label: n.label })),
      links: partition ? await resolveLinkIds(store, mapped, (id) => partition.own(id)) : mapped,
    };
    nodes = [];
    links = [];
    return chunk;
  };
  for (const group of [...spools.entities, ...spools.patches])
    for await (const properties of readSpool<Record<string, unknown>>(group.path)) {
      nodes.push({ id: String(properties.id), label: group.key as EntityLabel });
      if (nodes.length >= size) yield await flush();
    }
  for (const group of spools.links) {
    const { type, source, target } = parseLinkGroupKey(group.key);
    for await (const p of readSpool<Record<string, unknown>>(group.path)) {
      links.push({
        id: String(p.id),
        type,
        source: String(p.source),
        target: String(p.target),
        sourceLabel: source,
        targetLabel: target,
      });
      if (nodes.length + links.length >= size) yield await flush();
    }
  }
  if (nodes.length + links.length > 0) yield await flush();
}
