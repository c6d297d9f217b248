/**
 * Leiden's refinement (Traag, Waltman & van Eck 2019, Sci. Rep. 9:5233, Alg. A.3): each community
 * is split into well-connected parts. Nodes start alone and, visited once in random order, merge
 * only into parts of their own community that they and the part are well connected to, picked at
 * random with a chance growing with the gain (randomness theta); so every part is connected.
 */
import { shuffleIndicesInto } from '../core/random.ts';
import type { Level, Workspace } from './leiden-workspace.ts';

const EPSILON = 1e-12;

/** Writes each node's part to `ws.refined` (labels are node indexes); returns how many parts. */
export function refine(
  level: Level,
  community: Int32Array,
  coefficient: number,
  theta: number,
  rng: () => number,
  ws: Workspace,
): number {
  const { n, offsets, targets, weights, size } = level;
  const { refined, partSize, partMembers, communityTotal, inside, external, candidates, chances, tally } = ws;
  startAlone(level, community, ws);
  const order = shuffleIndicesInto(ws.order, n, rng);
  let parts = n;
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    if (partMembers[refined[v]!] !== 1) continue;
    const c = community[v]!;
    const s = size[v]!;
    if (inside[v]! < coefficient * s * (communityTotal[c]! - s) - EPSILON) continue;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
      const u = targets[j]!;
      if (community[u] === c && weights[j]! > 0) tally.add(refined[u]!, weights[j]!);
    }
    const own = refined[v]!;
    partSize[own] = 0;
    partMembers[own] = 0;
    let count = 1;
    let top = 0;
    candidates[0] = own;
    chances[0] = 0;
    for (let k = 0; k < tally.count; k++) {
      const part = tally.touched[k]!;
      if (part === own) continue;
      const t = partSize[part]!;
      if (external[part]! < coefficient * t * (communityTotal[c]! - t) - EPSILON) continue;
      const gain = tally.weight[part]! - coefficient * s * t;
      if (gain < 0) continue;
      candidates[count] = part;
      chances[count++] = gain;
      if (gain > top) top = gain;
    }
    const chosen = pickPart(candidates, chances, count, top, theta, rng);
    const toChosen = chosen === own ? 0 : tally.weight[chosen]!;
    tally.clear();
    if (chosen !== own) parts--;
    refined[v] = chosen;
    partSize[chosen]! += s;
    partMembers[chosen]!++;
    external[chosen] = external[chosen]! - toChosen + (inside[v]! - toChosen);
  }
  return parts;
}

/** Every node alone in its part; each community's size; each node's weight to its own community. */
function startAlone(level: Level, community: Int32Array, ws: Workspace): void {
  const { n, offsets, targets, weights, size } = level;
  const { refined, partSize, partMembers, communityTotal, inside, external } = ws;
  communityTotal.fill(0, 0, n);
  for (let v = 0; v < n; v++) {
    refined[v] = v;
    partSize[v] = size[v]!;
    partMembers[v] = 1;
    communityTotal[community[v]!]! += size[v]!;
    const c = community[v]!;
    let within = 0;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++)
      if (community[targets[j]!] === c) within += weights[j]!;
    inside[v] = within;
    // A part starts as one node: its weight to the rest of its community is the node's.
    external[v] = within;
  }
}

/**
 * One candidate at random, each with a chance of e^(gain / theta) (relative to the best); a gain
 * more than 50 theta below the best has a chance under e^-50 of the best's: none.
 */
function pickPart(
  candidates: Int32Array,
  chances: Float64Array,
  count: number,
  top: number,
  theta: number,
  rng: () => number,
): number {
  const reach = 50 * theta;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const below = top - chances[i]!;
    chances[i] = below > reach ? 0 : Math.exp(-below / theta);
    sum += chances[i]!;
  }
  let pick = rng() * sum;
  for (let i = 0; i < count; i++) {
    pick -= chances[i]!;
    if (pick <= 0) return candidates[i]!;
  }
  return candidates[count - 1]!;
}
