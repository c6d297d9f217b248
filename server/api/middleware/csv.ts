/**
 * CSV cells that spreadsheets cannot execute. A cell starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is read as a formula by Excel and LibreOffice (CSV injection), so it gets a
 * leading apostrophe; cells with separators, quotes or line breaks are quoted.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, neutralised and quoted as needed. */
export function csvSafe(cell: unknown): string {
  let text = cell === null || cell === undefined ? '' : Array.isArray(cell) ? cell.join(';') : String(cell);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF-terminated, as RFC 4180 has it) of neutralised cells. */
export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvSafe).join(',')}\r\n`;
}
