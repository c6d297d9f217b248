import { createRng } from '../../analysis/core/random.ts';
/**
 * Small hand-made graphs with known answers: a path, a star, a cycle, and two cliques joined by a
 * bridge. Nodes are Persons unless told otherwise.
 */
import { UndirectedGraph } from 'graphology';

function build(edges: [string, string][], nodes: string[] = []): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const node of nodes) graph.mergeNode(node, { entityType: 'Person' });
  for (const [a, b] of edges) {
    graph.mergeNode(a, { entityType: 'Person' });
    graph.mergeNode(b, { entityType: 'Person' });
    graph.mergeEdge(a, b, { weight: 1 });
  }
  return graph;
}

/** p0 - p1 - ... - p(n-1). */
export function pathGraph(n: number): UndirectedGraph {
  return build(Array.from({ length: n - 1 }, (_, i) => [`p${i}`, `p${i + 1}`] as [string, string]));
}

/** hub linked to leaves l0 ... l(n-1). */
export function starGraph(leaves: number): UndirectedGraph {
  return build(Array.from({ length: leaves }, (_, i) => ['hub', `l${i}`] as [string, string]));
}

/** c0 - c1 - ... - c(n-1) - c0. */
export function cycleGraph(n: number): UndirectedGraph {
  return build(Array.from({ length: n }, (_, i) => [`c${i}`, `c${(i + 1) % n}`] as [string, string]));
}

/** Cliques a0..a(k-1) and b0..b(k-1), joined by the single edge a0 - b0. */
export function twoCliquesAndBridge(k: number): UndirectedGraph {
  const edges: [string, string][] = [['a0', 'b0']];
  for (const side of ['a', 'b']) {
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) edges.push([`${side}${i}`, `${side}${j}`]);
  }
  return build(edges);
}

/** Erdos-Renyi style random graph from a seeded rng, for comparisons against reference code. */
export function randomGraph(n: number, p: number, rng: () => number): UndirectedGraph {
  const edges: [string, string][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng() < p) edges.push([`v${i}`, `v${j}`]);
  return build(
    edges,
    Array.from({ length: n }, (_, i) => `v${i}`),
  );
}

/** Deterministic rng (analysis/core/random.ts) so tests never depend on Math.random. */
export const seededRng: (seed: number) => () => number = createRng;
