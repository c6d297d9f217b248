/**
 * The bulk loader's input, written from the checked records as they come (during validation, or from
 * the checked spools): Neo4j's importer reads CSV files whose headers declare each column's property
 * and type. One node file per label, one relationship file per link group (type and end labels), each
 * record with exactly the properties the transactional write gives a new record (store/ingest-writes.ts
 * `createdProperties`) and its name keys. A value a CSV cell cannot carry exactly (an empty list, a
 * line break, a number in a column of text) is kept aside in a spool and set by Cypher after the load,
 * so nothing is lost or changed on the way.
 *
 * Each record is written once: a column is added where its property first appears, and its header
 * goes to a file of its own, written last (the importer reads a header file followed by the data, and
 * the columns after a row's last cell as empty).
 */
import { type FileHandle, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityLabel, LinkType } from '../schema/model.ts';
import type { LateValue } from '../store/bulk-load.ts';
import type { PropertyValue } from '../store/ingest-values.ts';
import { createdProperties, nameKeysOf } from '../store/ingest-rows.ts';
import { NAME_KEYS } from '../store/name-keys.ts';
import { parseLinkGroupKey } from './check-pass.ts';
import { type GroupSink, readSpool, SpoolWriter } from './spool.ts';
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
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
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
  for (const key of Object.keys(props)) {
    const value = props[key] as PropertyValue;
    if (key !== 'id' && !columns.has(key) && !(Array.isArray(value) && value.length === 0))
      columns.set(key, typeOf(value));
  }
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

// Each group keeps this much text before writing it out (many groups are open at once).
const FLUSH_AT = 256 * 1024;

/** One group's data file, written row by row; its header file once the last row is in. */
class CsvGroup {
  readonly columns = new Map<string, ColumnType>();
  count = 0;
  private chunk = '';
  // A file handle, not a stream: a failure to write (a full disk) rejects in order, at the write.
  private out: FileHandle | undefined;
  private closed = false;

  constructor(
    readonly key: string,
    readonly files: [string, string],
  ) {}

  /** Adds one record's line; returns the values no cell could carry. */
  add(props: Record<string, PropertyValue>, ends: [string, string] | undefined) {
    addColumns(this.columns, props);
    const id = String(props.id);
    const cells = ends ? [quote(ends[0]), quote(ends[1]), quote(id)] : [quote(id)];
    const aside: Record<string, PropertyValue> = {};
    let asideAny = false;
    for (const [key, type] of this.columns) {
      const value = props[key];
      const cell = value === undefined ? '' : cellOf(value, type);
      if (cell === undefined && value !== undefined) {
        aside[key] = value;
        asideAny = true;
      }
      cells.push(cell ?? '');
    }
    for (const key of Object.keys(props)) {
      const value = props[key] as PropertyValue;
      if (Array.isArray(value) && value.length === 0) {
        aside[key] = value;
        asideAny = true;
      }
    }
    // A row ends at its last value: the importer reads the columns after it as empty, but misreads
    // a short row that ends in an empty cell (it takes the next line's first value for the next).
    while (cells.at(-1) === '') cells.pop();
    this.chunk += `${cells.join(',')}\n`;
    this.count++;
    return asideAny ? aside : undefined;
  }

  get full(): boolean {
    return this.chunk.length > FLUSH_AT;
  }

  async flush(): Promise<void> {
    this.out ??= await open(this.files[1], 'w');
    const text = this.chunk;
    this.chunk = '';
    await this.out.writeFile(text, 'utf8');
  }

  /** Writes the rest of the data, closes the file and writes the header file. */
  async close(link: boolean): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.flush();
    } finally {
      await this.out?.close();
    }
    const head = link ? [':START_ID', ':END_ID', 'id:string'] : ['id:ID'];
    const header = [...head, ...[...this.columns].map(([key, type]) => `${key}:${type}`)].join(',');
    await writeFile(this.files[0], `${header}\n`, 'utf8');
  }
}

/**
 * The importer's files of one kind, written as the checked records come: node files keyed by label,
 * or relationship files keyed by link group. It takes the place of a checked records' spool.
 */
export class CsvGroups implements GroupSink {
  private readonly groups = new Map<string, CsvGroup>();
  count = 0;
  /** The first failure to write, kept so that the caller can tell it from any other. */
  failure: Error | undefined;

  constructor(
    private readonly csv: BulkCsv,
    private readonly link: boolean,
  ) {}

  /** Writes one checked record (an entity's validated properties, or a link's) to its group's file. */
  async write(key: string, value: unknown): Promise<void> {
    try {
      let group = this.groups.get(key);
      if (!group) {
        const name = `${this.link ? 'relationships' : 'nodes'}-${this.groups.size}`;
        group = new CsvGroup(key, [
          join(this.csv.dir, `${name}-header.csv`),
          join(this.csv.dir, `${name}.csv`),
        ]);
        this.groups.set(key, group);
      }
      this.count++;
      const row = value as Record<string, unknown>;
      const { props, source, target } = recordOf(row, this.link, this.csv.meta);
      const ends = this.link ? ([String(source), String(target)] as [string, string]) : undefined;
      const aside = group.add(props, ends);
      if (aside) await this.csv.late.write(lateValueOf(key, String(source), String(props.id), aside));
      if (group.full) await group.flush();
    } catch (error) {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }

  /** The groups in key order, each with its data file and how many rows it holds. */
  files(): SpoolGroup[] {
    return this.sorted().map((g) => ({ key: g.key, path: g.files[1], count: g.count }));
  }

  /** Finishes every file (data, then header); closing twice does nothing more. */
  async close(): Promise<void> {
    try {
      for (const group of this.groups.values()) await group.close(this.link);
    } catch (error) {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }

  /** The finished groups, sorted by key, with their header and data files. */
  sorted(): CsvGroup[] {
    return [...this.groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

/**
 * The importer's files in one folder: node files, relationship files and the late values, written as
 * the checked records come; `finish` closes them and says what to load.
 */
export class BulkCsv {
  readonly late: SpoolWriter;
  readonly nodes: CsvGroups;
  readonly relationships: CsvGroups;

  constructor(
    readonly dir: string,
    readonly meta: { user: string; now: string },
  ) {
    this.late = new SpoolWriter(join(dir, 'late-values.ndjson'));
    this.nodes = new CsvGroups(this, false);
    this.relationships = new CsvGroups(this, true);
  }

  /** The first failure to write any of the files, if there was one. */
  get failure(): Error | undefined {
    return this.nodes.failure ?? this.relationships.failure;
  }

  /** Finishes every file and lists them for the importer. */
  async finish(): Promise<BulkFiles> {
    await this.nodes.close();
    await this.relationships.close();
    await this.late.close();
    return {
      nodes: this.nodes
        .sorted()
        .map((g) => ({ label: g.key as EntityLabel, files: g.files, count: g.count })),
      relationships: this.relationships
        .sorted()
        .map((g) => ({ type: parseLinkGroupKey(g.key).type, files: g.files, count: g.count })),
      late: { path: this.late.path, count: this.late.count },
      arrayDelimiter: ARRAY_DELIMITER,
    };
  }
}

/** Writes the importer's files for the checked entities and links of spools into `dir`. */
export async function writeBulkFiles(
  dir: string,
  spools: { entities: SpoolGroup[]; links: SpoolGroup[] },
  meta: { user: string; now: string },
  onGroup?: (done: number) => void,
): Promise<BulkFiles> {
  const csv = new BulkCsv(dir, meta);
  let done = 0;
  for (const [sink, groups] of [
    [csv.nodes, spools.entities],
    [csv.relationships, spools.links],
  ] as const)
    for (const group of groups) {
      for await (const row of readSpool(group.path)) await sink.write(group.key, row);
      done += group.count;
      onGroup?.(done);
    }
  return csv.finish();
}
