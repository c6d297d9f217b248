/**
 * Brandes' betweenness on hop counts, specialised for speed: breadth-first search with integer
 * distances, then dependencies pulled from each node's successors (the out-row entries one hop
 * further) rather than pushed to predecessors, so the inner loops read typed arrays and write one
 * accumulator. Same sums as the general path in betweenness.ts when every node is a source.
 *
 * Brandes, U. (2001) "A faster algorithm for betweenness centrality", J. Math. Sociology 25(2).
 */
import type { Csr } from '../core/csr.ts';

/**
 * Raw (ordered-pair) hop-count betweenness from the given sources (all nodes when undefined). With
 * sampled sources on an undirected graph the estimate uses linear scaling (see betweenness.ts).
 */
export function betweennessByHops(csr: Csr, sources?: Int32Array): Float64Array {
  const n = csr.nodes.length;
  const { offsets, targets } = csr;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  // coefficient[w] = (1 + delta[w]) / sigma[w], the share each shortest path into w passes on.
  const coefficient = new Float64Array(n);
  const order = new Int32Array(n);
  const scores = new Float64Array(n);
  const count = sources ? sources.length : n;
  const sampled = sources !== undefined && !csr.directed;
  for (let k = 0; k < count; k++) {
    const s = sources ? sources[k]! : k;
    dist[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const v = order[head]!;
      const next = dist[v]! + 1;
      const paths = sigma[v]!;
      for (let j = offsets[v]!, end = offsets[v + 1]!; j < end; j++) {
        const w = targets[j]!;
        const d = dist[w]!;
        if (d < 0) {
          dist[w] = next;
          sigma[w] = paths;
          order[tail++] = w;
        } else if (d === next) sigma[w]! += paths;
      }
    }
    for (let i = tail - 1; i >= 0; i--) {
      const v = order[i]!;
      const next = dist[v]! + 1;
      let pulled = 0;
      for (let j = offsets[v]!, end = offsets[v + 1]!; j < end; j++) {
        const w = targets[j]!;
        if (dist[w] === next) pulled += coefficient[w]!;
      }
      const delta = sigma[v]! * pulled;
      if (i === 0) break;
      // Linear scaling: a path s..t credits v with d(s,v)/d(s,t) (delta then sums 1/d(s,t) terms);
      // the rest of the pair's credit is drawn when t is a pivot.
      scores[v]! += sampled ? dist[v]! * delta : delta;
      coefficient[v] = ((sampled ? 1 / dist[v]! : 1) + delta) / sigma[v]!;
    }
    for (let i = 0; i < tail; i++) dist[order[i]!] = -1;
  }
  if (sources && count > 0) for (let i = 0; i < n; i++) scores[i]! *= ((sampled ? 2 : 1) * n) / count;
  return scores;
}
