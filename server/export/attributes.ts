/**
 * Attribute declarations shared by the GEXF and GraphML writers: the record type first, then every
 * property but the ones the format carries natively (ids, ends, weight), each with the type that
 * fits all its values, and each record's values for them as text (lists joined with `|`).
 */
import { type ColumnType, orderColumns, textOf } from './columns.ts';

/** One declared attribute: its id in the document, its title (the property name) and its type. */
export interface AttributeDecl {
  id: string;
  title: string;
  type: ColumnType;
}

const LEADING = ['type', 'name', 'grade', 'gradeScheme', 'handling'];

/** Declares `type` and the columns other than `omit`, with ids `prefix0`, `prefix1`... */
export function declareAttributes(
  prefix: string,
  columns: ReadonlyMap<string, ColumnType>,
  omit: readonly string[],
): AttributeDecl[] {
  const keys = orderColumns(['type', ...columns.keys()], LEADING).filter((key) => !omit.includes(key));
  return keys.map((title, index) => ({
    id: `${prefix}${index}`,
    title,
    type: title === 'type' ? 'string' : (columns.get(title) ?? 'string'),
  }));
}

/** A record's values for the declared attributes, as text; absent values are left out. */
export function attributeValues(
  decls: readonly AttributeDecl[],
  type: string,
  properties: Record<string, unknown>,
): { id: string; text: string }[] {
  return decls.flatMap((decl) => {
    const value = decl.title === 'type' ? type : properties[decl.title];
    if (value === undefined || value === null) return [];
    return [{ id: decl.id, text: textOf(value) }];
  });
}

/** The label a graph tool shows for an entity: its name, else its id. */
export function labelOf(properties: Record<string, unknown>): string {
  const name = properties.name;
  return typeof name === 'string' && name !== '' ? name : textOf(properties.id);
}
