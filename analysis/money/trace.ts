/**
 * Follows the money from (or back to) one party along time-respecting paths: money leaves a party
 * only on or after the date it arrived there (the temporal-path constraint of Kempe, Kleinberg &
 * Kumar 2000, "Connectivity and inference problems for temporal networks", as used in transaction
 * tracing). Totals per reached party count every transfer that lies on some such path, found by an
 * earliest-arrival sweep; the listed paths are the maximal ones, up to `maxPaths`.
 */
import { indexTransfers, parseTime, type TimedTransfer, type TransferIndex } from './transfer-index.ts';
import type { Transfer } from './types.ts';

/** Options of `traceMoney`. */
export interface TraceOptions {
  /** The party the money leaves (forward) or reaches (backward). */
  from: string;
  direction: 'forward' | 'backward';
  /** ISO dates bounding the transfers considered; open when absent. */
  since?: string;
  until?: string;
  maxHops: number;
  maxPaths: number;
}

/** Defaults of `traceMoney`. */
export const DEFAULTS = { direction: 'forward', maxHops: 4, maxPaths: 100 } as const;

/** One hop of a traced path. */
export interface TraceHop {
  payment: string;
  from: string;
  to: string;
  amount: number | null;
  date: string;
}

/** A maximal time-respecting path; `amount` is its bottleneck (the least converted hop). */
export interface TracePath {
  hops: TraceHop[];
  amount: number | null;
}

/** What reached (or fed) a party: the sum of transfers on traced paths, and the fewest hops. */
export interface TraceTotal {
  party: string;
  total: number;
  payments: number;
  hops: number;
}

/** What `traceMoney` returns. */
export interface TraceResult {
  paths: TracePath[];
  totals: TraceTotal[];
  /** True when more maximal paths exist than `maxPaths`. */
  truncated: boolean;
}

/** Traces money forward from, or backward into, a party along time-respecting paths. */
export function traceMoney(
  transfers: readonly Transfer[],
  options: Partial<TraceOptions> & { from: string },
): TraceResult {
  const settings = { ...DEFAULTS, ...options };
  if (typeof settings.from !== 'string' || settings.from === '') {
    throw new Error(
      "ariadne/analysis/money/trace: 'from' must name the party to trace from (a Person, Organisation or Account id).",
    );
  }
  if (!(settings.maxHops >= 1))
    throw new Error("ariadne/analysis/money/trace: 'maxHops' must be at least 1.");
  const index = windowed(indexTransfers(transfers, 'money/trace'), settings.since, settings.until);
  const step = stepper(index, settings.direction === 'forward');
  const totals = sweep(settings.from, step, settings.maxHops);
  const paths: TracePath[] = [];
  const truncated = enumerate(settings.from, step, settings.maxHops, settings.maxPaths, paths);
  return { paths, totals, truncated };
}

/** How to move one hop, and in which sense time runs. */
interface Step {
  /** The transfers leaving `party` no earlier (forward) or entering it no later (backward) than `time`. */
  moves: (party: string, time: number) => { transfer: TimedTransfer; next: string }[];
  /** The time bound at the origin: open. */
  start: number;
  /** Whether a new bound at a party opens more onward transfers than the known one. */
  better: (time: number, known: number) => boolean;
}

function stepper(index: TransferIndex, forward: boolean): Step {
  return {
    moves: (party, time) =>
      ((forward ? index.outgoing : index.incoming).get(party) ?? [])
        .filter((t) => (forward ? t.time >= time : t.time <= time))
        .map((t) => ({ transfer: t, next: forward ? t.to : t.from })),
    start: forward ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
    // Forward, an earlier arrival allows more departures; backward, a later departure allows more arrivals.
    better: forward ? (time, known) => time < known : (time, known) => time > known,
  };
}

function windowed(index: TransferIndex, since?: string, until?: string): TransferIndex {
  const low = since ? parseTime(since) : Number.NEGATIVE_INFINITY;
  // A bare end date includes the whole day.
  const high = until ? parseTime(until) + (until.length === 10 ? 86_399_999 : 0) : Number.POSITIVE_INFINITY;
  const keep = index.transfers.filter((t) => t.time >= low && t.time <= high);
  return indexTransfers(keep, 'money/trace');
}

/** Earliest-arrival sweep (latest-departure when backward): every transfer usable within maxHops. */
function sweep(origin: string, step: Step, maxHops: number): TraceTotal[] {
  let frontier = new Map<string, number>([[origin, step.start]]);
  const best = new Map<string, number>(frontier);
  const used = new Map<string, { transfer: TimedTransfer; next: string; hops: number }>();
  for (let hop = 1; hop <= maxHops && frontier.size > 0; hop++) {
    const reached = new Map<string, number>();
    for (const [party, time] of frontier) {
      for (const move of step.moves(party, time)) {
        if (move.next === origin) continue;
        if (!used.has(move.transfer.id)) used.set(move.transfer.id, { ...move, hops: hop });
        const known = best.get(move.next);
        if (known === undefined || step.better(move.transfer.time, known)) {
          best.set(move.next, move.transfer.time);
          reached.set(move.next, move.transfer.time);
        }
      }
    }
    frontier = reached;
  }
  return summarise(used);
}

function summarise(used: Map<string, { transfer: TimedTransfer; next: string; hops: number }>): TraceTotal[] {
  const totals = new Map<string, TraceTotal>();
  for (const { transfer, next, hops } of used.values()) {
    const entry = totals.get(next) ?? { party: next, total: 0, payments: 0, hops };
    entry.total = Math.round((entry.total + (transfer.amountConverted ?? 0)) * 100) / 100;
    entry.payments++;
    entry.hops = Math.min(entry.hops, hops);
    totals.set(next, entry);
  }
  return [...totals.values()].sort((a, b) => b.total - a.total || a.party.localeCompare(b.party));
}

function enumerate(origin: string, step: Step, maxHops: number, maxPaths: number, out: TracePath[]): boolean {
  let truncated = false;
  const visited = new Set<string>([origin]);
  const hops: TimedTransfer[] = [];
  const walk = (party: string, time: number): void => {
    if (truncated) return;
    const moves = hops.length < maxHops ? step.moves(party, time).filter((m) => !visited.has(m.next)) : [];
    if (moves.length === 0 && hops.length > 0) {
      if (out.length >= maxPaths) truncated = true;
      else out.push(toPath(hops));
      return;
    }
    for (const move of moves) {
      visited.add(move.next);
      hops.push(move.transfer);
      walk(move.next, move.transfer.time);
      hops.pop();
      visited.delete(move.next);
    }
  };
  walk(origin, step.start);
  return truncated;
}

function toPath(hops: readonly TimedTransfer[]): TracePath {
  const amounts = hops.map((t) => t.amountConverted);
  const known = amounts.every((a) => a !== null);
  return {
    hops: hops.map((t) => ({
      payment: t.id,
      from: t.from,
      to: t.to,
      amount: t.amountConverted,
      date: t.date,
    })),
    amount: known ? Math.min(...(amounts as number[])) : null,
  };
}
