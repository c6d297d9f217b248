/**
 * Leiden's fast local moving (Traag, Waltman & van Eck 2019, Sci. Rep. 9:5233, Alg. A.2): nodes,
 * taken from a queue that starts in random order, each move to the community that improves the
 * objective most; the neighbours of a node that moved, outside its new community, are queued again.
 * The objective is `internal weight - coefficient * size^2 / 2` summed over communities (leiden.ts).
 */
import { shuffleIndicesInto } from '../core/random.ts';
import type { Level, Workspace } from './leiden-workspace.ts';

const EPSILON = 1e-12;

/** Moves the nodes of `level` between communities (`community`, updated in place); returns their count. */
export function moveNodesFast(
  level: Level,
  community: Int32Array,
  coefficient: number,
  rng: () => number,
  ws: Workspace,
): number {
  const queue = shuffleIndicesInto(ws.order, level.n, rng);
  countMembers(level, community, ws);
  const emptyCount = stackEmpty(ws.members, level.n, ws.empty);
  return level.n - moveQueued(level, community, coefficient, queue, emptyCount, ws);
}

/*
 * The loops below run millions of times and are compiled by the engine while they first run; an
 * operation that has not run yet by then makes the compiled code give way at its first use and be
 * compiled again. So the rare cases (a node better off alone, an empty community) are written as
 * operations that run every time rather than as branches of their own.
 */

/** Moves queued nodes until none is left to move; returns how many communities are then empty. */
function moveQueued(
  level: Level,
  community: Int32Array,
  coefficient: number,
  queue: Int32Array,
  emptyCount: number,
  ws: Workspace,
): number {
  const { n, offsets, targets, weights, size } = level;
  const { total, members, queued, empty, tally, gain } = ws;
  let head = 0;
  let length = n;
  while (length > 0) {
    const v = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    length--;
    queued[v] = 0;
    const own = community[v]!;
    const s = size[v]!;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
      // A zero weight never enters the tally; only positive links can pull a node.
      if (weights[j]! > 0) tally.add(community[targets[j]!]!, weights[j]!);
    }
    total[own]! -= s;
    members[own]!--;
    const ownGain = tally.weight[own]! - coefficient * s * total[own]!;
    let best = own;
    let bestGain = ownGain;
    for (let i = 0; i < tally.count; i++) {
      const c = tally.touched[i]!;
      const gain = tally.weight[c]! - coefficient * s * total[c]!;
      if (gain > bestGain + EPSILON) {
        best = c;
        bestGain = gain;
      }
    }
    tally.clear();
    // Alone is better than anywhere: its own community if now empty, else the top empty one.
    const alone = bestGain < -EPSILON;
    const ownEmpty = members[own] === 0;
    const spare = empty[emptyCount === 0 ? 0 : emptyCount - 1]!;
    emptyCount -= alone && !ownEmpty ? 1 : 0;
    if (alone) best = ownEmpty ? own : spare;
    total[best]! += s;
    members[best]!++;
    community[v] = best;
    if (best === own) continue;
    // What the move adds to the objective (an empty community's gain is 0).
    gain[0]! += (alone ? 0 : bestGain) - ownGain;
    // The community it left, if now empty, goes on the stack of empty ones.
    empty[emptyCount] = own;
    emptyCount += members[own] === 0 ? 1 : 0;
    length = requeueNeighbours(level, v, best, community, queue, head, length, queued);
  }
  return emptyCount;
}

/** Each community's size and member count; every node queued. */
function countMembers(level: Level, community: Int32Array, ws: Workspace): void {
  const { n, size } = level;
  const { total, members, queued } = ws;
  total.fill(0, 0, n);
  members.fill(0, 0, n);
  queued.fill(1, 0, n);
  for (let v = 0; v < n; v++) {
    total[community[v]!]! += size[v]!;
    members[community[v]!]!++;
  }
}

/** Stacks the empty communities, the smallest on top; returns how many. */
function stackEmpty(members: Int32Array, n: number, empty: Int32Array): number {
  let emptyCount = 0;
  for (let c = n - 1; c >= 0; c--) {
    empty[emptyCount] = c;
    emptyCount += members[c] === 0 ? 1 : 0;
  }
  return emptyCount;
}

/** Queues the neighbours of `v` outside its new community `best` that are not queued; returns the length. */
function requeueNeighbours(
  level: Level,
  v: number,
  best: number,
  community: Int32Array,
  queue: Int32Array,
  head: number,
  length: number,
  queued: Uint8Array,
): number {
  const { n, offsets, targets } = level;
  let added = length;
  for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
    const u = targets[j]!;
    if (queued[u] === 0 && community[u] !== best) {
      const tail = head + added;
      queue[tail < n ? tail : tail - n] = u;
      added++;
      queued[u] = 1;
    }
  }
  return added;
}
