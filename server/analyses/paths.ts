/**
 * Paths between two entities for `ariadne paths`: the shortest ones (breadth-first, every shortest
 * path up to a cap) and, when asked, every simple path of at most k links. Links are read in both
 * directions, Source and Case nodes are not walked through (they touch everything), and each step
 * lists the links between the pair with their type, direction and grade.
 */
import type { CaseGraph } from '../../analysis/types.ts';

/** One link along a step, as the analyst reads it. */
export interface PathLink {
  linkType: string;
  direction: 'forward' | 'backward';
  grade?: string;
  gradeScheme?: string;
}

/** One path: its entities in order and, for each step, the links between the pair. */
export interface EntityPath {
  nodes: { id: string; entityType: string; name?: string }[];
  steps: PathLink[][];
}

/** Options of findPaths. */
export interface PathOptions {
  maxHops?: number;
  /** Also every simple path up to maxHops, not only the shortest. */
  all?: boolean;
  maxPaths?: number;
  excludeTypes?: readonly string[];
}

/** Defaults of findPaths. */
export const PATH_DEFAULTS = { maxHops: 4, all: false, maxPaths: 100, excludeTypes: ['Source', 'Case'] };

/** What findPaths returns; `all` only when asked for. */
export interface PathsResult {
  from: string;
  to: string;
  distance: number | null;
  shortest: EntityPath[];
  all?: EntityPath[];
  /** True when more simple paths exist than maxPaths. */
  truncated: boolean;
}

/** Shortest paths (and all simple paths up to maxHops when asked) from `from` to `to`. */
export function findPaths(
  graph: CaseGraph,
  from: string,
  to: string,
  options: PathOptions = {},
): PathsResult {
  const o = { ...PATH_DEFAULTS, ...options };
  for (const id of [from, to])
    if (!graph.hasNode(id))
      throw new RangeError(`no entity ${JSON.stringify(id)} in the graph (check the id)`);
  const walkable = (n: string) =>
    n === to || !o.excludeTypes.includes(graph.getNodeAttribute(n, 'entityType'));
  const shortest = shortestPaths(graph, from, to, o.maxHops, o.maxPaths, walkable);
  const result: PathsResult = {
    from,
    to,
    distance: shortest[0] ? shortest[0].length - 1 : null,
    shortest: shortest.map((nodes) => describe(graph, nodes)),
    truncated: false,
  };
  if (!o.all) return result;
  const { paths, truncated } = simplePaths(graph, from, to, o.maxHops, o.maxPaths, walkable);
  return { ...result, all: paths.map((nodes) => describe(graph, nodes)), truncated };
}

function shortestPaths(
  graph: CaseGraph,
  from: string,
  to: string,
  maxHops: number,
  maxPaths: number,
  walkable: (n: string) => boolean,
): string[][] {
  const dist = new Map([[from, 0]]);
  const parents = new Map<string, string[]>();
  let frontier = [from];
  while (frontier.length > 0 && !dist.has(to) && (dist.get(frontier[0] as string) ?? 0) < maxHops) {
    const next: string[] = [];
    for (const node of frontier) {
      const d = (dist.get(node) as number) + 1;
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
  if (!dist.has(to)) return [];
  const out: string[][] = [];
  const unwind = (node: string, tail: string[]): void => {
    if (out.length >= maxPaths) return;
    if (node === from) {
      out.push([from, ...tail]);
      return;
    }
    for (const parent of [...(parents.get(node) ?? [])].sort()) unwind(parent, [node, ...tail]);
  };
  unwind(to, []);
  return out;
}

function simplePaths(
  graph: CaseGraph,
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
  const visit = (node: string): void => {
    if (truncated) return;
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
  paths.sort((a, b) => a.length - b.length);
  return { paths, truncated };
}

function describe(graph: CaseGraph, nodes: string[]): EntityPath {
  const steps = nodes.slice(1).map((to, i) => {
    const from = nodes[i] as string;
    const links: PathLink[] = [];
    graph.forEachEdge(from, to, (_e, a, source) => {
      links.push({
        linkType: a.linkType,
        direction: source === from ? 'forward' : 'backward',
        ...(a.grade ? { grade: a.grade } : {}),
        ...(a.gradeScheme ? { gradeScheme: a.gradeScheme } : {}),
      });
    });
    return links.sort((a, b) => a.linkType.localeCompare(b.linkType));
  });
  return {
    nodes: nodes.map((id) => {
      const a = graph.getNodeAttributes(id);
      return { id, entityType: a.entityType, ...(a.name ? { name: a.name } : {}) };
    }),
    steps,
  };
}
