/**
 * Fetching the data a load stands for. A view reopened from a link can start its fetches before the
 * workspace and the renderer are built (`prefetchLoads`), so the network and the server's work
 * overlap with the page's own start.
 */
import { fetchNeighbourhood, fetchPaths } from '../api/client.ts';
import type { SerializedGraph } from '../api/types.ts';
import { getJson, queryString } from '../lib/http.ts';
import { type Load, loadKey } from './view-state.ts';

/** Fetches started early, by load key, until taken. */
const early = new Map<string, Promise<SerializedGraph>>();

/** Starts fetching loads now; `takeLoad` hands each over once. */
export function prefetchLoads(loads: readonly Load[]): void {
  for (const load of loads) {
    const key = loadKey(load);
    if (early.has(key)) continue;
    const fetching = fetchLoad(load);
    // A failure is reported to whoever takes the load, not as an unhandled rejection meanwhile.
    fetching.catch(() => undefined);
    early.set(key, fetching);
  }
}

/** Drops the early fetches (they were started before the session was known, and there is none). */
export function forgetPrefetched(): void {
  early.clear();
}

/** The served subgraph of a load: the early fetch if one was started, else a new one. */
export function takeLoad(load: Load): Promise<SerializedGraph> {
  const key = loadKey(load);
  const fetching = early.get(key);
  if (!fetching) return fetchLoad(load);
  early.delete(key);
  return fetching;
}

/** The served subgraph of a load. */
export function fetchLoad(load: Load): Promise<SerializedGraph> {
  switch (load.kind) {
    case 'neighbourhood':
      return fetchNeighbourhood(load.id, {
        depth: load.depth,
        limit: load.limit,
        ...(load.types?.length ? { type: load.types } : {}),
      });
    case 'paths':
      return fetchPaths(load.from, load.to, { all: load.all, maxHops: 4 });
    case 'case':
      return getJson<SerializedGraph>(`/api/web/graph${queryString({ case: load.caseId })}`);
  }
}
