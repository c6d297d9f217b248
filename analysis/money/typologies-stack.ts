/**
 * Stacks: money layered from a set of origins through a layer of conduits into a set of destinations
 * (the stack typology of Altman et al. 2023, "Realistic Synthetic Financial Transactions for
 * Anti-Money Laundering Models", figure 2: two bipartite layers, one on top of the other). A conduit
 * has few counterparties and, within the window, pays on roughly what it received: layering keeps the
 * value while it moves it. Conduits that feed one another form a longer walk, not a two-layer stack,
 * and are left out; conduits that share an origin or a destination form one stack. Busy accounts can
 * also serve as the middle layer: several origins whose money reaches one destination through shared
 * intermediaries (overlapping scatter-gathers) form a stack as well.
 */
import {
  between,
  indexTransfers,
  makeHit,
  type TimedTransfer,
  type TransferIndex,
} from './transfer-index.ts';
import { DEFAULTS as HUB_DEFAULTS, scatterGatherFromIndex } from './typologies-hub.ts';
import { DAY_MS, type Transfer, type TypologyHit } from './types.ts';

/** Options of `detectStacks`. */
export interface StackOptions {
  /** Largest factor between what a conduit received and what it paid on (unknown amounts pass). */
  amountRatio: number;
  /** Most distinct payers, and most distinct payees, of a conduit within the window. */
  maxConduitDegree: number;
  windowDays: number;
}

/** Defaults of `detectStacks`. */
export const DEFAULTS: StackOptions = { amountRatio: 1.5, maxConduitDegree: 3, windowDays: 10 };

/** Origins paying conduits that pass the money on to destinations. */
export function detectStacks(
  transfers: readonly Transfer[],
  options: Partial<StackOptions> = {},
): TypologyHit[] {
  return stacksFromIndex(indexTransfers(transfers, 'money/typologies-stack'), { ...DEFAULTS, ...options });
}

interface Conduit {
  party: string;
  ins: TimedTransfer[];
  outs: TimedTransfer[];
}

const total = (list: readonly TimedTransfer[]) => list.reduce((s, t) => s + (t.amountConverted ?? 0), 0);
const known = (list: readonly TimedTransfer[]) => list.every((t) => t.amountConverted !== null);

/** The first window in which the party receives and pays on about as much, if there is one. */
function conduitOf(index: TransferIndex, party: string, options: StackOptions): Conduit | undefined {
  const incoming = index.incoming.get(party) ?? [];
  const outgoing = index.outgoing.get(party) ?? [];
  const span = options.windowDays * DAY_MS;
  for (const first of incoming) {
    const ins = between(incoming, first.time, first.time + span);
    const outs = between(outgoing, first.time, (ins[ins.length - 1] as TimedTransfer).time + span);
    if (outs.length === 0) continue;
    const payers = new Set(ins.map((t) => t.from)).size;
    const payees = new Set(outs.map((t) => t.to)).size;
    if (payers > options.maxConduitDegree || payees > options.maxConduitDegree) continue;
    const [a, b] = [total(ins), total(outs)];
    const similar =
      !known(ins) ||
      !known(outs) ||
      (a > 0 && b > 0 && Math.max(a, b) / Math.min(a, b) <= options.amountRatio);
    if (similar) return { party, ins, outs };
  }
  return undefined;
}

/** Stacks over an index. */
export function stacksFromIndex(index: TransferIndex, options: StackOptions): TypologyHit[] {
  const conduits: Conduit[] = [];
  for (const party of index.incoming.keys()) {
    const conduit = conduitOf(index, party, options);
    if (conduit) conduits.push(conduit);
  }
  const intoConduits = new Set(conduits.flatMap((c) => c.ins.map((t) => t.id)));
  const outOfConduits = new Set(conduits.flatMap((c) => c.outs.map((t) => t.id)));
  // A middle layer: money that reached it did not come through a conduit, nor goes on into one.
  const middle = conduits.filter(
    (c) => !c.ins.some((t) => outOfConduits.has(t.id)) && !c.outs.some((t) => intoConduits.has(t.id)),
  );
  const chains = groupLayers(middle).map((group) => {
    const origins = [...new Set(group.flatMap((c) => c.ins.map((t) => t.from)))];
    const sinks = [...new Set(group.flatMap((c) => c.outs.map((t) => t.to)))];
    const parties = [...new Set([...origins, ...group.map((c) => c.party), ...sinks])];
    return makeHit(
      'stack',
      parties,
      group.flatMap((c) => [...c.ins, ...c.outs]),
    );
  });
  return [...chains, ...overlappingScatterGathers(index, options)];
}

/** Scatter-gathers from different origins through shared intermediaries to one destination, merged. */
function overlappingScatterGathers(index: TransferIndex, options: StackOptions): TypologyHit[] {
  const bySink = new Map<string, TypologyHit[]>();
  for (const hit of scatterGatherFromIndex(index, { ...HUB_DEFAULTS, windowDays: options.windowDays })) {
    const sink = hit.parties[1] as string;
    bySink.set(sink, [...(bySink.get(sink) ?? []), hit]);
  }
  const stacks: TypologyHit[] = [];
  for (const [sink, hits] of bySink) {
    const middle = (h: TypologyHit) => new Set(h.parties.slice(2));
    const shared = hits.filter((h) =>
      hits.some((o) => o !== h && [...middle(o)].some((m) => middle(h).has(m))),
    );
    if (shared.length < 2) continue;
    const payments = [...new Set(shared.flatMap((h) => h.payments))].map(
      (id) => index.byId.get(id) as TimedTransfer,
    );
    const origins = shared.map((h) => h.parties[0] as string);
    const intermediaries = [...new Set(shared.flatMap((h) => h.parties.slice(2)))];
    stacks.push(makeHit('stack', [...origins, ...intermediaries, sink], payments));
  }
  return stacks;
}

/** Conduits sharing an origin or a destination, grouped (union-find). */
function groupLayers(conduits: Conduit[]): Conduit[][] {
  const parent = conduits.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const owner = new Map<string, number>();
  conduits.forEach((c, i) => {
    const ends = [...c.ins.map((t) => `o:${t.from}`), ...c.outs.map((t) => `d:${t.to}`)];
    for (const end of ends) {
      const other = owner.get(end);
      if (other === undefined) owner.set(end, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, Conduit[]>();
  for (const [i, c] of conduits.entries()) groups.set(find(i), [...(groups.get(find(i)) ?? []), c]);
  return [...groups.values()];
}
