/**
 * Cells inside syndicates: the second level of the syndicate -> cell hierarchy. Each community of
 * the first level is split by Leiden (leiden.ts; Traag, Waltman & van Eck 2019) on the links among
 * its own members only, so a cell never straddles two syndicates and the resolution limit of the
 * whole network (Fortunato & Barthelemy 2007) does not hide the small groups inside a large one.
 * Every cell is connected; a syndicate without structure inside is one cell.
 *
 * Passengers (the people smuggled, and witnesses) are carried by cells, never the glue between
 * them: the split runs on the ties among the other members only, and each passenger then joins the
 * cell it has the most tie weight to (a passenger tied to no cell is a cell of its own), with what
 * hangs off that passenger alone (a passport only they hold). Many passengers recruited by one cell
 * and carried by another cannot merge the two.
 */
import type { Community, CommunityResult } from './communities.ts';
import type { Csr } from '../core/csr.ts';
import { type LeidenObjective, leiden } from './leiden.ts';
import { createRng } from '../core/random.ts';

export interface CellOptions {
  objective?: LeidenObjective;
  /** Resolution of the split inside each syndicate (modularity gamma, or CPM density). */
  resolution?: number;
  rng?: () => number;
  seed?: number;
  /** Syndicates smaller than this are one cell. */
  minSplit?: number;
  /** Nodes that ride with a cell but never join two: smuggled persons and witnesses. */
  isPassenger?: (node: string) => boolean;
  /**
   * Coordinators: a member whose ties to any one cell (their own included) are less than this share
   * of their ties inside the syndicate, spread over at least `coordinatorCells` cells, leads or links
   * the cells rather than working in one; coordinators tied to each other are a cell of their own
   * (the leadership). 0 leaves every member in the cell Leiden gave.
   */
  coordinatorShare?: number;
  coordinatorCells?: number;
}

/**
 * Modularity with gamma 2 inside each syndicate: on the demo case's planted cells it recovers them
 * with NMI 0.99, against 0.96 at gamma 1 and 0.98 at CPM's best (README, "Cells"; measured by
 * scripts/bench/communities-quality.ts).
 */
export const DEFAULTS = {
  objective: 'modularity' as LeidenObjective,
  resolution: 2,
  seed: 1,
  minSplit: 6,
  isPassenger: (_node: string) => false,
  // Any share from 0.25 to 0.4 recovers all 45 planted cells of the demo case, the 5 leaderships
  // included (cell NMI 1.0, against 0.99 with none; README, "Cells").
  coordinatorShare: 1 / 3,
  coordinatorCells: 3,
};

/** A cell and the community (syndicate) it belongs to. */
export interface Cell extends Community {
  parent: number;
}

export interface CellResult {
  cells: Cell[];
  /** Node id -> cell id, for every member of a reported community. */
  membership: Record<string, number>;
}

/** Splits each community of `communities` (found on `csr`) into its cells. */
export function detectCells(csr: Csr, communities: CommunityResult, options: CellOptions = {}): CellResult {
  const o = { ...DEFAULTS, ...options };
  const rng = options.rng ?? createRng(o.seed);
  if (!(o.resolution > 0)) throw new Error('ariadne/analysis/cells: resolution must be positive, e.g. 1.');
  const cells: Cell[] = [];
  const membership: Record<string, number> = {};
  const local = new Int32Array(csr.nodes.length).fill(-1);
  for (const community of communities.communities) {
    const indices = community.members.map((id) => {
      const i = csr.index.get(id);
      if (i === undefined) throw new Error(`ariadne/analysis/cells: ${id} is not a node of the CSR.`);
      return i;
    });
    const parts =
      indices.length < o.minSplit
        ? [community.members]
        : splitCommunity(csr, indices, local, {
            objective: o.objective,
            resolution: o.resolution,
            rng,
            isPassenger: o.isPassenger,
            coordinatorShare: o.coordinatorShare,
            coordinatorCells: o.coordinatorCells,
          });
    for (const members of parts) {
      const id = cells.length;
      cells.push({ id, parent: community.id, size: members.length, members, contribution: 0 });
      for (const member of members) membership[member] = id;
    }
  }
  return { cells, membership };
}

/** The members of each cell of one community, largest cell first, members in the community's order. */
function splitCommunity(
  csr: Csr,
  indices: number[],
  local: Int32Array,
  options: {
    objective: LeidenObjective;
    resolution: number;
    rng: () => number;
    isPassenger: (node: string) => boolean;
    coordinatorShare: number;
    coordinatorCells: number;
  },
): string[][] {
  const { isPassenger, coordinatorShare, coordinatorCells, ...leidenOptions } = options;
  const members = new Set(indices);
  const passengers = new Set(indices.filter((i) => isPassenger(csr.nodes[i] as string)));
  // What hangs off a passenger alone (the passport only they hold) rides with them.
  const carriedBy = new Map<number, number>();
  for (const i of indices) {
    if (passengers.has(i)) continue;
    const only = onlyNeighbourWithin(csr, i, members);
    if (only !== undefined && passengers.has(only)) carriedBy.set(i, only);
  }
  const core = indices.filter((i) => !passengers.has(i) && !carriedBy.has(i));
  const sub = inducedCsr(csr, core, local);
  // Core members with no tie among them are cells of their own: passengers do not hold them together.
  const parts =
    sub.targets.length === 0 ? Int32Array.from(core.keys()) : leiden(sub, leidenOptions).partition;
  if (coordinatorShare > 0) separateCoordinators(sub, parts, coordinatorShare, coordinatorCells);
  const partOf = new Map<number, number>();
  let next = 0;
  for (let local = 0; local < core.length; local++) {
    partOf.set(core[local]!, parts[local]!);
    next = Math.max(next, parts[local]! + 1);
  }
  // Passengers look only at the core's parts, so that none follows another into a cell.
  const corePart = new Map(partOf);
  for (const i of passengers) partOf.set(i, heaviestPart(csr, i, corePart) ?? next++);
  for (const [i, passenger] of carriedBy) partOf.set(i, partOf.get(passenger) as number);
  const groups = new Map<number, string[]>();
  for (const i of indices) {
    const part = partOf.get(i) as number;
    const group = groups.get(part);
    if (group) group.push(csr.nodes[i] as string);
    else groups.set(part, [csr.nodes[i] as string]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length);
}

/**
 * Takes the coordinators out of the cells Leiden found (in place): each member whose heaviest share
 * of ties to one cell is below `share`, with ties into at least `spread` cells; coordinators linked
 * to each other become one new cell per connected group, a lone one a cell of its own. Found on the
 * cells as Leiden gave them, so taking one coordinator out does not make another.
 */
function separateCoordinators(sub: Csr, parts: Int32Array, share: number, spread: number): void {
  const n = parts.length;
  const coordinator = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const weight = new Map<number, number>();
    let strength = 0;
    for (let j = sub.offsets[i]!; j < sub.offsets[i + 1]!; j++) {
      const t = sub.targets[j]!;
      if (t === i) continue;
      strength += sub.weights[j]!;
      weight.set(parts[t]!, (weight.get(parts[t]!) ?? 0) + sub.weights[j]!);
    }
    if (strength === 0 || weight.size < spread) continue;
    if (Math.max(...weight.values()) < share * strength) coordinator[i] = 1;
  }
  let next = 0;
  for (let i = 0; i < n; i++) next = Math.max(next, parts[i]! + 1);
  const seen = new Uint8Array(n);
  for (let start = 0; start < n; start++) {
    if (coordinator[start] === 0 || seen[start] === 1) continue;
    const part = next++;
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      parts[i] = part;
      for (let j = sub.offsets[i]!; j < sub.offsets[i + 1]!; j++) {
        const t = sub.targets[j]!;
        if (coordinator[t] === 1 && seen[t] === 0) {
          seen[t] = 1;
          stack.push(t);
        }
      }
    }
  }
}

/** A node's one neighbour among some nodes, or undefined when it has none or several there. */
function onlyNeighbourWithin(csr: Csr, node: number, among: Set<number>): number | undefined {
  let only: number | undefined;
  for (let j = csr.offsets[node]!; j < csr.offsets[node + 1]!; j++) {
    const t = csr.targets[j]!;
    if (t === only || !among.has(t)) continue;
    if (only !== undefined) return undefined;
    only = t;
  }
  return only;
}

/** The part of the core a passenger has the most tie weight to (the lowest part on a tie). */
function heaviestPart(csr: Csr, node: number, partOf: Map<number, number>): number | undefined {
  const weight = new Map<number, number>();
  for (let j = csr.offsets[node]!; j < csr.offsets[node + 1]!; j++) {
    const part = partOf.get(csr.targets[j]!);
    if (part !== undefined) weight.set(part, (weight.get(part) ?? 0) + csr.weights[j]!);
  }
  let best: number | undefined;
  for (const [part, w] of weight)
    if (best === undefined || w > (weight.get(best) as number) || (w === weight.get(best) && part < best))
      best = part;
  return best;
}

/**
 * The CSR of the links among some nodes of a CSR, the nodes numbered in the order given. `local`
 * (one entry per node of `csr`, all -1) is scratch space shared by the communities, left as it was.
 */
function inducedCsr(csr: Csr, indices: number[], local: Int32Array): Csr {
  let entries = 0;
  for (let i = 0; i < indices.length; i++) {
    const global = indices[i]!;
    local[global] = i;
    entries += csr.offsets[global + 1]! - csr.offsets[global]!;
  }
  const offsets = new Uint32Array(indices.length + 1);
  const targets = new Int32Array(entries);
  const weights = new Float64Array(entries);
  let m = 0;
  for (let i = 0; i < indices.length; i++) {
    const global = indices[i]!;
    for (let j = csr.offsets[global]!; j < csr.offsets[global + 1]!; j++) {
      const t = local[csr.targets[j]!]!;
      if (t < 0) continue;
      targets[m] = t;
      weights[m++] = csr.weights[j]!;
    }
    offsets[i + 1] = m;
  }
  for (const global of indices) local[global] = -1;
  const nodes = indices.map((i) => csr.nodes[i] as string);
  const t = targets.slice(0, m);
  const w = weights.slice(0, m);
  return {
    nodes,
    index: new Map(nodes.map((id, i) => [id, i])),
    directed: false,
    offsets,
    targets: t,
    weights: w,
    inOffsets: offsets,
    inTargets: t,
    inWeights: w,
  };
}
