/**
 * Streaming reads for `ariadne export`: entities and links page by page (never the whole graph in
 * memory), whole database or one case, filtered inside the Cypher by the caller's clearance. Only
 * the model's labels and link types are read, and the store's bookkeeping properties are left out,
 * so what comes out is the content an ingest of the same records would write.
 */
import neo4j from 'neo4j-driver';
import { ENTITY_LABELS, type EntityLabel, LINK_TYPES, type LinkType } from '../schema/model.ts';
import type { Clearance } from '../schema/clearance.ts';
import { readScoreRuns, runIdsIn, type ScoreRun, scoresForReader } from './analysis-scores.ts';
import { readStats } from './stats.ts';
import type { Store } from './store.ts';
import { readableProperties, visibilityParams, visible } from './visibility.ts';

/**
 * Properties the store writes for itself; an export leaves them out and an ingest writes them anew.
 * `conflicts` is the store's history of values later imports disagreed with: it describes past
 * imports, not the facts, and the ingest never takes it from a file (ingest-values.ts STORE_FIELDS).
 * `version` counts the record's changes in this database (optimistic concurrency), not its content;
 * `updateId` names the last edit, so that an edit run again after a lost commit knows itself.
 */
export const BOOKKEEPING_PROPERTIES: ReadonlySet<string> = new Set([
  'createdAt',
  'updatedAt',
  'createdBy',
  'importId',
  'importIds',
  'conflicts',
  'version',
  'updateId',
]);

/** Analysis results written back onto nodes carry this prefix; they belong to the run, not the record. */
export const ANALYSIS_PREFIX = 'a_';

/** One exported entity: its label and its content properties (`id` included). */
export interface ExportEntity {
  type: EntityLabel;
  properties: Record<string, unknown>;
}

/** One exported link: its type, its ends, and its content properties (`id` included). */
export interface ExportLink {
  type: LinkType;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

/** What to export: who asks, and optionally one case (by id). */
export interface ExportScope {
  clearance: Clearance;
  caseId?: string | undefined;
  /** Nodes per page; links are read for one page of source nodes at a time. */
  pageSize?: number;
  /**
   * Also each entity's analysis scores as the reader may see them (`a_community`, `a_pagerank`...,
   * `a_run`: those of the fullest run their clearance covers, as an entity read shows them), for the
   * formats graph tools read. Off for NDJSON and CSV, which are read back by imports.
   */
  scores?: boolean;
  /**
   * Only these records, as the web app names what it shows (entity ids, link ids): a view's export.
   * Each must also pass the clearance (and case) filter; a link also needs both ends named.
   */
  named?: { entities: readonly string[]; links: readonly string[] } | undefined;
}

// Sources first so that provenance references resolve as early as possible, then the case.
const EXPORT_ORDER: readonly EntityLabel[] = [
  'Source',
  'Case',
  ...ENTITY_LABELS.filter((label) => label !== 'Source' && label !== 'Case'),
];
const LINK_TYPE_SET: ReadonlySet<string> = new Set(LINK_TYPES);
const DEFAULT_PAGE = 1_000;

const quote = (name: string): string => `\`${name}\``;

// A node belongs to the case when it is the case, or a visible PART_OF joins it to the case.
function inCase(v: string): string {
  return `((${v}:Case AND ${v}.id = $caseId) OR EXISTS { MATCH (${v})-[p:PART_OF]->(:Case {id: $caseId}) WHERE ${visible('p')} })`;
}

/** A node the export holds: visible, and in the case when there is one. */
export function nodeFilter(v: string, scope: ExportScope): string {
  const named = scope.named === undefined ? '' : ` AND ${v}.id IN $namedEntities`;
  return (scope.caseId === undefined ? visible(v) : `${visible(v)} AND ${inCase(v)}`) + named;
}

/** The parameters of `nodeFilter`. */
export function paramsOf(scope: ExportScope): Record<string, unknown> {
  return {
    ...visibilityParams(scope.clearance),
    caseId: scope.caseId ?? null,
    ...(scope.named ? { namedEntities: [...scope.named.entities], namedLinks: [...scope.named.links] } : {}),
  };
}

/** Converts a stored value to plain JSON-like data (temporal and spatial values become their text). */
function plainValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainValue);
  if (value !== null && typeof value === 'object') return String(value);
  return value;
}

/** Drops bookkeeping and analysis properties and makes the rest plain data. */
export function contentProperties(stored: Record<string, unknown>): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const key of Object.keys(stored).sort()) {
    if (BOOKKEEPING_PROPERTIES.has(key) || key.startsWith(ANALYSIS_PREFIX)) continue;
    // Stored values are never null: a null is a key `readableProperties` added for an absent one.
    if (stored[key] === null || stored[key] === undefined) continue;
    content[key] = plainValue(stored[key]);
  }
  return content;
}

async function* pagesOf(
  store: Store,
  label: EntityLabel,
  scope: ExportScope,
): AsyncGenerator<{ id: string; properties: Record<string, unknown> }[]> {
  // Index-backed order on the id constraint; the cursor keeps each page a range seek.
  const cypher = `MATCH (n:${quote(label)}) WHERE n.id > $after AND ${nodeFilter('n', scope)}
    WITH n ORDER BY n.id LIMIT $limit RETURN n.id AS id, ${readableProperties('n')} AS properties`;
  const limit = scope.pageSize ?? DEFAULT_PAGE;
  let after = '';
  for (;;) {
    const result = await store.read<{ id: string; properties: Record<string, unknown> }>(cypher, {
      ...paramsOf(scope),
      after,
      // Sent as a Neo4j integer: a JavaScript number reaches Cypher as a float, which LIMIT refuses.
      limit: neo4j.int(limit),
    });
    const page = result.records.map((r) => ({ id: r.get('id'), properties: r.get('properties') }));
    if (page.length > 0) yield page;
    const last = page[page.length - 1];
    if (last === undefined || page.length < limit) return;
    after = last.id;
  }
}

// Labels with no node at all are skipped from the count store, sparing a query (and its plan) each.
async function labelsPresent(store: Store): Promise<EntityLabel[]> {
  const { nodes } = await readStats(store);
  return EXPORT_ORDER.filter((label) => (nodes[label] ?? 0) > 0);
}

/** The analysis scores a reader may see among stored properties, with the runs they name read once. */
async function scoresOf(
  store: Store,
  clearance: Clearance,
  page: readonly { properties: Record<string, unknown> }[],
  runs: Map<string, ScoreRun>,
): Promise<Record<string, unknown>[]> {
  const named = new Set(page.flatMap(({ properties }) => runIdsIn(properties)));
  const missing = [...named].filter((id) => !runs.has(id));
  for (const run of missing.length > 0 ? await readScoreRuns(store, missing) : [])
    runs.set(String(run.id), run);
  return page.map(({ properties }) => {
    const scored: Record<string, unknown> = {};
    const shown = scoresForReader(clearance, properties, [...runs.values()]);
    for (const [key, value] of Object.entries(shown))
      if (key.startsWith(ANALYSIS_PREFIX) && value !== null && value !== undefined)
        scored[key] = plainValue(value);
    return scored;
  });
}

/** Streams the visible entities in scope: label by label (Source and Case first), by id. */
export async function* readExportEntities(store: Store, scope: ExportScope): AsyncGenerator<ExportEntity> {
  const runs = new Map<string, ScoreRun>();
  for (const label of await labelsPresent(store)) {
    for await (const page of pagesOf(store, label, scope)) {
      const scores = scope.scores === true ? await scoresOf(store, scope.clearance, page, runs) : [];
      for (const [i, node] of page.entries())
        yield { type: label, properties: { ...contentProperties(node.properties), ...scores[i] } };
    }
  }
}

interface LinkRow {
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

/** Streams the visible links between visible entities in scope, by source node, type and id. */
export async function* readExportLinks(store: Store, scope: ExportScope): AsyncGenerator<ExportLink> {
  const types = LINK_TYPES.map(quote).join('|');
  const labels = ENTITY_LABELS.map(quote).join('|');
  for (const label of await labelsPresent(store)) {
    const cypher = `UNWIND $ids AS sid MATCH (a:${quote(label)} {id: sid})-[r:${types}]->(b)
      WHERE b:${labels} AND ${visible('r')} AND ${nodeFilter('b', scope)}${scope.named ? ' AND r.id IN $namedLinks' : ''}
      RETURN type(r) AS type, a.id AS source, b.id AS target, ${readableProperties('r')} AS properties
      ORDER BY sid, type, r.id`;
    for await (const page of pagesOf(store, label, scope)) {
      const ids = page.map((node) => node.id);
      const result = await store.read<LinkRow>(cypher, { ...paramsOf(scope), ids });
      for (const row of result.records) {
        const type = row.get('type');
        if (!LINK_TYPE_SET.has(type)) continue;
        const { source: _s, target: _t, ...rest } = contentProperties(row.get('properties'));
        yield {
          type: type as LinkType,
          source: row.get('source'),
          target: row.get('target'),
          properties: rest,
        };
      }
    }
  }
}

/** A case the caller may see, found by id or by name. */
export type CaseLookup =
  | { found: true; id: string; name: string | null }
  | { found: false; reason: 'missing' | 'ambiguous'; candidates: string[] };

/** Finds a visible case by id, or else by exact name; several cases of that name are ambiguous. */
export async function findExportCase(store: Store, clearance: Clearance, key: string): Promise<CaseLookup> {
  const result = await store.read<{ id: string; name: string | null; exact: boolean }>(
    `MATCH (c:Case) WHERE (c.id = $key OR c.name = $key) AND ${visible('c')}
     RETURN c.id AS id, c.name AS name, c.id = $key AS exact ORDER BY exact DESC, c.id LIMIT 10`,
    { ...paramsOf({ clearance }), key },
  );
  const rows = result.records.map((r) => ({ id: r.get('id'), name: r.get('name'), exact: r.get('exact') }));
  const first = rows[0];
  if (first === undefined) return { found: false, reason: 'missing', candidates: [] };
  if (first.exact || rows.length === 1) return { found: true, id: first.id, name: first.name };
  return { found: false, reason: 'ambiguous', candidates: rows.map((row) => row.id) };
}
