/**
 * What may legitimately differ between the answers of D and D': ids and times the server makes up
 * (UUIDs, tokens, timestamps, the audit chain's hashes, which cover timestamps, and the days it
 * derives from its clock: today, and a watch's default review date) and a PDF's dates.
 * Each is replaced by a placeholder; a UUID by its order of first appearance in the sequence, so that
 * two answers naming the same new record still agree and two naming different ones do not.
 * Nothing else is touched: counts, orders, handling codes and every other value are compared as sent.
 */

import { latestReview, today } from '../../../server/store/watches.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const DATE_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g;
const HASH = /\b[0-9a-f]{64}\b/g;
const DAY = /\b\d{4}-\d{2}-\d{2}\b/g;
const DAY_MS = 86_400_000;

/**
 * The days the server derives from its clock, as of now and of a day ago, so that a run which
 * crosses midnight between D and D' compares equal. Any other day (the worlds' own) is kept.
 */
function serverDays(now = Date.now()): Map<string, string> {
  const days = new Map<string, string>();
  for (const at of [new Date(now), new Date(now - DAY_MS)]) {
    days.set(today(at), '<today>');
    days.set(latestReview(at), '<latest-review>');
  }
  return days;
}

/** Keys whose values are secrets or clocks made by the server. */
const MADE_KEYS = new Set(['token', 'expiresAt', 'durationMs', 'elapsedMs', 'tookMs', 'ms', 'seconds']);

/** The mapping of server-made UUIDs to placeholders, shared by the answers of one sequence. */
export class IdNames {
  private readonly names = new Map<string, string>();

  text(value: string): string {
    return value
      .replace(UUID, (id) => {
        const key = id.toLowerCase();
        let name = this.names.get(key);
        if (!name) {
          name = `<uuid-${this.names.size + 1}>`;
          this.names.set(key, name);
        }
        return name;
      })
      .replace(DATE_TIME, '<time>')
      .replace(DAY, (day) => serverDays().get(day) ?? day)
      .replace(HASH, '<hash>');
  }

  /** A parsed JSON value with every string normalised, and server-made keys blanked. */
  json(value: unknown, key?: string): unknown {
    if (key !== undefined && MADE_KEYS.has(key)) return value === null ? null : `<${key}>`;
    if (typeof value === 'string') return this.text(value);
    // Floating-point sums (PageRank, eigenvector) add the same terms in the order the graph was read,
    // which the database's storage sets: the last bits may differ, never a figure an analyst reads.
    if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(9));
    if (Array.isArray(value)) return value.map((v) => this.json(v));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[this.text(k)] = this.json(v, k);
    return out;
  }
}

/** A PDF without its creation and modification dates and its document id. */
export function pdfText(bytes: Buffer): string {
  return bytes
    .toString('latin1')
    .replace(/\/(CreationDate|ModDate)\s*\([^)]*\)/g, '/$1 (<time>)')
    .replace(/\/ID\s*\[\s*<[0-9a-fA-F]*>\s*<[0-9a-fA-F]*>\s*\]/g, '/ID [<id>]');
}
