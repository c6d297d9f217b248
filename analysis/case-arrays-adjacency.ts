/**
 * The links of each node of case arrays, by position, in graphology's iteration order for a multi
 * directed graph built from the same arrays: neighbours whose ids are array indices ("12") first in
 * numeric order, then the others in order of their first link; parallel links newest first. Built
 * for all links, or for some of them (in the order they have among all links) without sorting all.
 */

/** Links of each node, by position: those of node v are links[offsets[v]..offsets[v + 1]). */
export interface Adjacency {
  offsets: Uint32Array;
  links: Int32Array;
}

const MAX_INDEX = 2 ** 32 - 2;

/** A node's rank among neighbour keys: its numeric value when its id is an array index, else -1. */
export function indexRanks(nodes: string[]): Float64Array {
  return Float64Array.from(nodes, (id) => {
    if (!/^(0|[1-9]\d{0,9})$/.test(id)) return -1;
    const value = Number(id);
    return value <= MAX_INDEX ? value : -1;
  });
}

/** The links of each node by `from` (or the links e where keep[e] is 1), in graphology's order. */
export function adjacency(
  n: number,
  from: Int32Array,
  to: Int32Array,
  rank: Float64Array,
  keep?: Uint8Array,
): Adjacency {
  // Counting sort of link positions by `from`: each list in increasing position.
  const count = keep === undefined ? from.length : keep.reduce((sum, k) => sum + k, 0);
  const offsets = new Uint32Array(n + 1);
  for (let e = 0; e < from.length; e++) if (keep === undefined || keep[e] === 1) offsets[from[e]! + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const links = new Int32Array(count);
  for (let e = 0; e < from.length; e++) if (keep === undefined || keep[e] === 1) links[fill[from[e]!]!++] = e;
  const first = keep === undefined ? undefined : firstLinks(n, from, to, rank, { offsets, links });
  const mark = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    const start = offsets[v]!;
    const end = offsets[v + 1]!;
    // In increasing position with no index-like or repeated neighbour, a list is in order, but
    // only when it holds every link: some of them need the position of each neighbour's first.
    let reorder = first !== undefined && end - start > 1;
    for (let j = start; j < end && !reorder; j++) {
      const w = to[links[j]!]!;
      if (rank[w]! >= 0 || mark[w] === v) reorder = true;
      mark[w] = v;
    }
    if (reorder) sortList(v, links, start, end, n, to, rank, first);
  }
  return { offsets, links };
}

// For the lists of kept links that need sorting: the position of the first of all links from v to
// each of their neighbours w that is not index-like, by v * n + w.
function firstLinks(n: number, from: Int32Array, to: Int32Array, rank: Float64Array, kept: Adjacency) {
  const first = new Map<number, number>();
  const asked = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (kept.offsets[v + 1]! - kept.offsets[v]! < 2) continue;
    for (let j = kept.offsets[v]!; j < kept.offsets[v + 1]!; j++) {
      const w = to[kept.links[j]!]!;
      if (rank[w]! < 0) first.set(v * n + w, -1);
    }
    asked[v] = 1;
  }
  for (let e = 0; e < from.length; e++) {
    if (asked[from[e]!] !== 1) continue;
    const key = from[e]! * n + to[e]!;
    if (first.get(key) === -1) first.set(key, e);
  }
  return first;
}

// Sorts a node's list: index-like neighbours by rank, then the others by their first link (the
// first in the list itself when it holds every link), parallel links newest first.
function sortList(
  v: number,
  links: Int32Array,
  start: number,
  end: number,
  n: number,
  to: Int32Array,
  rank: Float64Array,
  firstOfAll: Map<number, number> | undefined,
) {
  const first = new Map<number, number>();
  for (let j = start; j < end; j++) {
    const w = to[links[j]!]!;
    if (!first.has(w)) first.set(w, firstOfAll === undefined ? j : (firstOfAll.get(v * n + w) ?? j));
  }
  const key = (e: number) => {
    const w = to[e]!;
    return rank[w]! >= 0 ? [0, rank[w]!] : [1, first.get(w)!];
  };
  const sorted = Array.from(links.subarray(start, end)).sort((a, b) => {
    const [ga, ka] = key(a);
    const [gb, kb] = key(b);
    return ga! - gb! || ka! - kb! || b - a;
  });
  links.set(sorted, start);
}
