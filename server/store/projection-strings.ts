/**
 * Equal strings shared, column by column. The driver decodes every value into a string of its own,
 * so a million links graded B2 would hold a million copies of "B2" (and of their type, scheme,
 * handling code, date and sources) in the graph; shared, they are a few, and the garbage collector
 * has that much less to copy and mark. A column with too many distinct values (ids, names, free
 * text) is not worth a table: past a bound its table is dropped and its values kept as they come.
 */

/** Distinct values a column may have before it stops being shared. */
export const MAX_SHARED = 4096;

/** Shares equal strings within each column; strings inside lists are shared too (lists are changed in place). */
export class StringPool {
  private readonly tables: (Map<string, string> | null)[];

  constructor(columns: number) {
    this.tables = Array.from({ length: columns }, () => new Map<string, string>());
  }

  /** The shared copy of a string value of a column; any other value as it is. */
  share(column: number, value: unknown): unknown {
    if (typeof value === 'string') return this.shareString(column, value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'string') value[i] = this.shareString(column, item);
      }
    }
    return value;
  }

  private shareString(column: number, value: string): string {
    const table = this.tables[column];
    if (table === null || table === undefined) return value;
    const known = table.get(value);
    if (known !== undefined) return known;
    if (table.size >= MAX_SHARED) {
      this.tables[column] = null;
      return value;
    }
    table.set(value, value);
    return value;
  }
}
