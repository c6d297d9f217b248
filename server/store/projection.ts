/**
 * The projection: the part of the graph a caller may see and asked for, read from Neo4j into a
 * graphology multi graph for the analyses (analysis/types.ts). Clearance and scope are enforced
 * inside the Cypher, so an invisible record is never read, counted or walked through. All in one
 * read transaction, the nodes are read first, a page at a time per label (keyset paging on the id
 * index), each row a plain list of values; then the same pages again for each node's outgoing links,
 * which go into the graph as they come (projection-build.ts).
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Clearance } from '../auth/context.ts';
import type { EntityLabel } from '../schema/model.ts';
import { GraphBuilder, type LinkRow, type ProjectedGraph } from './projection-build.ts';
import {
  expandCypher,
  filterParams,
  nodePageCypher,
  nodesByIdCypher,
  type ProjectionFilter,
  type RowKind,
  seedsCypher,
} from './projection-cypher.ts';
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
}

const DEFAULT_PAGE = 10_000;

type Row = { get(key: string): unknown };

/** Projects the visible part of the graph in scope into a graphology MultiDirectedGraph. */
export async function projectGraph(
  store: Store,
  scope: ProjectionScope,
  clearance: Clearance,
  options: ProjectionOptions = {},
): Promise<ProjectedGraph> {
  const filter = resolveScope(scope);
  const session = store.driver.session({ database: store.database, defaultAccessMode: neo4j.session.READ });
  try {
    // A retried transaction starts from an empty graph, so a retry never doubles anything.
    return await session.executeRead(async (tx) => {
      const build = new GraphBuilder();
      const read = new Reader(tx, build, filterParams(filter, clearance), options);
      if (filter.around === undefined) {
        for (const label of filter.labels) await read.pages(label, filter, 'values');
        build.startLinks();
        for (const label of filter.labels) await read.pages(label, filter, 'links');
      } else {
        const ball = await neighbourhood(tx, filter, read.params, filter.around, filter.hops);
        for (const [label, ids] of ball) await read.byIds(label, filter, ids, 'values');
        build.startLinks();
        for (const [label, ids] of ball) await read.byIds(label, filter, ids, 'links');
      }
      return build.graph;
    });
  } finally {
    await session.close();
  }
}

class Reader {
  private count = 0;
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly build: GraphBuilder,
    readonly params: Record<string, unknown>,
    private readonly options: ProjectionOptions,
  ) {}

  private get limit(): number {
    return this.options.pageSize ?? DEFAULT_PAGE;
  }

  async pages(label: EntityLabel, filter: ProjectionFilter, kind: RowKind): Promise<void> {
    const cypher = nodePageCypher(label, filter, kind);
    const page = (after: string) =>
      this.tx.run(cypher, { ...this.params, after, limit: neo4j.int(this.limit) });
    let next = page('');
    for (;;) {
      const { records } = await next;
      const full = records.length === this.limit;
      // The next page is asked for before this one goes into the graph, so that Neo4j reads it
      // while the graph is built: the two took turns before, each idle half the time.
      if (full) {
        next = page(records[records.length - 1]?.get('id') as string);
        // Awaited on the next turn; marked handled now in case building this page throws first.
        next.catch(() => undefined);
      }
      this.take(label, kind, records);
      if (!full) return;
    }
  }

  async byIds(label: EntityLabel, filter: ProjectionFilter, ids: string[], kind: RowKind): Promise<void> {
    const cypher = nodesByIdCypher(label, filter, kind);
    for (let i = 0; i < ids.length; i += this.limit) {
      const result = await this.tx.run(cypher, { ...this.params, ids: ids.slice(i, i + this.limit) });
      this.take(label, kind, result.records);
    }
  }

  private take(label: EntityLabel, kind: RowKind, records: readonly Row[]): void {
    if (kind === 'links') {
      for (const record of records)
        this.build.addLinks(record.get('id') as string, record.get('links') as LinkRow[]);
      return;
    }
    for (const record of records)
      this.build.addNode(label, record.get('id') as string, record.get('values') as unknown[]);
    this.count += records.length;
    this.options.onProgress?.(this.count);
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
  const byLabel = new Map<EntityLabel, string[]>();
  for (const [id, label] of seen) pushTo(byLabel, label, id);
  return byLabel;
}

function pushTo(map: Map<EntityLabel, string[]>, label: EntityLabel, id: string): void {
  const list = map.get(label);
  if (list) list.push(id);
  else map.set(label, [id]);
}
