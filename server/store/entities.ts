/**
 * One entity as the API shows it: all its properties, its label and version, the Source entities
 * behind it with their grades, and its relations grouped by type and direction with their counts.
 * Everything is read under the caller's clearance inside one query: an entity the caller may not see
 * is absent (null), and invisible links and neighbours are neither listed nor counted. Analysis scores
 * (`a_`) are those of the fullest run whose clearance the caller's covers (analysis-scores.ts).
 */
import type { Clearance } from '../schema/clearance.ts';
import type { EntityDetail, RelationGroup, SourceRef } from '../schema/api/entities.ts';
import { LINK_TYPES } from '../schema/model.ts';
import { readScores } from './analysis-scores.ts';
import type { Store } from './store.ts';
import {
  current,
  isEntityLabel,
  LABEL_PARAMS,
  labelOf,
  matchById,
  presentProperties,
  readableProperties,
  visibilityParams,
  visible,
} from './visibility.ts';

/** Related entities listed per relation group; the count covers them all. */
export const RELATIONS_PER_GROUP = 50;

/** The provenance fields shown next to every entity, as a Cypher map projection body. */
export function gradingProjection(v: string): string {
  return `grade: ${v}.grade, gradeScheme: ${v}.gradeScheme, handling: ${v}.handling`;
}

const GET_ENTITY = `${matchById('n', '$id')}
WITH n WHERE ${visible('n')}
CALL (n) {
  OPTIONAL MATCH (n)-[r]-(m)
  WHERE type(r) IN $linkTypes AND ${visible('r')} AND ${visible('m')} AND ${current('m')}
  WITH r, m, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction
  ORDER BY coalesce(m.name, m.id), m.id
  WITH type(r) AS type, direction, collect({linkId: coalesce(r.id, elementId(r)), id: m.id,
    type: ${labelOf('m')}, name: m.name, ${gradingProjection('m')}}) AS items
  WHERE type IS NOT NULL
  RETURN collect({type: type, direction: direction, count: size(items), items: items[0..toInteger($perGroup)]}) AS relations
}
CALL (n) {
  OPTIONAL MATCH (s:Source) WHERE s.id IN coalesce(n.sources, []) AND ${visible('s')}
  WITH s ORDER BY s.id
  RETURN collect(s {.id, .name, .reference, .agency, .country, .date, ${gradingProjection('s')}}) AS sources
}
RETURN ${labelOf('n')} AS label, ${readableProperties('n')} AS properties, relations, sources`;

/** Null for absent keys, so every response field is present (changes the row in place). */
export function orNull<T extends object>(row: T): T {
  const values = row as Record<string, unknown>;
  for (const key in values) if (values[key] === undefined) values[key] = null;
  return row;
}

/** Stored values as plain JSON (temporal and spatial values become their text). */
export function plainProperties(stored: Record<string, unknown>): Record<string, unknown> {
  const plain = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(plain);
    if (value !== null && typeof value === 'object') return String(value);
    return value;
  };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(stored).sort()) out[key] = plain(stored[key]);
  return out;
}

/** The stored version of a record; records written before versioning count as version 1. */
export function versionOf(properties: Record<string, unknown>): number {
  const version = properties.version;
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 1;
}

/** An entity with its properties, version, sources and visible relations; null when the caller may not see it. */
export async function getEntity(
  store: Store,
  clearance: Clearance,
  id: string,
): Promise<EntityDetail | null> {
  const result = await store.read(GET_ENTITY, {
    ...visibilityParams(clearance),
    ...LABEL_PARAMS,
    id,
    linkTypes: [...LINK_TYPES],
    perGroup: RELATIONS_PER_GROUP,
  });
  const row = result.records[0];
  if (row === undefined) return null;
  const label = row.get('label') as string | null;
  if (label === null || !isEntityLabel(label)) return null;
  const stored = row.get('properties') as Record<string, unknown>;
  const properties = await readScores(store, clearance, plainProperties(presentProperties(stored)));
  const relations = (row.get('relations') as RelationGroup[]).map((group) => ({
    ...group,
    items: group.items.map((item) => orNull(item)),
  }));
  relations.sort((a, b) => a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction));
  return {
    id,
    type: label,
    version: versionOf(properties),
    retracted: properties.retracted === true,
    properties,
    sources: (row.get('sources') as SourceRef[]).map((source) => orNull(source)),
    relations,
  };
}
