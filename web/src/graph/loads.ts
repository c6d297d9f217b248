/** Fetching the data a load stands for. */
import { fetchNeighbourhood, fetchPaths } from '../api/client.ts';
import type { SerializedGraph } from '../api/types.ts';
import { getJson, queryString } from '../lib/http.ts';
import type { Load } from './view-state.ts';

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
