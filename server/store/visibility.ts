/**
 * The clearance rule of schema/clearance.ts as Cypher: a record is visible when its `handling` is among
 * the caller's codes and it has no `restrictedTo` list, or the list names the caller's agency, or the
 * caller is unrestricted; a link when it and both its ends are. Every read of the graph API puts this
 * predicate inside its query, so an invisible record is never counted, expanded or routed through.
 * Records without a handling code (the platform's own nodes: users, imports, audit) are never visible.
 */
import type { Clearance } from '../schema/clearance.ts';
import { ENTITY_LABELS, type EntityLabel, LINK_TYPES, type LinkType } from '../schema/model.ts';

/** The parameters the predicate reads; spread them into a query's parameters. */
export interface VisibilityParams {
  visHandling: string[];
  visAgency: string | null;
  visUnrestricted: boolean;
}

const VARIABLE = /^[a-z][A-Za-z0-9_]*$/;

function variable(name: string): string {
  if (!VARIABLE.test(name)) throw new Error(`not a Cypher variable: ${JSON.stringify(name)}`);
  return name;
}

/** The parameters of the predicate for a clearance. */
export function visibilityParams(clearance: Clearance): VisibilityParams {
  return {
    visHandling: [...clearance.handling],
    visAgency: clearance.agency,
    visUnrestricted: clearance.unrestricted === true,
  };
}

/** The predicate for one node or relationship variable (`n`), true only when it is visible. */
export function visible(name: string): string {
  const v = variable(name);
  // coalesce keeps the predicate two-valued, so it can be negated or used in a CASE safely.
  return `(${v}.handling IN $visHandling AND (${v}.restrictedTo IS NULL OR $visUnrestricted OR coalesce($visAgency IN ${v}.restrictedTo, false)))`;
}

/** A visible link between two visible nodes. */
export function visibleLink(link: string, from: string, to: string): string {
  return `(${visible(link)} AND ${visible(from)} AND ${visible(to)})`;
}

/** Not retracted: retracted records stay readable by id but leave searches and expansions. */
export function current(name: string): string {
  return `coalesce(${variable(name)}.retracted, false) = false`;
}

const LABEL_SET: ReadonlySet<string> = new Set(ENTITY_LABELS);
const TYPE_SET: ReadonlySet<string> = new Set(LINK_TYPES);

/** Whether a string is one of the model's entity labels. */
export function isEntityLabel(value: string): value is EntityLabel {
  return LABEL_SET.has(value);
}

/** Whether a string is one of the model's link types. */
export function isLinkType(value: string): value is LinkType {
  return TYPE_SET.has(value);
}

/** A label from the whitelist, in backticks; anything else throws. */
export function quoteLabel(label: string): string {
  if (!isEntityLabel(label)) throw new Error(`unknown entity label ${JSON.stringify(label)}`);
  return `\`${label}\``;
}

/** The entity label of a node among its labels (a node carries one), as a Cypher expression. */
export function labelOf(name: string): string {
  return `[l IN labels(${variable(name)}) WHERE l IN $entityLabels][0]`;
}

/** The parameter `labelOf` reads. */
export const LABEL_PARAMS = { entityLabels: [...ENTITY_LABELS] };

/**
 * Finds a node by id whatever its label, one index seek per label through the id constraints (a
 * MATCH on id alone would scan every node). Binds the node to `name`; `id` is a parameter (`$id`)
 * or a variable in scope (`key`). With `notes`, a Note by its id too.
 */
export function matchById(name: string, id: string, options: { notes?: boolean } = {}): string {
  const v = variable(name);
  const isParam = id.startsWith('$');
  const value = isParam ? `$${variable(id.slice(1))}` : variable(id);
  const branches = ENTITY_LABELS.map(
    (label) => `MATCH (${v}:${quoteLabel(label)} {id: ${value}}) RETURN ${v}`,
  );
  // Notes carry a handling code of their own (store/notes.ts), so the audit list can judge them too.
  if (options.notes === true) branches.push(`MATCH (${v}:Note {id: ${value}}) RETURN ${v}`);
  return `CALL (${isParam ? '' : value}) { ${branches.join(' UNION ALL ')} }`;
}

/**
 * A record's `sources` without the ids of Source entities the caller may not see, so that a visible
 * record never names an invisible report. Ids with no Source entity behind them are kept.
 */
export function visibleSources(name: string): string {
  const v = variable(name);
  return `[s IN coalesce(${v}.sources, []) WHERE NOT EXISTS { MATCH (hidden:Source {id: s}) WHERE NOT ${visible('hidden')} }]`;
}

/**
 * A record's `conflicts` history without the entries that name a Source the caller may not see: an
 * entry is one JSON text (`{"field","old","new","source":[ids],"at"}`, ingest-writes.ts), and one
 * that came from a hidden report, or names one in its values, tells of that report.
 */
export function visibleConflicts(name: string): string {
  const v = variable(name);
  return `[c IN coalesce(${v}.conflicts, []) WHERE NOT EXISTS { MATCH (hidden:Source) WHERE NOT ${visible('hidden')} AND c CONTAINS ('"' + hidden.id + '"') }]`;
}

/**
 * A record's stored properties as the caller may read them: ids held inside properties (`sources`,
 * `conflicts`) cut to what the clearance allows. Absent properties come back as null (no stored
 * value is ever null), which `presentProperties` drops; so does a conflict history left empty by the
 * cut, which would otherwise tell that it held something.
 */
export function readableProperties(name: string): string {
  const v = variable(name);
  // nameKeys (name-keys.ts) is the search index's, derived from the names: never read out.
  return `${v} {.*, nameKeys: null, sources: CASE WHEN ${v}.sources IS NULL THEN null ELSE ${visibleSources(v)} END,
    conflicts: CASE WHEN size(${visibleConflicts(v)}) = 0 THEN null ELSE ${visibleConflicts(v)} END}`;
}

/** The properties `readableProperties` read, without the keys it added for absent properties. */
export function presentProperties(read: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(read))
    if (read[key] !== null && read[key] !== undefined) out[key] = read[key];
  return out;
}
