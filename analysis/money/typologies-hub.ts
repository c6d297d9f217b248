/**
 * Gather-scatter (many pay one hub, which then pays many) and scatter-gather (one source pays several
 * intermediaries, who all pay one sink): the two-stage hub typologies of Altman et al. (2023),
 * "Realistic Synthetic Financial Transactions for Anti-Money Laundering Models", figure 2.
 */
import { busiestWindow } from './typologies-fan.ts';
import { indexTransfers, makeHit, type TimedTransfer, type TransferIndex } from './transfer-index.ts';
import { DAY_MS, type Transfer, type TypologyHit } from './types.ts';

/** Options of the hub detectors. */
export interface HubOptions {
  /** Gather-scatter: fewest distinct payers into the hub. */
  minIn: number;
  /** Gather-scatter: fewest distinct payees out of the hub. */
  minOut: number;
  /** Scatter-gather: fewest distinct intermediaries between source and sink. */
  minPaths: number;
  /** Window in days: for the gathering, then again for the scattering after it. */
  windowDays: number;
}

/** Defaults of the hub detectors. */
export const DEFAULTS: HubOptions = { minIn: 2, minOut: 2, minPaths: 2, windowDays: 10 };

/** Hubs that collect from several parties and then pay out to several. */
export function detectGatherScatter(
  transfers: readonly Transfer[],
  options: Partial<HubOptions> = {},
): TypologyHit[] {
  return gatherScatterFromIndex(indexTransfers(transfers, 'money/typologies-hub'), {
    ...DEFAULTS,
    ...options,
  });
}

/** Sources whose money reaches one sink through several intermediaries. */
export function detectScatterGather(
  transfers: readonly Transfer[],
  options: Partial<HubOptions> = {},
): TypologyHit[] {
  return scatterGatherFromIndex(indexTransfers(transfers, 'money/typologies-hub'), {
    ...DEFAULTS,
    ...options,
  });
}

/** Gather-scatter over an index. */
export function gatherScatterFromIndex(index: TransferIndex, options: HubOptions): TypologyHit[] {
  const span = options.windowDays * DAY_MS;
  const hits: TypologyHit[] = [];
  for (const [hub, incoming] of index.incoming) {
    const outgoing = index.outgoing.get(hub);
    if (!outgoing) continue;
    const gathered = busiestWindow(incoming, 'from', span);
    const payers = [...new Set(gathered.map((t) => t.from))];
    if (payers.length < options.minIn) continue;
    const first = (gathered[0] as TimedTransfer).time;
    const last = (gathered[gathered.length - 1] as TimedTransfer).time;
    const scattered = outgoing.filter((t) => t.time >= first && t.time <= last + span);
    const payees = [...new Set(scattered.map((t) => t.to))];
    if (payees.length < options.minOut) continue;
    hits.push(
      makeHit('gather-scatter', [hub, ...new Set([...payers, ...payees])], [...gathered, ...scattered]),
    );
  }
  return hits;
}

/** Scatter-gather over an index: for each source, the sinks reached through enough intermediaries. */
export function scatterGatherFromIndex(index: TransferIndex, options: HubOptions): TypologyHit[] {
  const span = options.windowDays * DAY_MS;
  const hits: TypologyHit[] = [];
  for (const [source, outgoing] of index.outgoing) {
    // sink -> intermediary -> the payments on the two legs
    const bySink = new Map<string, Map<string, Set<TimedTransfer>>>();
    for (const first of outgoing) {
      for (const second of index.outgoing.get(first.to) ?? []) {
        if (second.to === source || second.time < first.time || second.time - first.time > span) continue;
        const viaMap = bySink.get(second.to) ?? new Map<string, Set<TimedTransfer>>();
        const legs = viaMap.get(first.to) ?? new Set<TimedTransfer>();
        legs.add(first).add(second);
        viaMap.set(first.to, legs);
        bySink.set(second.to, viaMap);
      }
    }
    for (const [sink, viaMap] of bySink) {
      if (viaMap.size < options.minPaths) continue;
      const legs = [...viaMap.values()].flatMap((set) => [...set]);
      hits.push(makeHit('scatter-gather', [source, sink, ...viaMap.keys()], legs));
    }
  }
  return hits;
}
