/**
 * The bulk loader's input, written from the checked spools: Neo4j's importer reads CSV files whose
 * headers declare each column's property and type. One node file per label, one relationship file per
 * link group (type and end labels), each record with exactly the properties the transactional write
 * gives a new record (store/ingest-writes.ts `createdProperties`) and its name keys. A value a CSV cell
 * cannot carry exactly (an empty list, a line break, a number in a column of text) is kept aside in a
 * spool and set by Cypher after the load, so nothing is lost or changed on the way.
 *
 * Each group is read once: a column is added where its property first appears, and its header goes
 * to a file of its own, written last (the importer reads a header file followed by the data, and the
 * columns after a row's last cell as empty).
 */
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityLabel, LinkType } from '../schema/model.ts';
import type { LateValue } from '../store/bulk-load.ts';
import type { PropertyValue } from '../store/ingest-values.ts';
import { createdProperties, nameKeysOf } from '../store/ingest-rows.ts';
import { NAME_KEYS } from '../store/name-keys.ts';
import { parseLinkGroupKey } from './check-pass.ts';
import { readSpool, SpoolWriter } from './spool.ts';
import type { SpoolGroup } from './write-pass.ts';

/** The character between the items of a list in a cell (U+001F, the unit separator). */
export const ARRAY_DELIMITER = '\u001f';

type ColumnType = 'string' | 'double' | 'boolean' | 'string[]' | 'double[]' | 'boolean[]';

/** The importer's files: node files by label, relationship files by type, and the late values. */
export interface BulkFiles {
  /** Each group's files: its header file, then its data. */
  nodes: { label: EntityLabel; files: [string, string]; count: number }[];
  relationships: { type: LinkType; files: [string, string]; count: number }[];
  /** A spool of LateValue, to set after the load. */
  late: { path: string; count: number };
  /** The character between the items of a list in a cell. */
  arrayDelimiter: string;
}

function typeOf(value: PropertyValue): ColumnType {
  if (Array.isArray(value)) {
    const first = value[0];
    return typeof first === 'number' ? 'double[]' : typeof first === 'boolean' ? 'boolean[]' : 'string[]';
  }
  return typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string';
}

// Text the importer reads back as it was: no line breaks (the importer would need its slow multi-line
// mode), and in lists no delimiter and no empty item.
function plain(text: string): boolean {
  return !text.includes('\n') && !text.includes('\r') && !text.includes(ARRAY_DELIMITER);
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function scalarCell(value: string | number | boolean): string | undefined {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    const text = String(value);
    return /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
  }
  return plain(value) ? quote(value) : undefined;
}

/** The cell for a value of the column's type, or undefined when a cell cannot carry it exactly. */
function cellOf(value: PropertyValue, type: ColumnType): string | undefined {
  if (typeOf(value) !== type) return undefined;
  if (!Array.isArray(value)) return scalarCell(value);
  if (value.length === 0) return undefined;
  const items: string[] = [];
  for (const item of value as (string | number | boolean)[]) {
    if (item === '') return undefined;
    const cell = typeof item === 'string' ? (plain(item) ? item : undefined) : scalarCell(item);
    if (cell === undefined) return undefined;
    items.push(cell);
  }
  return quote(items.join(ARRAY_DELIMITER));
}

type Made = { props: Record<string, PropertyValue>; source?: string; target?: string };

/**
 * A record's stored properties, as the transactional write would create them, and an entity's name
 * keys: an empty list for one without names, as the migrations' backfill gives it (store/name-keys.ts).
 */
function recordOf(row: Record<string, unknown>, link: boolean, meta: { user: string; now: string }): Made {
  const props = createdProperties(row, link, meta);
  if (link) return { props, source: String(row.source), target: String(row.target) };
  props[NAME_KEYS] = nameKeysOf(props) ?? [];
  return { props };
}

/** Adds a column for each property not seen before, typed by its value (an empty list has no type). */
function addColumns(columns: Map<string, ColumnType>, props: Record<string, PropertyValue>): void {
  for (const [key, value] of Object.entries(props))
    if (key !== 'id' && !columns.has(key) && !(Array.isArray(value) && value.length === 0))
      columns.set(key, typeOf(value));
}

/** The values of one record that no cell could carry, to set after the load. */
function lateValueOf(
  key: string,
  source: string,
  id: string,
  props: Record<string, PropertyValue>,
): LateValue {
  if (!key.includes('|')) return { kind: 'node', label: key as EntityLabel, id, props };
  const ends = parseLinkGroupKey(key);
  return { kind: 'link', type: ends.type, sourceLabel: ends.source, source, id, props };
}

/** Writes one group's data file, then its header file; values no cell can carry go to `late`. */
async function writeGroup(
  group: SpoolGroup,
  [headerFile, dataFile]: [string, string],
  late: SpoolWriter,
  meta: { user: string; now: string },
): Promise<void> {
  const link = group.key.includes('|');
  const columns = new Map<string, ColumnType>();
  // A file handle, not a stream: a failure to write (a full disk) rejects here, in order.
  const out = await open(dataFile, 'w');
  let chunk = '';
  try {
    for await (const row of readSpool<Record<string, unknown>>(group.path)) {
      const { props, source, target } = recordOf(row, link, meta);
      addColumns(columns, props);
      const id = String(props.id);
      const cells = link ? [quote(String(source)), quote(String(target)), quote(id)] : [quote(id)];
      const aside: Record<string, PropertyValue> = {};
      for (const [key, type] of columns) {
        const value = props[key];
        const cell = value === undefined ? '' : cellOf(value, type);
        if (cell === undefined && value !== undefined) aside[key] = value;
        cells.push(cell ?? '');
      }
      for (const [key, value] of Object.entries(props))
        if (Array.isArray(value) && value.length === 0) aside[key] = value;
      if (Object.keys(aside).length > 0) await late.write(lateValueOf(group.key, String(source), id, aside));
      // A row ends at its last value: the importer reads the columns after it as empty, but misreads
      // a short row that ends in an empty cell (it takes the next line's first value for the next).
      while (cells.at(-1) === '') cells.pop();
      chunk += `${cells.join(',')}\n`;
      if (chunk.length > 1 << 20) {
        await out.writeFile(chunk, 'utf8');
        chunk = '';
      }
    }
    await out.writeFile(chunk, 'utf8');
  } finally {
    await out.close();
  }
  const head = link ? [':START_ID', ':END_ID', 'id:string'] : ['id:ID'];
  const header = [...head, ...[...columns].map(([key, type]) => `${key}:${type}`)].join(',');
  await writeFile(headerFile, `${header}\n`, 'utf8');
}

/** Writes the importer's files for the checked entities and links into `dir`. */
export async function writeBulkFiles(
  dir: string,
  spools: { entities: SpoolGroup[]; links: SpoolGroup[] },
  meta: { user: string; now: string },
  onGroup?: (done: number) => void,
): Promise<BulkFiles> {
  const late = new SpoolWriter(join(dir, 'late-values.ndjson'));
  const files: BulkFiles = {
    nodes: [],
    relationships: [],
    late: { path: late.path, count: 0 },
    arrayDelimiter: ARRAY_DELIMITER,
  };
  let done = 0;
  const filesOf = (name: string): [string, string] => [
    join(dir, `${name}-header.csv`),
    join(dir, `${name}.csv`),
  ];
  for (const [index, group] of spools.entities.entries()) {
    const pair = filesOf(`nodes-${index}`);
    await writeGroup(group, pair, late, meta);
    files.nodes.push({ label: group.key as EntityLabel, files: pair, count: group.count });
    done += group.count;
    onGroup?.(done);
  }
  for (const [index, group] of spools.links.entries()) {
    const pair = filesOf(`relationships-${index}`);
    await writeGroup(group, pair, late, meta);
    files.relationships.push({ type: parseLinkGroupKey(group.key).type, files: pair, count: group.count });
    done += group.count;
    onGroup?.(done);
  }
  await late.close();
  files.late.count = late.count;
  return files;
}
