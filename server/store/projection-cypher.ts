/**
 * The Cypher of the projection: one predicate for a node and one for a link that together hold the
 * caller's clearance and the scope (case, time window, labels, link types, minimum grade), and the
 * paged queries built on them. Labels and types come from the schema's whitelists, in backticks;
 * every value is a parameter.
 */
import type { Clearance } from '../schema/clearance.ts';
import { ENTITY_LABELS, type EntityLabel, LINK_TYPES, type LinkType } from '../schema/model.ts';
import { ENTITY_ATTRIBUTE_KEYS, LINK_ATTRIBUTE_KEYS } from './projection-keys.ts';
import { current, visible as isVisible, visibilityParams, visibleSources } from './visibility.ts';

/** What the predicates need to know, resolved from the scope (the scope itself is in projection.ts). */
export interface ProjectionFilter {
  labels: readonly EntityLabel[];
  linkTypes: readonly LinkType[];
  caseId?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  /** Accepted `scheme:grade` pairs; undefined accepts any grade (or none). */
  grades?: readonly string[] | undefined;
}

const quote = (name: string) => `\`${name}\``;

/** Backticked label from the whitelist; anything else throws. */
export function quoteLabel(label: string): string {
  if (!(ENTITY_LABELS as readonly string[]).includes(label)) throw new Error(`unknown entity label ${label}`);
  return quote(label);
}

/** Backticked property key (the keys come from the schema's shapes). */
function quoteKey(key: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) throw new Error(`unsafe property key ${key}`);
  return quote(key);
}

// The store's one clearance rule, and current: a retracted record leaves the projection.
function visible(v: string): string {
  return `(${isVisible(v)} AND ${current(v)})`;
}

// A dated record overlaps the window by its date, an undated one by firstSeen..lastSeen (open ends).
function inWindow(v: string): string {
  return `(left(coalesce(${v}.date, ${v}.firstSeen, '0000-01-01'), 10) <= $until AND left(coalesce(${v}.date, ${v}.lastSeen, '9999-12-31'), 10) >= $since)`;
}

function gradeAccepted(v: string): string {
  return `(coalesce(${v}.gradeScheme, 'europol') + ':' + ${v}.grade) IN $grades`;
}

function inCase(v: string): string {
  return `((${v}:Case AND ${v}.id = $caseId) OR EXISTS { MATCH (${v})-[p:PART_OF]->(c:Case {id: $caseId}) WHERE ${visible('p')} AND ${visible('c')} })`;
}

/** Every record-level condition of the filter on variable `v` (node or relationship). */
function recordConditions(v: string, filter: ProjectionFilter): string[] {
  const conditions = [visible(v)];
  if (filter.since !== undefined || filter.until !== undefined) conditions.push(inWindow(v));
  if (filter.grades !== undefined) conditions.push(gradeAccepted(v));
  return conditions;
}

/** The node predicate; `labelled` says whether the label is already fixed by the MATCH. */
export function nodePredicate(v: string, filter: ProjectionFilter, labelled: boolean): string {
  const conditions = recordConditions(v, filter);
  if (!labelled) conditions.push(`any(l IN labels(${v}) WHERE l IN $labels)`);
  if (filter.caseId !== undefined) conditions.push(inCase(v));
  return conditions.join(' AND ');
}

/** The link predicate (its ends are checked as nodes). */
export function linkPredicate(r: string, filter: ProjectionFilter): string {
  return [`type(${r}) IN $linkTypes`, ...recordConditions(r, filter)].join(' AND ');
}

/** The query parameters of a filter and a clearance. */
export function filterParams(filter: ProjectionFilter, clearance: Clearance): Record<string, unknown> {
  return {
    ...visibilityParams(clearance),
    labels: [...filter.labels],
    linkTypes: [...filter.linkTypes],
    caseId: filter.caseId ?? null,
    since: filter.since ?? '0000-01-01',
    until: filter.until ?? '9999-12-31',
    grades: filter.grades ? [...filter.grades] : null,
    entityLabels: [...ENTITY_LABELS],
  };
}

// `sources` holds ids: the reader gets only those of Sources they may see.
function valueList(v: string, keys: readonly string[]): string {
  return `[${keys.map((k) => (k === 'sources' ? `CASE WHEN ${v}.sources IS NULL THEN null ELSE ${visibleSources(v)} END` : `${v}.${quoteKey(k)}`)).join(', ')}]`;
}

// Outgoing links of `n` as plain lists: [link id, type, target id, ...LINK_ATTRIBUTE_KEYS values].
// The far end is not tested here: a link whose end is not in the projection (invisible, out of
// scope) is dropped when the graph is built, which costs less than testing every end in Cypher.
function outgoingLinks(filter: ProjectionFilter): string {
  return `[(n)-[r]->(m) WHERE ${linkPredicate('r', filter)} | [r.id, type(r), m.id] + ${valueList('r', LINK_ATTRIBUTE_KEYS)}]`;
}

function nodeValues(label: EntityLabel): string {
  return `n.id AS id, ${valueList('n', ENTITY_ATTRIBUTE_KEYS[label])} AS values`;
}

/**
 * One page of nodes of a label after an id (keyset paging through the id constraint's index), each
 * with its ENTITY_ATTRIBUTE_KEYS values.
 */
export function nodePageCypher(label: EntityLabel, filter: ProjectionFilter): string {
  return `MATCH (n:${quoteLabel(label)})
WHERE n.id > $after AND ${nodePredicate('n', filter, true)}
WITH n ORDER BY n.id LIMIT $limit
RETURN ${nodeValues(label)}`;
}

/** The same rows for given ids of a label (the k-hop neighbourhood). */
export function nodesByIdCypher(label: EntityLabel, filter: ProjectionFilter): string {
  return `UNWIND $ids AS key
MATCH (n:${quoteLabel(label)} {id: key})
WHERE ${nodePredicate('n', filter, true)}
RETURN ${nodeValues(label)}`;
}

/**
 * The outgoing links of nodes of a label already read in the same transaction (so their own
 * predicate is not tested again), each node's as a list.
 */
export function linksByIdCypher(label: EntityLabel, filter: ProjectionFilter): string {
  return `UNWIND $ids AS key
MATCH (n:${quoteLabel(label)} {id: key})
RETURN n.id AS id, ${outgoingLinks(filter)} AS links`;
}

/** One breadth-first step from given ids of a label, through visible in-scope links and nodes. */
export function expandCypher(label: EntityLabel, filter: ProjectionFilter): string {
  return `UNWIND $ids AS key
MATCH (a:${quoteLabel(label)} {id: key})-[r]-(b)
WHERE ${linkPredicate('r', filter)} AND ${nodePredicate('b', filter, false)}
RETURN DISTINCT b.id AS id, [l IN labels(b) WHERE l IN $entityLabels][0] AS label`;
}

/** The in-scope nodes among given ids of a label (the seeds of a neighbourhood). */
export function seedsCypher(label: EntityLabel, filter: ProjectionFilter): string {
  return `UNWIND $ids AS key
MATCH (n:${quoteLabel(label)} {id: key})
WHERE ${nodePredicate('n', filter, true)}
RETURN n.id AS id`;
}

/** Whether a value is one of the model's link types. */
export function isLinkType(value: string): value is LinkType {
  return (LINK_TYPES as readonly string[]).includes(value);
}
