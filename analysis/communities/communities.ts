/**
 * Community detection: the syndicates and cells of a network, on the weighted undirected
 * projection of the case graph, by Leiden (leiden.ts, the default) or Louvain.
 *
 * Traag, V. A., Waltman, L. & van Eck, N. J. (2019) "From Louvain to Leiden: guaranteeing
 * well-connected communities", Sci. Rep. 9:5233. Blondel, V. D., Guillaume, J.-L., Lambiotte, R. &
 * Lefebvre, E. (2008) "Fast unfolding of communities in large networks", J. Stat. Mech. P10008, run
 * through graphology-communities-louvain.
 * A community Louvain returns in several pieces is split into its connected parts (a cell with no
 * tie between its halves is two cells), and ids are stable: by size, then smallest member id.
 */
import louvainModule from 'graphology-communities-louvain';
import type { AbstractGraph } from 'graphology-types';
import { type CellOptions, type CellResult, detectCells } from './cells.ts';
import { assertGraph, assertRng } from '../core/check-graph.ts';
import { labelComponents } from '../core/components.ts';
import { buildCsr, type Csr } from '../core/csr.ts';
import { viewCsrAsGraph } from '../core/csr-graph.ts';
import type { EdgeWeightOption } from '../core/edge-weight.ts';
import { cjsDefault } from '../core/interop.ts';
import { type LeidenObjective, leiden } from './leiden.ts';
import { createRng, shuffledIndices } from '../core/random.ts';
import { type EntityAttributes, isProtected } from '../core/types.ts';
import { projectToCsr, type UndirectedOptions } from '../core/undirected.ts';

export { summariseCommunities } from './community-summary.ts';

const louvain = cjsDefault(louvainModule);

/** The community detection methods: Leiden (the default) or Louvain. */
export const COMMUNITY_METHODS = ['leiden', 'louvain'] as const;
export type CommunityMethod = (typeof COMMUNITY_METHODS)[number];

export interface CommunityOptions {
  /** Leiden (well-connected communities, Traag et al. 2019) or Louvain (Blondel et al. 2008). */
  method?: CommunityMethod;
  /** Leiden's objective: modularity, or the Constant Potts Model (resolution as a link density). */
  objective?: LeidenObjective;
  /** Modularity resolution: above 1 gives smaller communities, below 1 larger ones. */
  resolution?: number;
  rng?: () => number;
  /** Seed for a reproducible run (used when `rng` is not given). */
  seed?: number;
  /** Communities smaller than this are not reported; their members are listed as unassigned. */
  minSize?: number;
  splitDisconnected?: boolean;
  getEdgeWeight?: EdgeWeightOption;
  /** Options of the undirected projection (link-type weights, node filter). */
  projection?: UndirectedOptions;
  /** Also split each community into its cells (cells.ts), with these options. */
  cells?: CellOptions | boolean;
}

export const DEFAULTS = {
  method: 'leiden' as CommunityMethod,
  objective: 'modularity' as LeidenObjective,
  resolution: 1,
  seed: 1,
  minSize: 1,
  splitDisconnected: true,
  getEdgeWeight: 'weight' as EdgeWeightOption,
};

/** One community; `contribution` is its share of the modularity. */
export interface Community {
  id: number;
  size: number;
  members: string[];
  contribution: number;
}

export interface CommunityResult {
  modularity: number;
  communities: Community[];
  /** Node id -> community id, for nodes in a reported community. */
  membership: Record<string, number>;
  unassigned: string[];
  /** The cells inside the communities, when asked for. */
  cells?: CellResult;
}

/** Detects communities with Louvain and returns them with stable ids. */
export function detectCommunities(graph: AbstractGraph, options: CommunityOptions = {}): CommunityResult {
  assertGraph(graph, 'communities');
  const { projection: projectionOptions, getEdgeWeight, cells, ...rest } = options;
  const csr = projectToCsr(graph, {
    getEdgeWeight: getEdgeWeight === undefined ? DEFAULTS.getEdgeWeight : getEdgeWeight,
    ...projectionOptions,
  });
  // The graph knows who the smuggled persons and witnesses are: passengers of the cells.
  const isPassenger = (node: string) => isProtected(graph.getNodeAttributes(node) as EntityAttributes);
  const cellOptions = cells ? { isPassenger, ...(cells === true ? {} : cells) } : undefined;
  return detectCommunitiesInCsr(csr, { ...rest, ...(cellOptions ? { cells: cellOptions } : {}) });
}

/** Detects communities on an undirected CSR (the projection's, or a loaded edge list's). */
export function detectCommunitiesInCsr(
  csr: Csr,
  options: Omit<CommunityOptions, 'projection' | 'getEdgeWeight'> = {},
): CommunityResult {
  const o = { ...DEFAULTS, ...options };
  const rng = options.rng ?? createRng(o.seed);
  assertRng(rng, 'communities');
  if (!(o.resolution > 0))
    throw new Error('ariadne/analysis/communities: resolution must be positive, e.g. 1.');
  let group: Int32Array = new Int32Array(csr.nodes.length);
  if (csr.targets.length === 0) for (let i = 0; i < group.length; i++) group[i] = i;
  else if (o.method === 'leiden') {
    group = leiden(csr, { objective: o.objective, resolution: o.resolution, rng }).partition;
  } else {
    // Louvain reads a lean view of the CSR: the same algorithm, without a graphology instance. Its
    // sweeps go through nodes in index order from a random start; an order that follows the
    // structure (a file written community by community) measurably lowers modularity, hence the
    // seeded shuffle.
    const view = viewCsrAsGraph(csr, shuffledIndices(csr.nodes.length, rng));
    const raw = louvain(view, { getEdgeWeight: 'weight', resolution: o.resolution, rng });
    csr.nodes.forEach((node, i) => {
      group[i] = raw[node] as number;
    });
  }
  const parts = o.splitDisconnected ? labelComponents(csr, undefined, group).label : group;
  const result = describePartition(csr, parts, o.resolution, o.minSize);
  if (!options.cells) return result;
  const cellOptions = options.cells === true ? {} : options.cells;
  return { ...result, cells: detectCells(csr, result, { seed: o.seed, ...cellOptions }) };
}

function describePartition(
  csr: Csr,
  parts: Int32Array,
  resolution: number,
  minSize: number,
): CommunityResult {
  const groups = new Map<number, number[]>();
  parts.forEach((part, i) => {
    const list = groups.get(part);
    if (list) list.push(i);
    else groups.set(part, [i]);
  });
  const { total, contributions } = modularityOf(csr, parts, resolution);
  const ordered = [...groups.entries()]
    .map(([part, nodes]) => ({ part, members: nodes.map((i) => csr.nodes[i] as string).sort(compareIds) }))
    .sort(
      (a, b) => b.members.length - a.members.length || compareIds(a.members[0] ?? '', b.members[0] ?? ''),
    );
  const communities: Community[] = [];
  const membership: Record<string, number> = {};
  const unassigned: string[] = [];
  for (const { part, members } of ordered) {
    if (members.length < minSize) {
      unassigned.push(...members);
      continue;
    }
    const id = communities.length;
    communities.push({ id, size: members.length, members, contribution: contributions.get(part) ?? 0 });
    for (const member of members) membership[member] = id;
  }
  return { modularity: total, communities, membership, unassigned: unassigned.sort(compareIds) };
}

/** Splits every group of a membership into its connected parts; parts get new numeric labels. */
export function splitIntoConnectedParts(
  graph: AbstractGraph,
  membership: Readonly<Record<string, number>>,
): Record<string, number> {
  assertGraph(graph, 'communities');
  const csr = buildCsr(graph);
  const group = new Int32Array(csr.nodes.length);
  csr.nodes.forEach((node, i) => {
    group[i] = membership[node] ?? -1 - i;
  });
  const { label } = labelComponents(csr, undefined, group);
  return Object.fromEntries(csr.nodes.map((node, i) => [node, label[i] as number]));
}

/** Weighted modularity with resolution, in total and per group (Newman & Girvan 2004). */
export function modularityOf(
  csr: Csr,
  parts: Int32Array,
  resolution = 1,
): { total: number; contributions: Map<number, number> } {
  const inside = new Map<number, number>();
  const degree = new Map<number, number>();
  let twiceM = 0;
  // Sums per node first, so the maps see one update per node rather than one per link.
  for (let v = 0; v < csr.nodes.length; v++) {
    const part = parts[v]!;
    let own = 0;
    let within = 0;
    for (let j = csr.offsets[v]!; j < csr.offsets[v + 1]!; j++) {
      const w = csr.weights[j]!;
      own += w;
      if (parts[csr.targets[j]!] === part) within += w;
    }
    if (csr.offsets[v + 1] === csr.offsets[v]) continue;
    twiceM += own;
    degree.set(part, (degree.get(part) ?? 0) + own);
    if (within > 0) inside.set(part, (inside.get(part) ?? 0) + within);
  }
  const contributions = new Map<number, number>();
  let total = 0;
  for (const [part, d] of degree) {
    const q = twiceM === 0 ? 0 : (inside.get(part) ?? 0) / twiceM - resolution * (d / twiceM) ** 2;
    contributions.set(part, q);
    total += q;
  }
  return { total, contributions };
}

/** Orders ids as strings, numerically when both are numbers ("2" before "10"). */
export function compareIds(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
