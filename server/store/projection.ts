/**
 * The projection: the part of the graph a caller may see and asked for, read from Neo4j into a
 * graphology multi graph for the analyses (analysis/core/types.ts). Clearance and scope are enforced
 * inside the Cypher, so an invisible record is never read, counted or walked through. All in one
 * read transaction, the nodes are read first, a page at a time per label, each row a plain list of
 * values; then the outgoing links of the nodes read, by id, which go into the graph as they come
 * (projection-read.ts, projection-build.ts).
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Clearance } from '../schema/clearance.ts';
import type { EntityLabel } from '../schema/model.ts';
import { GraphBuilder, type ProjectedGraph } from './projection-build.ts';
import { expandCypher, filterParams, type ProjectionFilter, seedsCypher } from './projection-cypher.ts';
import { Reader } from './projection-read.ts';
import { type ProjectionScope, resolveScope } from './projection-scope.ts';
import type { Store } from './store.ts';

export type { ProjectedGraph } from './projection-build.ts';
export { type ProjectionScope, ScopeError } from './projection-scope.ts';

/** Options of projectGraph. */
export interface ProjectionOptions {
  /** Nodes per page (default 10,000). */
  pageSize?: number;
  /** Called after each page of nodes with the nodes read so far. */
  onProgress?: (nodes: number) => void;
  /**
   * Most nodes read (in label, then id order): the rest are never read, and the graph's `truncated`
   * attribute says whether any were left out. Unbounded by default.
   */
  maxNodes?: number;
}

const DEFAULT_PAGE = 10_000;
const FETCH_ALL = -1;

/** Projects the visible part of the graph in scope into a graphology MultiDirectedGraph. */
export async function projectGraph(
  store: Store,
  scope: ProjectionScope,
  clearance: Clearance,
  options: ProjectionOptions = {},
): Promise<ProjectedGraph> {
  const filter = resolveScope(scope);
  // The whole result of each query is asked for at once, so that Neo4j reads on while the graph is
  // built; in batches of 1,000 (the driver's default) it waited for each next request.
  const session = store.driver.session({
    database: store.database,
    defaultAccessMode: neo4j.session.READ,
    fetchSize: FETCH_ALL,
  });
  try {
    // A retried transaction starts from an empty graph, so a retry never doubles anything.
    return await session.executeRead(async (tx) => {
      const build = new GraphBuilder();
      const params = filterParams(filter, clearance);
      const read = new Reader(
        tx,
        build,
        params,
        options.pageSize ?? DEFAULT_PAGE,
        options.onProgress,
        options.maxNodes,
      );
      if (filter.around === undefined) {
        for (const label of filter.labels) await read.nodePages(label, filter);
      } else {
        const ball = await neighbourhood(tx, filter, params, filter.around, filter.hops);
        for (const [label, ids] of ball) await read.nodesById(label, filter, ids);
      }
      build.startLinks();
      await read.links(filter);
      build.graph.setAttribute('truncated', read.truncated);
      return build.graph;
    });
  } finally {
    await session.close();
  }
}

// Breadth-first from the seeds through visible, in-scope links and nodes; ids grouped by label.
async function neighbourhood(
  tx: ManagedTransaction,
  filter: ProjectionFilter,
  params: Record<string, unknown>,
  around: string[],
  hops: number,
): Promise<Map<EntityLabel, string[]>> {
  const seen = new Map<string, EntityLabel>();
  let frontier = new Map<EntityLabel, string[]>();
  for (const label of filter.labels) {
    const result = await tx.run(seedsCypher(label, filter), { ...params, ids: around });
    const ids = result.records.map((r) => r.get('id') as string);
    for (const id of ids) seen.set(id, label);
    if (ids.length > 0) frontier.set(label, ids);
  }
  for (let hop = 0; hop < hops && frontier.size > 0; hop++) {
    const next = new Map<EntityLabel, string[]>();
    for (const [label, ids] of frontier) {
      const result = await tx.run(expandCypher(label, filter), { ...params, ids });
      for (const record of result.records) {
        const id = record.get('id') as string;
        const found = record.get('label') as EntityLabel;
        if (seen.has(id)) continue;
        seen.set(id, found);
        pushTo(next, found, id);
      }
    }
    frontier = next;
  }
  // In the filter's label order and by id, as whole-graph pages are: the graph, and so every
  // floating-point sum of the analyses, never depends on the order Neo4j stores records in.
  const byLabel = new Map<EntityLabel, string[]>(filter.labels.map((label) => [label, []]));
  for (const [id, label] of seen) pushTo(byLabel, label, id);
  for (const [label, ids] of byLabel) {
    if (ids.length === 0) byLabel.delete(label);
    else ids.sort(byCodeUnit);
  }
  return byLabel;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function pushTo(map: Map<EntityLabel, string[]>, label: EntityLabel, id: string): void {
  const list = map.get(label);
  if (list) list.push(id);
  else map.set(label, [id]);
}
