/**
 * The columns of an export: every property key that occurs, per record kind, with the one type that
 * fits all its values. CSV headers and XML attribute declarations come before the first record, so
 * the writers scan the records once for these before writing them.
 */
import type { ExportSource } from './types.ts';

/** The value type of a column: whole numbers, numbers, true/false, or text (lists are joined text). */
export type ColumnType = 'integer' | 'double' | 'boolean' | 'string';

/** Columns of entities and of links, key -> type, in first-seen order. */
export interface Columns {
  entity: Map<string, ColumnType>;
  link: Map<string, ColumnType>;
}

/** The type of one value. */
export function typeOfValue(value: unknown): ColumnType {
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'double';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

/** The type that holds values of both types. */
export function widenType(a: ColumnType, b: ColumnType): ColumnType {
  if (a === b) return a;
  if ((a === 'integer' && b === 'double') || (a === 'double' && b === 'integer')) return 'double';
  return 'string';
}

function addAll(columns: Map<string, ColumnType>, properties: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === null) continue;
    const type = typeOfValue(value);
    const known = columns.get(key);
    columns.set(key, known === undefined ? type : widenType(known, type));
  }
}

/** Reads the source once and returns the columns of its entities and links. */
export async function scanColumns(source: ExportSource): Promise<Columns> {
  const columns: Columns = { entity: new Map(), link: new Map() };
  for await (const entity of source.entities()) addAll(columns.entity, entity.properties);
  for await (const link of source.links()) addAll(columns.link, link.properties);
  return columns;
}

/** Orders column names: the given leading ones (when present) first, then the rest alphabetically. */
export function orderColumns(keys: Iterable<string>, leading: readonly string[]): string[] {
  const all = new Set(keys);
  const first = leading.filter((key) => all.has(key));
  const rest = [...all].filter((key) => !leading.includes(key)).sort();
  return [...first, ...rest];
}

/** The text of a value for a cell or attribute: lists joined with `|`, numbers as JavaScript writes them. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(textOf).join('|');
  return String(value);
}
