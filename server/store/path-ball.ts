/**
 * What a path search reads: the visible neighbourhood of `from` within k links, breadth first and at
 * most `maxNodes` nodes (the end first, then by id, so the cut does not depend on anything hidden),
 * with the links among it. Hubs are not walked through unless asked: Case and Source nodes (they touch
 * everything) and nodes with more than `maxDegree` visible links, counted only up to that bound. The
 * bound is applied while reading, so a path search never reads more than it can use.
 */
import { MultiDirectedGraph } from 'graphology';
import type { Clearance } from '../schema/clearance.ts';
import type { GraphEdge, GraphNode } from '../schema/api/graph.ts';
import { LINK_TYPES, type LinkType } from '../schema/model.ts';
import { eachRecord } from './each-record.ts';
import { EDGE, edgeOf, NODE, nodeOf, runRead } from './graph-queries.ts';
import type { Store } from './store.ts';
import { current, LABEL_PARAMS, matchById, visibilityParams, visible } from './visibility.ts';

/** Options of readPathBall. */
export interface BallOptions {
  maxHops: number;
  linkTypes?: readonly LinkType[] | undefined;
  /** Walk through Case and Source nodes and nodes above maxDegree too. */
  throughHubs?: boolean | undefined;
  /** Nodes with more visible links than this are hubs. */
  maxDegree: number;
  /** Most nodes read. */
  maxNodes: number;
  /** Stop at the hop that reaches `to` (enough for the shortest paths). */
  shortestOnly: boolean;
}

/** The labels whose nodes touch everything, never walked through unless asked. */
export const HUB_LABELS = ['Case', 'Source'];

/** The neighbourhood read, as a graph whose attributes are the API's serialised ones. */
export interface PathBall {
  graph: MultiDirectedGraph<GraphNode['attributes'], GraphEdge['attributes']>;
  /** True when the node bound left part of the neighbourhood unread. */
  truncated: boolean;
}

const ENDS = `UNWIND [$from, $to] AS key ${matchById('n', 'key')}
WITH n WHERE ${visible('n')}
RETURN n.id AS id, elementId(n) AS eid`;

const STEP = `UNWIND $frontier AS eid
MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[r]-(m)
WHERE type(r) IN $linkTypes AND ${visible('r')} AND ${visible('m')} AND ${current('m')}
  AND any(l IN labels(m) WHERE l IN $entityLabels) AND NOT elementId(m) IN $seen
  AND ($last = false OR m.id = $to)
WITH DISTINCT m
CALL (m) {
  MATCH (m)-[h]-(o) WHERE NOT $throughHubs AND m.id <> $to AND ${visible('h')} AND ${visible('o')}
  WITH h LIMIT toInteger($maxDegree + 1)
  RETURN count(h) AS degree
}
WITH m WHERE m.id = $to OR $throughHubs
  OR (NOT any(l IN labels(m) WHERE l IN $hubLabels) AND degree <= $maxDegree)
WITH m ORDER BY m.id = $to DESC, m.id LIMIT toInteger($room)
RETURN elementId(m) AS eid, m.id = $to AS isEnd`;

// One row per node and per link, not one row holding them all: the driver decodes rows as they
// arrive, so a ball of thousands of nodes never holds the server's thread for the whole of it.
const BALL_NODES = `UNWIND $ids AS eid MATCH (n) WHERE elementId(n) = eid
RETURN ${NODE} AS node`;

const BALL_LINKS = `UNWIND $ids AS eid MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[r]->(b) WHERE elementId(b) IN $ids AND type(r) IN $linkTypes AND ${visible('r')}
WITH ${EDGE} AS edge ORDER BY edge.key
RETURN edge`;

/** The bounded neighbourhood of `from` for a path search to `to`; null when either end is not visible. */
export async function readPathBall(
  store: Store,
  clearance: Clearance,
  from: string,
  to: string,
  options: BallOptions,
): Promise<PathBall | null> {
  const params = {
    ...visibilityParams(clearance),
    ...LABEL_PARAMS,
    from,
    to,
    linkTypes: options.linkTypes?.length ? [...options.linkTypes] : [...LINK_TYPES],
    throughHubs: options.throughHubs === true,
    maxDegree: options.maxDegree,
    hubLabels: HUB_LABELS,
  };
  return runRead(store, async (tx) => {
    const ends = new Map(
      (await tx.run(ENDS, params)).records.map((r) => [r.get('id') as string, r.get('eid') as string]),
    );
    const start = ends.get(from);
    const end = ends.get(to);
    if (start === undefined || end === undefined) return null;
    const seen = new Set([start]);
    let frontier = from === to ? [] : [start];
    let truncated = false;
    for (let hop = 1; hop <= options.maxHops && frontier.length > 0; hop++) {
      const room = options.maxNodes - seen.size;
      if (room <= 0) {
        truncated = true;
        break;
      }
      const rows = (
        await tx.run(STEP, {
          ...params,
          frontier,
          seen: [...seen],
          room: room + 1,
          last: hop === options.maxHops,
        })
      ).records;
      if (rows.length > room) truncated = true;
      const next = rows.slice(0, room);
      for (const row of next) seen.add(row.get('eid') as string);
      if (options.shortestOnly && next.some((row) => row.get('isEnd') === true)) break;
      frontier = next.filter((row) => row.get('isEnd') !== true).map((row) => row.get('eid') as string);
    }
    // Both ends are always in the graph, reached or not; nodes by id, so that the graph's order
    // does not follow the database's storage.
    const ids = [...seen.add(end)];
    const nodes: GraphNode[] = [];
    await eachRecord(tx, BALL_NODES, { ...params, ids }, (row) => {
      nodes.push(nodeOf(row.get('node')));
    });
    const graph: PathBall['graph'] = new MultiDirectedGraph();
    for (const node of nodes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)))
      graph.addNode(node.key, node.attributes);
    await eachRecord(tx, BALL_LINKS, { ...params, ids }, (row) => {
      const edge = edgeOf(row.get('edge'));
      graph.addEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
    });
    return { graph, truncated };
  });
}
