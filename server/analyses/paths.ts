/**
 * Paths between two entities, for `ariadne paths` and `GET /api/paths` alike: the store reads the
 * visible neighbourhood of the start within k links, bounded and without hubs unless asked
 * (store/path-ball.ts); the shortest paths (breadth-first, every shortest path up to a cap) and, when
 * asked, every simple path of at most k links are found in it. Links are read in both directions and
 * each step lists the links between the pair with their type, direction and grade.
 */
import type { AbstractGraph } from 'graphology-types';
import type { Clearance } from '../auth/context.ts';
import type { GraphEdge, GraphNode, PathLink, SerializedGraph } from '../schema/api/graph.ts';
import type { LinkType } from '../schema/model.ts';
import { type PathBall, readPathBall } from '../store/path-ball.ts';
import type { Store } from '../store/store.ts';

/** One link along a step, as the analyst reads it. */
export type { PathLink };

/** One path: its entities in order and, for each step, the links between the pair. */
export interface EntityPath {
  nodes: { id: string; entityType: string; name?: string }[];
  steps: PathLink[][];
}

/** Options of findEntityPaths. */
export interface PathOptions {
  maxHops?: number;
  /** Also every simple path up to maxHops, not only the shortest. */
  all?: boolean;
  maxPaths?: number;
  linkTypes?: readonly LinkType[] | undefined;
  /** Walk through Case and Source nodes and nodes with more than maxDegree links. */
  throughHubs?: boolean;
  maxDegree?: number;
  /** Most nodes of the neighbourhood read. */
  maxNodes?: number;
}

/** Defaults of findEntityPaths (and of findPaths, for the options it has). */
export const PATH_DEFAULTS = {
  maxHops: 4,
  all: false,
  maxPaths: 100,
  throughHubs: false,
  maxDegree: 50,
  maxNodes: 2_000,
  excludeTypes: ['Source', 'Case'] as readonly string[],
};

/** A graph paths are found in: entities with a type and a name, links with a type and a grade. */
export type PathGraph = AbstractGraph<
  { entityType: string; name?: string | null },
  { linkType: string; grade?: string | null; gradeScheme?: string | null }
>;

/** Most steps of the search for simple paths before it stops and says so. */
const MAX_STEPS = 200_000;

/** What findEntityPaths returns; `all` only when asked for. */
export interface PathsResult {
  from: string;
  to: string;
  distance: number | null;
  shortest: EntityPath[];
  all?: EntityPath[];
  /** True when a bound (paths, nodes read, search steps) may have left paths out. */
  truncated: boolean;
}

type BallGraph = PathBall['graph'];

/** The paths from `from` to `to` the caller may see, and the graph they run through; null when an end is not visible. */
export async function findEntityPaths(
  store: Store,
  clearance: Clearance,
  from: string,
  to: string,
  options: PathOptions = {},
): Promise<{ result: PathsResult; graph: BallGraph } | null> {
  const o = { ...PATH_DEFAULTS, ...options };
  const ball = await readPathBall(store, clearance, from, to, {
    maxHops: o.maxHops,
    linkTypes: o.linkTypes,
    throughHubs: o.throughHubs,
    maxDegree: o.maxDegree,
    maxNodes: o.maxNodes,
    shortestOnly: !o.all,
  });
  if (ball === null) return null;
  const { graph } = ball;
  const found = graph.hasNode(to)
    ? findPaths(graph, from, to, { ...o, excludeTypes: o.throughHubs ? [] : o.excludeTypes })
    : { from, to, distance: null, shortest: [], ...(o.all ? { all: [] } : {}), truncated: false };
  return { result: { ...found, truncated: found.truncated || ball.truncated }, graph };
}

/**
 * Shortest paths (and every simple path up to maxHops when asked) from `from` to `to` in a graph,
 * not walking through nodes of `excludeTypes` (the end excepted).
 */
export function findPaths(
  graph: PathGraph,
  from: string,
  to: string,
  options: Pick<PathOptions, 'maxHops' | 'all' | 'maxPaths'> & { excludeTypes?: readonly string[] } = {},
): PathsResult {
  const o = { ...PATH_DEFAULTS, ...options };
  for (const id of [from, to])
    if (!graph.hasNode(id))
      throw new RangeError(`no entity ${JSON.stringify(id)} in the graph (check the id)`);
  const walkable = (n: string) =>
    n === to || !o.excludeTypes.includes(graph.getNodeAttribute(n, 'entityType'));
  const shortest =
    from === to
      ? { paths: [], truncated: false }
      : shortestPaths(graph, from, to, o.maxHops, o.maxPaths, walkable);
  const result: PathsResult = {
    from,
    to,
    distance: shortest.paths[0] ? shortest.paths[0].length - 1 : null,
    shortest: shortest.paths.map((nodes) => describe(graph, nodes)),
    truncated: shortest.truncated,
  };
  if (!o.all) return result;
  const simple =
    from === to
      ? { paths: [], truncated: false }
      : simplePaths(graph, from, to, o.maxHops, o.maxPaths, walkable);
  return {
    ...result,
    all: simple.paths.map((nodes) => describe(graph, nodes)),
    truncated: result.truncated || simple.truncated,
  };
}

/** The paths in graphology's serialisation: their nodes and links, each path listed in the attributes. */
export function pathsAsGraph(
  found: { result: PathsResult; graph: BallGraph },
  attributes: Record<string, unknown>,
): SerializedGraph {
  const { result, graph } = found;
  const paths = (result.all ?? result.shortest).map((path) => ({
    nodes: path.nodes.map((n) => n.id),
    edges: path.steps.flatMap((step) => step.map((link) => link.key)),
    steps: path.steps,
  }));
  const nodes = new Set([result.from, result.to].filter((id) => graph.hasNode(id)));
  const edges = new Set<string>();
  for (const path of paths) {
    for (const node of path.nodes) nodes.add(node);
    for (const edge of path.edges) edges.add(edge);
  }
  return {
    attributes: {
      kind: 'paths',
      from: result.from,
      to: result.to,
      ...attributes,
      truncated: result.truncated,
      paths,
    },
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: [...nodes].map((key): GraphNode => ({ key, attributes: graph.getNodeAttributes(key) })),
    edges: [...edges].map(
      (key): GraphEdge => ({
        key,
        source: graph.source(key),
        target: graph.target(key),
        attributes: graph.getEdgeAttributes(key),
      }),
    ),
  };
}

function shortestPaths(
  graph: PathGraph,
  from: string,
  to: string,
  maxHops: number,
  maxPaths: number,
  walkable: (n: string) => boolean,
): { paths: string[][]; truncated: boolean } {
  const dist = new Map([[from, 0]]);
  const parents = new Map<string, string[]>();
  let frontier = [from];
  for (let d = 1; d <= maxHops && frontier.length > 0 && !dist.has(to); d++) {
    const next: string[] = [];
    for (const node of frontier) {
      if (node === to) continue;
      for (const neighbour of graph.neighbors(node)) {
        if (!walkable(neighbour)) continue;
        if (!dist.has(neighbour)) {
          dist.set(neighbour, d);
          next.push(neighbour);
        }
        if (dist.get(neighbour) === d) parents.set(neighbour, [...(parents.get(neighbour) ?? []), node]);
      }
    }
    frontier = next;
  }
  if (!dist.has(to)) return { paths: [], truncated: false };
  const out: string[][] = [];
  let truncated = false;
  const unwind = (node: string, tail: string[]): void => {
    if (out.length >= maxPaths) {
      truncated = true;
      return;
    }
    if (node === from) {
      out.push([from, ...tail]);
      return;
    }
    for (const parent of [...(parents.get(node) ?? [])].sort()) unwind(parent, [node, ...tail]);
  };
  unwind(to, []);
  return { paths: out.sort(comparePaths), truncated };
}

function simplePaths(
  graph: PathGraph,
  from: string,
  to: string,
  maxHops: number,
  maxPaths: number,
  walkable: (n: string) => boolean,
): { paths: string[][]; truncated: boolean } {
  const paths: string[][] = [];
  const path = [from];
  const onPath = new Set(path);
  let truncated = false;
  let steps = 0;
  const visit = (node: string): void => {
    if (truncated) return;
    if (++steps > MAX_STEPS) {
      truncated = true;
      return;
    }
    if (node === to) {
      if (paths.length >= maxPaths) truncated = true;
      else paths.push([...path]);
      return;
    }
    if (path.length > maxHops) return;
    for (const next of graph.neighbors(node).sort()) {
      if (onPath.has(next) || !walkable(next)) continue;
      path.push(next);
      onPath.add(next);
      visit(next);
      path.pop();
      onPath.delete(next);
    }
  };
  visit(from);
  return { paths: paths.sort(comparePaths), truncated };
}

// Shortest first, then in the order of their ids: the same answer whatever order Neo4j gave.
function comparePaths(a: string[], b: string[]): number {
  return a.length - b.length || a.join('\u0000').localeCompare(b.join('\u0000'));
}

function describe(graph: PathGraph, nodes: string[]): EntityPath {
  const steps = nodes.slice(1).map((to, i) => {
    const from = nodes[i] as string;
    const links: PathLink[] = [];
    graph.forEachEdge(from, to, (key, a, source) => {
      links.push({
        key,
        linkType: a.linkType,
        direction: source === from ? 'forward' : 'backward',
        grade: a.grade ?? null,
        gradeScheme: a.gradeScheme ?? null,
      });
    });
    return links.sort((a, b) => a.linkType.localeCompare(b.linkType) || a.key.localeCompare(b.key));
  });
  return {
    nodes: nodes.map((id) => {
      const a = graph.getNodeAttributes(id);
      return { id, entityType: a.entityType, ...(a.name ? { name: a.name } : {}) };
    }),
    steps,
  };
}
