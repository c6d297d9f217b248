/**
 * The quick lane of analyse --file's CSV reading (a RowLane of read-csv-sync.ts). A row of plain
 * ASCII without quotes is split on the delimiter's byte, and rows are grouped by their raw shape:
 * the bytes of every cell but the varying ones (ids, names, weights; see cached-validation.ts) and
 * which varying cells are filled. Rows of one raw shape make records of one validator shape, so
 * once the validator remembers it (after a row of it passed validateRecord), the next rows get the
 * validator's own checks on their varying values alone, with no string per line, no object per row
 * and no record for the links. Every other row, and any row whose values fail those checks, is made
 * into a record as the usual reader makes it (csvRowToItem) and goes to the builder, which reports
 * its problems in validateRecord's words.
 */
import { convertCell } from '../ingest/readers/csv-cells.ts';
import type { CsvHeader } from '../ingest/readers/csv-header.ts';
import { csvRowToItem } from '../ingest/readers/csv.ts';
import type { ReadItem } from '../ingest/readers/types.ts';
import type { ArraysBuilder } from './arrays-from-records.ts';
import type { KnownShape } from './cached-validation.ts';
import { IdBytes } from './id-bytes.ts';
import type { RowLane } from './read-csv-sync.ts';
import { RawShapes } from './raw-shapes.ts';

// The role of a column: part of the raw shape, or one of the varying fields (a bit each).
const SHAPE = 0;
const ID = 1;
const NAME = 2;
const SOURCE = 4;
const TARGET = 8;
const WEIGHT = 16;
const ROLES = {
  entity: new Map([
    ['id', ID],
    ['name', NAME],
  ]),
  link: new Map([
    ['id', ID],
    ['source', SOURCE],
    ['target', TARGET],
    ['weight', WEIGHT],
  ]),
};

const QUOTE = 0x22;
const isSpace = (b: number) => b === 32 || (b >= 9 && b <= 13);
// ASCII bytes as a string (Buffer's own latin1Slice, without toString's argument handling).
const text = (bytes: Buffer, start: number, end: number): string =>
  (bytes as unknown as { latin1Slice(start: number, end: number): string }).latin1Slice(start, end);

/** Takes the rows of CSV files into an ArraysBuilder; see the banner. */
export class CsvLane implements RowLane {
  /** Records taken by the lane itself (the others are counted where they are taken). */
  records = 0;
  private path = '';
  private header: CsvHeader = { columns: [], kind: undefined, hasKindColumn: false };
  private kind: 'entity' | 'link' = 'entity';
  private delimiter = 0;
  private roles = new Uint8Array(0);
  // The column of each varying field, by role.
  private at = new Int32Array(WEIGHT + 1);
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private shapes = new RawShapes();
  // The builder's entity ids as bytes, caught up before links are looked up in it.
  private readonly ids = new IdBytes();

  constructor(
    private readonly builder: ArraysBuilder,
    private readonly onItem: (item: ReadItem) => void,
    private readonly maxBytes: number,
  ) {}

  open(path: string, header: CsvHeader, delimiter: string): boolean {
    if (header.kind === undefined || header.hasKindColumn) return false;
    this.path = path;
    this.header = header;
    this.kind = header.kind;
    this.delimiter = delimiter.charCodeAt(0);
    const roles = ROLES[header.kind];
    this.roles = Uint8Array.from(header.columns, (column) => roles.get(column) ?? SHAPE);
    this.roles.forEach((role, column) => {
      if (role !== SHAPE) this.at[role] = column;
    });
    this.starts = new Int32Array(header.columns.length);
    this.ends = new Int32Array(header.columns.length);
    this.shapes = new RawShapes();
    return true;
  }

  row(bytes: Buffer, start: number, end: number, line: number, eol: number): boolean {
    const n = this.split(bytes, start, end, eol);
    if (n === 0) return false;
    let filled = 0;
    for (let c = 0; c < n; c++) {
      const role = this.roles[c]!;
      if (role !== SHAPE && !this.blank(bytes, c)) filled |= role;
    }
    const raw = this.shapes.find(bytes, this.starts, this.ends, n, this.roles, filled);
    if (raw.known === undefined || !this.quick(bytes, raw.known, filled)) {
      const item = this.usual(bytes, n, line);
      if (raw.known === undefined && item !== undefined && 'kind' in item)
        raw.known = this.builder.validator.shapeOf(item);
    }
    return true;
  }

  // Cell bounds into starts and ends; the number of cells, or 0 when the row is not for the lane
  // (too long, a quote, a byte past ASCII, more cells than columns).
  private split(bytes: Buffer, start: number, end: number, eol: number): number {
    if (end - start + eol > this.maxBytes) return 0;
    const { delimiter, starts, ends } = this;
    const columns = starts.length;
    let n = 0;
    let from = start;
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b === delimiter) {
        if (n + 1 === columns) return 0;
        starts[n] = from;
        ends[n++] = i;
        from = i + 1;
      } else if (b === QUOTE || b > 0x7f) return 0;
    }
    starts[n] = from;
    ends[n++] = end;
    return n;
  }

  private blank(bytes: Buffer, c: number): boolean {
    for (let i = this.starts[c]!; i < this.ends[c]!; i++) if (!isSpace(bytes[i]!)) return false;
    return true;
  }

  private cell(bytes: Buffer, role: number): string {
    const c = this.at[role]!;
    return text(bytes, this.starts[c]!, this.ends[c]!);
  }

  // The validator's checks of a record of a known shape on the varying cells; false sends the row
  // the usual way (which runs the same checks, then validateRecord for the problems).
  private quick(bytes: Buffer, known: KnownShape, filled: number): boolean {
    const { builder } = this;
    const { validator } = builder;
    if (this.kind === 'entity') {
      const id = validator.checkId(this.cell(bytes, ID));
      if (id === undefined) return false;
      const name = filled & NAME ? validator.checkName(known, this.cell(bytes, NAME)) : undefined;
      if (filled & NAME && name === undefined) return false;
      builder.addEntityOfShape(known, id, name);
    } else {
      // Both ends already in: their ids passed and are normalised (the validator's isKnownId).
      const s = filled & SOURCE ? this.entityAt(bytes, SOURCE) : -1;
      const t = filled & TARGET ? this.entityAt(bytes, TARGET) : -1;
      if (s < 0 || t < 0 || s === t) return false;
      if (filled & ID && validator.checkId(this.cell(bytes, ID)) === undefined) return false;
      const w = filled & WEIGHT ? convertCell('weight', this.cell(bytes, WEIGHT)) : undefined;
      const weight = validator.checkWeight(known, w);
      if (weight === undefined) return false;
      builder.addLinkBetween(s, t, known.type, weight);
    }
    this.records++;
    return true;
  }

  // The index of the entity whose id is the cell of a role, or -1.
  private entityAt(bytes: Buffer, role: number): number {
    const { ids } = this;
    const known = this.builder.ids;
    while (ids.length < known.length) ids.push(known[ids.length]!);
    const c = this.at[role]!;
    return ids.find(bytes, this.starts[c]!, this.ends[c]!);
  }

  // The row as the usual reader makes it (its cells are what the tokenizer would split).
  private usual(bytes: Buffer, n: number, line: number): ReadItem | undefined {
    const cells: string[] = [];
    for (let c = 0; c < n; c++) cells.push(text(bytes, this.starts[c]!, this.ends[c]!));
    const item = csvRowToItem(this.path, this.header, { ok: true, line, cells });
    if (item !== undefined) this.onItem(item);
    return item;
  }
}
