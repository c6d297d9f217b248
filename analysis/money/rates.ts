/**
 * Dated exchange rates. A rate applies from its `from` date until the next rate of the same currency;
 * a payment converts at the rate in force on its date. No rate in force means no conversion: the
 * amount is reported as unconverted rather than guessed.
 */
import { parseTime } from './transfer-index.ts';

/** One rate: one unit of `currency` is worth `rate` units of the analysis currency from `from` on. */
export interface ExchangeRate {
  currency: string;
  /** ISO 8601 date from which the rate applies. */
  from: string;
  rate: number;
}

/** Looks up the rate in force for a currency on a date; undefined when none is known. */
export type RateLookup = ((currency: string, date: string) => number | undefined) & {
  /** Whether the table has any rate for the currency (to tell an unknown currency from a missing date). */
  knows: (currency: string) => boolean;
};

/** Builds a lookup over a rates table; the analysis currency itself always converts at 1. */
export function createRateLookup(rates: readonly ExchangeRate[], target: string, module: string): RateLookup {
  const byCurrency = new Map<string, { time: number; rate: number }[]>();
  for (const entry of rates) {
    const time = parseTime(entry.from);
    if (!(typeof entry.rate === 'number' && entry.rate > 0) || Number.isNaN(time)) {
      throw new Error(
        `ariadne/analysis/${module}: the rate for ${entry.currency} from ${entry.from} is not a positive number with an ISO date (is the table inverted or the date malformed?)`,
      );
    }
    const list = byCurrency.get(entry.currency) ?? [];
    list.push({ time, rate: entry.rate });
    byCurrency.set(entry.currency, list);
  }
  for (const list of byCurrency.values()) list.sort((a, b) => a.time - b.time);
  const lookup = (currency: string, date: string): number | undefined => {
    if (currency === target) return 1;
    const list = byCurrency.get(currency);
    const time = parseTime(date);
    if (!list || Number.isNaN(time)) return undefined;
    let found: number | undefined;
    for (const entry of list) {
      if (entry.time > time) break;
      found = entry.rate;
    }
    return found;
  };
  return Object.assign(lookup, {
    knows: (currency: string) => currency === target || byCurrency.has(currency),
  });
}
