/**
 * Cells inside syndicates: the second level of the syndicate -> cell hierarchy. Each community of
 * the first level is split by Leiden (leiden.ts; Traag, Waltman & van Eck 2019) on the links among
 * its own members only, so a cell never straddles two syndicates and the resolution limit of the
 * whole network (Fortunato & Barthelemy 2007) does not hide the small groups inside a large one.
 * Every cell is connected; a syndicate without structure inside is one cell.
 */
import type { Community, CommunityResult } from './communities.ts';
import type { Csr } from './csr.ts';
import { type LeidenObjective, leiden } from './leiden.ts';
import { createRng } from './random.ts';

export interface CellOptions {
  objective?: LeidenObjective;
  /** Resolution of the split inside each syndicate (modularity gamma, or CPM density). */
  resolution?: number;
  rng?: () => number;
  seed?: number;
  /** Syndicates smaller than this are one cell. */
  minSplit?: number;
}

export const DEFAULTS = { objective: 'modularity' as LeidenObjective, resolution: 1, seed: 1, minSplit: 6 };

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
  for (const community of communities.communities) {
    const indices = community.members.map((id) => {
      const i = csr.index.get(id);
      if (i === undefined) throw new Error(`ariadne/analysis/cells: ${id} is not a node of the CSR.`);
      return i;
    });
    const parts =
      indices.length < o.minSplit
        ? [community.members]
        : splitCommunity(csr, indices, { objective: o.objective, resolution: o.resolution, rng });
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
  options: { objective: LeidenObjective; resolution: number; rng: () => number },
): string[][] {
  const sub = inducedCsr(csr, indices);
  if (sub.targets.length === 0) return [indices.map((i) => csr.nodes[i] as string)];
  const { partition } = leiden(sub, options);
  const groups = new Map<number, string[]>();
  partition.forEach((part, local) => {
    const id = csr.nodes[indices[local]!] as string;
    const group = groups.get(part);
    if (group) group.push(id);
    else groups.set(part, [id]);
  });
  return [...groups.values()].sort((a, b) => b.length - a.length);
}

/** The CSR of the links among some nodes of a CSR, the nodes numbered in the order given. */
function inducedCsr(csr: Csr, indices: number[]): Csr {
  const local = new Map<number, number>();
  for (let i = 0; i < indices.length; i++) local.set(indices[i] as number, i);
  const offsets = new Uint32Array(indices.length + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  indices.forEach((global, i) => {
    for (let j = csr.offsets[global]!; j < csr.offsets[global + 1]!; j++) {
      const t = local.get(csr.targets[j]!);
      if (t === undefined) continue;
      targets.push(t);
      weights.push(csr.weights[j]!);
    }
    offsets[i + 1] = targets.length;
  });
  const nodes = indices.map((i) => csr.nodes[i] as string);
  const t = Int32Array.from(targets);
  const w = Float64Array.from(weights);
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
