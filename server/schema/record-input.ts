/**
 * The first step of validateRecord: take a raw record apart into its kind, its type (matched against the
 * vocabulary) and its fields, whichever of the accepted shapes it comes in.
 */
import { ENTITY_LABELS, type EntityLabel, LINK_TYPES, type LinkType } from './model.ts';

/** An issue with one field of a record; `field` is a dotted path such as `nationalities.1`. */
export type RecordIssue = { field: string; message: string };

/** A raw record taken apart. */
export type RecordParts =
  | { kind: 'entity'; type: EntityLabel; fields: Record<string, unknown> }
  | { kind: 'link'; type: LinkType; fields: Record<string, unknown> };

const LABELS = new Map(ENTITY_LABELS.map((label) => [label.toLowerCase(), label]));
const TYPES = new Map(LINK_TYPES.map((type) => [type, type]));

/** Matches an entity label regardless of case ("person" is Person). */
export function matchEntityLabel(type: string): EntityLabel | undefined {
  return LABELS.get(type.trim().toLowerCase());
}

/** Matches a link type regardless of case and separators ("member of" is MEMBER_OF). */
export function matchLinkType(type: string): LinkType | undefined {
  return TYPES.get(
    type
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, '_') as LinkType,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Record kind and an entity's own kind share the key "kind" in the vocabulary. A flat record carries the
// entity's kind as "entityKind"; the readers' shape carries it in `fields.kind`; and a record whose "kind"
// is neither "entity" nor "link" is taken to mean the entity's own kind, the record kind following its type.
function collectFields(raw: Record<string, unknown>): Record<string, unknown> {
  if (isPlainObject(raw.fields)) return { ...raw.fields };
  const { kind, type: _type, entityKind, ...rest } = raw;
  const own = entityKind ?? (kind === 'entity' || kind === 'link' ? undefined : kind);
  return own === undefined ? rest : { ...rest, kind: own };
}

function unknownType(kind: string, type: unknown): RecordIssue {
  const allowed = kind === 'link' ? LINK_TYPES : ENTITY_LABELS;
  const what = kind === 'link' ? 'link type' : 'entity type';
  const given = typeof type === 'string' ? JSON.stringify(type) : 'missing';
  return { field: 'type', message: `${what} ${given} is not known: use one of ${allowed.join(', ')}` };
}

/** Splits a raw record into kind, type and fields, or explains what is wrong with its kind or type. */
export function splitRecord(
  raw: unknown,
): { ok: true; parts: RecordParts } | { ok: false; issues: RecordIssue[] } {
  if (!isPlainObject(raw)) {
    return {
      ok: false,
      issues: [{ field: '', message: 'a record is an object with "kind", "type" and its fields' }],
    };
  }
  const typeText = typeof raw.type === 'string' ? raw.type : '';
  const label = matchEntityLabel(typeText);
  const linkType = matchLinkType(typeText);
  const kind =
    raw.kind === 'entity' || raw.kind === 'link'
      ? raw.kind
      : label
        ? 'entity'
        : linkType
          ? 'link'
          : undefined;
  if (kind === undefined) {
    return {
      ok: false,
      issues: [
        { field: 'kind', message: 'the record kind is missing: add "kind": "entity" or "kind": "link"' },
      ],
    };
  }
  const fields = collectFields(raw);
  if (kind === 'entity' && label) return { ok: true, parts: { kind, type: label, fields } };
  if (kind === 'link' && linkType) return { ok: true, parts: { kind, type: linkType, fields } };
  if (kind === 'entity' && linkType) {
    return {
      ok: false,
      issues: [{ field: 'kind', message: `${linkType} is a link type: set "kind": "link"` }],
    };
  }
  if (kind === 'link' && label) {
    return {
      ok: false,
      issues: [{ field: 'kind', message: `${label} is an entity type: set "kind": "entity"` }],
    };
  }
  return { ok: false, issues: [unknownType(kind, raw.type)] };
}
