/**
 * Minimal CSV for the covert-network conversion: reading the small UCINET exports (quoted fields,
 * no embedded newlines) and writing RFC 4180 cells with `|` between list items.
 */

/** Splits one CSV line into cells, honouring double quotes. */
export function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Reads a CSV text with a header into objects keyed by column name. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = parseCsvLine(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const cells = parseCsvLine(line);
    return Object.fromEntries(header.map((column, i) => [column, cells[i] ?? '']));
  });
}

/** A cell value: text, a number, a list (joined with `|`) or nothing. */
export type Cell = string | number | readonly string[] | undefined;

function quote(value: Cell): string {
  if (value === undefined) return '';
  const text = Array.isArray(value) ? value.join('|') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes rows as CSV with the given columns, in order; missing values are empty cells. */
export function writeCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((column) => quote(row[column])).join(','));
  return lines.join('\n') + '\n';
}
