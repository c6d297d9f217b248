/**
 * ForceAtlas2 (Jacomy et al. 2014) over the units of one region of a grouped layout (nodes, and open
 * regions as one unit each), with the links between them summed by pair of units; kept per region
 * over the tries of one layout search (group-layout.ts, label-fit.ts).
 */
import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { cjsDefault } from '../lib/interop.ts';

const forceAtlas2 = cjsDefault(forceAtlas2Module);

type Point = { x: number; y: number };
/** A region's units: position and disc radius (`size`), and weighted links. */
export type UnitGraph = UndirectedGraph<{ x: number; y: number; size: number }, { weight: number }>;

/**
 * ForceAtlas2's positions of each region's units, by region key, kept over the layouts one search
 * makes (label-fit.ts): what differs between them is the room labels take, which ForceAtlas2 does not
 * read, so it runs once per region.
 */
export type Forces = Map<string, Map<string, Point>>;

/** The links between a region's units, weighted, by pair of units. */
export function unitLinks(
  input: { links: readonly { source: string; target: string; weight: number }[] },
  unitOf: Map<string, string>,
  units: Map<string, unknown>,
): Map<string, number> {
  const links = new Map<string, number>();
  for (const { source, target, weight } of input.links) {
    const a = unitOf.get(source);
    const b = unitOf.get(target);
    if (a === undefined || b === undefined || a === b || !units.has(a) || !units.has(b)) continue;
    const pair = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    links.set(pair, (links.get(pair) ?? 0) + Math.log2(1 + weight));
  }
  return links;
}

/**
 * ForceAtlas2 over units (nodes or regions), weighted links between them, from their positions; the
 * region's positions from `forces` when it ran there before (its links then not even gathered).
 */
export function forceUnits(
  units: Map<string, { at: Point; r: number }>,
  linksOf: () => Map<string, number>,
  region: string,
  forces: Forces,
): UnitGraph {
  const graph: UnitGraph = new UndirectedGraph();
  const known = forces.get(region);
  if (known) {
    for (const [key, { r }] of units) {
      const at = known.get(key) ?? (units.get(key) as { at: Point }).at;
      graph.addNode(key, { x: at.x, y: at.y, size: r });
    }
    return graph;
  }
  for (const [key, { at, r }] of units) graph.addNode(key, { x: at.x, y: at.y, size: r });
  for (const [pair, weight] of linksOf()) {
    const [a, b] = pair.split('\u0000') as [string, string];
    graph.addEdge(a, b, { weight });
  }
  if (graph.order > 1 && graph.size > 0) {
    const settings = {
      ...forceAtlas2.inferSettings(graph),
      adjustSizes: false,
      gravity: 1,
      scalingRatio: 10,
    };
    const iterations = graph.order > 1_000 ? 60 : 120;
    const positions = forceAtlas2(graph, {
      iterations,
      settings: { ...settings, barnesHutOptimize: graph.order > 300 },
    });
    for (const [key, p] of Object.entries(positions)) graph.mergeNodeAttributes(key, p);
  }
  forces.set(region, new Map(graph.mapNodes((key, a) => [key, { x: a.x, y: a.y }] as const)));
  return graph;
}
