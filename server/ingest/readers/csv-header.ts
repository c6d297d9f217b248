/**
 * Reads the header row of an Ariadne CSV file and decides what its rows are: entities, links, or
 * either (a `kind` column holding `entity` or `link`).
 */
import { basename } from 'node:path';
import type { ReadError } from './types.ts';

/** What kind of record a CSV file holds. */
export type CsvFileKind = 'entity' | 'link';

/** The parsed header: column names in order, and the kind decided from the file name or columns. */
export type CsvHeader = {
  columns: string[];
  /** The kind rows have unless their `kind` cell says `entity` or `link`; undefined if rows must say. */
  kind: CsvFileKind | undefined;
  /** Whether a `kind` column can carry the record kind. */
  hasKindColumn: boolean;
};

const REQUIRED: Record<CsvFileKind, string[]> = {
  entity: ['id', 'type'],
  link: ['source', 'target', 'type'],
};

/** The kind fixed by a file's name: entities.csv holds entities, links.csv links; other names say nothing. */
export function kindFromFileName(path: string): CsvFileKind | undefined {
  const name = basename(path).toLowerCase();
  if (/^entities\.(csv|tsv|txt)$/.test(name)) return 'entity';
  if (/^links\.(csv|tsv|txt)$/.test(name)) return 'link';
  return undefined;
}

/** Checks a header row and decides the file's kind, or returns the error that stops the file. */
export function readHeader(file: string, line: number, cells: string[]): CsvHeader | ReadError {
  const columns = cells.map((cell) => cell.trim());
  const seen = new Set<string>();
  for (const column of columns) {
    if (column !== '' && seen.has(column)) {
      return {
        file,
        line,
        field: column,
        message: `column "${column}" appears twice in the header: rename or merge one`,
      };
    }
    seen.add(column);
  }
  const hasKindColumn = seen.has('kind');
  const kind = kindFromFileName(file) ?? kindFromColumns(seen);
  if (kind === undefined && !hasKindColumn) {
    return {
      file,
      line,
      field: 'id',
      message:
        'cannot tell whether this file holds entities or links: name it entities.csv or links.csv, or give it an "id" column (entities) or "source" and "target" columns (links)',
    };
  }
  const required = kind === undefined ? ['type'] : REQUIRED[kind];
  const missing = required.find((column) => !seen.has(column));
  if (missing !== undefined) {
    const needs =
      kind === undefined ? 'every file needs' : `${kind === 'entity' ? 'entities' : 'links'} need`;
    return {
      file,
      line,
      field: missing,
      message: `the header lacks the column "${missing}": ${needs} ${required.join(',')} (names are case-sensitive)`,
    };
  }
  return { columns, kind, hasKindColumn };
}

function kindFromColumns(columns: Set<string>): CsvFileKind | undefined {
  const linkColumns = columns.has('source') && columns.has('target');
  // With a kind column beside both entity and link columns the file mixes both: each row says.
  if (linkColumns && columns.has('id') && columns.has('kind')) return undefined;
  if (linkColumns) return 'link';
  if (columns.has('id')) return 'entity';
  return undefined;
}
