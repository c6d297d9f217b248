/**
 * Which stored properties become graph attributes, per entity label and for links. Derived from the
 * schema's shapes, so the list grows with the model; the store's bookkeeping, free-text notes and the
 * access-control fields stay in Neo4j (the projection has already applied them).
 */
import { ENTITY_SCHEMAS } from '../schema/entities/index.ts';
import { LINK_SCHEMAS } from '../schema/links.ts';
import { ENTITY_LABELS, type EntityLabel, LINK_TYPES } from '../schema/model.ts';

const LEFT_OUT = new Set([
  'id',
  'source',
  'target',
  'notes',
  'handlingCondition',
  'restrictedTo',
  'createdAt',
  'updatedAt',
  'createdBy',
]);

const shapeKeys = (schema: unknown): string[] =>
  Object.keys((schema as { shape?: Record<string, unknown> }).shape ?? {}).filter((k) => !LEFT_OUT.has(k));

/** Attribute keys read for each entity label, in a fixed order (the projection returns values in it). */
export const ENTITY_ATTRIBUTE_KEYS: Readonly<Record<EntityLabel, readonly string[]>> = Object.fromEntries(
  ENTITY_LABELS.map((label) => [label, shapeKeys(ENTITY_SCHEMAS[label])]),
) as unknown as Record<EntityLabel, readonly string[]>;

/** Attribute keys read for every link, in a fixed order. */
export const LINK_ATTRIBUTE_KEYS: readonly string[] = [
  ...new Set(LINK_TYPES.flatMap((type) => shapeKeys(LINK_SCHEMAS[type]))),
];

/** Node attributes from values listed in ENTITY_ATTRIBUTE_KEYS order (nulls are absent values). */
export function zipAttributes(keys: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined) attributes[keys[i] as string] = value;
  }
  return attributes;
}

/** Attributes of an entity from its properties (a validated record, or a stored node read as a map). */
export function entityAttributes(label: EntityLabel, properties: Readonly<Record<string, unknown>>) {
  const keys = ENTITY_ATTRIBUTE_KEYS[label];
  return {
    ...zipAttributes(
      keys,
      keys.map((k) => properties[k]),
    ),
    entityType: label as string,
  };
}

/** Attributes of a link from its properties; `weight` defaults to 1. */
export function linkAttributes(type: string, properties: Readonly<Record<string, unknown>>) {
  const attributes = zipAttributes(
    LINK_ATTRIBUTE_KEYS,
    LINK_ATTRIBUTE_KEYS.map((k) => properties[k]),
  );
  return {
    ...attributes,
    linkType: type,
    weight: typeof attributes.weight === 'number' ? attributes.weight : 1,
  };
}
