/**
 * Which entities the canvas draws inside a closed group, from the syndicate -> cell hierarchy
 * (syndicates.ts) and the grouping in the view state. An entity belongs to its syndicate and cell;
 * one outside every community (a payment, say) belongs to the syndicate of its linked members when
 * they all share one; places, routes, sources and cases, the entities of tiny communities and those
 * linked to several syndicates are kept apart, one group per entity type. Pure: nothing is drawn here.
 */
import type { GraphRecords } from './data-graph.ts';
import type { Syndicates } from './syndicates.ts';
import { type Grouping, isGroupOpen } from './view-state.ts';

/** Entity types kept apart from the syndicates, whatever community holds them. */
export const APART_TYPES: ReadonlySet<string> = new Set(['Location', 'Route', 'Source', 'Case']);
/** Communities smaller than this are not syndicates: their entities are kept apart. */
export const MIN_SYNDICATE = 3;
/** At most this many syndicates get a group each; smaller ones share one group, which says so. */
export const MAX_SYNDICATE_GROUPS = 40;

export type GroupKind = 'syndicate' | 'cell' | 'apart';

/** A closed group, drawn as one node. */
export interface GroupNode {
  key: string;
  kind: GroupKind;
  name: string;
  /** Entities shown (after filters) that it holds. */
  members: number;
  /** The syndicate it is or lies in, if any (for its colour). */
  syndicate: number | null;
  /** Centre of its members' positions, where it first appears. */
  x: number;
  y: number;
}

/** The grouping of what is shown. */
export interface GroupPlan {
  /** Entity -> the closed group drawing it; entities drawn themselves are absent. */
  groupOf: Map<string, string>;
  groups: Map<string, GroupNode>;
  /** Entity -> its groups, outermost first (`s:1`, `c:4`), open or closed. */
  pathOf: Map<string, string[]>;
}

/** The names of apart groups, by entity type. */
const APART_NAMES: Record<string, string> = {
  Location: 'Places',
  Route: 'Routes',
  Source: 'Sources',
  Case: 'Cases',
  Payment: 'Payments between syndicates',
  small: 'Smaller communities',
};

/** The name of a group key. */
export function groupName(syndicates: Syndicates, key: string): string {
  const named = syndicates.names.get(key);
  if (named) return key.startsWith('c:') ? `Cell: ${named}` : named;
  const [kind, rest] = [key.slice(0, 2), key.slice(2)];
  if (kind === 's:') return `Community ${rest}`;
  if (kind === 'c:') return `Cell ${rest}`;
  return APART_NAMES[rest] ?? `${rest} entities kept apart`;
}

/** The syndicates that get a group of their own: the largest, of MIN_SYNDICATE members or more. */
function groupedSyndicates(syndicates: Syndicates): Set<number> {
  const ranked = [...syndicates.sizes.entries()]
    .filter(([, size]) => size >= MIN_SYNDICATE)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return new Set(ranked.slice(0, MAX_SYNDICATE_GROUPS).map(([id]) => id));
}

/**
 * The linked member through which an entity joins its linked members' one syndicate (the least by
 * key, whose cell it joins too, whatever order the neighbours come in), or null when they are in
 * several syndicates or none.
 */
function attach(graph: GraphRecords, node: string, syndicates: Syndicates): string | null {
  let found: number | null = null;
  let via: string | null = null;
  for (const neighbour of graph.neighbors(node)) {
    const id = syndicates.syndicateOf.get(neighbour);
    if (id === undefined) continue;
    if (found !== null && id !== found) return null;
    if (via === null || neighbour < via) via = neighbour;
    found = id;
  }
  return via;
}

/** The groups of an entity, outermost first. */
function pathFor(
  graph: GraphRecords,
  node: string,
  type: string,
  syndicates: Syndicates,
  grouped: Set<number>,
): string[] {
  if (APART_TYPES.has(type)) return [`x:${type}`];
  const anchor = syndicates.syndicateOf.has(node) ? node : attach(graph, node, syndicates);
  const syndicate = anchor === null ? undefined : syndicates.syndicateOf.get(anchor);
  if (syndicate === undefined || (syndicates.sizes.get(syndicate) ?? 0) < MIN_SYNDICATE) return [`x:${type}`];
  if (!grouped.has(syndicate)) return ['x:small'];
  const cell = syndicates.cellOf.get(anchor as string);
  return cell === undefined ? [`s:${syndicate}`] : [`s:${syndicate}`, `c:${cell}`];
}

/**
 * The groups of each entity, outermost first, whether it is shown or not and whatever is open: they
 * depend only on the data graph and the syndicates, so a view can keep them while groups open and
 * close.
 */
export function groupPaths(graph: GraphRecords, syndicates: Syndicates): Map<string, string[]> {
  const grouped = groupedSyndicates(syndicates);
  const paths = new Map<string, string[]>();
  graph.forEachNode((node, attributes) => {
    paths.set(node, pathFor(graph, node, attributes.entityType, syndicates, grouped));
  });
  return paths;
}

/**
 * Plans the grouping of the shown entities; those in `pulledOut` (highlighted paths, say) are drawn
 * themselves even inside a closed group, so nothing the analyst asked to see is hidden in one.
 * `paths` are the entities' groups (groupPaths) when already known.
 */
export function planGroups(
  graph: GraphRecords,
  shown: Iterable<string>,
  syndicates: Syndicates,
  grouping: Grouping,
  pulledOut: ReadonlySet<string> = new Set(),
  paths?: ReadonlyMap<string, string[]>,
): GroupPlan {
  const grouped = groupedSyndicates(syndicates);
  const plan: GroupPlan = { groupOf: new Map(), groups: new Map(), pathOf: new Map() };
  const sums = new Map<string, { x: number; y: number }>();
  for (const node of shown) {
    const attributes = graph.getNodeAttributes(node);
    const path = paths?.get(node) ?? pathFor(graph, node, attributes.entityType, syndicates, grouped);
    plan.pathOf.set(node, path);
    if (pulledOut.has(node)) continue;
    const closed = path.find((key) => !isGroupOpen(grouping, key));
    if (closed === undefined) continue;
    plan.groupOf.set(node, closed);
    const group = plan.groups.get(closed);
    const sum = sums.get(closed);
    if (group && sum) {
      group.members++;
      sum.x += fixed(attributes.x);
      sum.y += fixed(attributes.y);
    } else {
      const kind: GroupKind = closed.startsWith('s:')
        ? 'syndicate'
        : closed.startsWith('c:')
          ? 'cell'
          : 'apart';
      const name = groupName(syndicates, closed);
      const syndicate = path[0]?.startsWith('s:') ? Number(path[0].slice(2)) : null;
      plan.groups.set(closed, {
        key: closed,
        kind,
        name,
        syndicate,
        members: 1,
        x: 0,
        y: 0,
      });
      sums.set(closed, { x: fixed(attributes.x), y: fixed(attributes.y) });
    }
  }
  // Groups by key, each at its members' centre: the plan is the same whatever order entities came in.
  const keys = [...plan.groups.keys()].sort();
  const groups = new Map(keys.map((key) => [key, plan.groups.get(key) as GroupNode]));
  for (const [key, group] of groups) {
    const sum = sums.get(key) as { x: number; y: number };
    group.x = sum.x / FIXED / group.members;
    group.y = sum.y / FIXED / group.members;
  }
  plan.groups = groups;
  return plan;
}

/** Positions are summed in 1/1024ths of a unit, as integers: exact, so in any order the same. */
const FIXED = 1024;
const fixed = (value: number) => Math.round(value * FIXED);
