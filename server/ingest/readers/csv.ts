/**
 * Reads Ariadne CSV: `entities.csv` (`id,type,name,...`) and `links.csv` (`source,target,type,...`),
 * a folder holding them (entities first, so links find their ends), or any single CSV file whose header
 * says what it holds. Extra columns become fields; empty cells are absent fields.
 */
import { isCsvMarkingLine } from './marking.ts';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { convertCell } from './csv-cells.ts';
import type { CsvHeader } from './csv-header.ts';
import { readHeader } from './csv-header.ts';
import type { CsvRow } from './csv-tokenizer.ts';
import { CsvTokenizer, detectDelimiter } from './csv-tokenizer.ts';
import { type LineEvent, readLineBatches } from './lines.ts';
import type { RawRecord, ReadError, ReadItem, ReadOptions } from './types.ts';
import { DEFAULT_MAX_LINE_BYTES, oneByOne } from './types.ts';

/** The files of a CSV pair, in the order they are read. */
export const CSV_PAIR = ['entities.csv', 'links.csv'] as const;

/** Streams the records of a CSV file, or of the entities.csv and links.csv in a folder. */
export function readCsv(path: string, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  return oneByOne(readCsvBatches(path, options));
}

/** The records of `readCsv`, a batch for each batch of lines read (readLineBatches). */
export async function* readCsvBatches(path: string, options: ReadOptions = {}): AsyncGenerator<ReadItem[]> {
  const isFolder = await stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isFolder) {
    yield* readCsvFileBatches(path, options);
    return;
  }
  const files = await findPairFiles(path);
  if (files.length === 0) {
    yield [
      {
        file: path,
        line: 0,
        message: 'the folder holds neither entities.csv nor links.csv: add one, or name the file',
      },
    ];
  }
  for (const file of files) yield* readCsvFileBatches(file, options);
}

/** Finds entities.csv and links.csv in a folder (any letter case), entities first. */
export async function findPairFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder);
  return CSV_PAIR.flatMap((wanted) => {
    const found = names.find((name) => name.toLowerCase() === wanted);
    return found === undefined ? [] : [join(folder, found)];
  });
}

/** Streams the records of one CSV file. */
export function readCsvFile(path: string, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  return oneByOne(readCsvFileBatches(path, options));
}

/** The records of `readCsvFile`, a batch for each batch of lines read, in one go. */
export async function* readCsvFileBatches(
  path: string,
  options: ReadOptions = {},
): AsyncGenerator<ReadItem[]> {
  const file = new CsvFileReader(path, options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
  for await (const events of readLineBatches(path, file.maxBytes, options.stats)) {
    const items: ReadItem[] = [];
    const more = file.take(events, items);
    if (items.length > 0) yield items;
    if (!more) return;
  }
  const last = file.end();
  if (last !== undefined) yield [last];
}

// One CSV file's reading state: its tokenizer, from the first line that is not blank or a marking, and
// its header, from the first row.
class CsvFileReader {
  private tokenizer: CsvTokenizer | undefined;
  private header: CsvHeader | undefined;

  constructor(
    private readonly path: string,
    readonly maxBytes: number,
  ) {}

  /** Reads lines into `items`; false when the file cannot be read further (a fatal or header problem). */
  take(events: readonly LineEvent[], items: ReadItem[]): boolean {
    const path = this.path;
    for (const event of events) {
      if (event.type === 'problem') {
        if (event.fatal || this.header === undefined || this.tokenizer === undefined) {
          items.push({ file: path, line: event.line, message: event.message });
          return false;
        }
        const dropped = this.tokenizer.abandon(event.line, event.message);
        items.push({ file: path, line: dropped.line, message: dropped.message });
        continue;
      }
      if (this.tokenizer === undefined) {
        if (event.text.trim() === '' || isCsvMarkingLine(event.text)) continue;
        this.tokenizer = new CsvTokenizer(detectDelimiter(event.text), this.maxBytes);
      }
      const row = this.tokenizer.pushLine(event.text, event.line, event.eol);
      if (row === undefined) continue;
      if (this.header !== undefined) {
        const item = csvRowToItem(path, this.header, row);
        if (item !== undefined) items.push(item);
        continue;
      }
      const read = row.ok
        ? readHeader(path, row.line, row.cells)
        : { file: path, line: row.line, message: row.message };
      if ('columns' in read) this.header = read;
      else {
        items.push(read);
        return false;
      }
    }
    return true;
  }

  /** A record left open at the end of the file, as a problem. */
  end(): ReadItem | undefined {
    const last = this.tokenizer?.end();
    return last === undefined ? undefined : { file: this.path, ...last };
  }
}

/** One tokenized row as a record, a problem with its place, or undefined for a blank row. */
export function csvRowToItem(file: string, header: CsvHeader, row: CsvRow): ReadItem | undefined {
  if (!row.ok) return { file, line: row.line, message: row.message };
  if (row.cells.every((cell) => cell.trim() === '')) return undefined;
  if (row.cells.length > header.columns.length) {
    return {
      file,
      line: row.line,
      message: `the row has ${row.cells.length} cells but the header has ${header.columns.length} columns: quote cells that contain the delimiter, or add the missing column names`,
    };
  }
  return toRecord(file, header, row.line, row.cells);
}

function toRecord(file: string, header: CsvHeader, line: number, cells: string[]): RawRecord | ReadError {
  const fields: Record<string, unknown> = {};
  let kind = header.kind;
  let type: string | undefined;
  for (let index = 0; index < cells.length; index += 1) {
    const column = header.columns[index] ?? '';
    const cell = cells[index] ?? '';
    if (column === '') {
      if (cell.trim() === '') continue;
      return {
        file,
        line,
        message: `a value in column ${index + 1}, which has no name in the header: name the column`,
      };
    }
    if (column === 'type') type = cell.trim();
    else if (column === 'kind' && header.hasKindColumn && isRecordKind(cell.trim()))
      kind = cell.trim() as 'entity' | 'link';
    else {
      const value = convertCell(column, cell);
      if (value !== undefined) setField(fields, column, value);
    }
  }
  if (kind === undefined)
    return {
      file,
      line,
      field: 'kind',
      message: 'the "kind" cell must be "entity" or "link" in a file that mixes both',
    };
  if (type === undefined || type === '') {
    const example = kind === 'entity' ? 'Person' : 'MEMBER_OF';
    return {
      file,
      line,
      field: 'type',
      message: `the ${kind} has no type: fill in the "type" cell, e.g. ${example}`,
    };
  }
  return { file, line, kind, type, fields };
}

// As Object.fromEntries does: an own data property, so a column named __proto__ stays plain data.
function setField(fields: Record<string, unknown>, column: string, value: unknown): void {
  if (column === '__proto__')
    Object.defineProperty(fields, column, { value, enumerable: true, writable: true, configurable: true });
  else fields[column] = value;
}

function isRecordKind(value: string): boolean {
  return value === 'entity' || value === 'link';
}
