/**
 * Single-source shortest paths with path counts (the first phase of Brandes 2001): breadth-first
 * search on hop counts, or Dijkstra with a binary heap on link lengths. Works in place on
 * preallocated typed arrays so that running it from every node allocates nothing.
 */
import type { Csr } from '../core/csr.ts';

/** How link weights become path lengths: a strong tie is short ('strength'), or weights are lengths. */
export type WeightMeaning = 'strength' | 'length';

/** Reusable state of one single-source search. */
export interface PathSpace {
  csr: Csr;
  /** Lengths along out- and in-rows, or null for hop counts. */
  outLength: Float64Array | null;
  inLength: Float64Array | null;
  dist: Float64Array;
  sigma: Float64Array;
  /** Nodes in the order they were settled (non-decreasing distance); `size` of them. */
  order: Int32Array;
  size: number;
  settled: Uint8Array;
  heapKeys: Float64Array;
  heapNodes: Int32Array;
}

/** Allocates a search workspace; `weighted` false means every link has length 1. */
export function createPathSpace(csr: Csr, weighted: boolean, meaning: WeightMeaning = 'strength'): PathSpace {
  const n = csr.nodes.length;
  const toLength = (weights: Float64Array) =>
    meaning === 'length' ? weights : weights.map((weight) => 1 / weight);
  const outLength = weighted ? toLength(csr.weights) : null;
  const inLength = !weighted ? null : csr.inWeights === csr.weights ? outLength : toLength(csr.inWeights);
  const capacity = weighted ? csr.targets.length + n + 1 : 0;
  return {
    csr,
    outLength,
    inLength,
    dist: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    sigma: new Float64Array(n),
    order: new Int32Array(n),
    size: 0,
    settled: new Uint8Array(n),
    heapKeys: new Float64Array(capacity),
    heapNodes: new Int32Array(capacity),
  };
}

/** Runs the search from `source`, skipping nodes flagged in `removed`. */
export function searchFrom(space: PathSpace, source: number, removed?: Uint8Array): void {
  for (let i = 0; i < space.size; i++) {
    const v = space.order[i]!;
    space.dist[v] = Number.POSITIVE_INFINITY;
    space.sigma[v] = 0;
    space.settled[v] = 0;
  }
  space.size = 0;
  space.dist[source] = 0;
  space.sigma[source] = 1;
  if (space.outLength) dijkstra(space, source, space.outLength, removed);
  else bfs(space, source, removed);
}

/** Whether `v` precedes `w` on a shortest path, given the in-row slot `j` of v in w's row. */
export function isPredecessor(space: PathSpace, v: number, w: number, j: number): boolean {
  const length = space.inLength ? space.inLength[j]! : 1;
  return space.dist[v]! + length === space.dist[w]!;
}

function bfs(space: PathSpace, source: number, removed?: Uint8Array): void {
  const { offsets, targets } = space.csr;
  const { dist, sigma, order } = space;
  order[0] = source;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++]!;
    const next = dist[v]! + 1;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
      const w = targets[j]!;
      if (removed?.[w]) continue;
      if (dist[w] === Number.POSITIVE_INFINITY) {
        dist[w] = next;
        order[tail++] = w;
      }
      if (dist[w] === next) sigma[w]! += sigma[v]!;
    }
  }
  space.size = tail;
}

function dijkstra(space: PathSpace, source: number, length: Float64Array, removed?: Uint8Array): void {
  const { offsets, targets } = space.csr;
  const { dist, sigma, order, settled, heapKeys, heapNodes } = space;
  let heapSize = push(heapKeys, heapNodes, 0, 0, source);
  let size = 0;
  while (heapSize > 0) {
    const v = heapNodes[0]!;
    heapSize = pop(heapKeys, heapNodes, heapSize);
    if (settled[v]) continue;
    settled[v] = 1;
    order[size++] = v;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
      const w = targets[j]!;
      if (removed?.[w] || settled[w]) continue;
      const alt = dist[v]! + length[j]!;
      if (alt < dist[w]!) {
        dist[w] = alt;
        sigma[w] = sigma[v]!;
        heapSize = push(heapKeys, heapNodes, heapSize, alt, w);
      } else if (alt === dist[w]) sigma[w]! += sigma[v]!;
    }
  }
  space.size = size;
}

function push(keys: Float64Array, nodes: Int32Array, size: number, key: number, node: number): number {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (keys[parent]! <= key) break;
    keys[i] = keys[parent]!;
    nodes[i] = nodes[parent]!;
    i = parent;
  }
  keys[i] = key;
  nodes[i] = node;
  return size + 1;
}

function pop(keys: Float64Array, nodes: Int32Array, size: number): number {
  const last = size - 1;
  const key = keys[last]!;
  const node = nodes[last]!;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= last) break;
    if (child + 1 < last && keys[child + 1]! < keys[child]!) child++;
    if (keys[child]! >= key) break;
    keys[i] = keys[child]!;
    nodes[i] = nodes[child]!;
    i = child;
  }
  keys[i] = key;
  nodes[i] = node;
  return last;
}
