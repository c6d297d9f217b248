/**
 * What the grouped layout (group-layout.ts) reads of a grouped drawing: each drawn node's disc, the
 * open groups it lies in, its label's widths when it is a closed group, and the links. Sizes are in
 * graph units, which the grouped drawing draws as pixels (sigma's "positions" sizes).
 */
import type { DisplayGraph } from './display-graph.ts';
import type { LayoutInput } from './group-layout.ts';
import { groupLabel, leastGroupLabel } from './group-labels.ts';
import type { GroupPlan } from './grouping.ts';
import type { Syndicates } from './syndicates.ts';

/** The radius of a closed group's disc, in graph units, by the members it holds. */
export const groupRadius = (members: number) => 6 + 1.2 * Math.sqrt(members);
/** The radius of an entity's disc in a grouped drawing, in graph units, by its centrality (0..1). */
export const entityRadius = (centrality: number) => 3 + 5 * Math.sqrt(centrality);

/** The layout's input from a grouped drawing; `measure` gives a label's width in pixels. */
export function layoutInputOf(
  graph: DisplayGraph,
  plan: GroupPlan,
  syndicates: Syndicates | null,
  centrality: ReadonlyMap<string, number>,
  measure: (text: string) => number,
): LayoutInput {
  const containers = new Map<string, string[]>();
  const position = new Map<string, { x: number; y: number }>();
  const radius = new Map<string, number>();
  const widths = new Map<string, number>();
  const least = new Map<string, number>();
  graph.forEachNode((node, a) => {
    position.set(node, { x: a.x, y: a.y });
    const group = a.group;
    if (group) {
      radius.set(node, groupRadius(group.members));
      widths.set(node, measure(groupLabel(group.name, group.members)));
      least.set(node, measure(leastGroupLabel(group.name, group.members)));
      const parent = node.startsWith('c:') ? syndicates?.cellParent.get(Number(node.slice(2))) : undefined;
      containers.set(node, parent === undefined ? [] : [`s:${parent}`]);
      return;
    }
    radius.set(node, entityRadius(centrality.get(node) ?? 0));
    const path = plan.pathOf.get(node) ?? [];
    // A pulled-out entity sits at the top; one drawn itself sits in every group of its path.
    containers.set(node, plan.groupOf.has(node) ? [] : openPrefix(path, graph));
  });
  const links = graph.mapEdges((_e, a, source, target) => ({
    source,
    target,
    weight: a.aggregate?.count ?? 1,
  }));
  return { containers, position, radius, labelWidth: widths, labelLeast: least, links };
}

/** The groups of a path that are open (not drawn as a node themselves), up to the first closed one. */
function openPrefix(path: string[], graph: DisplayGraph): string[] {
  const out: string[] = [];
  for (const key of path) {
    if (graph.hasNode(key)) break;
    out.push(key);
  }
  return out;
}
