/**
 * The reference for the ingest benchmark: the same NDJSON rows written with bare UNWIND ... MERGE
 * batches, no validation, no comparison, no import record. Entities first, then links, as the
 * pipeline does; endpoint labels kept in a plain Map.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Store } from '../../server/store/store.ts';

const BATCH = 5_000;
type Row = { id: string; props: Record<string, unknown>; source?: string; target?: string };

async function* lines(file: string): AsyncGenerator<Record<string, unknown>> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity }))
    if (line.trim() !== '') yield JSON.parse(line) as Record<string, unknown>;
}

function toRow(record: Record<string, unknown>, isLink: boolean): Row {
  const { kind, type: _type, id, source, target, ...props } = record;
  if (!isLink && kind !== 'entity') props.kind = kind;
  return { id: String(id), props, source: source as string, target: target as string };
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
        ? `UNWIND $rows AS row MERGE (n:\`${type}\` {id: row.id}) SET n += row.props`
        : `UNWIND $rows AS row MATCH (a:\`${s}\` {id: row.source}) MATCH (b:\`${t}\` {id: row.target})
           MERGE (a)-[r:\`${type}\` {id: row.id}]->(b) SET r += row.props`;
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
