/**
 * Collective influence CI_l(i) = (k_i - 1) * sum of (k_j - 1) over the nodes j at distance exactly
 * l from i: a node matters when it is well connected and so is the frontier of its ball.
 *
 * Morone, F. & Makse, H. A. (2015) "Influence maximization in complex networks through optimal
 * percolation", Nature 524.
 */
import type { Csr } from '../core/csr.ts';

/** CI of every node at radius `radius`, on the network left after `removed` nodes are taken out. */
export function collectiveInfluence(csr: Csr, radius: number, removed?: Uint8Array): Float64Array {
  const n = csr.nodes.length;
  const { offsets, targets } = csr;
  const degree = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    if (removed?.[v]) continue;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) if (!removed?.[targets[j]!]) degree[v]!++;
  }
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const scores = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    if (removed?.[s] || degree[s]! <= 1) continue;
    let head = 0;
    let tail = 1;
    queue[0] = s;
    dist[s] = 0;
    let frontier = 0;
    while (head < tail) {
      const v = queue[head++]!;
      if (dist[v] === radius) {
        frontier += degree[v]! - 1;
        continue;
      }
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const w = targets[j]!;
        if (removed?.[w] || dist[w] !== -1) continue;
        dist[w] = dist[v]! + 1;
        queue[tail++] = w;
      }
    }
    for (let i = 0; i < tail; i++) dist[queue[i]!] = -1;
    scores[s] = (degree[s]! - 1) * frontier;
  }
  return scores;
}
