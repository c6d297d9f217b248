/**
 * validateRecord for files of millions of records, with the same outcome: records of one shape
 * (the same kind, type and values apart from ids, names and weights) are validated once in full and
 * remembered; the next ones check only the values that vary, each with its own field schema. Any
 * record whose varying values fail, or whose shape has not passed yet, goes through validateRecord
 * itself, so every problem is reported with validateRecord's own words. Ids and names that are
 * plain text skip their field schema, which would pass them unchanged (plain-text.ts).
 */
import type { z } from 'zod';
import { ENTITY_SCHEMAS } from '../schema/entities/index.ts';
import { idField } from '../schema/fields.ts';
import { LINK_SCHEMAS } from '../schema/links.ts';
import type { EntityLabel, LinkType } from '../schema/model.ts';
import { type RecordIssue, type ValidateOptions, validateRecord } from '../schema/records.ts';
import { isPlainText, takesPlainText } from './plain-text.ts';

/** A validated entity: its label, normalised id and properties. */
export type CheckedEntity = { kind: 'entity'; type: EntityLabel; properties: Record<string, unknown> };
/** A validated link: its type, normalised ends and weight (other properties are not kept). */
export type CheckedLink = { kind: 'link'; type: LinkType; source: string; target: string; weight: number };
export type CheckOutcome = CheckedEntity | CheckedLink | { kind: 'invalid'; issues: RecordIssue[] };

/** What records of one shape share: kind, type, every value but the varying ones, and whether they are weighted. */
export type KnownShape = {
  kind: 'entity' | 'link';
  type: string;
  rest: Record<string, unknown>;
  weighted: boolean;
};

/** The fields whose values vary between records of one shape, by record kind. */
export const VOLATILE = {
  entity: new Set(['id', 'name']),
  link: new Set(['id', 'source', 'target', 'weight']),
};
// Shapes remembered at most: enough for any real file, a bound for a file where every record differs.
const MAX_SHAPES = 50_000;
/** Whether a field value counts as not given. */
export const absent = (value: unknown) => value === undefined || value === null || value === '';

/** Validates raw records `{kind, type, fields}`, remembering shapes that passed. */
export class CachedValidator {
  private readonly shapes = new Map<string, KnownShape>();
  constructor(
    private readonly options: ValidateOptions = {},
    /** Whether a string is an id already known valid and normalised (an entity's id). */
    private readonly isKnownId: (value: string) => boolean = () => false,
  ) {}

  check(raw: { kind: string; type: string; fields: Record<string, unknown> }): CheckOutcome {
    const key = shapeKey(raw);
    const shape = key === undefined ? undefined : this.shapes.get(key);
    const quick = shape === undefined ? undefined : this.quickCheck(shape, raw.fields);
    if (quick !== undefined) return quick;
    const result = validateRecord(raw, this.options);
    if (!result.ok) return { kind: 'invalid', issues: result.issues };
    const { kind, type } = result.record;
    const properties = result.record.properties as Record<string, unknown>;
    if (key !== undefined && this.shapes.size < MAX_SHAPES && !this.shapes.has(key)) {
      const rest = Object.fromEntries(Object.entries(properties).filter(([k]) => !VOLATILE[kind].has(k)));
      this.shapes.set(key, { kind, type, rest, weighted: kind === 'link' && 'weight' in raw.fields });
    }
    if (kind === 'entity') return { kind, type, properties };
    const { source, target, weight } = properties as { source: string; target: string; weight?: number };
    return { kind, type, source, target, weight: weight ?? 1 };
  }

  /** The remembered shape of records like `raw`, if one of them passed validateRecord. */
  shapeOf(raw: { kind: string; type: string; fields: Record<string, unknown> }): KnownShape | undefined {
    const key = shapeKey(raw);
    return key === undefined ? undefined : this.shapes.get(key);
  }

  /** An entity of a known shape from its id and name as read; undefined sends it to validateRecord. */
  checkEntity(shape: KnownShape, id: unknown, name: unknown): CheckedEntity | undefined {
    const checkedId = this.checkId(id);
    if (checkedId === undefined) return undefined;
    const properties: Record<string, unknown> = { ...shape.rest, id: checkedId };
    if (!absent(name)) {
      const checkedName = this.checkName(shape, name);
      if (checkedName === undefined) return undefined;
      properties.name = checkedName;
    }
    return { kind: 'entity', type: shape.type as EntityLabel, properties };
  }

  /** The name of an entity of a known shape as validated and normalised, or undefined when it fails. */
  checkName(shape: KnownShape, value: unknown): unknown {
    if (typeof value === 'string' && takesPlainName(shape.type) && isPlainText(value)) return value;
    const parsed = nameSchema(shape.type).safeParse(value);
    return parsed.success ? parsed.data : undefined;
  }

  /** The weight of a link of a known shape (1 when the shape has none), or undefined if it fails. */
  checkWeight(shape: KnownShape, w: unknown): number | undefined {
    if (!shape.weighted) return 1;
    if (typeof w === 'number' && Number.isFinite(w) && w > 0) return w;
    const parsed = weightSchema(shape.type).safeParse(w);
    return parsed.success ? (parsed.data as number) : undefined;
  }

  /** An id as validated and normalised, or undefined when it fails. */
  checkId(value: unknown): string | undefined {
    if (typeof value === 'string' && (this.isKnownId(value) || isPlainText(value))) return value;
    const parsed = idField.safeParse(value);
    return parsed.success ? (parsed.data as string) : undefined;
  }

  // The varying values of a record of a known shape; undefined sends the record to validateRecord.
  private quickCheck(shape: KnownShape, fields: Record<string, unknown>): CheckOutcome | undefined {
    if (shape.kind === 'entity') return this.checkEntity(shape, fields.id, fields.name);
    const source = this.checkId(fields.source);
    const target = this.checkId(fields.target);
    if (source === undefined || target === undefined || source === target) return undefined;
    if (!absent(fields.id) && this.checkId(fields.id) === undefined) return undefined;
    const weight = this.checkWeight(shape, fields.weight);
    if (weight === undefined) return undefined;
    return { kind: 'link', type: shape.type as LinkType, source, target, weight };
  }
}

// kind, type, which varying fields are given, and every other value: records alike share a key.
// Records whose id is derived, and Sources (their own provenance by default), are not remembered.
function shapeKey(raw: { kind: string; type: string; fields: Record<string, unknown> }): string | undefined {
  const { kind, type, fields } = raw;
  if (kind !== 'entity' && kind !== 'link') return undefined;
  if (kind === 'entity' && (absent(fields.id) || type.trim().toLowerCase() === 'source')) return undefined;
  const volatile = VOLATILE[kind];
  let key = `${kind}\u0000${type}`;
  for (const name in fields) {
    const value = fields[name];
    if (absent(value)) continue;
    if (volatile.has(name)) key += `\u0000${name}`;
    else if (typeof value === 'string') key += `\u0000${name}\u0001${value}`;
    else key += `\u0000${name}\u0002${JSON.stringify(value)}`;
  }
  return key;
}

type Shaped = { shape: Record<string, z.ZodType> };

const plainNames = new Map<string, boolean>();

// Whether a label's name schema is one isPlainText may stand in for.
function takesPlainName(label: string): boolean {
  let takes = plainNames.get(label);
  if (takes === undefined) {
    takes = takesPlainText(nameSchema(label));
    plainNames.set(label, takes);
  }
  return takes;
}

function nameSchema(label: string): z.ZodType {
  return (ENTITY_SCHEMAS as unknown as Record<string, Shaped>)[label]?.shape.name as z.ZodType;
}

function weightSchema(type: string): z.ZodType {
  return (LINK_SCHEMAS as unknown as Record<string, Shaped>)[type]?.shape.weight as z.ZodType;
}
