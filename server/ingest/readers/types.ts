/**
 * What the readers hand to the ingest pipeline: raw records, not yet validated, each with its place in
 * the file, or read errors that name the file, line and (when known) the field, and say the fix.
 */

/**
 * How a raw record is meant:
 * - `entity` and `link`: a node or a relationship, as read.
 * - `entity-patch`: extra properties for an entity defined elsewhere (FollowTheMoney Sanction and Note
 *   records point at the entity they describe). `fields.id` names the entity; `type` is `''` because
 *   the entity's label is only known once the pipeline resolves the id. The pipeline merges the
 *   remaining fields into that entity, or reports the id as unknown.
 */
export type RecordKind = 'entity' | 'link' | 'entity-patch';

/** One record as read from a file: `fields` are its own properties beside kind and type. */
export type RawRecord = {
  file: string;
  line: number;
  kind: RecordKind;
  type: string;
  fields: Record<string, unknown>;
};

/** A problem with one line or record; `line` is 0 when the file as a whole could not be read. */
export type ReadError = {
  file: string;
  line: number;
  field?: string;
  message: string;
};

/** What every reader yields, in file order. */
export type ReadItem = RawRecord | ReadError;

/** Counts a reader keeps while it reads (FollowTheMoney schemata it could not map, by name). */
export type ReadStats = {
  unmapped: Record<string, number>;
  /** Bytes of the input files read so far, for the progress of the validation pass. */
  bytes: number;
};

/** Options every reader accepts. */
export type ReadOptions = {
  /** Longest line (or CSV record) accepted, in bytes; longer ones become errors. Default 16 MiB. */
  maxLineBytes?: number;
  /** Filled in while reading (FollowTheMoney only), for callers that consume the generator with for-await. */
  stats?: ReadStats;
};

/** The default line limit: large enough for any real record, small enough never to exhaust memory. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/** Tells a read error from a record. */
export function isReadError(item: ReadItem): item is ReadError {
  return !('kind' in item);
}

/** Creates an empty stats object to pass to a reader. */
export function createReadStats(): ReadStats {
  return { unmapped: {}, bytes: 0 };
}

/**
 * The items of a reader that yields batches, one at a time, with the reader's return value. A caller
 * that stops early stops the reader too, so that its file is closed.
 */
export async function* oneByOne<T, R>(batches: AsyncGenerator<T[], R>): AsyncGenerator<T, R> {
  try {
    for (;;) {
      const next = await batches.next();
      if (next.done === true) return next.value;
      for (const item of next.value) yield item;
    }
  } finally {
    await batches.return(undefined as R);
  }
}
