/**
 * Turns validated properties into what Neo4j can hold: primitives and flat, homogeneous arrays of
 * primitives. Anything else (a nested object, a mixed list) is kept as its JSON text rather than lost.
 */
import { SAFE_KEY } from '../schema/extras.ts';

/** A value Neo4j stores as a property. */
export type PropertyValue = string | number | boolean | string[] | number[] | boolean[];

/** The stored properties of one node or relationship. */
export type Properties = Record<string, PropertyValue>;

/** Fields kept by the store itself, never taken from input as ordinary properties. */
export const STORE_FIELDS = ['id', 'sources', 'createdAt', 'updatedAt', 'createdBy', 'conflicts'] as const;

/** A property key that may not be written; the message names it. */
export class UnsafePropertyError extends Error {
  override name = 'UnsafePropertyError';
}

function isScalar(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/** One value as Neo4j can store it, or undefined for absent values. */
export function toPropertyValue(value: unknown): PropertyValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (isScalar(value)) return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const first = value[0];
    const kind = typeof first;
    if (value.length === 0) return [] as string[];
    if (value.every((item) => isScalar(item) && typeof item === kind)) return value as PropertyValue;
  }
  return JSON.stringify(value);
}

/** Checks a key against the whitelist pattern; throws a message naming it. */
export function checkKey(key: string): string {
  if (!SAFE_KEY.test(key))
    throw new UnsafePropertyError(`property name ${JSON.stringify(key)} cannot be stored`);
  return key;
}

const STORE_FIELD_SET: ReadonlySet<string> = new Set(STORE_FIELDS);

/** A record's plain properties, and the fields the store manages that the record gave. */
export type SplitProperties = {
  props: Properties;
  sources: string[];
  createdAt?: string;
  updatedAt?: string;
  createdBy?: string;
};

/**
 * Splits a record's properties into the plain ones and the fields the store manages; keys in `omit`
 * (by default the store's fields) are left out of the plain ones.
 */
export function splitProperties(
  input: Record<string, unknown>,
  omit: ReadonlySet<string> = STORE_FIELD_SET,
): SplitProperties {
  const props: Properties = {};
  for (const key of Object.keys(input)) {
    if (omit.has(key)) continue;
    const value = toPropertyValue(input[key]);
    if (value !== undefined) props[checkKey(key)] = value;
  }
  const sources = Array.isArray(input.sources) ? input.sources.filter((s) => typeof s === 'string') : [];
  const split: SplitProperties = { props, sources };
  if (isText(input.createdAt)) split.createdAt = input.createdAt;
  if (isText(input.updatedAt)) split.updatedAt = input.updatedAt;
  if (isText(input.createdBy)) split.createdBy = input.createdBy;
  return split;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
