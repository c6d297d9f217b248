/**
 * Fan-out and fan-in: one party paying many, or paid by many, within a short window. Typologies of
 * Altman et al. (2023), "Realistic Synthetic Financial Transactions for Anti-Money Laundering Models"
 * (NeurIPS Datasets and Benchmarks), figure 2; the smurfing and collection-account patterns of FATF
 * (2018), "Professional Money Laundering".
 */
import { indexTransfers, makeHit, type TimedTransfer, type TransferIndex } from './transfer-index.ts';
import { DAY_MS, type Transfer, type TypologyHit } from './types.ts';

/** Options of the fan detectors. */
export interface FanOptions {
  /** Fewest distinct counterparties in one window. */
  minDegree: number;
  /** Window length in days. */
  windowDays: number;
}

/** Defaults of the fan detectors: three counterparties within ten days. */
export const DEFAULTS: FanOptions = { minDegree: 3, windowDays: 10 };

/** Parties that pay at least `minDegree` distinct parties within `windowDays`. */
export function detectFanOut(
  transfers: readonly Transfer[],
  options: Partial<FanOptions> = {},
): TypologyHit[] {
  return fanFromIndex(indexTransfers(transfers, 'money/typologies-fan'), 'out', { ...DEFAULTS, ...options });
}

/** Parties paid by at least `minDegree` distinct parties within `windowDays`. */
export function detectFanIn(
  transfers: readonly Transfer[],
  options: Partial<FanOptions> = {},
): TypologyHit[] {
  return fanFromIndex(indexTransfers(transfers, 'money/typologies-fan'), 'in', { ...DEFAULTS, ...options });
}

/** Fan hits over an index; one hit per hub, its busiest window. */
export function fanFromIndex(index: TransferIndex, side: 'in' | 'out', options: FanOptions): TypologyHit[] {
  const hits: TypologyHit[] = [];
  const lists = side === 'out' ? index.outgoing : index.incoming;
  const other = side === 'out' ? 'to' : 'from';
  for (const [hub, list] of lists) {
    const window = busiestWindow(list, other, options.windowDays * DAY_MS);
    const counterparties = [...new Set(window.map((t) => t[other]))];
    if (counterparties.length < options.minDegree) continue;
    hits.push(makeHit(side === 'out' ? 'fan-out' : 'fan-in', [hub, ...counterparties], window));
  }
  return hits;
}

/**
 * The window (of the given span, over a date-sorted list) with the most distinct counterparties,
 * found with two pointers and a count per counterparty.
 */
export function busiestWindow(
  list: readonly TimedTransfer[],
  key: 'from' | 'to',
  span: number,
): TimedTransfer[] {
  const counts = new Map<string, number>();
  let best = { start: 0, end: 0, distinct: 0 };
  let start = 0;
  for (let end = 0; end < list.length; end++) {
    const entering = list[end] as TimedTransfer;
    counts.set(entering[key], (counts.get(entering[key]) ?? 0) + 1);
    while (entering.time - (list[start] as TimedTransfer).time > span) {
      const leaving = (list[start] as TimedTransfer)[key];
      const left = (counts.get(leaving) ?? 1) - 1;
      if (left === 0) counts.delete(leaving);
      else counts.set(leaving, left);
      start++;
    }
    if (counts.size > best.distinct) best = { start, end: end + 1, distinct: counts.size };
  }
  return list.slice(best.start, best.end);
}
