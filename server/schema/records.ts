/**
 * validateRecord: one raw record in, a validated, normalised record out (or every problem with it, each
 * naming the field and the fix). File-level defaults fill provenance a record lacks; ids come from natural
 * keys when a record has none; every stored record ends with at least one source and a handling code.
 */
import type { z } from 'zod';
import { ENTITY_SCHEMAS, type EntityOf } from './entities/index.ts';
import { findUnsafeKeys } from './extras.ts';
import { deriveEntityId, deriveLinkId, ENTITY_KEY_FIELDS } from './keys.ts';
import { LINK_SCHEMAS, type LinkOf } from './links.ts';
import type { EntityLabel, GradingScheme, HandlingCode, LinkType } from './model.ts';
import { type DateFormat, normaliseDate } from './normalise/date.ts';
import { type RecordIssue, type RecordParts, splitRecord } from './record-input.ts';
import { UNANSWERED, type ValidationMemo } from './validation-memo.ts';

export { ENTITY_LOOKUP_KEYS, FULLTEXT_PROPERTIES } from './indexes.ts';
export { matchEntityLabel, matchLinkType, type RecordIssue } from './record-input.ts';
export { STREAM_BOUNDS, ValidationMemo } from './validation-memo.ts';

/**
 * A validated entity: its label and its properties. Properties stay in their own object because an
 * entity's own `kind` (passport, bank, port...) would otherwise collide with the record kind.
 */
export type EntityRecord = {
  [L in EntityLabel]: { kind: 'entity'; type: L; properties: EntityOf<L> };
}[EntityLabel];

/** A validated link: its type and its properties (id, source, target, provenance...). */
export type LinkRecord = { [T in LinkType]: { kind: 'link'; type: T; properties: LinkOf<T> } }[LinkType];

/** Any validated record. */
export type ValidatedRecord = EntityRecord | LinkRecord;

/** Provenance given once for a whole file (the CLI's --source, --grade, --grade-scheme, --handling). */
export type RecordDefaults = {
  sources?: readonly string[] | undefined;
  grade?: string | undefined;
  gradeScheme?: GradingScheme | undefined;
  handling?: HandlingCode | undefined;
  handlingCondition?: string | undefined;
};

/**
 * Options of validateRecord. A `memo` shared by the records of one load skips parsing field values
 * already seen (validation-memo.ts); the outcome is the same with or without it.
 */
export type ValidateOptions = {
  dateFormat?: DateFormat | undefined;
  defaults?: RecordDefaults | undefined;
  memo?: ValidationMemo | undefined;
};

/** The outcome of validateRecord. */
export type ValidationResult = { ok: true; record: ValidatedRecord } | { ok: false; issues: RecordIssue[] };

const DATE_KEYS = [
  'birthDate',
  'expiry',
  'date',
  'periodStart',
  'periodEnd',
  'firstSeen',
  'lastSeen',
  'createdAt',
  'updatedAt',
];
const LINK_KEY_FIELDS = ['source', 'target', 'date', 'role', 'order'];

type Schema = z.ZodObject<z.core.$ZodLooseShape>;

function schemaOf(parts: RecordParts): Schema {
  return (parts.kind === 'entity'
    ? ENTITY_SCHEMAS[parts.type]
    : LINK_SCHEMAS[parts.type]) as unknown as Schema;
}

// Absent, null and empty values all mean "not given" (an empty CSV cell, a JSON null). An own data
// property each, as Object.fromEntries makes them, so a key named __proto__ stays plain data.
function dropEmpty(fields: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value === undefined || value === null || value === '') continue;
    if (key === '__proto__')
      Object.defineProperty(kept, key, { value, enumerable: true, writable: true, configurable: true });
    else kept[key] = value;
  }
  return kept;
}

// The unsafe keys of a record (extras.ts); with a memo, only a record with a name not yet found safe is looked at.
function unsafeKeys(fields: Record<string, unknown>, memo: ValidationMemo | undefined) {
  if (memo !== undefined && Object.keys(fields).every((key) => memo.knowsSafeKey(key))) return [];
  const found = findUnsafeKeys(fields);
  if (memo !== undefined)
    for (const key of Object.keys(fields)) if (!found.some((f) => f.key === key)) memo.rememberSafeKey(key);
  return found;
}

// Ambiguous numeric dates need the file's declared order, which the schemas cannot know; read them here.
function readDates(
  fields: Record<string, unknown>,
  schema: Schema,
  format: DateFormat,
  issues: RecordIssue[],
): void {
  for (const key of DATE_KEYS) {
    const value = fields[key];
    if (typeof value !== 'string' || !(key in schema.shape)) continue;
    const result = normaliseDate(value, { dateFormat: format });
    if (result.ok) fields[key] = result.value;
    else {
      issues.push({ field: key, message: result.message });
      delete fields[key];
    }
  }
}

function applyDefaults(fields: Record<string, unknown>, defaults: RecordDefaults): void {
  if (fields.sources === undefined && defaults.sources !== undefined && defaults.sources.length > 0) {
    fields.sources = [...defaults.sources];
  }
  if (fields.handling === undefined && defaults.handling !== undefined) fields.handling = defaults.handling;
  if (fields.grade === undefined && defaults.grade !== undefined) {
    fields.grade = defaults.grade;
    fields.gradeScheme ??= defaults.gradeScheme;
  }
  if (fields.grade !== undefined && fields.gradeScheme === undefined)
    fields.gradeScheme = defaults.gradeScheme ?? 'europol';
  const isH3 = typeof fields.handling === 'string' && fields.handling.trim().toUpperCase() === 'H3';
  if (isH3 && fields.handlingCondition === undefined && defaults.handlingCondition !== undefined) {
    fields.handlingCondition = defaults.handlingCondition;
  }
}

// The key fields are normalised through their own field schemas first, so a derived id is built from the
// canonical values ("DE89 3704..." and "de8937..." give the same account). A key field that fails is left
// for the full parse to report.
function normaliseKeyFields(
  fields: Record<string, unknown>,
  schema: Schema,
  keys: readonly string[],
  memo: ValidationMemo | undefined,
) {
  const normalised: Record<string, unknown> = {};
  let failed = false;
  for (const key of keys) {
    const field = schema.shape[key] as z.ZodType | undefined;
    if (fields[key] === undefined || field === undefined) continue;
    const value = parseField(field, fields[key], memo);
    if (value === UNANSWERED) failed = true;
    else normalised[key] = value;
  }
  return { normalised, failed };
}

function parseField(field: z.ZodType, value: unknown, memo: ValidationMemo | undefined): unknown {
  if (memo !== undefined) return memo.parseField(field, value);
  const result = field.safeParse(value);
  return result.success ? result.data : UNANSWERED;
}

// Returns the field outputs it knows: a link's key fields, parsed by their own field schemas, and the
// link id it derived from them (`l:` and 16 hex digits, already the id field's canonical form).
function assignId(
  parts: RecordParts,
  fields: Record<string, unknown>,
  schema: Schema,
  issues: RecordIssue[],
  memo: ValidationMemo | undefined,
): Record<string, unknown> | undefined {
  if (fields.id !== undefined) return undefined;
  if (parts.kind === 'entity') {
    const keys = ENTITY_KEY_FIELDS[parts.type];
    const { normalised, failed } = normaliseKeyFields(fields, schema, keys, memo);
    const derived = deriveEntityId({ type: parts.type, ...normalised });
    if (derived.ok) fields.id = derived.value;
    else if (!failed) issues.push({ field: 'id', message: derived.message });
    return undefined;
  }
  const { normalised, failed } = normaliseKeyFields(fields, schema, LINK_KEY_FIELDS, memo);
  const { source, target, date, role, order } = normalised;
  if (failed || typeof source !== 'string' || typeof target !== 'string') return undefined;
  const id = deriveLinkId({
    type: parts.type,
    source,
    target,
    date: typeof date === 'string' ? date : undefined,
    role: typeof role === 'string' ? role : undefined,
    order: typeof order === 'number' ? order : undefined,
  });
  fields.id = id;
  normalised.id = id;
  return normalised;
}

/** Validates and normalises one raw record `{kind, type, ...fields}` (or `{kind, type, fields}` as the readers give it). */
export function validateRecord(raw: unknown, options: ValidateOptions = {}): ValidationResult {
  const split = splitRecord(raw);
  if (!split.ok) return split;
  const { parts } = split;
  const schema = schemaOf(parts);
  const issues: RecordIssue[] = [];
  const fields = dropEmpty(parts.fields);
  const memo = options.memo;
  for (const { key, message } of unsafeKeys(fields, memo)) {
    issues.push({ field: key, message });
    delete fields[key];
  }
  if (options.dateFormat !== undefined) readDates(fields, schema, options.dateFormat, issues);
  const known = assignId(parts, fields, schema, issues, memo);
  // A Source is its own provenance when it names no other, rather than taking the file's default source.
  if (parts.type === 'Source' && fields.sources === undefined && typeof fields.id === 'string')
    fields.sources = [fields.id];
  applyDefaults(fields, options.defaults ?? {});
  // A link's key fields were parsed already, and its derived id is unique per link (no table could
  // answer it) and in the id field's canonical form by construction (test/unit/schema/keys.test.ts).
  const parsed = issues.length === 0 ? memo?.parseRecord(schema, fields, known) : undefined;
  if (parsed !== undefined)
    return {
      ok: true,
      record: { kind: parts.kind, type: parts.type, properties: parsed } as ValidatedRecord,
    };
  const result = schema.safeParse(fields);
  if (!result.success) {
    // Without an id, the reason is already reported: the missing natural key, or the key field that failed.
    const idExplained = fields.id === undefined;
    for (const issue of result.error.issues) {
      const field = issue.path.join('.');
      if (!(idExplained && field === 'id')) issues.push({ field, message: issue.message });
    }
  }
  if (issues.length > 0 || !result.success) return { ok: false, issues };
  return {
    ok: true,
    record: { kind: parts.kind, type: parts.type, properties: result.data } as ValidatedRecord,
  };
}
