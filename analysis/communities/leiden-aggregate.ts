/**
 * Leiden's aggregation (Traag, Waltman & van Eck 2019, Sci. Rep. 9:5233): the graph whose nodes are
 * the refined parts of a level, links summed between parts, each part starting in the community
 * its nodes were in; so the next level's moves are moves of whole parts.
 */
import { type Level, renumberInto, type Workspace } from './leiden-workspace.ts';

/** The level of `refined`'s parts and its communities; `ws.map` holds each node's part index. */
export function aggregate(
  level: Level,
  refined: Int32Array,
  community: Int32Array,
  ws: Workspace,
): { level: Level; community: Int32Array } {
  const { n, offsets } = level;
  const { map, start } = ws;
  const k = renumberInto(refined, n, map, ws.relabel);
  const rows = ws.rowsAbove(level, offsets[n]!);
  const aggregateCommunity = ws.communitiesBesides(community);
  // The nodes grouped by part, in index order: part p's from ws.byPart[start[p]]. Each step is a
  // function with one loop and nothing after it: see leiden-move.ts on loops compiled as they run.
  countParts(level, k, community, aggregateCommunity, rows.size, ws);
  runningTotals(start, k);
  fillParts(n, map, start, ws.byPart);
  // Each part's start moved along as it filled: set back, each part ends where the next starts.
  start.copyWithin(1, 0, k);
  start[0] = 0;
  sumLinks(level, k, rows.offsets, rows.targets, rows.weights, ws);
  // Community labels are labels of this level's nodes: below n, not below k.
  renumberInto(aggregateCommunity, k, aggregateCommunity, ws.relabel, n);
  return {
    level: { n: k, offsets: rows.offsets, targets: rows.targets, weights: rows.weights, size: rows.size },
    community: aggregateCommunity,
  };
}

/** Each part's community and size, and its count of nodes at `ws.start[p + 1]`. */
function countParts(
  level: Level,
  k: number,
  community: Int32Array,
  partCommunity: Int32Array,
  partSize: Float64Array,
  ws: Workspace,
): void {
  const { n, size } = level;
  const { map, start } = ws;
  partSize.fill(0, 0, k);
  start.fill(0, 0, k + 1);
  for (let v = 0; v < n; v++) {
    partCommunity[map[v]!] = community[v]!;
    partSize[map[v]!]! += size[v]!;
    start[map[v]! + 1]!++;
  }
}

function runningTotals(counts: Uint32Array, k: number): void {
  for (let p = 0; p < k; p++) counts[p + 1]! += counts[p]!;
}

function fillParts(n: number, map: Int32Array, start: Uint32Array, byPart: Int32Array): void {
  for (let v = 0; v < n; v++) byPart[start[map[v]!]!++] = v;
}

/** Writes the links between the k parts (grouped in `ws.byPart` from `ws.start`), summed. */
function sumLinks(
  level: Level,
  k: number,
  outOffsets: Uint32Array,
  outTargets: Int32Array,
  outWeights: Float64Array,
  ws: Workspace,
): void {
  const { offsets, targets, weights } = level;
  const { map, start, byPart, tally } = ws;
  let m = 0;
  outOffsets[0] = 0;
  for (let p = 0; p < k; p++) {
    for (let i = start[p]!; i < start[p + 1]!; i++) {
      const v = byPart[i]!;
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const q = map[targets[j]!]!;
        if (q !== p) tally.add(q, weights[j]!);
      }
    }
    for (let i = 0; i < tally.count; i++) {
      outTargets[m] = tally.touched[i]!;
      outWeights[m++] = tally.weight[tally.touched[i]!]!;
    }
    tally.clear();
    outOffsets[p + 1] = m;
  }
}
