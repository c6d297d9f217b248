/**
 * Indexes over a list of transfers that every detector needs: dates as milliseconds, transfers by
 * sender and by receiver in date order, and the assembly of a hit from a set of transfers.
 */
import type { Transfer, TypologyHit, TypologyKind } from './types.ts';

/** A transfer with its date parsed once. */
export interface TimedTransfer extends Transfer {
  time: number;
}

/** Transfers by party, each list sorted by date. */
export interface TransferIndex {
  transfers: TimedTransfer[];
  outgoing: Map<string, TimedTransfer[]>;
  incoming: Map<string, TimedTransfer[]>;
  byId: Map<string, TimedTransfer>;
}

/** Parses an ISO 8601 date; a bare date reads as midnight UTC. */
export function parseTime(date: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
}

/**
 * Indexes the transfers. Transfers from a party to itself move nothing between parties and are left
 * out; so are transfers with an unreadable date, since every typology is defined in time.
 */
export function indexTransfers(transfers: readonly Transfer[], module: string): TransferIndex {
  if (!Array.isArray(transfers)) {
    throw new Error(
      `ariadne/analysis/${module}: expected an array of transfers (did you pass the graph instead of extractPayments(graph).transfers?)`,
    );
  }
  const timed: TimedTransfer[] = [];
  for (const t of transfers) {
    const time = parseTime(t.date);
    if (t.from === t.to || Number.isNaN(time)) continue;
    timed.push({ ...t, time });
  }
  timed.sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
  const outgoing = new Map<string, TimedTransfer[]>();
  const incoming = new Map<string, TimedTransfer[]>();
  const byId = new Map<string, TimedTransfer>();
  for (const t of timed) {
    push(outgoing, t.from, t);
    push(incoming, t.to, t);
    byId.set(t.id, t);
  }
  return { transfers: timed, outgoing, incoming, byId };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds a hit from its transfers: payments in date order, total, first and last date. */
export function makeHit(
  kind: TypologyKind,
  parties: string[],
  transfers: readonly TimedTransfer[],
): TypologyHit {
  const sorted = [...transfers].sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
  const total = sorted.reduce((sum, t) => sum + (t.amountConverted ?? 0), 0);
  return {
    kind,
    parties,
    payments: sorted.map((t) => t.id),
    total: Math.round(total * 100) / 100,
    from: sorted[0]?.date ?? '',
    to: sorted[sorted.length - 1]?.date ?? '',
  };
}

/** The transfers of a date-sorted list with low <= time <= high, found by binary search. */
export function between(
  list: readonly TimedTransfer[] | undefined,
  low: number,
  high: number,
): TimedTransfer[] {
  if (!list || list.length === 0) return [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as TimedTransfer).time < low) lo = mid + 1;
    else hi = mid;
  }
  const out: TimedTransfer[] = [];
  for (let i = lo; i < list.length && (list[i] as TimedTransfer).time <= high; i++)
    out.push(list[i] as TimedTransfer);
  return out;
}
