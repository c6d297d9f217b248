/**
 * Subgraphs for the web app, in graphology's serialisation: the neighbourhood of an entity (breadth
 * first, up to three hops) and the paths between two entities (the shortest, or every simple path up
 * to k hops). Both walk only visible links between visible nodes, so an invisible record neither
 * appears nor connects anything: a neighbourhood never expands across it and no path runs through it.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Clearance } from '../auth/context.ts';
import type { GraphEdge, GraphNode, Path, SerializedGraph } from '../schema/api/graph.ts';
import { type EntityLabel, LINK_TYPES, type LinkType } from '../schema/model.ts';
import { toStoreError } from './ingest-session.ts';
import type { Store } from './store.ts';
import {
  current,
  LABEL_PARAMS,
  labelOf,
  matchById,
  visibilityParams,
  visible,
  visibleSources,
} from './visibility.ts';

/** Options of a neighbourhood. */
export interface NeighbourhoodOptions {
  depth: number;
  types?: readonly EntityLabel[] | undefined;
  linkTypes?: readonly LinkType[] | undefined;
  /** Most nodes, the centre included; nearer nodes come first. */
  limit: number;
  includeRetracted?: boolean | undefined;
}

/** Options of a path search. */
export interface PathOptions {
  maxHops: number;
  /** Every simple path up to maxHops (shortest first), not only the shortest ones. */
  all?: boolean | undefined;
  linkTypes?: readonly LinkType[] | undefined;
  /** Most paths returned. */
  limit?: number | undefined;
}

export const MAX_DEPTH = 3;
export const MAX_HOPS = 6;
export const MAX_PATHS = 100;

const GRAPH_OPTIONS = { type: 'directed', multi: true, allowSelfLoops: true } as const;

const NODE = `n {key: n.id, entityType: ${labelOf('n')}, .name, .grade, .gradeScheme, .handling,
  sources: ${visibleSources('n')}, .handlingCondition, .firstSeen, .lastSeen,
  retracted: coalesce(n.retracted, false), .kind, .status, .roles}`;

const EDGE = `{key: coalesce(r.id, elementId(r)), source: startNode(r).id, target: endNode(r).id,
  linkType: type(r), grade: r.grade, gradeScheme: r.gradeScheme, handling: r.handling,
  sources: ${visibleSources('r')}, role: r.role, date: r.date, amount: r.amount,
  currency: r.currency, order: r.order, weight: r.weight}`;

type Row = Record<string, unknown>;

const REQUIRED_NODE_KEYS = new Set([
  'name',
  'grade',
  'gradeScheme',
  'handlingCondition',
  'firstSeen',
  'lastSeen',
]);

function nodeOf(row: Row, depth?: number): GraphNode {
  const { key, ...rest } = row;
  const attributes: Row = {};
  for (const [name, value] of Object.entries(rest)) {
    if (value !== null && value !== undefined) attributes[name] = value;
    else if (REQUIRED_NODE_KEYS.has(name)) attributes[name] = null;
  }
  if (depth !== undefined) attributes.depth = depth;
  return { key: String(key), attributes: attributes as GraphNode['attributes'] };
}

function edgeOf(row: Row): GraphEdge {
  const { key, source, target, ...rest } = row;
  const attributes: Row = { grade: null, gradeScheme: null };
  for (const [name, value] of Object.entries(rest))
    if (value !== null && value !== undefined) attributes[name] = value;
  return {
    key: String(key),
    source: String(source),
    target: String(target),
    attributes: attributes as GraphEdge['attributes'],
  };
}

/** Runs reads in one transaction, so a multi-step walk sees one state of the graph. */
async function runRead<T>(store: Store, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = store.driver.session({ database: store.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work);
  } catch (error) {
    throw toStoreError(store, error);
  } finally {
    await session.close().catch(() => {});
  }
}

const CENTRE = `${matchById('n', '$id')} WITH n WHERE ${visible('n')} RETURN elementId(n) AS eid`;

function hopCypher(includeRetracted: boolean): string {
  return `UNWIND $frontier AS eid
MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[r]-(m)
WHERE type(r) IN $linkTypes AND ${visible('r')} AND ${visible('m')}
  AND any(l IN labels(m) WHERE l IN $types) AND NOT elementId(m) IN $seen
  ${includeRetracted ? '' : `AND ${current('m')}`}
WITH DISTINCT m ORDER BY m.id LIMIT toInteger($room)
RETURN elementId(m) AS eid`;
}

// The nodes found and the links among them, in one round trip.
const NODES_AND_EDGES = `CALL () {
  UNWIND $ids AS eid MATCH (n) WHERE elementId(n) = eid AND ${visible('n')}
  RETURN collect({eid: eid, node: ${NODE}}) AS nodes
}
CALL () {
  UNWIND $ids AS eid MATCH (a) WHERE elementId(a) = eid
  MATCH (a)-[r]->(b) WHERE elementId(b) IN $ids AND type(r) IN $linkTypes AND ${visible('r')}
  WITH ${EDGE} AS edge ORDER BY edge.key
  RETURN collect(edge) AS edges
}
RETURN nodes, edges`;

/**
 * The neighbourhood of a visible entity up to `depth` hops through visible links (of `linkTypes`) to
 * visible nodes (of `types`), nearest first and at most `limit` nodes; null when the entity is not
 * visible. The graph's attributes say whether the limit cut it short.
 */
export async function neighbourhood(
  store: Store,
  clearance: Clearance,
  id: string,
  options: NeighbourhoodOptions,
): Promise<SerializedGraph | null> {
  const depth = Math.min(Math.max(Math.trunc(options.depth), 1), MAX_DEPTH);
  const limit = Math.max(1, Math.trunc(options.limit));
  const base = {
    ...visibilityParams(clearance),
    ...LABEL_PARAMS,
    linkTypes: options.linkTypes?.length ? [...options.linkTypes] : [...LINK_TYPES],
    types: options.types?.length ? [...options.types] : LABEL_PARAMS.entityLabels,
  };
  return runRead(store, async (tx) => {
    const centre = (await tx.run(CENTRE, { ...base, id })).records[0]?.get('eid') as string | undefined;
    if (centre === undefined) return null;
    const depthOf = new Map<string, number>([[centre, 0]]);
    let frontier = [centre];
    let truncated = false;
    for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
      const room = limit - depthOf.size;
      if (room <= 0) break;
      const found = await tx.run(hopCypher(options.includeRetracted === true), {
        ...base,
        frontier,
        seen: [...depthOf.keys()],
        room: room + 1,
      });
      const next = found.records.map((record) => record.get('eid') as string);
      if (next.length > room) truncated = true;
      frontier = next.slice(0, room);
      for (const eid of frontier) depthOf.set(eid, hop);
    }
    const ids = [...depthOf.keys()];
    const found = (await tx.run(NODES_AND_EDGES, { ...base, ids })).records[0];
    const nodes = (found?.get('nodes') ?? []) as { eid: string; node: Row }[];
    const edges = (found?.get('edges') ?? []) as Row[];
    return {
      attributes: { kind: 'neighbourhood', centre: id, depth, limit, truncated },
      options: GRAPH_OPTIONS,
      nodes: nodes.map(({ eid, node }) => nodeOf(node, depthOf.get(eid))),
      edges: edges.map(edgeOf),
    };
  });
}

function pathCypher(options: PathOptions, hops: number, fetch: number): string {
  const step = `(()-[r]-(x) WHERE type(r) IN $linkTypes AND ${visible('r')} AND ${visible('x')} AND ${current('x')}){1,${hops}}`;
  // A walk that comes back to a node is not a path an analyst would follow.
  const simple = 'all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[(i + 1)..])';
  const selector = options.all === true ? `SHORTEST ${fetch}` : 'ALL SHORTEST';
  return `${matchById('a', '$from')} WITH a WHERE ${visible('a')} AND ${current('a')}
${matchById('b', '$to')} WITH a, b WHERE ${visible('b')} AND ${current('b')} AND a <> b
MATCH p = ${selector} (a)${step}(b)
WITH p WHERE ${simple}
WITH p ORDER BY length(p) LIMIT toInteger($limit)
RETURN [n IN nodes(p) | ${NODE}] AS nodes, [r IN relationships(p) | ${EDGE}] AS edges`;
}

/**
 * Paths between two visible entities through visible links and nodes, up to `maxHops`: all shortest
 * paths, or (with `all`) every simple path, shortest first; both capped at `limit`. Null when either
 * end is not visible; an empty graph with both ends when no path exists.
 */
export async function paths(
  store: Store,
  clearance: Clearance,
  from: string,
  to: string,
  options: PathOptions,
): Promise<SerializedGraph | null> {
  const hops = Math.min(Math.max(Math.trunc(options.maxHops), 1), MAX_HOPS);
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 25), 1), MAX_PATHS);
  const params = {
    ...visibilityParams(clearance),
    ...LABEL_PARAMS,
    from,
    to,
    limit,
    linkTypes: options.linkTypes?.length ? [...options.linkTypes] : [...LINK_TYPES],
  };
  return runRead(store, async (tx) => {
    const ends = await tx.run(
      `UNWIND [$from, $to] AS key ${matchById('n', 'key')}
       WITH n WHERE ${visible('n')} RETURN ${NODE} AS node`,
      params,
    );
    if (new Set(ends.records.map((r) => (r.get('node') as Row).key)).size < new Set([from, to]).size)
      return null;
    // Twice the cap, since walks that revisit a node are dropped after the search.
    const found = from === to ? [] : (await tx.run(pathCypher(options, hops, limit * 2), params)).records;
    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    for (const record of ends.records) {
      const node = nodeOf(record.get('node') as Row);
      nodes.set(node.key, node);
    }
    const list: Path[] = found.map((record) => {
      const pathNodes = (record.get('nodes') as Row[]).map((row) => nodeOf(row));
      const pathEdges = (record.get('edges') as Row[]).map(edgeOf);
      for (const node of pathNodes) nodes.set(node.key, node);
      for (const edge of pathEdges) edges.set(edge.key, edge);
      return { nodes: pathNodes.map((n) => n.key), edges: pathEdges.map((e) => e.key) };
    });
    return {
      attributes: { kind: 'paths', from, to, maxHops: hops, all: options.all === true, paths: list },
      options: GRAPH_OPTIONS,
      nodes: [...nodes.values()],
      edges: [...edges.values()],
    };
  });
}
