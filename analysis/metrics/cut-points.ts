/**
 * Cut points (articulation points): entities whose removal splits their part of the network, with
 * the number of pieces each removal leaves. Iterative depth-first search, so a long chain of
 * couriers cannot overflow the call stack.
 *
 * Hopcroft, J. & Tarjan, R. (1973) "Algorithm 447: efficient algorithms for graph manipulation",
 * CACM 16(6); Tarjan, R. (1972) "Depth-first search and linear graph algorithms", SIAM J. Comput. 1(2).
 */
import type { AbstractGraph } from 'graphology-types';
import { assertGraph } from '../core/check-graph.ts';
import { buildCsr } from '../core/csr.ts';

/** One cut point and how many pieces its component falls into without it. */
export interface CutPoint {
  id: string;
  pieces: number;
}

/** Articulation points of the graph read undirected, most pieces first (ties by id). */
export function findCutPoints(graph: AbstractGraph): CutPoint[] {
  assertGraph(graph, 'cut-points');
  const { nodes, offsets, targets } = buildCsr(graph);
  const n = nodes.length;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const cursor = new Uint32Array(n);
  // Subtrees hanging below v that cannot reach above v: each becomes a piece when v goes.
  const cutChildren = new Int32Array(n);
  const stack = new Int32Array(n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let top = 0;
    stack[0] = root;
    disc[root] = low[root] = time++;
    cursor[root] = offsets[root]!;
    while (top >= 0) {
      const v = stack[top]!;
      if (cursor[v]! < offsets[v + 1]!) {
        const w = targets[cursor[v]!++]!;
        if (disc[w] === -1) {
          parent[w] = v;
          disc[w] = low[w] = time++;
          cursor[w] = offsets[w]!;
          stack[++top] = w;
        } else if (w !== parent[v]) low[v] = Math.min(low[v]!, disc[w]!);
        continue;
      }
      top--;
      const p = parent[v]!;
      if (p === -1) continue;
      low[p] = Math.min(low[p]!, low[v]!);
      if (low[v]! >= disc[p]!) cutChildren[p]!++;
    }
  }
  const result: CutPoint[] = [];
  for (let v = 0; v < n; v++) {
    // A root is a cut point with two or more such subtrees; any other node with one or more.
    const pieces = parent[v] === -1 ? cutChildren[v]! : cutChildren[v]! + 1;
    if (pieces >= 2) result.push({ id: nodes[v] as string, pieces });
  }
  return result.sort((a, b) => b.pieces - a.pieces || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
