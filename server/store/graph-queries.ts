/**
 * Subgraphs for the web app, in graphology's serialisation: the neighbourhood of an entity (breadth
 * first, up to three hops), and the node and link shapes the path search (path-ball.ts) shares. Only
 * visible links between visible nodes are walked, so an invisible record neither appears nor connects
 * anything: a neighbourhood never expands across it.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Clearance } from '../schema/clearance.ts';
import type { GraphEdge, GraphNode, SerializedGraph } from '../schema/api/graph.ts';
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

export const MAX_DEPTH = 3;

const GRAPH_OPTIONS = { type: 'directed', multi: true, allowSelfLoops: true } as const;

/** A node as a subgraph serialises it, from the variable `n`. */
export const NODE = `n {key: n.id, entityType: ${labelOf('n')}, .name, .grade, .gradeScheme, .handling,
  sources: ${visibleSources('n')}, .handlingCondition, .firstSeen, .lastSeen,
  retracted: coalesce(n.retracted, false), .kind, .status, .roles}`;

/** A link as a subgraph serialises it, from the variable `r`. */
export const EDGE = `{key: coalesce(r.id, elementId(r)), source: startNode(r).id, target: endNode(r).id,
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

/** A serialised node from a NODE row. */
export function nodeOf(row: Row, depth?: number): GraphNode {
  const { key, ...rest } = row;
  const attributes: Row = {};
  for (const [name, value] of Object.entries(rest)) {
    if (value !== null && value !== undefined) attributes[name] = value;
    else if (REQUIRED_NODE_KEYS.has(name)) attributes[name] = null;
  }
  if (depth !== undefined) attributes.depth = depth;
  return { key: String(key), attributes: attributes as GraphNode['attributes'] };
}

/** A serialised link from an EDGE row. */
export function edgeOf(row: Row): GraphEdge {
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
export async function runRead<T>(store: Store, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
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

/** The visible links (of `$linkTypes`) among the nodes of element ids `$ids`, by key, as `edges`. */
export const EDGES_AMONG = `CALL () {
  UNWIND $ids AS eid MATCH (a) WHERE elementId(a) = eid
  MATCH (a)-[r]->(b) WHERE elementId(b) IN $ids AND type(r) IN $linkTypes AND ${visible('r')}
  WITH ${EDGE} AS edge ORDER BY edge.key
  RETURN collect(edge) AS edges
}`;

// The nodes found and the links among them, in one round trip.
const NODES_AND_EDGES = `CALL () {
  UNWIND $ids AS eid MATCH (n) WHERE elementId(n) = eid AND ${visible('n')}
  RETURN collect({eid: eid, node: ${NODE}}) AS nodes
}
${EDGES_AMONG}
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
