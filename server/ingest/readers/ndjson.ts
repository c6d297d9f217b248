/**
 * Reads Ariadne NDJSON: one entity or link per line, `{"kind":"entity","type":"Person",...}` or
 * `{"kind":"link","type":"MEMBER_OF","source":"...","target":"...",...}`. Blank lines are skipped;
 * every bad line becomes an error and the lines after it are still read. An entity type with a `kind`
 * field of its own (Organisation, Document, Account, Communication, Location, Event) carries that
 * field as `kind`, and the record kind `entity` follows from the type.
 */
import { MARKING_KIND } from './marking.ts';
import { jsonObjectOf } from './json-line.ts';
import { type LineEvent, readLineBatches } from './lines.ts';
import type { RawRecord, ReadError, ReadItem, ReadOptions } from './types.ts';
import { DEFAULT_MAX_LINE_BYTES, oneByOne } from './types.ts';

const RECORD_KINDS = new Set(['entity', 'link']);

/**
 * Entity types that have a `kind` field of their own (an Organisation's kind, a Document's kind...).
 * One object cannot hold two `kind` keys, so for these types a `kind` other than entity or link is
 * the entity's own field, and the record is an entity: `{"kind":"passport","type":"Document",...}`.
 */
export const TYPES_WITH_OWN_KIND: ReadonlySet<string> = new Set([
  'Organisation',
  'Document',
  'Account',
  'Communication',
  'Location',
  'Event',
]);

/** Streams the records of an Ariadne NDJSON file, with an error for each line that is not one. */
export function readNdjson(path: string, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  return oneByOne(readNdjsonBatches(path, options));
}

/** The records of `readNdjson`, a batch for each batch of lines read (readLineBatches). */
export async function* readNdjsonBatches(
  path: string,
  options: ReadOptions = {},
): AsyncGenerator<ReadItem[]> {
  const limit = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  for await (const events of readLineBatches(path, limit, options.stats)) {
    const items: ReadItem[] = [];
    for (const event of events) readNdjsonLine(path, event, items);
    if (items.length > 0) yield items;
  }
}

// One line into `items`: its record, its error, or nothing for a blank line or the handling marking.
function readNdjsonLine(path: string, event: LineEvent, items: ReadItem[]): void {
  const value = jsonObjectOf(path, event, items);
  // The export's handling marking says what the file may be used for; it is not a record.
  if (value === null || (value.kind === MARKING_KIND && value.type === undefined)) return;
  items.push(toRecord(path, event.line, value));
}

/** Splits a parsed line into kind, type and the remaining fields, or explains what is missing. */
export function toRecord(file: string, line: number, value: Record<string, unknown>): RawRecord | ReadError {
  const { kind, type, ...fields } = value;
  if (
    typeof type === 'string' &&
    TYPES_WITH_OWN_KIND.has(type) &&
    typeof kind === 'string' &&
    !RECORD_KINDS.has(kind)
  ) {
    return { file, line, kind: 'entity', type, fields: { ...fields, kind } };
  }
  if (kind === undefined) {
    return { file, line, field: 'kind', message: 'missing "kind": add "kind": "entity" or "kind": "link"' };
  }
  if (typeof kind !== 'string' || !RECORD_KINDS.has(kind)) {
    return {
      file,
      line,
      field: 'kind',
      message: `"kind" is ${JSON.stringify(kind)}: it must be "entity" or "link"`,
    };
  }
  if (typeof type !== 'string' || type.trim() === '') {
    const example = kind === 'entity' ? '"Person"' : '"MEMBER_OF"';
    return {
      file,
      line,
      field: 'type',
      message: `${type === undefined ? 'missing "type"' : '"type" must be a non-empty string'}: add the ${kind} type, e.g. "type": ${example}`,
    };
  }
  return { file, line, kind: kind as 'entity' | 'link', type, fields };
}
