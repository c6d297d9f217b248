/**
 * The projection: the part of the graph a caller may see and asked for, read from Neo4j into a
 * graphology multi graph for the analyses (analysis/types.ts). Clearance and scope are enforced
 * inside the Cypher, so an invisible record is never read, counted or walked through. Nodes are read
 * a page at a time per label (keyset paging on the id index), each row a plain list of values with
 * the node's outgoing links, all in one read transaction; links are added once every node is in.
 */
import { MultiDirectedGraph } from 'graphology';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { EntityAttributes, LinkAttributes } from '../../analysis/types.ts';
import type { Clearance } from '../auth/context.ts';
import type { EntityLabel } from '../schema/model.ts';
import {
  expandCypher,
  filterParams,
  nodePageCypher,
  nodesByIdCypher,
  type ProjectionFilter,
  seedsCypher,
} from './projection-cypher.ts';
import { ENTITY_ATTRIBUTE_KEYS, LINK_ATTRIBUTE_KEYS, zipAttributes } from './projection-keys.ts';
import { type ProjectionScope, resolveScope } from './projection-scope.ts';
import type { Store } from './store.ts';

export { type ProjectionScope, ScopeError } from './projection-scope.ts';

/** The projected graph. */
export type ProjectedGraph = MultiDirectedGraph<EntityAttributes, LinkAttributes>;

/** Options of projectGraph. */
export interface ProjectionOptions {
  /** Nodes per page (default 10,000). */
  pageSize?: number;
  /** Called after each page with the nodes read so far. */
  onProgress?: (nodes: number) => void;
}

const DEFAULT_PAGE = 10_000;

type LinkRow = unknown[];
type Pending = { source: string; rows: LinkRow[] }[];

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
      const graph: ProjectedGraph = new MultiDirectedGraph<EntityAttributes, LinkAttributes>();
      const params = filterParams(filter, clearance);
      const pending: Pending = [];
      const read = new Reader(tx, graph, pending, params, options);
      if (filter.around === undefined) {
        for (const label of filter.labels) await read.pages(label, filter);
      } else {
        const ball = await neighbourhood(tx, filter, params, filter.around, filter.hops);
        for (const [label, ids] of ball) await read.byIds(label, filter, ids);
      }
      addLinks(graph, pending);
      return graph;
    });
  } finally {
    await session.close();
  }
}

class Reader {
  private count = 0;
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly graph: ProjectedGraph,
    private readonly pending: Pending,
    private readonly params: Record<string, unknown>,
    private readonly options: ProjectionOptions,
  ) {}

  private get limit(): number {
    return this.options.pageSize ?? DEFAULT_PAGE;
  }

  async pages(label: EntityLabel, filter: ProjectionFilter): Promise<void> {
    const cypher = nodePageCypher(label, filter);
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
      this.take(label, records);
      if (!full) return;
    }
  }

  async byIds(label: EntityLabel, filter: ProjectionFilter, ids: string[]): Promise<void> {
    const cypher = nodesByIdCypher(label, filter);
    for (let i = 0; i < ids.length; i += this.limit) {
      const result = await this.tx.run(cypher, { ...this.params, ids: ids.slice(i, i + this.limit) });
      this.take(label, result.records);
    }
  }

  private take(label: EntityLabel, records: { get(key: string): unknown }[]): void {
    const keys = ENTITY_ATTRIBUTE_KEYS[label];
    const fresh: Pending = [];
    for (const record of records) {
      const id = record.get('id') as string;
      const attributes = zipAttributes(keys, record.get('values') as unknown[]);
      this.graph.addNode(id, { ...attributes, entityType: label } as EntityAttributes);
      const links = record.get('links') as LinkRow[];
      if (links.length > 0) fresh.push({ source: id, rows: links });
    }
    // Links whose far end is already in go in now, so that their rows are not held to the end.
    for (const waiting of addLinks(this.graph, fresh, false)) this.pending.push(waiting);
    this.count += records.length;
    this.options.onProgress?.(this.count);
  }
}

// Rows are [id, type, target, ...LINK_ATTRIBUTE_KEYS values]. Adds the links whose far end is in
// the graph and returns the others; at the end (`final`), a link whose far end is out of the
// projection (invisible, another case, beyond the neighbourhood) is dropped. Attributes are filled
// in place and link ids are the keys: measured faster at a million links than copies or
// graphology's generated keys.
function addLinks(graph: ProjectedGraph, pending: Pending, final = true): Pending {
  const keys = LINK_ATTRIBUTE_KEYS;
  const waiting: Pending = [];
  for (const { source, rows } of pending) {
    const later: LinkRow[] = [];
    for (const row of rows) {
      const target = row[2] as string;
      if (!graph.hasNode(target)) {
        if (!final) later.push(row);
        continue;
      }
      const attributes = { linkType: row[1] as string, weight: 1 } as LinkAttributes;
      for (let k = 0; k < keys.length; k++) {
        const value = row[k + 3];
        if (value !== null && value !== undefined) attributes[keys[k] as string] = value;
      }
      addKeyedEdge(graph, row[0], source, target, attributes);
    }
    if (later.length > 0) waiting.push({ source, rows: later });
  }
  return waiting;
}

// The link id is the edge key; a link without one, or (never in a sound store) with a key already
// taken, gets a generated key. Trying first beats asking hasEdge: that lookup cost 2 s a million links.
function addKeyedEdge(
  graph: ProjectedGraph,
  key: unknown,
  source: string,
  target: string,
  attributes: LinkAttributes,
): void {
  if (typeof key === 'string') {
    try {
      graph.addEdgeWithKey(key, source, target, attributes);
      return;
    } catch (error) {
      if (!graph.hasEdge(key)) throw error;
    }
  }
  graph.addEdge(source, target, attributes);
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
