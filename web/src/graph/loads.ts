/**
 * Fetching the data a load stands for. A view reopened from a link can start its fetches before the
 * workspace and the renderer are built (`prefetchLoads`), a grouped view's syndicates among them, so
 * the network and the server's work overlap with the page's own start.
 */
import { fetchNeighbourhood, fetchPaths } from '../api/client.ts';
import type { SerializedGraph } from '../api/types.ts';
import { queryString } from '../lib/http.ts';
import { getJsonOffThread } from '../lib/off-thread.ts';
import { fetchSyndicates, type Syndicates } from './syndicates.ts';
import { groupsAnything, type Load, loadKey, type ViewState } from './view-state.ts';

type CaseLoad = Extract<Load, { kind: 'case' }>;

/** Fetches started early, by load key, until taken. */
const early = new Map<string, Promise<SerializedGraph>>();
/** A case's syndicates asked for early, by load key, until taken. */
const earlySyndicates = new Map<string, Promise<Syndicates>>();

/**
 * Starts fetching a view's loads now, and for a grouped view its cases' syndicates, which its first
 * frame is drawn from (GraphView.drawAhead); `takeLoad` and `takeSyndicates` hand each over once.
 */
export function prefetchLoads(view: Pick<ViewState, 'loads' | 'grouping'>): void {
  for (const load of view.loads) {
    const key = loadKey(load);
    if (early.has(key)) continue;
    // A failure is reported to whoever takes the load, not as an unhandled rejection meanwhile.
    early.set(key, quiet(fetchLoad(load)));
    if (load.kind === 'case' && groupsAnything(view.grouping))
      earlySyndicates.set(key, quiet(fetchSyndicates(load.caseId)));
  }
}

/** The promise, with its failure left to whoever awaits it. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Drops the early fetches (they were started before the session was known, and there is none). */
export function forgetPrefetched(): void {
  early.clear();
  earlySyndicates.clear();
}

/** A case's syndicates (its communities run): the early ones if asked for, else asked for now. */
export function takeSyndicates(load: CaseLoad): Promise<Syndicates> {
  const key = loadKey(load);
  const asked = earlySyndicates.get(key);
  if (!asked) return fetchSyndicates(load.caseId);
  earlySyndicates.delete(key);
  return asked;
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
      // A case's graph may be tens of megabytes: its bytes are read as they come, whatever the page does.
      return getJsonOffThread<SerializedGraph>(`/api/web/graph${queryString({ case: load.caseId })}`);
  }
}
