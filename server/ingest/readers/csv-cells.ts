/**
 * Turns CSV cells into raw field values. Only what a spreadsheet cannot express is converted: lists
 * (joined with `|`) and numbers in known numeric columns. Everything else stays the string as written,
 * formula-like text included, so the schema sees exactly what the file holds.
 */

/** Columns whose cells hold several values separated by `|`. */
export const LIST_FIELDS: ReadonlySet<string> = new Set([
  'aliases',
  'roles',
  'nationalities',
  'sources',
  'pastNames',
  'pastFlags',
  'agencies',
  'restrictedTo',
]);

/** Columns whose cells become numbers when they hold one. */
export const NUMERIC_FIELDS: ReadonlySet<string> = new Set([
  'weight',
  'amount',
  'capacity',
  'order',
  'lat',
  'lon',
  'deaths',
  'persons',
  'priceMin',
  'priceMax',
]);

/** The list separator inside a cell. */
export const LIST_SEPARATOR = '|';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Converts one cell of a column: `undefined` for an empty cell (an absent field), a list for list
 * columns, a number for a numeric column holding a number; otherwise the text verbatim (a non-numeric
 * amount stays a string so the schema can reject it with its own message).
 */
export function convertCell(column: string, cell: string): unknown {
  const trimmed = cell.trim();
  if (trimmed === '') return undefined;
  if (LIST_FIELDS.has(column)) {
    const items = trimmed
      .split(LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter((item) => item !== '');
    return items.length > 0 ? items : undefined;
  }
  if (NUMERIC_FIELDS.has(column) && NUMBER.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return value;
  }
  return cell;
}
