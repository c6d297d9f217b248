/**
 * Building the projected graph from the rows the projection reads: every node first, then the links,
 * so that a link goes in as soon as it is read (or is dropped when its far end is out of the
 * projection) and no row is held to the end. Measured at a million links, the graph itself was most
 * of the cost, so the building avoids what it can of V8's slow paths and of the garbage collector's
 * work: adjacency tables made hash tables up front, repeated strings shared, attributes filled in place.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EntityAttributes, LinkAttributes } from '../../analysis/core/types.ts';
import type { EntityLabel } from '../schema/model.ts';
import { ENTITY_ATTRIBUTE_KEYS, LINK_ATTRIBUTE_KEYS } from './projection-keys.ts';
import { StringPool } from './projection-strings.ts';

/** The projected graph. */
export type ProjectedGraph = MultiDirectedGraph<EntityAttributes, LinkAttributes>;

/** A link as read: [link id, type, target id, ...LINK_ATTRIBUTE_KEYS values]. */
export type LinkRow = unknown[];

const LINK_KEYS = LINK_ATTRIBUTE_KEYS;
// Pool columns: node attributes by key, then the link type and each link attribute.
const TYPE_COLUMN = 0;

/** Adds nodes, then links, to a new graph. */
export class GraphBuilder {
  readonly graph: ProjectedGraph = new MultiDirectedGraph<EntityAttributes, LinkAttributes>();
  private readonly linkStrings = new StringPool(LINK_KEYS.length + 1);
  private readonly nodeStrings = new Map<EntityLabel, StringPool>();

  /** Adds a node from its values listed in ENTITY_ATTRIBUTE_KEYS order (nulls are absent values). */
  addNode(label: EntityLabel, id: string, values: readonly unknown[]): void {
    const keys = ENTITY_ATTRIBUTE_KEYS[label];
    let pool = this.nodeStrings.get(label);
    if (pool === undefined) {
      pool = new StringPool(keys.length);
      this.nodeStrings.set(label, pool);
    }
    const attributes: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const value = values[k];
      if (value !== null && value !== undefined) attributes[keys[k] as string] = pool.share(k, value);
    }
    attributes.entityType = label;
    this.graph.addNode(id, attributes as EntityAttributes);
  }

  /** Called once every node is in, before the first link. */
  startLinks(): void {
    prepareAdjacency(this.graph);
  }

  /**
   * Adds the links of a source node; a link whose far end is not in the projection (invisible,
   * another case, beyond the neighbourhood) is dropped. Link ids are the edge keys.
   */
  addLinks(source: string, stored: readonly LinkRow[]): void {
    const graph = this.graph;
    // By link id, not in the order Neo4j chains a node's relationships (which moves with records
    // the reader cannot see): the analyses' sums then come out the same to the last digit.
    const rows = stored.length > 1 ? [...stored].sort(byLinkId) : stored;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as LinkRow;
      if (graph.hasNode(row[2] as string)) this.addLink(source, row);
    }
  }

  /** Adds one link whose ends are both in the graph (the caller checked). */
  addLink(source: string, row: LinkRow): void {
    const pool = this.linkStrings;
    const attributes = { linkType: pool.share(TYPE_COLUMN, row[1]), weight: 1 } as LinkAttributes;
    for (let k = 0; k < LINK_KEYS.length; k++) {
      const value = row[k + 3];
      if (value !== null && value !== undefined)
        attributes[LINK_KEYS[k] as string] = pool.share(k + 1, value);
    }
    addKeyedEdge(this.graph, row[0], source, row[2] as string, attributes);
  }
}

function byLinkId(a: LinkRow, b: LinkRow): number {
  const x = String(a[0] ?? '');
  const y = String(b[0] ?? '');
  return x < y ? -1 : x > y ? 1 : 0;
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

type Adjacency = { in?: unknown; out?: unknown };

/**
 * graphology keeps each node's neighbours in plain objects keyed by node key (`in` and `out` of its
 * node records). V8 gives such an object a new hidden class for each key added until it turns it into
 * a hash table at about a dozen keys, and that was half of the building at a million links. Adding
 * and deleting two keys turns each empty table into a hash table first: it stays an empty plain
 * object to graphology. Anything but the records expected is left alone (it only costs time).
 */
function prepareAdjacency(graph: ProjectedGraph): void {
  const records = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(records instanceof Map)) return;
  for (const record of records.values() as IterableIterator<Adjacency>) {
    toHashTable(record.in);
    toHashTable(record.out);
  }
}

function toHashTable(table: unknown): void {
  if (typeof table !== 'object' || table === null || Object.getPrototypeOf(table) !== Object.prototype)
    return;
  const t = table as Record<string, unknown>;
  if (Object.keys(t).length > 0) return;
  t['\u0000a'] = 0;
  t['\u0000b'] = 0;
  delete t['\u0000a'];
  delete t['\u0000b'];
}
