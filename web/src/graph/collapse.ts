/**
 * Collapsed communities: each is drawn as one node, a stand-in (its best-connected member) moved to
 * the community's centre, labelled with the community and its size, while the other members are
 * hidden. Only the reducers use this; the data graph is untouched, so opening the community again
 * restores every member where it was.
 */
import type { DataGraph } from './data-graph.ts';

/** A collapsed community's stand-in. */
export interface StandIn {
  community: number;
  members: number;
  x: number;
  y: number;
}

/** Stand-ins and the members they swallow, for the collapsed communities. */
export interface Collapse {
  standIns: Map<string, StandIn>;
  swallowed: Set<string>;
}

/** Works out stand-ins for the collapsed communities among the nodes given. */
export function computeCollapse(
  graph: DataGraph,
  community: Map<string, number>,
  collapsed: ReadonlySet<number>,
  isShown: (node: string) => boolean,
): Collapse {
  const standIns = new Map<string, StandIn>();
  const swallowed = new Set<string>();
  if (collapsed.size === 0) return { standIns, swallowed };
  const groups = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const id = community.get(node);
    if (id === undefined || !collapsed.has(id) || !isShown(node)) return;
    const list = groups.get(id);
    if (list) list.push(node);
    else groups.set(id, [node]);
  });
  for (const [id, members] of groups) {
    let best = members[0] as string;
    let x = 0;
    let y = 0;
    for (const node of members) {
      const attributes = graph.getNodeAttributes(node);
      x += attributes.x;
      y += attributes.y;
      if (graph.degree(node) > graph.degree(best)) best = node;
    }
    standIns.set(best, {
      community: id,
      members: members.length,
      x: x / members.length,
      y: y / members.length,
    });
    for (const node of members) if (node !== best) swallowed.add(node);
  }
  return { standIns, swallowed };
}
