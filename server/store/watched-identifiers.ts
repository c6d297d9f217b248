/**
 * What a border check could hit a watch through, kept in memory: the document numbers, IMO and MMSI
 * numbers named by active identifier watches, or held by the documents and vessels entity watches
 * name. A check whose identifiers are none of these raises no alert, so its alerting asks Neo4j
 * nothing; a check at a border point answers hundreds of times a second, and almost none is watched.
 *
 * The set may hold more than is watched (a watch that has since lapsed), never less: it is read again
 * after any write committed through this server (`localChanges`) and when the import stamp (read at
 * most once a second) says an import from another process has written.
 */
import type { CheckedItem } from './alert-checks.ts';
import { importStamp } from './imports.ts';
import type { Store } from './store.ts';
import { activeWatch, today } from './watches.ts';

const HANDLES = `MATCH (k:WatchKey)-[:KEY_OF]->(w:Watch)
WHERE w.kind IN ['identifier', 'entity'] AND ${activeWatch('w')}
  AND (k.id STARTS WITH 'document:' OR k.id STARTS WITH 'imo:' OR k.id STARTS WITH 'mmsi:' OR k.id STARTS WITH 'entity:')
WITH DISTINCT k.id AS key, CASE WHEN k.id STARTS WITH 'entity:' THEN substring(k.id, 7) END AS entity
OPTIONAL MATCH (d:Document {id: entity})
OPTIONAL MATCH (v:Vessel {id: entity})
RETURN key, d.number AS number, v.imo AS imo, v.mmsi AS mmsi`;

/** The handles of a check: a document by its number (any country), a vessel by its IMO and MMSI. */
export function checkHandles(item: CheckedItem): string[] {
  if (item.kind === 'document') return [`number:${item.number}`];
  return [
    ...(item.imo === undefined ? [] : [`imo:${item.imo}`]),
    ...(item.mmsi === undefined ? [] : [`mmsi:${item.mmsi}`]),
  ];
}

/** The handles of every active identifier or entity watch a check could hit. */
export async function readWatchedHandles(store: Store, now = new Date()): Promise<Set<string>> {
  const result = await store.read(HANDLES, { today: today(now) });
  const handles = new Set<string>();
  for (const row of result.records) {
    const key = String(row.get('key'));
    const bar = key.lastIndexOf('|');
    if (key.startsWith('document:')) handles.add(`number:${key.slice(9, bar < 0 ? undefined : bar)}`);
    else if (key.startsWith('imo:') || key.startsWith('mmsi:')) handles.add(key);
    for (const [prefix, field] of [
      ['number', 'number'],
      ['imo', 'imo'],
      ['mmsi', 'mmsi'],
    ] as const) {
      const value = row.get(field) as unknown;
      if (value !== null && value !== undefined) handles.add(`${prefix}:${String(value)}`);
    }
  }
  return handles;
}

/** The watched handles of one store, read again when writes or imports may have changed them. */
export class WatchedIdentifiers {
  private held: { handles: Set<string>; version: string } | null = null;
  /** The read under way, shared by the checks that need it. */
  private reading: { handles: Promise<Set<string>>; version: string } | null = null;
  private stampReadAt = 0;
  private stamp: Promise<string> = Promise.resolve('');

  constructor(
    private readonly store: Store,
    private readonly localChanges: () => number,
    private readonly stampEveryMs = 1_000,
  ) {}

  /** Whether a check of the item may hit a watch (false: it surely hits none). */
  async mayHit(item: CheckedItem, now = new Date()): Promise<boolean> {
    const handles = await this.current(now);
    return checkHandles(item).some((handle) => handles.has(handle));
  }

  private async current(now: Date): Promise<Set<string>> {
    if (now.getTime() - this.stampReadAt >= this.stampEveryMs) {
      this.stampReadAt = now.getTime();
      this.stamp = importStamp(this.store);
      this.stamp.catch(() => {
        this.stampReadAt = 0;
      });
    }
    const local = this.localChanges();
    // What the set was read after: this server's writes, other processes' imports, and the day
    // (watches lapse by date).
    const version = JSON.stringify([local, await this.stamp, today(now)]);
    if (this.held?.version === version) return this.held.handles;
    if (this.reading?.version !== version) {
      const reading = { handles: readWatchedHandles(this.store, now), version };
      this.reading = reading;
      reading.handles
        .then((handles) => {
          if (this.reading === reading) this.held = { handles, version };
        })
        .catch(() => {})
        .finally(() => {
          if (this.reading === reading) this.reading = null;
        });
    }
    return this.reading.handles;
  }
}
