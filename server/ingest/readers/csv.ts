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
import { readLines } from './lines.ts';
import type { RawRecord, ReadError, ReadItem, ReadOptions } from './types.ts';
import { DEFAULT_MAX_LINE_BYTES } from './types.ts';

/** The files of a CSV pair, in the order they are read. */
export const CSV_PAIR = ['entities.csv', 'links.csv'] as const;

/** Streams the records of a CSV file, or of the entities.csv and links.csv in a folder. */
export async function* readCsv(path: string, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const isFolder = await stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isFolder) {
    yield* readCsvFile(path, options);
    return;
  }
  const files = await findPairFiles(path);
  if (files.length === 0) {
    yield {
      file: path,
      line: 0,
      message: 'the folder holds neither entities.csv nor links.csv: add one, or name the file',
    };
  }
  for (const file of files) yield* readCsvFile(file, options);
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
export async function* readCsvFile(path: string, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const maxBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let tokenizer: CsvTokenizer | undefined;
  let header: CsvHeader | undefined;
  for await (const event of readLines(path, maxBytes, options.stats)) {
    if (event.type === 'problem') {
      if (event.fatal || header === undefined || tokenizer === undefined) {
        yield { file: path, line: event.line, message: event.message };
        return;
      }
      const dropped = tokenizer.abandon(event.line, event.message);
      yield { file: path, line: dropped.line, message: dropped.message };
      continue;
    }
    if (tokenizer === undefined) {
      if (event.text.trim() === '' || isCsvMarkingLine(event.text)) continue;
      tokenizer = new CsvTokenizer(detectDelimiter(event.text), maxBytes);
    }
    const row = tokenizer.pushLine(event.text, event.line, event.eol);
    if (row === undefined) continue;
    if (header !== undefined) {
      const item = csvRowToItem(path, header, row);
      if (item !== undefined) yield item;
      continue;
    }
    const read = row.ok
      ? readHeader(path, row.line, row.cells)
      : { file: path, line: row.line, message: row.message };
    if ('columns' in read) header = read;
    else {
      yield read;
      return;
    }
  }
  const last = tokenizer?.end();
  if (last !== undefined) yield { file: path, ...last };
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
