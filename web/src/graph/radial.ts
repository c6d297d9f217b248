/**
 * The radial layout around one entity: rings by hops from it (breadth-first over the links drawn),
 * each node inside the angular wedge of the branch it hangs from, wedges sized by the leaves below
 * them, as in Eades' radial drawing of trees (Eades 1992, "Drawing free trees", Bull. Inst. Comb.
 * Appl. 10) over the breadth-first tree. Each ring is made just wide enough that no two discs on it
 * overlap, and rings stand apart by more than the largest disc, so no two discs overlap at all.
 * Entities the centre does not reach go on one outer ring. Positions in graph units.
 */

type Point = { x: number; y: number };

/** What a radial layout returns: positions, and each node's ring (hops from the centre; null when unreached). */
export interface RadialLayout {
  positions: Map<string, Point>;
  hops: Map<string, number | null>;
}

/** Space left between discs, in graph units. */
export const RADIAL_GAP = 4;

/** The breadth-first tree from the centre: each reached node's children and hop count. */
function bfsTree(centre: string, ids: Set<string>, links: { source: string; target: string }[]) {
  const neighbours = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const { source, target } of links) {
    if (source === target || !ids.has(source) || !ids.has(target)) continue;
    add(source, target);
    add(target, source);
  }
  const hops = new Map<string, number>([[centre, 0]]);
  const children = new Map<string, string[]>();
  const order = [centre];
  for (let i = 0; i < order.length; i++) {
    const node = order[i] as string;
    const kids: string[] = [];
    for (const next of neighbours.get(node) ?? []) {
      if (hops.has(next)) continue;
      hops.set(next, (hops.get(node) as number) + 1);
      kids.push(next);
      order.push(next);
    }
    children.set(node, kids);
  }
  return { hops, children, order };
}

/** The smallest radius at which discs at these angles (sorted) do not overlap. */
function ringRadius(members: { angle: number; radius: number }[]): number {
  if (members.length < 2) return 0;
  let needed = 0;
  for (let i = 0; i < members.length; i++) {
    const a = members[i] as { angle: number; radius: number };
    const b = members[(i + 1) % members.length] as { angle: number; radius: number };
    let delta = b.angle - a.angle;
    if (i === members.length - 1) delta += 2 * Math.PI;
    const chordPerRadius = 2 * Math.sin(Math.min(Math.abs(delta), Math.PI) / 2);
    needed = Math.max(needed, (a.radius + b.radius + RADIAL_GAP) / Math.max(chordPerRadius, 1e-9));
  }
  return needed;
}

/** Lays nodes (with their disc radius) out in rings around `centre` over the given links. */
export function layoutRadial(
  centre: string,
  nodes: { id: string; radius: number }[],
  links: { source: string; target: string }[],
): RadialLayout {
  const ids = new Set(nodes.map((n) => n.id));
  if (!ids.has(centre)) throw new Error(`radial layout: the centre ${centre} is not among the nodes drawn`);
  const radiusOf = new Map(nodes.map((n) => [n.id, n.radius]));
  const { hops, children, order } = bfsTree(centre, ids, links);
  // Leaves below each node, from the outermost ring in.
  const leaves = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as string;
    const kids = children.get(node) ?? [];
    leaves.set(node, kids.length === 0 ? 1 : kids.reduce((sum, k) => sum + (leaves.get(k) ?? 1), 0));
  }
  const angle = new Map<string, number>([[centre, 0]]);
  const wedge = new Map<string, [number, number]>([[centre, [0, 2 * Math.PI]]]);
  for (const node of order) {
    const [start, end] = wedge.get(node) as [number, number];
    const kids = children.get(node) ?? [];
    const total = kids.reduce((sum, k) => sum + (leaves.get(k) ?? 1), 0);
    let from = start;
    for (const kid of kids) {
      const to = from + ((end - start) * (leaves.get(kid) ?? 1)) / total;
      wedge.set(kid, [from, to]);
      angle.set(kid, (from + to) / 2);
      from = to;
    }
  }
  const unreached = nodes.filter((n) => !hops.has(n.id)).map((n) => n.id);
  for (const [i, id] of unreached.entries()) angle.set(id, (2 * Math.PI * (i + 0.5)) / unreached.length);
  const rings: string[][] = [];
  for (const node of order) {
    const hop = hops.get(node) as number;
    const ring = rings[hop] ?? [];
    ring.push(node);
    rings[hop] = ring;
  }
  if (unreached.length > 0) rings.push(unreached);
  const largest = Math.max(...nodes.map((n) => n.radius));
  const positions = new Map<string, Point>([[centre, { x: 0, y: 0 }]]);
  let previous = 0;
  for (let ring = 1; ring < rings.length; ring++) {
    const members = (rings[ring] ?? [])
      .map((id) => ({ id, angle: angle.get(id) as number, radius: radiusOf.get(id) ?? 0 }))
      .sort((a, b) => a.angle - b.angle);
    const r = Math.max(previous + 2 * largest + 2 * RADIAL_GAP, ringRadius(members));
    for (const m of members) positions.set(m.id, { x: r * Math.cos(m.angle), y: r * Math.sin(m.angle) });
    previous = r;
  }
  const hopsOut = new Map<string, number | null>();
  for (const n of nodes) hopsOut.set(n.id, hops.get(n.id) ?? null);
  return { positions, hops: hopsOut };
}
