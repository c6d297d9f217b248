/**
 * Stack and bipartite: the layered typologies of Altman et al. (2023), "Realistic Synthetic Financial
 * Transactions for Anti-Money Laundering Models", figure 2. A stack is money passed along a short
 * chain of conduits (parties that, in the window, receive from one party and pay one party, passing
 * on roughly what they received: layering keeps the value while it moves it); a
 * bipartite is a set of payers paying a set of payees, none of whom pays on within the window.
 */
import {
  between,
  indexTransfers,
  makeHit,
  type TimedTransfer,
  type TransferIndex,
} from './transfer-index.ts';
import { DAY_MS, type Transfer, type TypologyHit } from './types.ts';

/** Options of the layered detectors. */
export interface LayerOptions {
  /** Stack: fewest and most hops of a chain (a longer chain is a walk, not a layered stack). */
  minHops: number;
  maxHops: number;
  /** Stack: largest factor between what a conduit received and what it paid on (unknown amounts pass). */
  amountRatio: number;
  /** Bipartite: fewest payers and payees. */
  minSide: number;
  windowDays: number;
}

/** Defaults of the layered detectors: two-hop stacks; bipartites of two by two within ten days. */
export const DEFAULTS: LayerOptions = {
  minHops: 2,
  maxHops: 2,
  amountRatio: 1.5,
  minSide: 2,
  windowDays: 10,
};

/** Chains of conduits: A pays B, who pays on to C and has no other counterparty in the window. */
export function detectStacks(
  transfers: readonly Transfer[],
  options: Partial<LayerOptions> = {},
): TypologyHit[] {
  return stacksFromIndex(indexTransfers(transfers, 'money/typologies-layers'), { ...DEFAULTS, ...options });
}

/** Payers paying payees, none of whom receives (payers) or pays (payees) within the window. */
export function detectBipartite(
  transfers: readonly Transfer[],
  options: Partial<LayerOptions> = {},
): TypologyHit[] {
  return bipartiteFromIndex(indexTransfers(transfers, 'money/typologies-layers'), {
    ...DEFAULTS,
    ...options,
  });
}

const within = between;

/** The single onward payment of a conduit that received `arrival`, if the party is one. */
function onward(
  index: TransferIndex,
  arrival: TimedTransfer,
  span: number,
  ratio: number,
): TimedTransfer | undefined {
  const party = arrival.to;
  const out = within(index.outgoing.get(party), arrival.time, arrival.time + span);
  const payees = new Set(out.map((t) => t.to));
  if (payees.size !== 1) return undefined;
  const first = out[0] as TimedTransfer;
  const around = within(index.incoming.get(party), arrival.time - span, first.time);
  if (!around.every((t) => t.from === arrival.from)) return undefined;
  return similar(arrival.amountConverted, first.amountConverted, ratio) ? first : undefined;
}

/** Whether two amounts are within a factor `ratio` of each other; an unknown amount cannot object. */
function similar(a: number | null, b: number | null, ratio: number): boolean {
  if (a === null || b === null) return true;
  if (a <= 0 || b <= 0) return a === b;
  return Math.max(a, b) / Math.min(a, b) <= ratio;
}

/** Stacks over an index. */
export function stacksFromIndex(index: TransferIndex, options: LayerOptions): TypologyHit[] {
  const span = options.windowDays * DAY_MS;
  const hits: TypologyHit[] = [];
  for (const first of index.transfers) {
    // A chain starts where no money reached its payer just before.
    if (within(index.incoming.get(first.from), first.time - span, first.time).length > 0) continue;
    const chain = [first];
    const seen = new Set([first.from, first.to]);
    let next = onward(index, first, span, options.amountRatio);
    while (next && chain.length <= options.maxHops) {
      chain.push(next);
      if (seen.has(next.to)) break;
      seen.add(next.to);
      next = onward(index, next, span, options.amountRatio);
    }
    const end = chain[chain.length - 1] as TimedTransfer;
    const continues = within(index.outgoing.get(end.to), end.time, end.time + span).length > 0;
    if (
      chain.length < options.minHops ||
      chain.length > options.maxHops ||
      (continues && end.to !== first.from)
    )
      continue;
    hits.push(makeHit('stack', [first.from, ...chain.map((t) => t.to)], chain));
  }
  return hits;
}

/** Bipartites over an index: connected groups of pure payers and pure payees. */
export function bipartiteFromIndex(index: TransferIndex, options: LayerOptions): TypologyHit[] {
  const span = options.windowDays * DAY_MS;
  const pure = index.transfers.filter(
    (t) =>
      within(index.incoming.get(t.from), t.time - span, t.time + span).length === 0 &&
      within(index.outgoing.get(t.to), t.time - span, t.time + span).length === 0,
  );
  const hits: TypologyHit[] = [];
  for (const group of components(pure)) {
    const payers = [...new Set(group.map((t) => t.from))];
    const payees = [...new Set(group.map((t) => t.to))];
    if (payers.length < options.minSide || payees.length < options.minSide) continue;
    hits.push(makeHit('bipartite', [...payers, ...payees], group));
  }
  return hits;
}

/** Weakly connected groups of transfers (union-find over parties). */
function components(transfers: readonly TimedTransfer[]): TimedTransfer[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  for (const t of transfers) {
    if (!parent.has(t.from)) parent.set(t.from, t.from);
    if (!parent.has(t.to)) parent.set(t.to, t.to);
    parent.set(find(t.from), find(t.to));
  }
  const groups = new Map<string, TimedTransfer[]>();
  for (const t of transfers) {
    const root = find(t.from);
    groups.set(root, [...(groups.get(root) ?? []), t]);
  }
  return [...groups.values()];
}
