/** The report's periods: parsed from FROM..TO, or the last calendar year with dated activity and the one before. */
import type { Period } from '../../analysis/findings/routes.ts';
import type { CaseGraph } from '../../analysis/core/types.ts';

/** A period or case that cannot be used; the message says what to pass instead. */
export class ReportRequestError extends Error {
  override name = 'ReportRequestError';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads "2025-01-01..2025-12-31". */
export function parsePeriod(text: string, what = 'period'): Period {
  const [from, until, ...rest] = text.split('..');
  if (
    rest.length > 0 ||
    !from ||
    !until ||
    !DAY.test(from) ||
    !DAY.test(until) ||
    Number.isNaN(Date.parse(until)) ||
    Number.isNaN(Date.parse(from))
  )
    throw new ReportRequestError(
      `${what} must be FROM..TO with ISO dates, e.g. 2025-01-01..2025-12-31 (got ${JSON.stringify(text)})`,
    );
  if (from > until) throw new ReportRequestError(`${what} ${text} ends before it starts`);
  return { from, until };
}

/**
 * The period just before `period`: as many whole months when it is made of whole months (so a year
 * is compared with the year before, leap or not), otherwise as many days.
 */
export function previousPeriod(period: Period): Period {
  const day = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const from = new Date(`${period.from}T00:00:00Z`);
  const after = new Date(Date.parse(`${period.until}T00:00:00Z`) + day);
  if (from.getUTCDate() === 1 && after.getUTCDate() === 1) {
    const months =
      (after.getUTCFullYear() - from.getUTCFullYear()) * 12 + (after.getUTCMonth() - from.getUTCMonth());
    const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth() - months, 1);
    return { from: iso(start), until: iso(from.getTime() - day) };
  }
  const length = after.getTime() - from.getTime();
  return { from: iso(from.getTime() - length), until: iso(from.getTime() - day) };
}

/** The latest calendar year in which a Payment or Event is dated (this year when none is). */
export function latestActiveYear(graph: CaseGraph, today = new Date()): Period {
  let latest = '';
  graph.forEachNode((_n, a) => {
    if (
      (a.entityType === 'Payment' || a.entityType === 'Event') &&
      typeof a.date === 'string' &&
      a.date > latest
    )
      latest = a.date;
  });
  const year = latest ? latest.slice(0, 4) : String(today.getUTCFullYear());
  return { from: `${year}-01-01`, until: `${year}-12-31` };
}
