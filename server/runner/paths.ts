/**
 * Paths between two entities, for `ariadne paths` and `GET /api/paths` alike: the store reads the
 * visible neighbourhood of the start within k links, bounded and without hubs unless asked
 * (store/path-ball.ts), and the paths are found in it (analysis/paths/entity-paths.ts). Links are
 * read in both directions.
 */
import {
  findPaths,
  PATH_SEARCH_DEFAULTS,
  type PathSearchOptions,
  type PathsResult,
} from '../../analysis/paths/entity-paths.ts';
import type { Clearance } from '../auth/context.ts';
import type { GraphEdge, GraphNode, SerializedGraph } from '../schema/api/graph.ts';
import type { LinkType } from '../schema/model.ts';
import { type PathBall, readPathBall } from '../store/path-ball.ts';
import type { Store } from '../store/store.ts';

export type { PathsResult };

/** Options of findEntityPaths. */
export interface PathOptions extends Omit<PathSearchOptions, 'excludeTypes'> {
  linkTypes?: readonly LinkType[] | undefined;
  /** Walk through Case and Source nodes and nodes with more than maxDegree links. */
  throughHubs?: boolean;
  maxDegree?: number;
  /** Most nodes of the neighbourhood read. */
  maxNodes?: number;
}

/** Defaults of findEntityPaths. */
export const PATH_DEFAULTS = {
  ...PATH_SEARCH_DEFAULTS,
  throughHubs: false,
  maxDegree: 50,
  maxNodes: 2_000,
};

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
