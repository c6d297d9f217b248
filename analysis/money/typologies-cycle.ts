/**
 * Cycles: money that leaves a party and comes back to it through a chain of others, each hop on or
 * after the previous one ("round-tripping"; the cycle typology of Altman et al. 2023, "Realistic
 * Synthetic Financial Transactions for Anti-Money Laundering Models", figure 2). Simple directed
 * cycles are enumerated by a depth-bounded, time-respecting search from every payment; at each step
 * the earliest usable payment on an arc is taken, which never loses a cycle that a later one would close.
 */
import { indexTransfers, makeHit, type TimedTransfer, type TransferIndex } from './transfer-index.ts';
import { DAY_MS, type Transfer, type TypologyHit } from './types.ts';

/** Options of `detectCycles`. */
export interface CycleOptions {
  /** Longest cycle, in hops. */
  maxLength: number;
  /** Longest time from the first to the last hop, in days. */
  windowDays: number;
  /** Stop after this many cycles (dense graphs hold exponentially many). */
  maxCycles: number;
  /** Search steps allowed from one starting payment, so that a dense hub cannot stall the search. */
  maxSteps: number;
}

/** Defaults of `detectCycles`. */
export const DEFAULTS: CycleOptions = { maxLength: 12, windowDays: 30, maxCycles: 10_000, maxSteps: 20_000 };

/** Simple, time-ordered directed cycles of at least two hops. */
export function detectCycles(
  transfers: readonly Transfer[],
  options: Partial<CycleOptions> = {},
): TypologyHit[] {
  return cyclesFromIndex(indexTransfers(transfers, 'money/typologies-cycle'), { ...DEFAULTS, ...options });
}

/** Cycles over an index. */
export function cyclesFromIndex(index: TransferIndex, options: CycleOptions): TypologyHit[] {
  if (!(options.maxLength >= 2))
    throw new Error("ariadne/analysis/money/typologies-cycle: 'maxLength' must be at least 2 hops.");
  const span = options.windowDays * DAY_MS;
  const hits: TypologyHit[] = [];
  const claimed = new Map<string, Set<string>>();
  for (const start of index.transfers) {
    if (hits.length >= options.maxCycles) break;
    const path = [start];
    const visited = new Set([start.from, start.to]);
    const budget = { steps: options.maxSteps };
    const found = close(index, path, visited, {
      deadline: start.time + span,
      maxLength: options.maxLength,
      budget,
    });
    if (found) keep(found, claimed, hits);
  }
  return hits;
}

/** Depth-first search for the first time-respecting way back to the start party. */
function close(
  index: TransferIndex,
  path: TimedTransfer[],
  visited: Set<string>,
  limits: { deadline: number; maxLength: number; budget: { steps: number } },
): TimedTransfer[] | undefined {
  if (--limits.budget.steps < 0) return undefined;
  const last = path[path.length - 1] as TimedTransfer;
  const origin = (path[0] as TimedTransfer).from;
  for (const next of earliestPerArc(index.outgoing.get(last.to) ?? [], last.time, limits.deadline)) {
    if (next.to === origin) return [...path, next];
    if (visited.has(next.to) || path.length + 1 >= limits.maxLength) continue;
    visited.add(next.to);
    path.push(next);
    const found = close(index, path, visited, limits);
    path.pop();
    visited.delete(next.to);
    if (found) return found;
  }
  return undefined;
}

/** For each payee, the earliest payment at or after `after` and before `deadline`. */
function earliestPerArc(list: readonly TimedTransfer[], after: number, deadline: number): TimedTransfer[] {
  const earliest = new Map<string, TimedTransfer>();
  for (const t of list) {
    if (t.time < after || t.time > deadline) continue;
    if (!earliest.has(t.to)) earliest.set(t.to, t);
  }
  return [...earliest.values()];
}

/** Keeps a cycle unless one of its payments already belongs to a kept cycle through the same parties. */
function keep(cycle: TimedTransfer[], claimed: Map<string, Set<string>>, hits: TypologyHit[]): void {
  const parties = cycle.map((t) => t.from);
  const key = [...parties].sort().join('\u0000');
  const taken = claimed.get(key) ?? new Set<string>();
  if (cycle.some((t) => taken.has(t.id))) return;
  for (const t of cycle) taken.add(t.id);
  claimed.set(key, taken);
  hits.push(makeHit('cycle', parties, cycle));
}
