/**
 * Leiden community detection on an undirected weighted CSR: fast local moving, refinement of each
 * community into well-connected parts, and aggregation on the refined partition, repeated until the
 * partition is stable.
 *
 * Traag, V. A., Waltman, L. & van Eck, N. J. (2019) "From Louvain to Leiden: guaranteeing
 * well-connected communities", Sci. Rep. 9:5233. Two objectives: modularity with resolution gamma
 * (Newman & Girvan 2004; Reichardt & Bornholdt 2006), and the Constant Potts Model (resolution in
 * units of link density, free of the resolution limit). Both are written as
 * `sum over communities (internal weight - coefficient * size^2 / 2)`, where a node's size is its
 * weighted degree and the coefficient gamma / 2m for modularity, and its count of nodes and gamma
 * for CPM; so one moving step serves both.
 */
import type { Csr } from '../core/csr.ts';
import { createRng, shuffledIndices } from '../core/random.ts';

/** What Leiden optimises. */
export type LeidenObjective = 'modularity' | 'cpm';

export interface LeidenOptions {
  objective?: LeidenObjective;
  /** Modularity's gamma, or CPM's density threshold. */
  resolution?: number;
  /** Randomness of the refinement (theta): lower is greedier. */
  randomness?: number;
  rng?: () => number;
  /** Seed for a reproducible run (used when `rng` is not given). */
  seed?: number;
  /**
   * Iterations at most; the run stops earlier when one changes nothing, or (after the first two, as
   * leidenalg and igraph run by default) when the last `gainWindow` iterations after the first
   * together added less than `minGain` to the quality.
   */
  maxIterations?: number;
  /**
   * The least gain in quality, per unit of total link weight (for modularity: of modularity itself),
   * over the last `gainWindow` iterations, for which another iteration runs; 0 iterates until stable.
   */
  minGain?: number;
  /**
   * How many iterations the gain is summed over. Past the first iterations, gains come in a long
   * tail of small steps, so one iteration's gain alone stops a run well short of a stable partition
   * (on LFR 10k at mu 0.4, 0.003 of modularity short of igraph's Leiden run until stable).
   */
  gainWindow?: number;
  /** A partition to start from (community per node index), e.g. the result of an earlier run. */
  initial?: Int32Array;
}

export const DEFAULTS = {
  objective: 'modularity' as LeidenObjective,
  resolution: 1,
  randomness: 0.01,
  seed: 1,
  maxIterations: 100,
  minGain: 1e-4,
  gainWindow: 5,
};

export interface LeidenResult {
  /** Community of each node index, numbered 0.. by first appearance. */
  partition: Int32Array;
  /** How many iterations ran (the last changed nothing unless `maxIterations` stopped the run). */
  iterations: number;
  /** Whether the last iteration changed nothing. */
  stable: boolean;
}

/** One level of the hierarchy: a graph without self-loops, with each node's size. */
interface Level {
  n: number;
  offsets: Uint32Array;
  targets: Int32Array;
  weights: Float64Array;
  size: Float64Array;
}

const EPSILON = 1e-12;

/** Detects communities with Leiden; see the banner. */
export function leiden(csr: Csr, options: LeidenOptions = {}): LeidenResult {
  const o = { ...DEFAULTS, ...options };
  const rng = options.rng ?? createRng(o.seed);
  if (csr.directed)
    throw new Error('ariadne/analysis/leiden: needs an undirected CSR (buildCsr without directed).');
  if (!(o.resolution > 0)) throw new Error('ariadne/analysis/leiden: resolution must be positive, e.g. 1.');
  if (!(o.randomness > 0))
    throw new Error('ariadne/analysis/leiden: randomness must be positive, e.g. 0.01.');
  const base = baseLevel(csr, o.objective);
  const twiceM = base.size.reduce((sum, s) => sum + s, 0);
  const coefficient = o.objective === 'cpm' ? o.resolution : twiceM === 0 ? 0 : o.resolution / twiceM;
  let partition = options.initial ? renumber(options.initial) : identity(base.n);
  if (partition.length !== base.n)
    throw new Error('ariadne/analysis/leiden: initial partition has the wrong length.');
  let iterations = 0;
  let stable = false;
  let quality = qualityOf(base, partition, coefficient);
  // Gain per iteration in units of total link weight; the first, from the starting partition, is
  // left out of the window, or it would keep a partition that is already stable iterating.
  const gains: number[] = [];
  const recentGain = () =>
    gains
      .slice(1)
      .slice(-Math.max(1, o.gainWindow))
      .reduce((sum, g) => sum + g, 0);
  while (iterations < o.maxIterations && !stable && (iterations < 2 || recentGain() >= o.minGain)) {
    iterations++;
    const next = iterate(base, partition, coefficient, o.randomness, rng);
    stable = samePartition(next, partition);
    partition = next;
    const now = qualityOf(base, partition, coefficient);
    gains.push(twiceM === 0 ? 0 : (now - quality) / (twiceM / 2));
    quality = now;
  }
  return { partition, iterations, stable };
}

/**
 * The partition's quality in link-weight units: the weight inside communities less the objective's
 * expected share (coefficient / 2 x each community's size squared); for modularity, modularity x m.
 */
function qualityOf(base: Level, partition: Int32Array, coefficient: number): number {
  let inside = 0;
  // Labels are renumbered 0..n-1 (renumber), so a typed array holds each community's size.
  const sizes = new Float64Array(base.n);
  for (let v = 0; v < base.n; v++) {
    const c = partition[v]!;
    sizes[c]! += base.size[v]!;
    for (let j = base.offsets[v]!; j < base.offsets[v + 1]!; j++)
      if (partition[base.targets[j]!] === c) inside += base.weights[j]!;
  }
  let expected = 0;
  for (let c = 0; c < base.n; c++) expected += sizes[c]! * sizes[c]!;
  return inside / 2 - (coefficient / 2) * expected;
}

/** One Leiden iteration from a partition of the base level; returns the new partition, renumbered. */
function iterate(base: Level, start: Int32Array, coefficient: number, theta: number, rng: () => number) {
  let level = base;
  let community: Int32Array = Int32Array.from(start);
  const nodeOf = identity(base.n); // base node -> node of the current level
  for (;;) {
    moveNodesFast(level, community, coefficient, rng);
    const count = countCommunities(community);
    if (count === level.n) break;
    let refined = refine(level, community, coefficient, theta, rng);
    if (countCommunities(refined) === level.n) refined = community;
    const { aggregate, aggregateCommunity, map } = aggregateLevel(level, refined, community);
    for (let b = 0; b < base.n; b++) nodeOf[b] = map[nodeOf[b]!]!;
    level = aggregate;
    community = aggregateCommunity;
  }
  const result = new Int32Array(base.n);
  for (let b = 0; b < base.n; b++) result[b] = community[nodeOf[b]!]!;
  return renumber(result);
}

function baseLevel(csr: Csr, objective: LeidenObjective): Level {
  const n = csr.nodes.length;
  const size = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    if (objective === 'cpm') size[v] = 1;
    else for (let j = csr.offsets[v]!; j < csr.offsets[v + 1]!; j++) size[v]! += csr.weights[j]!;
  }
  return { n, offsets: csr.offsets, targets: csr.targets, weights: csr.weights, size };
}

/** Scratch space for summing a node's link weights per neighbouring community. */
class Tally {
  readonly weight: Float64Array;
  readonly touched: Int32Array;
  count = 0;

  constructor(n: number) {
    this.weight = new Float64Array(n);
    this.touched = new Int32Array(n);
  }

  add(community: number, w: number): void {
    if (this.weight[community] === 0) this.touched[this.count++] = community;
    this.weight[community]! += w;
  }

  clear(): void {
    for (let i = 0; i < this.count; i++) this.weight[this.touched[i]!] = 0;
    this.count = 0;
  }
}

/** Moves nodes, from a queue, to the community that improves the objective most (Traag et al., Alg. A.2). */
function moveNodesFast(level: Level, community: Int32Array, coefficient: number, rng: () => number): void {
  const { n, offsets, targets, weights, size } = level;
  const total = new Float64Array(n);
  const members = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    total[community[v]!]! += size[v]!;
    members[community[v]!]!++;
  }
  const empty: number[] = [];
  for (let c = n - 1; c >= 0; c--) if (members[c] === 0) empty.push(c);
  const queue = shuffledIndices(n, rng);
  const queued = new Uint8Array(n).fill(1);
  let head = 0;
  let length = n;
  const tally = new Tally(n);
  while (length > 0) {
    const v = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    length--;
    queued[v] = 0;
    const own = community[v]!;
    const s = size[v]!;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
      const c = community[targets[j]!]!;
      // A zero weight never enters the tally; only positive links can pull a node.
      if (weights[j]! > 0) tally.add(c, weights[j]!);
    }
    total[own]! -= s;
    members[own]!--;
    let best = own;
    let bestGain = tally.weight[own]! - coefficient * s * total[own]!;
    for (let i = 0; i < tally.count; i++) {
      const c = tally.touched[i]!;
      const gain = tally.weight[c]! - coefficient * s * total[c]!;
      if (gain > bestGain + EPSILON) {
        best = c;
        bestGain = gain;
      }
    }
    if (bestGain < -EPSILON) best = members[own] === 0 ? own : (empty.pop() as number);
    total[best]! += s;
    members[best]!++;
    community[v] = best;
    tally.clear();
    if (best === own) continue;
    if (members[own] === 0) empty.push(own);
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
      const u = targets[j]!;
      if (queued[u] === 0 && community[u] !== best) {
        const tail = head + length;
        queue[tail < n ? tail : tail - n] = u;
        length++;
        queued[u] = 1;
      }
    }
  }
}

/**
 * Splits each community into well-connected parts (Traag et al., Alg. A.3): nodes start alone and
 * merge, at random with probability growing with the gain, only into parts of their own community
 * that they and the part are well connected to; so every part is connected.
 */
function refine(
  level: Level,
  community: Int32Array,
  coefficient: number,
  theta: number,
  rng: () => number,
): Int32Array {
  const { n, offsets, targets, weights, size } = level;
  const refined = identity(n);
  const partSize = Float64Array.from(size);
  const partMembers = new Int32Array(n).fill(1);
  const communityTotal = new Float64Array(n);
  for (let v = 0; v < n; v++) communityTotal[community[v]!]! += size[v]!;
  // Weight from each part to the rest of its community; a part starts as one node.
  const external = new Float64Array(n);
  const inside = new Float64Array(n);
  for (let v = 0; v < n; v++)
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++)
      if (community[targets[j]!] === community[v]) inside[v]! += weights[j]!;
  external.set(inside);
  const tally = new Tally(n);
  let widest = 0;
  for (let v = 0; v < n; v++) widest = Math.max(widest, offsets[v + 1]! - offsets[v]!);
  const candidates = new Int32Array(widest + 1);
  const chances = new Float64Array(widest + 1);
  // A part whose gain is this far below the best one has a chance under e^-50 of it: none.
  const reach = 50 * theta;
  for (const v of shuffledIndices(n, rng)) {
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
    for (let i = 0; i < tally.count; i++) {
      const part = tally.touched[i]!;
      if (part === own) continue;
      const t = partSize[part]!;
      if (external[part]! < coefficient * t * (communityTotal[c]! - t) - EPSILON) continue;
      const gain = tally.weight[part]! - coefficient * s * t;
      if (gain < 0) continue;
      candidates[count] = part;
      chances[count++] = gain;
      if (gain > top) top = gain;
    }
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const below = top - chances[i]!;
      chances[i] = below > reach ? 0 : Math.exp(-below / theta);
      sum += chances[i]!;
    }
    let pick = rng() * sum;
    let chosen = candidates[count - 1]!;
    for (let i = 0; i < count; i++) {
      pick -= chances[i]!;
      if (pick <= 0) {
        chosen = candidates[i]!;
        break;
      }
    }
    const toChosen = chosen === own ? 0 : tally.weight[chosen]!;
    tally.clear();
    refined[v] = chosen;
    partSize[chosen]! += s;
    partMembers[chosen]!++;
    external[chosen] = external[chosen]! - toChosen + (inside[v]! - toChosen);
  }
  return refined;
}

/** The graph of the refined parts, and the communities it starts from (each part in its community). */
function aggregateLevel(level: Level, refined: Int32Array, community: Int32Array) {
  const { n, offsets, targets, weights, size } = level;
  const map = renumber(refined);
  let k = 0;
  for (let v = 0; v < n; v++) if (map[v]! + 1 > k) k = map[v]! + 1;
  const aggregateCommunity = new Int32Array(k);
  const aggregateSize = new Float64Array(k);
  const start = new Uint32Array(k + 1);
  for (let v = 0; v < n; v++) {
    aggregateCommunity[map[v]!] = community[v]!;
    aggregateSize[map[v]!]! += size[v]!;
    start[map[v]! + 1]!++;
  }
  for (let p = 0; p < k; p++) start[p + 1]! += start[p]!;
  const byPart = new Int32Array(n);
  const fill = start.slice(0, k);
  for (let v = 0; v < n; v++) byPart[fill[map[v]!]!++] = v;
  const outOffsets = new Uint32Array(k + 1);
  // Never more entries than the level's own: merging parts only merges links.
  const outTargets = new Int32Array(targets.length);
  const outWeights = new Float64Array(targets.length);
  let m = 0;
  const tally = new Tally(k);
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
  const aggregate: Level = {
    n: k,
    offsets: outOffsets,
    targets: outTargets.slice(0, m),
    weights: outWeights.slice(0, m),
    size: aggregateSize,
  };
  return { aggregate, aggregateCommunity: renumber(aggregateCommunity), map };
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Community labels numbered 0.. in order of first appearance. */
function renumber(labels: Int32Array): Int32Array {
  const n = labels.length;
  const out = new Int32Array(n);
  // Labels inside a run are node indexes (0..n-1): a typed array maps them. A given starting
  // partition may hold any integers: a Map then.
  let small = true;
  for (let i = 0; i < n && small; i++) small = labels[i]! >= 0 && labels[i]! < n;
  if (small) {
    const next = new Int32Array(n).fill(-1);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const label = labels[i]!;
      if (next[label] === -1) next[label] = count++;
      out[i] = next[label]!;
    }
    return out;
  }
  const next = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    let id = next.get(labels[i]!);
    if (id === undefined) {
      id = next.size;
      next.set(labels[i]!, id);
    }
    out[i] = id;
  }
  return out;
}

function countCommunities(labels: Int32Array): number {
  const seen = new Uint8Array(labels.length);
  let count = 0;
  for (const label of labels)
    if (seen[label] === 0) {
      seen[label] = 1;
      count++;
    }
  return count;
}

// Both are renumbered (first appearance), so the same partition is the same array.
function samePartition(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
