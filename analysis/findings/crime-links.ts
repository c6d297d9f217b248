/**
 * Links to other crime: how close a community (or one entity) stands to offences of each crime
 * category. For every category: the shortest distance in links from any member to an Offence of
 * that category, the number of distinct simple paths of at most `maxHops` links (counted up to a
 * cap, and the result says when the cap was hit), and the shortest paths as evidence, with the
 * link types and source grades along them so the analyst can judge each conclusion.
 * Links are read in both directions; Source and Case nodes are not walked through (they touch
 * everything), and a path leaves the community once (it never runs back through another member).
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { assertGraph } from '../core/check-graph.ts';
import { compareIds } from '../communities/communities.ts';

export interface CrimeLinkOptions {
  maxHops?: number;
  /** Categories to report (default: every category an Offence in the graph has). */
  categories?: readonly string[];
  /** Evidence paths kept per category. */
  maxPaths?: number;
  /** Paths counted per category before counting stops. */
  maxCount?: number;
  /** Total path extensions allowed before the search stops (bounds the time on dense graphs). */
  maxSteps?: number;
  excludeTypes?: readonly string[];
}

export const DEFAULTS = {
  maxHops: 3,
  maxPaths: 3,
  maxCount: 1_000,
  maxSteps: 1_000_000,
  excludeTypes: ['Source', 'Case'] as readonly string[],
};

/** One link along an evidence path, with its grade in its own scheme. */
export interface EvidenceLink {
  linkType: string;
  grade?: string;
  gradeScheme?: string;
}

/** A path from a member to an offence: nodes in order, and the links between each pair. */
export interface EvidencePath {
  nodes: string[];
  hops: EvidenceLink[][];
}

/** How one community or entity relates to one crime category. */
export interface CrimeLink {
  category: string;
  distance: number | null;
  pathCount: number;
  /** True when counting stopped at `maxCount` or `maxSteps`: pathCount is then a lower bound. */
  capped: boolean;
  offences: string[];
  evidence: EvidencePath[];
}

/** Crime links of one entity. */
export function linkEntityToCrimes(
  graph: AbstractGraph,
  id: string,
  options: CrimeLinkOptions = {},
): CrimeLink[] {
  assertGraph(graph, 'crime-links');
  if (!graph.hasNode(id))
    throw new Error(`ariadne/analysis/crime-links: no entity '${id}' in the graph (check the id).`);
  return linkSetToCrimes(graph, [id], options);
}

/** Crime links of every community in a membership (node id -> community id). */
export function linkCommunitiesToCrimes(
  graph: AbstractGraph,
  membership: Readonly<Record<string, number>>,
  options: CrimeLinkOptions = {},
): { community: number; links: CrimeLink[] }[] {
  assertGraph(graph, 'crime-links');
  const groups = new Map<number, string[]>();
  for (const [node, community] of Object.entries(membership)) {
    if (!graph.hasNode(node)) continue;
    const list = groups.get(community);
    if (list) list.push(node);
    else groups.set(community, [node]);
  }
  return [...groups]
    .sort(([a], [b]) => a - b)
    .map(([community, members]) => ({ community, links: linkSetToCrimes(graph, members, options) }));
}

interface Tally {
  count: number;
  capped: boolean;
  offences: Set<string>;
  paths: string[][];
}

function linkSetToCrimes(graph: AbstractGraph, members: string[], options: CrimeLinkOptions): CrimeLink[] {
  const o = { ...DEFAULTS, ...options };
  const categories = o.categories ?? listCategories(graph);
  const tallies = new Map<string, Tally>(
    categories.map((c) => [c, { count: 0, capped: false, offences: new Set(), paths: [] }]),
  );
  // Offence nodes are what the paths lead to, so they are never starts, even when the projection
  // put them in the community.
  const starts = members
    .filter((m) => graph.getNodeAttribute(m, 'entityType') !== 'Offence')
    .sort(compareIds);
  const inside = new Set(starts);
  const walkable = (node: string) => !o.excludeTypes.includes(graph.getNodeAttribute(node, 'entityType'));
  const neighbours = memoNeighbours(graph);
  let steps = 0;
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (node: string): void => {
    if (steps++ > o.maxSteps) return;
    path.push(node);
    onPath.add(node);
    const attributes = graph.getNodeAttributes(node);
    const tally =
      path.length > 1 && attributes.entityType === 'Offence' ? tallies.get(attributes.category) : undefined;
    if (tally && !tally.capped) {
      tally.count++;
      tally.offences.add(node);
      tally.paths.push([...path]);
      tally.capped = tally.count >= o.maxCount;
    }
    if (path.length <= o.maxHops) {
      for (const next of neighbours(node)) {
        if (!onPath.has(next) && !inside.has(next) && walkable(next)) visit(next);
      }
    }
    path.pop();
    onPath.delete(node);
  };
  for (const member of starts) if (walkable(member)) visit(member);
  const exhausted = steps > o.maxSteps;
  return categories.map((category) =>
    report(graph, category, tallies.get(category) as Tally, exhausted, o.maxPaths),
  );
}

function report(
  graph: AbstractGraph,
  category: string,
  tally: Tally,
  exhausted: boolean,
  maxPaths: number,
): CrimeLink {
  const ordered = tally.paths.sort(
    (a, b) => a.length - b.length || a.join('\u0000').localeCompare(b.join('\u0000')),
  );
  return {
    category,
    distance: ordered[0] ? ordered[0].length - 1 : null,
    pathCount: tally.count,
    capped: tally.capped || exhausted,
    offences: [...tally.offences].sort(compareIds),
    evidence: ordered.slice(0, maxPaths).map((nodes) => ({ nodes, hops: describeHops(graph, nodes) })),
  };
}

function describeHops(graph: AbstractGraph, nodes: string[]): EvidenceLink[][] {
  return nodes.slice(1).map((to, i) => {
    const from = nodes[i] as string;
    const links: EvidenceLink[] = [];
    const add = (attributes: Attributes) =>
      links.push({
        linkType: String(attributes.linkType ?? 'unknown'),
        ...(attributes.grade ? { grade: String(attributes.grade) } : {}),
        ...(attributes.gradeScheme ? { gradeScheme: String(attributes.gradeScheme) } : {}),
      });
    // graphology yields the links between the pair in both directions: all are evidence for this step.
    graph.forEachEdge(from, to, (_e, attributes) => add(attributes));
    return links.sort(
      (a, b) => a.linkType.localeCompare(b.linkType) || (a.grade ?? '').localeCompare(b.grade ?? ''),
    );
  });
}

function listCategories(graph: AbstractGraph): string[] {
  const found = new Set<string>();
  graph.forEachNode((_node, attributes) => {
    if (attributes.entityType === 'Offence' && typeof attributes.category === 'string')
      found.add(attributes.category);
  });
  return [...found].sort();
}

function memoNeighbours(graph: AbstractGraph): (node: string) => string[] {
  const cache = new Map<string, string[]>();
  return (node) => {
    let list = cache.get(node);
    if (!list) {
      list = graph.neighbors(node).sort(compareIds);
      cache.set(node, list);
    }
    return list;
  };
}
