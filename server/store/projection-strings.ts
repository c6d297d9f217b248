/**
 * Equal strings shared, column by column. The driver decodes every value into a string of its own,
 * so a million links graded B2 would hold a million copies of "B2" (and of their type, scheme,
 * handling code, date and sources) in the graph; shared, they are a few, and the garbage collector
 * has that much less to copy and mark. A column with too many distinct values (ids, names, free
 * text) is not worth a table: past a bound its table is dropped and its values kept as they come.
 */

/** Distinct values a column may have before it stops being shared. */
export const MAX_SHARED = 4096;

/**
 * Shares equal strings within each column, and equal lists of strings (a link's `sources`), which
 * are frozen: a graph's attributes are read, never changed in place, and a list shared by a million
 * links must not change under all of them.
 */
export class StringPool {
  private readonly tables: (Map<string, string> | null)[];
  private readonly lists: (Map<string, readonly string[]> | null)[];

  constructor(columns: number) {
    this.tables = Array.from({ length: columns }, () => new Map<string, string>());
    this.lists = Array.from({ length: columns }, () => new Map<string, readonly string[]>());
  }

  /** The shared copy of a string or list of strings of a column; any other value as it is. */
  share(column: number, value: unknown): unknown {
    if (typeof value === 'string') return this.shareString(column, value);
    if (Array.isArray(value)) return this.shareList(column, value);
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

  // A list is known by its items joined with NUL; one whose items hold a NUL (never a validated
  // value) is kept as it is, as is a list shared already.
  private shareList(column: number, list: unknown[]): unknown {
    if (Object.isFrozen(list)) return list;
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i];
      if (typeof item !== 'string' || item.includes('\u0000')) return list;
      list[i] = this.shareString(column, item);
    }
    const table = this.lists[column];
    if (table === null || table === undefined) return list;
    const key = list.length === 1 ? (list[0] as string) : list.join('\u0000');
    const known = table.get(key);
    if (known !== undefined) return known;
    if (table.size >= MAX_SHARED) {
      this.lists[column] = null;
      return list;
    }
    table.set(key, Object.freeze(list) as readonly string[]);
    return list;
  }
}
