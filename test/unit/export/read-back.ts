/** Reads an exported file back through the ingest readers, as records comparable with the originals. */
import { isReadError, type ReadItem } from '../../../server/ingest/readers/index.ts';

/** A record as read back: kind, type and fields (for links, source and target are fields). */
export interface ReadBack {
  kind: string;
  type: string;
  fields: Record<string, unknown>;
}

/** Collects a reader's records, failing on any read error. */
export async function collect(items: AsyncIterable<ReadItem>): Promise<ReadBack[]> {
  const records: ReadBack[] = [];
  for await (const item of items) {
    if (isReadError(item)) throw new Error(`${item.file}:${item.line} ${item.field ?? ''} ${item.message}`);
    records.push({ kind: item.kind, type: item.type, fields: item.fields });
  }
  return records;
}
