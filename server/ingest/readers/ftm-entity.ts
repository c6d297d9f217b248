/**
 * The shape of one FollowTheMoney entity as Aleph and OpenSanctions publish it, checked and normalised
 * so the mappers can rely on `properties` holding lists of strings.
 */

/** A FollowTheMoney entity: every property is a list of string values. */
export type FtmEntity = {
  id: string;
  schema: string;
  caption: string | undefined;
  properties: Record<string, string[]>;
  firstSeen: string | undefined;
  lastSeen: string | undefined;
};

/** Checks the parsed object of one line; returns the entity or the field that is wrong and why. */
export function toFtmEntity(value: Record<string, unknown>): FtmEntity | { field: string; message: string } {
  const { id, schema, properties } = value;
  if (typeof id !== 'string' || id === '') {
    return { field: 'id', message: 'FollowTheMoney entity without an "id": every entity needs its id' };
  }
  if (typeof schema !== 'string' || schema === '') {
    return {
      field: 'schema',
      message: 'FollowTheMoney entity without a "schema" (e.g. "Person", "Company")',
    };
  }
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
    return {
      field: 'properties',
      message: '"properties" must be an object of property name to list of values',
    };
  }
  const normalised: Record<string, string[]> = {};
  for (const [name, raw] of Object.entries(properties)) {
    const values = toStrings(raw);
    if (values === undefined) {
      return { field: `properties.${name}`, message: `property "${name}" must be a list of strings` };
    }
    // defineProperty keeps a property named __proto__ as plain data.
    Object.defineProperty(normalised, name, {
      value: values,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return {
    id,
    schema,
    caption: typeof value.caption === 'string' ? value.caption : undefined,
    properties: normalised,
    firstSeen: utcTimestamp(value.first_seen),
    lastSeen: utcTimestamp(value.last_seen),
  };
}

// FollowTheMoney writes first_seen and last_seen in UTC without a zone ("2023-04-20T18:00:25").
function utcTimestamp(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(raw) ? `${raw}Z` : raw;
}

function toStrings(raw: unknown): string[] | undefined {
  const list = Array.isArray(raw) ? raw : [raw];
  const values: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') values.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') values.push(String(item));
    else if (item !== null) return undefined;
  }
  return values;
}

/** The first value of a property, or of the first of several properties that has one. */
export function first(entity: FtmEntity, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = entity.properties[name]?.find((item) => item.trim() !== '');
    if (value !== undefined) return value;
  }
  return undefined;
}

/** All values of the given properties, in order, without repeats or blanks. */
export function all(entity: FtmEntity, ...names: string[]): string[] {
  const values = names.flatMap((name) => entity.properties[name] ?? []).filter((item) => item.trim() !== '');
  return [...new Set(values)];
}
