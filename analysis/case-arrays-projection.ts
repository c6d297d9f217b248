/**
 * The weighted undirected projection of undirected.ts, computed from case arrays straight into a
 * CSR: ties weighted by link type (membership and leadership count more than a sighting), Payment
 * nodes bridged into payer-payee ties, Source and Case nodes left out. No graphology graph and no
 * map of ties: the CSR's own merge sums parallel links, in the order the graphology projection
 * sums them, so both give the same CSR (same node order, same row order, same weights).
 */
import type { CaseArrays } from './case-arrays.ts';
import { type Csr, csrFromEdgeList } from './csr.ts';
import { DEFAULT_EXCLUDED_TYPES, DEFAULT_LINK_TYPE_WEIGHTS } from './undirected.ts';

export interface ArraysProjectionOptions {
  /** Weight per link type (tie weight = type weight x link weight). */
  linkTypeWeights?: Readonly<Record<string, number>>;
  /** Entity types left out (default Source and Case). */
  exclude?: readonly string[];
  /** Replace each Payment node by payer-payee ties (default true). */
  bridgePayments?: boolean;
}

const positive = (w: number) => (Number.isFinite(w) && w > 0 ? w : 1);

/** Projects case arrays into the undirected CSR the structural analyses run on. */
export function projectCaseArrays(arrays: CaseArrays, options: ArraysProjectionOptions = {}): Csr {
  const typeWeights = options.linkTypeWeights ?? DEFAULT_LINK_TYPE_WEIGHTS;
  const exclude = new Set(options.exclude ?? DEFAULT_EXCLUDED_TYPES);
  const bridge = options.bridgePayments ?? true;
  const n = arrays.nodes.length;
  // kept[v]: index in the projection, -1 when left out, -2 for a Payment to bridge.
  const kept = new Int32Array(n);
  const nodes: string[] = [];
  for (let v = 0; v < n; v++) {
    const type = arrays.attributes[v]?.entityType as string;
    if (exclude.has(type)) kept[v] = -1;
    else if (bridge && type === 'Payment') kept[v] = -2;
    else kept[v] = nodes.push(arrays.nodes[v] as string) - 1;
  }
  const typeWeight = Float64Array.from(arrays.typeNames, (t) => typeWeights[t] ?? 1);
  const ties = new TieList(arrays.sources.length);
  const { sources, targets, types, weights } = arrays;
  for (let e = 0; e < sources.length; e++) {
    const a = kept[sources[e]!]!;
    const b = kept[targets[e]!]!;
    if (a >= 0 && b >= 0 && a !== b) ties.push(a, b, typeWeight[types[e]!]! * positive(weights[e]!));
  }
  if (bridge) bridgePayments(arrays, kept, typeWeight, ties);
  return csrFromEdgeList({ nodes, ...ties.finish() });
}

// Each payer of a Payment (PAID into it) is tied to each payee (RECEIVED out of it), with the
// weight of the PAID link; payments in node order, parties in link order.
function bridgePayments(arrays: CaseArrays, kept: Int32Array, typeWeight: Float64Array, ties: TieList) {
  const paid = arrays.typeNames.indexOf('PAID');
  const received = arrays.typeNames.indexOf('RECEIVED');
  if (paid < 0 || received < 0) return;
  const payers = new Map<number, { node: number; weight: number }[]>();
  const payees = new Map<number, number[]>();
  const { sources, targets, types, weights } = arrays;
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e]!;
    const t = targets[e]!;
    if (types[e] === paid && kept[t] === -2 && kept[s]! >= 0) {
      const list = payers.get(t) ?? [];
      list.push({ node: kept[s]!, weight: typeWeight[paid]! * positive(weights[e]!) });
      payers.set(t, list);
    } else if (types[e] === received && kept[s] === -2 && kept[t]! >= 0) {
      const list = payees.get(s) ?? [];
      list.push(kept[t]!);
      payees.set(s, list);
    }
  }
  for (let v = 0; v < kept.length; v++) {
    if (kept[v] !== -2) continue;
    for (const payer of payers.get(v) ?? [])
      for (const payee of payees.get(v) ?? [])
        if (payer.node !== payee) ties.push(payer.node, payee, payer.weight);
  }
}

/** Growable (source, target, weight) triples. */
class TieList {
  private size = 0;
  private from: Int32Array;
  private to: Int32Array;
  private w: Float64Array;
  constructor(capacity: number) {
    this.from = new Int32Array(Math.max(16, capacity));
    this.to = new Int32Array(Math.max(16, capacity));
    this.w = new Float64Array(Math.max(16, capacity));
  }

  push(a: number, b: number, weight: number): void {
    if (this.size === this.from.length) {
      const grow = <T extends Int32Array | Float64Array>(x: T, into: T): T => {
        into.set(x);
        return into;
      };
      this.from = grow(this.from, new Int32Array(this.size * 2));
      this.to = grow(this.to, new Int32Array(this.size * 2));
      this.w = grow(this.w, new Float64Array(this.size * 2));
    }
    this.from[this.size] = a;
    this.to[this.size] = b;
    this.w[this.size++] = weight;
  }

  finish() {
    return {
      sources: this.from.subarray(0, this.size),
      targets: this.to.subarray(0, this.size),
      weights: this.w.subarray(0, this.size),
    };
  }
}
