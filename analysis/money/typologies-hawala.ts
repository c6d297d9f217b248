/**
 * Hawala-style offsetting between two brokers (FATF 2013, "The Role of Hawala and Other Similar
 * Service Providers in Money Laundering and Terrorist Financing", section 3 on settlement). Two shapes:
 * - client offsetting: client money enters at one broker and the same value is paid out by the other;
 *   a flow in the opposite direction balances it, so little or no money passes between the brokers;
 * - balancing settlement: the brokers settle what they owe each other in a few transfers both ways
 *   that net out, instead of moving each client's money.
 */
import { indexTransfers, makeHit, type TimedTransfer, type TransferIndex } from './transfer-index.ts';
import type { Transfer, TypologyHit } from './types.ts';

/** Options of `detectHawalaOffsetting`. */
export interface HawalaOptions {
  /** Candidate brokers; when absent, every party with `minClients` payers and payees. */
  brokers?: readonly string[];
  minClients: number;
  /** Largest relative gap between the two opposite flows: |AB - BA| / (AB + BA). */
  maxImbalance: number;
  /** Largest share of the gross flow that passes directly between the brokers. */
  maxDirectShare: number;
  /** Smallest flow each way, in the analysis currency. */
  minAmount: number;
  /** Balancing settlement: fewest transfers between the two brokers, counting both ways. */
  minSettlements: number;
}

/** Defaults of `detectHawalaOffsetting`. */
export const DEFAULTS: HawalaOptions = {
  minClients: 2,
  maxImbalance: 0.25,
  maxDirectShare: 0.1,
  minAmount: 0,
  minSettlements: 3,
};

/** Pairs of brokers whose clients' opposite flows net out with little direct transfer between them. */
export function detectHawalaOffsetting(
  transfers: readonly Transfer[],
  options: Partial<HawalaOptions> = {},
): TypologyHit[] {
  return hawalaFromIndex(indexTransfers(transfers, 'money/typologies-hawala'), { ...DEFAULTS, ...options });
}

interface BrokerBook {
  broker: string;
  /** Client payments in and payouts out, leaving aside the other broker. */
  paidIn: TimedTransfer[];
  paidOut: TimedTransfer[];
}

const sum = (list: readonly TimedTransfer[]) =>
  list.reduce((total, t) => total + (t.amountConverted ?? 0), 0);

/** Hawala offsetting over an index. */
export function hawalaFromIndex(index: TransferIndex, options: HawalaOptions): TypologyHit[] {
  const candidates =
    options.brokers ??
    [...index.incoming.keys()].filter(
      (p) =>
        new Set(index.incoming.get(p)?.map((t) => t.from)).size >= options.minClients &&
        new Set(index.outgoing.get(p)?.map((t) => t.to)).size >= options.minClients,
    );
  const hits: TypologyHit[] = [];
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const hit = offsetting(index, candidates[i] as string, candidates[j] as string, options);
      if (hit) hits.push(hit);
    }
  }
  const paired = new Set(hits.map((h) => [h.parties[0], h.parties[1]].sort().join('\u0000')));
  return [
    ...hits,
    ...settlements(index, options).filter((h) => !paired.has([...h.parties].sort().join('\u0000'))),
  ];
}

/** Pairs that pay each other both ways, at least `minSettlements` times, with flows that net out. */
function settlements(index: TransferIndex, options: HawalaOptions): TypologyHit[] {
  const brokers = options.brokers ? new Set(options.brokers) : undefined;
  const pairs = new Map<string, { a: string; b: string; ab: TimedTransfer[]; ba: TimedTransfer[] }>();
  for (const t of index.transfers) {
    if (brokers && !(brokers.has(t.from) && brokers.has(t.to))) continue;
    const [a, b] = [t.from, t.to].sort() as [string, string];
    const key = `${a}\u0000${b}`;
    const pair = pairs.get(key) ?? { a, b, ab: [], ba: [] };
    (t.from === a ? pair.ab : pair.ba).push(t);
    pairs.set(key, pair);
  }
  const hits: TypologyHit[] = [];
  for (const { a, b, ab, ba } of pairs.values()) {
    if (ab.length === 0 || ba.length === 0 || ab.length + ba.length < options.minSettlements) continue;
    const [there, back] = [sum(ab), sum(ba)];
    if (there <= options.minAmount || back <= options.minAmount) continue;
    if (Math.abs(there - back) > options.maxImbalance * (there + back)) continue;
    hits.push(makeHit('hawala-offsetting', [a, b], [...ab, ...ba]));
  }
  return hits;
}

function bookOf(index: TransferIndex, broker: string, other: string): BrokerBook {
  return {
    broker,
    paidIn: (index.incoming.get(broker) ?? []).filter((t) => t.from !== other),
    paidOut: (index.outgoing.get(broker) ?? []).filter((t) => t.to !== other),
  };
}

function offsetting(
  index: TransferIndex,
  a: string,
  b: string,
  options: HawalaOptions,
): TypologyHit | undefined {
  const bookA = bookOf(index, a, b);
  const bookB = bookOf(index, b, a);
  // Money entering at A leaves at B (flow AB), and the reverse (flow BA).
  const ab = Math.min(sum(bookA.paidIn), sum(bookB.paidOut));
  const ba = Math.min(sum(bookB.paidIn), sum(bookA.paidOut));
  if (ab <= options.minAmount || ba <= options.minAmount) return undefined;
  // Each leg must be matched: what enters at one broker is roughly what the other pays out.
  const matched = (x: number, y: number) => Math.abs(x - y) <= options.maxImbalance * Math.max(x, y);
  if (!matched(sum(bookA.paidIn), sum(bookB.paidOut)) || !matched(sum(bookB.paidIn), sum(bookA.paidOut)))
    return undefined;
  if (Math.abs(ab - ba) > options.maxImbalance * (ab + ba)) return undefined;
  const direct = [
    ...(index.outgoing.get(a) ?? []).filter((t) => t.to === b),
    ...(index.outgoing.get(b) ?? []).filter((t) => t.to === a),
  ];
  if (sum(direct) > options.maxDirectShare * (ab + ba)) return undefined;
  const clientPayments = [...bookA.paidIn, ...bookA.paidOut, ...bookB.paidIn, ...bookB.paidOut];
  const clients = new Set(clientPayments.map((t) => (t.from === a || t.from === b ? t.to : t.from)));
  return makeHit('hawala-offsetting', [a, b, ...clients], [...clientPayments, ...direct]);
}
