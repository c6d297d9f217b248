/**
 * Paths between two entities of a graph: every shortest path (breadth first, up to a cap) and, when
 * asked, every simple path of at most k links, not walking through hubs of the excluded entity types
 * (Case and Source by default: they tie everything to everything). Each step lists the links between
 * the pair with their type, direction and grade. The server reads the visible neighbourhood to search
 * (server/runner/paths.ts); this part is pure.
 */
import type { AbstractGraph } from 'graphology-types';

/** One link along a step, as the analyst reads it. */
export interface PathLink {
  key: string;
  linkType: string;
  direction: 'forward' | 'backward';
  grade: string | null;
  gradeScheme: string | null;
}

/** One path: its entities in order and, for each step, the links between the pair. */
export interface EntityPath {
  nodes: { id: string; entityType: string; name?: string }[];
  steps: PathLink[][];
}

/** A graph paths are found in: entities with a type and a name, links with a type and a grade. */
export type PathGraph = AbstractGraph<
  { entityType: string; name?: string | null },
  { linkType: string; grade?: string | null; gradeScheme?: string | null }
>;

/** Options of findPaths. */
export interface PathSearchOptions {
  maxHops?: number;
  /** Also every simple path up to maxHops, not only the shortest. */
  all?: boolean;
  maxPaths?: number;
  /** Entity types a path may end on but not walk through. */
  excludeTypes?: readonly string[];
}

/** Defaults of findPaths. */
export const PATH_SEARCH_DEFAULTS = {
  maxHops: 4,
  all: false,
  maxPaths: 100,
  excludeTypes: ['Source', 'Case'] as readonly string[],
};

/** Most steps of the search for simple paths before it stops and says so. */
const MAX_STEPS = 200_000;

/** What findPaths returns; `all` only when asked for. */
export interface PathsResult {
  from: string;
  to: string;
  distance: number | null;
  shortest: EntityPath[];
  all?: EntityPath[];
  /** True when a bound (paths, nodes read, search steps) may have left paths out. */
  truncated: boolean;
}

/**
 * Shortest paths (and every simple path up to maxHops when asked) from `from` to `to` in a graph,
 * not walking through nodes of `excludeTypes` (the end excepted).
 */
export function findPaths(
  graph: PathGraph,
  from: string,
  to: string,
  options: PathSearchOptions = {},
): PathsResult {
  const o = { ...PATH_SEARCH_DEFAULTS, ...options };
  for (const id of [from, to])
    if (!graph.hasNode(id))
      throw new RangeError(`no entity ${JSON.stringify(id)} in the graph (check the id)`);
  const walkable = (n: string) =>
    n === to || !o.excludeTypes.includes(graph.getNodeAttribute(n, 'entityType'));
  const search: Search = { graph, from, to, maxHops: o.maxHops, maxPaths: o.maxPaths, walkable };
  const shortest = from === to ? { paths: [], truncated: false } : shortestPaths(search);
  const result: PathsResult = {
    from,
    to,
    distance: shortest.paths[0] ? shortest.paths[0].length - 1 : null,
    shortest: shortest.paths.map((nodes) => describe(graph, nodes)),
    truncated: shortest.truncated,
  };
  if (!o.all) return result;
  const simple = from === to ? { paths: [], truncated: false } : simplePaths(search);
  return {
    ...result,
    all: simple.paths.map((nodes) => describe(graph, nodes)),
    truncated: result.truncated || simple.truncated,
  };
}

/** One search: its graph, ends and bounds, and which nodes a path may walk through. */
interface Search {
  graph: PathGraph;
  from: string;
  to: string;
  maxHops: number;
  maxPaths: number;
  walkable: (n: string) => boolean;
}

type Found = { paths: string[][]; truncated: boolean };

function shortestPaths({ graph, from, to, maxHops, maxPaths, walkable }: Search): Found {
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

function simplePaths({ graph, from, to, maxHops, maxPaths, walkable }: Search): Found {
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
