/**
 * The reference for the ingest benchmark, in the naive shape: `UNWIND $rows AS row MERGE
 * (n:Label {id: row.id}) SET n += row` in 10,000-row batches, then the matching relationship MERGE
 * between indexed ends. No validation, no comparison, no import record; endpoint labels kept in a
 * plain Map. Entities first, then links, as the pipeline does.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Store } from '../../server/store/store.ts';

const BATCH = 10_000;
type Row = Record<string, unknown>;

async function* lines(file: string): AsyncGenerator<Row> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity }))
    if (line.trim() !== '') yield JSON.parse(line) as Row;
}

// The row as stored: its own fields (id included, as in `SET n += row`), the record's kind kept as a
// property when it is the entity's own (a Document's "passport"), the routing fields dropped.
function toRow(record: Row, isLink: boolean): Row {
  const { kind, type: _type, ...row } = record;
  if (!isLink && kind !== 'entity') row.kind = kind;
  return row;
}

/** Writes every record of an NDJSON file with bare UNWIND batches; returns how many. */
export async function writeBare(store: Store, file: string): Promise<number> {
  const labels = new Map<string, string>();
  const groups = new Map<string, Row[]>();
  let written = 0;
  const flush = async (key: string) => {
    const rows = groups.get(key) ?? [];
    groups.delete(key);
    if (rows.length === 0) return;
    const [kind, type, s, t] = key.split('|');
    const cypher =
      kind === 'n'
        ? `UNWIND $rows AS row MERGE (n:\`${type}\` {id: row.id}) SET n += row`
        : `UNWIND $rows AS row MATCH (a:\`${s}\` {id: row.source}) MATCH (b:\`${t}\` {id: row.target})
           MERGE (a)-[r:\`${type}\` {id: row.id}]->(b) SET r += row`;
    await store.write(cypher, { rows });
    written += rows.length;
  };
  const add = async (key: string, row: Row) => {
    const rows = groups.get(key) ?? [];
    rows.push(row);
    groups.set(key, rows);
    if (rows.length >= BATCH) await flush(key);
  };
  for await (const record of lines(file)) {
    if (record.kind === 'link') continue;
    labels.set(String(record.id), String(record.type));
    await add(`n|${record.type}`, toRow(record, false));
  }
  for (const key of [...groups.keys()]) await flush(key);
  for await (const record of lines(file)) {
    if (record.kind !== 'link') continue;
    const s = labels.get(String(record.source));
    const t = labels.get(String(record.target));
    await add(`l|${record.type}|${s}|${t}`, toRow(record, true));
  }
  for (const key of [...groups.keys()]) await flush(key);
  return written;
}
