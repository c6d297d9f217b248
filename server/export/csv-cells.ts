/**
 * CSV cells: RFC 4180 quoting, lists joined with `|`, and a check of every cell against the CSV
 * reader's own conversion (server/ingest/readers/csv-cells.ts), so that a value that would come
 * back different (a number in a text column, a list item holding `|`) is reported, not hidden.
 *
 * Formula-looking text (`=`, `+`, `-`, `@`, tab, CR first) is data and is written verbatim, because
 * this export is for re-import. `excelSafe` prefixes such text with `'` for people who open the file
 * in a spreadsheet; that changes the values, so such a file no longer round-trips.
 */
import { isDeepStrictEqual } from 'node:util';
import { convertCell, LIST_FIELDS, LIST_SEPARATOR } from '../ingest/readers/csv-cells.ts';
import { textOf } from './columns.ts';

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes a cell when it holds a comma, a quote or a line break (RFC 4180), doubling its quotes. */
export function quoteCsv(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Whether a spreadsheet would take this text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Prefixes formula-looking text with `'`, which spreadsheets show as text and do not evaluate. */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** A cell's text, and why it would not read back as the value (undefined when it would). */
export interface CellText {
  text: string;
  loss?: string;
}

function describeLoss(column: string, value: unknown, back: unknown): string {
  if (back === undefined) return 'an empty or blank value reads back as absent';
  if (Array.isArray(value) && !LIST_FIELDS.has(column)) return 'a list in this column reads back as one text';
  if (Array.isArray(value)) return `a list item that is blank, padded, not text or holds "${LIST_SEPARATOR}"`;
  if (typeof value === 'number') return 'a number in this column reads back as text';
  if (typeof value === 'boolean') return 'true/false reads back as text';
  return 'this text reads back as a number or a list in this column';
}

/** The cell for a value in a column, checked against how the CSV reader converts it back. */
export function csvCell(column: string, value: unknown, excelSafe = false): CellText {
  if (value === undefined || value === null) return { text: '' };
  const text = textOf(value);
  const back = convertCell(column, text);
  const cell: CellText = { text };
  if (!isDeepStrictEqual(back, value)) cell.loss = describeLoss(column, value, back);
  // Numbers are never formulas (a negative longitude stays a number in the spreadsheet).
  if (excelSafe && typeof value !== 'number') cell.text = neutraliseFormula(text);
  cell.text = quoteCsv(cell.text);
  return cell;
}

/** One CSV row of already quoted cells, with the RFC 4180 line ending. */
export function csvRow(cells: readonly string[]): string {
  return `${cells.join(',')}\r\n`;
}
