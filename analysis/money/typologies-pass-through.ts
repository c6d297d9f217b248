/**
 * Pass-through and structuring. Pass-through: a party that pays out most of what it received within
 * a few days (a conduit or "mule" account; FATF 2018, "Professional Money Laundering", section on
 * money mules). Structuring: many payments just under a reporting threshold within a short window
 * (FATF Recommendation 10 and the "smurfing" typology; FATF/Egmont 2013 on cash thresholds).
 */
import {
  between,
  indexTransfers,
  makeHit,
  type TimedTransfer,
  type TransferIndex,
} from './transfer-index.ts';
import { DAY_MS, type Transfer, type TypologyHit } from './types.ts';

/** Options of the pass-through and structuring detectors. */
export interface FlowThroughOptions {
  /** Pass-through: days within which the money must leave again. */
  passThroughDays: number;
  /** Pass-through: least share of what came in that must go out. */
  minShare: number;
  /** Pass-through: smallest amount in (analysis currency) worth reporting. */
  minAmount: number;
  /** Structuring: the reporting threshold in the analysis currency. */
  threshold: number;
  /** Structuring: how far under the threshold counts as "just under" (a share of it). */
  margin: number;
  /** Structuring: fewest such payments within the window, by one payer or to one payee. */
  minCount: number;
  windowDays: number;
}

/** Defaults: out within 3 days, 80% of what came in; 3 payments of 9,000 to 9,999.99 EUR in 7 days. */
export const DEFAULTS: FlowThroughOptions = {
  passThroughDays: 3,
  minShare: 0.8,
  minAmount: 0,
  threshold: 10_000,
  margin: 0.1,
  minCount: 3,
  windowDays: 7,
};

/** Parties that pay out at least `minShare` of each receipt within `passThroughDays`. */
export function detectPassThrough(
  transfers: readonly Transfer[],
  options: Partial<FlowThroughOptions> = {},
): TypologyHit[] {
  return passThroughFromIndex(indexTransfers(transfers, 'money/typologies-pass-through'), {
    ...DEFAULTS,
    ...options,
  });
}

/** Payers (or payees) with at least `minCount` payments just under `threshold` within `windowDays`. */
export function detectStructuring(
  transfers: readonly Transfer[],
  options: Partial<FlowThroughOptions> = {},
): TypologyHit[] {
  return structuringFromIndex(indexTransfers(transfers, 'money/typologies-pass-through'), {
    ...DEFAULTS,
    ...options,
  });
}

/** Pass-through over an index: one hit per party, with every receipt that was passed on. */
export function passThroughFromIndex(index: TransferIndex, options: FlowThroughOptions): TypologyHit[] {
  const span = options.passThroughDays * DAY_MS;
  const hits: TypologyHit[] = [];
  for (const [party, incoming] of index.incoming) {
    const outgoing = index.outgoing.get(party) ?? [];
    const matched = new Set<TimedTransfer>();
    for (const receipt of incoming) {
      if (receipt.amountConverted === null || receipt.amountConverted < options.minAmount) continue;
      const out = between(outgoing, receipt.time, receipt.time + span).filter((t) => t.to !== receipt.from);
      const paid = out.reduce((sum, t) => sum + (t.amountConverted ?? 0), 0);
      if (out.length === 0 || paid < options.minShare * receipt.amountConverted) continue;
      matched.add(receipt);
      for (const t of out) matched.add(t);
    }
    if (matched.size === 0) continue;
    const counterparties = [...new Set([...matched].map((t) => (t.to === party ? t.from : t.to)))];
    hits.push(makeHit('pass-through', [party, ...counterparties], [...matched]));
  }
  return hits;
}

/** Structuring over an index, looking at each payer and each payee. */
export function structuringFromIndex(index: TransferIndex, options: FlowThroughOptions): TypologyHit[] {
  const low = options.threshold * (1 - options.margin);
  const justUnder = (t: TimedTransfer) =>
    t.amountConverted !== null && t.amountConverted >= low && t.amountConverted < options.threshold;
  const hits: TypologyHit[] = [];
  const seen = new Set<string>();
  for (const [side, lists] of [
    ['from', index.outgoing],
    ['to', index.incoming],
  ] as const) {
    for (const [party, list] of lists) {
      const window = densestWindow(list.filter(justUnder), options.windowDays * DAY_MS);
      if (window.length < options.minCount) continue;
      const key = window.map((t) => t.id).join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
      const others = [...new Set(window.map((t) => (side === 'from' ? t.to : t.from)))];
      hits.push(makeHit('structuring', [party, ...others], window));
    }
  }
  return hits;
}

/**
 * The window of the given span holding the most transfers of a date-sorted list, widened to the
 * transfers that follow or precede it by no more than the span (a run of deposits longer than one window).
 */
function densestWindow(list: readonly TimedTransfer[], span: number): TimedTransfer[] {
  let best: [number, number] = [0, 0];
  let start = 0;
  for (let end = 0; end < list.length; end++) {
    while ((list[end] as TimedTransfer).time - (list[start] as TimedTransfer).time > span) start++;
    if (end + 1 - start > best[1] - best[0]) best = [start, end + 1];
  }
  let [low, high] = best;
  const time = (i: number) => (list[i] as TimedTransfer).time;
  while (low > 0 && time(low) - time(low - 1) <= span) low--;
  while (high > 0 && high < list.length && time(high) - time(high - 1) <= span) high++;
  return list.slice(low, high);
}
