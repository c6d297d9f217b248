/**
 * Weighted undirected projection of a case graph.
 *
 * Most structural measures (modularity, betweenness, cut points) are defined on simple undirected
 * graphs, while the case graph is a directed multi graph with typed links. The projection sums every
 * link between two entities into one tie, weighted by how much the link type says about working
 * together (membership and leadership count more than a sighting in the same place). A Payment node
 * is bridged into a direct payer-payee tie, and Source and Case nodes are left out by default:
 * they touch everything and would glue the network into one blob.
 */
import { UndirectedGraph } from 'graphology';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { assertGraph } from './check-graph.ts';
import { type Csr, csrFromEdgeList } from './csr.ts';
import { type EdgeWeightOption, resolveEdgeWeight } from './edge-weight.ts';
import { TieTable } from './tie-table.ts';

/** Weight of one link of each type; types not listed weigh 1. */
export const DEFAULT_LINK_TYPE_WEIGHTS: Readonly<Record<string, number>> = {
  MEMBER_OF: 3,
  LEADS: 3,
  CONTACTED: 2,
  ASSOCIATE_OF: 2,
  FAMILY_OF: 2,
};

/** Entity types left out of the projection unless `include` says otherwise. */
export const DEFAULT_EXCLUDED_TYPES: readonly string[] = ['Source', 'Case'];

export interface UndirectedOptions {
  /** Weight per link type (tie weight = type weight x edge weight). */
  linkTypeWeights?: Readonly<Record<string, number>>;
  /** Edge weight: attribute name, getter, or null for 1. */
  getEdgeWeight?: EdgeWeightOption;
  /** Keeps a node when true; by default every node except Source and Case. */
  include?: (node: string, attributes: Attributes) => boolean;
  /** Replace each Payment node by payer-payee ties (default true). */
  bridgePayments?: boolean;
}

export const DEFAULTS = {
  linkTypeWeights: DEFAULT_LINK_TYPE_WEIGHTS,
  getEdgeWeight: 'weight' as EdgeWeightOption,
  include: (_node: string, attributes: Attributes) =>
    !DEFAULT_EXCLUDED_TYPES.includes(attributes.entityType as string),
  bridgePayments: true,
};

/** Tie attributes of the projection. */
export interface TieAttributes extends Attributes {
  weight: number;
}

type TieWeight = (edge: string, attributes: Attributes) => number;

/** Collapses a (multi, directed) graph into a simple undirected graph with summed tie weights. */
export function toWeightedUndirected(
  graph: AbstractGraph,
  options: UndirectedOptions = {},
): UndirectedGraph<Attributes, TieAttributes> {
  const { kept, ties } = collectTies(graph, options);
  return assemble(graph, kept, ties);
}

/**
 * The same projection as compressed sparse rows, for the algorithms that run on typed arrays
 * (communities, disruption): no graphology graph of ties is built on the way.
 */
export function projectToCsr(graph: AbstractGraph, options: UndirectedOptions = {}): Csr {
  const { kept, ties } = collectTies(graph, options);
  const m = ties.size;
  return csrFromEdgeList({
    nodes: kept,
    sources: ties.lo.subarray(0, m),
    targets: ties.hi.subarray(0, m),
    weights: ties.weight.subarray(0, m),
  });
}

// The kept nodes, and the summed weight of each tie by node indexes (tie-table.ts): no string or
// number keys per link.
function collectTies(graph: AbstractGraph, options: UndirectedOptions): { kept: string[]; ties: TieTable } {
  assertGraph(graph, 'undirected');
  const typeWeights = options.linkTypeWeights ?? DEFAULTS.linkTypeWeights;
  const weightOf = resolveEdgeWeight(
    options.getEdgeWeight === undefined ? DEFAULTS.getEdgeWeight : options.getEdgeWeight,
  );
  const include = options.include ?? DEFAULTS.include;
  const bridge = options.bridgePayments ?? DEFAULTS.bridgePayments;
  const tieWeight: TieWeight = (edge, attributes) =>
    (typeWeights[attributes.linkType as string] ?? 1) * weightOf(edge, attributes);

  const kept: string[] = [];
  const index = new Map<string, number>();
  const payments: string[] = [];
  graph.forEachNode((node, attributes) => {
    if (!include(node, attributes)) return;
    if (bridge && attributes.entityType === 'Payment') payments.push(node);
    else index.set(node, kept.push(node) - 1);
  });

  const ties = new TieTable(graph.size);
  const addTie = (a: number, b: number, weight: number) => ties.add(a, b, weight);
  graph.forEachEdge((edge, attributes, source, target) => {
    const a = index.get(source);
    const b = index.get(target);
    if (a !== undefined && b !== undefined) addTie(a, b, tieWeight(edge, attributes));
  });
  for (const payment of payments) bridgePayment(graph, payment, index, tieWeight, addTie);
  return { kept, ties };
}

function bridgePayment(
  graph: AbstractGraph,
  payment: string,
  index: Map<string, number>,
  tieWeight: TieWeight,
  addTie: (a: number, b: number, weight: number) => void,
): void {
  const payers: { node: number; weight: number }[] = [];
  const payees: number[] = [];
  graph.forEachInEdge(payment, (edge, attributes, source) => {
    const node = index.get(source);
    if (attributes.linkType === 'PAID' && node !== undefined)
      payers.push({ node, weight: tieWeight(edge, attributes) });
  });
  graph.forEachOutEdge(payment, (_edge, attributes, _source, target) => {
    const node = index.get(target);
    if (attributes.linkType === 'RECEIVED' && node !== undefined) payees.push(node);
  });
  for (const payer of payers) for (const payee of payees) addTie(payer.node, payee, payer.weight);
}

function assemble(
  graph: AbstractGraph,
  kept: string[],
  ties: TieTable,
): UndirectedGraph<Attributes, TieAttributes> {
  const result = new UndirectedGraph<Attributes, TieAttributes>();
  for (const node of kept) result.addNode(node, { ...graph.getNodeAttributes(node) });
  // graphology's own counter keys measured faster than addEdgeWithKey or import() at 1M ties.
  for (let t = 0; t < ties.size; t++)
    result.addEdge(kept[ties.lo[t] as number] as string, kept[ties.hi[t] as number] as string, {
      weight: ties.weight[t] as number,
    });
  return result;
}
