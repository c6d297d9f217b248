/**
 * Builds the common parts of records mapped from FollowTheMoney: names and aliases, provenance dates,
 * the `ftmSchema` marker, and links with stable ids.
 */
import type { FtmEntity } from './ftm-entity.ts';
import { all, first } from './ftm-entity.ts';

/** A record mapped from one FollowTheMoney entity, before the reader adds file and line. */
export type MappedRecord = {
  kind: 'entity' | 'link' | 'entity-patch';
  type: string;
  fields: Record<string, unknown>;
};

/** A problem with one FollowTheMoney entity, naming the property. */
export type MappingError = { field: string; message: string };

/** What a mapper returns for one entity. */
export type Mapped = MappedRecord | MappingError;

/** Drops undefined values and empty lists, so absent FtM properties become absent fields. */
export function compact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(
      ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  );
}

/** Fields every mapped record carries: the FtM schema it came from and the dates it was seen. */
export function provenance(entity: FtmEntity): Record<string, unknown> {
  return { ftmSchema: entity.schema, firstSeen: entity.firstSeen, lastSeen: entity.lastSeen };
}

/** The first name is the name; the other names, aliases and previous names are aliases. */
export function namesOf(entity: FtmEntity, fallback?: string): { name?: string; aliases: string[] } {
  const names = all(entity, 'name');
  const name = names[0] ?? fallback ?? entity.caption;
  const aliases = all(entity, 'name', 'alias', 'weakAlias', 'previousName').filter((alias) => alias !== name);
  return name === undefined ? { aliases } : { name, aliases };
}

/** Notes joined into one text, as the model keeps them. */
export function notesOf(entity: FtmEntity): string | undefined {
  const notes = all(entity, 'notes');
  return notes.length > 0 ? notes.join('\n\n') : undefined;
}

/** An entity record from an FtM entity, with names, notes and provenance filled in. */
export function entityRecord(
  entity: FtmEntity,
  type: string,
  fields: Record<string, unknown>,
  fallbackName?: string,
): MappedRecord {
  const names = namesOf(entity, fallbackName);
  return {
    kind: 'entity',
    type,
    fields: compact({ id: entity.id, ...names, notes: notesOf(entity), ...fields, ...provenance(entity) }),
  };
}

/**
 * Links from `entity` for every pair of values of two properties. The link takes the FtM id when the
 * entity is itself the relationship and yields one link; otherwise ids are derived from it.
 */
export function pairLinks(
  entity: FtmEntity,
  type: string,
  from: string[],
  to: string[],
  fields: Record<string, unknown> = {},
  derived = false,
): MappedRecord[] {
  const pairs = from.flatMap((source) => to.map((target) => [source, target] as const));
  return pairs.map(([source, target], index) => ({
    kind: 'link',
    type,
    fields: compact({
      id: !derived && pairs.length === 1 ? entity.id : `${entity.id}:${type}:${index}`,
      source,
      target,
      ...fields,
      ...provenance(entity),
    }),
  }));
}

/** A number from a numeric FtM string, else the string itself for the schema to judge. */
export function toNumber(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  const number = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(number) ? number : value;
}

/** Requires a property that a relationship cannot do without. */
export function required(entity: FtmEntity, property: string): string[] | MappingError {
  const values = all(entity, property);
  if (values.length > 0) return values;
  return {
    field: `properties.${property}`,
    message: `${entity.schema} without "${property}": the relationship needs both ends`,
  };
}

/** The first value of a property (re-exported so mappers import from one place). */
export { all, first };
