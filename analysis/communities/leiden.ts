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
 * for CPM; so one moving step serves both. The phases: leiden-move.ts, leiden-refine.ts and
 * leiden-aggregate.ts, on scratch arrays allocated once per run (leiden-workspace.ts).
 */
import type { Csr } from '../core/csr.ts';
import { createRng } from '../core/random.ts';
import { aggregate } from './leiden-aggregate.ts';
import { moveNodesFast } from './leiden-move.ts';
import { refine } from './leiden-refine.ts';
import { type Level, renumberInto, Workspace } from './leiden-workspace.ts';

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
  const ws = new Workspace(base.n);
  let next: Int32Array = new Int32Array(base.n);
  let iterations = 0;
  let stable = false;
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
    const gain = iterate(base, partition, next, coefficient, o.randomness, rng, ws);
    stable = samePartition(next, partition);
    [partition, next] = [next, partition];
    gains.push(twiceM === 0 ? 0 : gain / (twiceM / 2));
  }
  return { partition, iterations, stable };
}

/**
 * One Leiden iteration from `start`, a partition of the base level; writes the new one, renumbered,
 * to `out`, and returns how much it raised the objective (in link-weight units; for modularity,
 * modularity x m): the sum of its moves' gains, since refining and aggregating change no community.
 */
function iterate(
  base: Level,
  start: Int32Array,
  out: Int32Array,
  coefficient: number,
  theta: number,
  rng: () => number,
  ws: Workspace,
): number {
  let level = base;
  let community = ws.communitiesBesides(undefined);
  community.set(start);
  // Until the end, `out` maps each base node to its node on the current level. Loops over the base
  // nodes are kept out of this function (followMap, readOut): a loop here would make the engine
  // compile it, with every phase inlined, again and again.
  const nodeOf = identityInto(out, base.n);
  ws.gain[0] = 0;
  for (;;) {
    const count = moveNodesFast(level, community, coefficient, rng, ws);
    if (count === level.n) break;
    const parts = refine(level, community, coefficient, theta, rng, ws);
    const above = aggregate(level, parts === level.n ? community : ws.refined, community, ws);
    followMap(nodeOf, ws.map, base.n);
    level = above.level;
    community = above.community;
  }
  readOut(out, community, base.n);
  renumberInto(out, base.n, out, ws.relabel);
  return ws.gain[0]!;
}

function identityInto(out: Int32Array, n: number): Int32Array {
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Moves each base node's place one level up: to the part its node was aggregated into. */
function followMap(nodeOf: Int32Array, map: Int32Array, n: number): void {
  for (let b = 0; b < n; b++) nodeOf[b] = map[nodeOf[b]!]!;
}

/** Replaces each base node's place on the top level by that place's community. */
function readOut(nodeOf: Int32Array, community: Int32Array, n: number): void {
  for (let b = 0; b < n; b++) nodeOf[b] = community[nodeOf[b]!]!;
}

function baseLevel(csr: Csr, objective: LeidenObjective): Level {
  const n = csr.nodes.length;
  // A node's size: its weighted degree for modularity, 1 for CPM.
  const size = objective === 'cpm' ? new Float64Array(n).fill(1) : weightedDegrees(csr, new Float64Array(n));
  return { n, offsets: csr.offsets, targets: csr.targets, weights: csr.weights, size };
}

function weightedDegrees(csr: Csr, out: Float64Array): Float64Array {
  for (let v = 0; v < out.length; v++)
    for (let j = csr.offsets[v]!; j < csr.offsets[v + 1]!; j++) out[v]! += csr.weights[j]!;
  return out;
}

function identity(n: number): Int32Array {
  return identityInto(new Int32Array(n), n);
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
    renumberInto(labels, n, out, new Int32Array(n));
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

// Both are renumbered (first appearance), so the same partition is the same array.
function samePartition(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
