/**
 * What an export will hold, read before a byte of it is sent: how many entities and links, their
 * handling codes (the file is marked with the strictest), and the providers of its H2 records (it
 * leaves only once the user confirms they agreed). Read under the same predicate as the export's
 * own reads, so it counts exactly the records the export streams.
 */
import { ENTITY_LABELS, HANDLING_CODES, type HandlingCode, LINK_TYPES } from '../schema/model.ts';
import type { Clearance } from '../schema/clearance.ts';
import { type ExportScope, nodeFilter, paramsOf } from './export-reads.ts';
import type { Store } from './store.ts';
import { matchById, quoteLabel, visibilityParams, visible, visibleSources } from './visibility.ts';

/** What an export holds. */
export interface ExportHolding {
  entities: number;
  links: number;
  /** The handling codes among the records, least restrictive first. */
  codes: HandlingCode[];
  /** The ids of the visible Sources the H2 records cite (an H2 Source cites itself). */
  h2Sources: string[];
  /** Whether some H2 record cites no Source the caller may see, so its provider is unknown. */
  h2Unattributed: boolean;
}

const h2Cites = (v: string) =>
  `CASE WHEN ${v}.handling = 'H2' THEN ${visibleSources(v)} + CASE WHEN ${v}:Source THEN [${v}.id] ELSE [] END END`;

function holdingCypher(scope: ExportScope, parts: { entities: boolean; links: boolean }): string {
  const nodes = ENTITY_LABELS.map(
    (label) =>
      `MATCH (n:${quoteLabel(label)}) WHERE ${nodeFilter('n', scope)} RETURN n.handling AS code, ${h2Cites('n')} AS cites`,
  ).join(' UNION ALL ');
  const types = LINK_TYPES.map((t) => `\`${t}\``).join('|');
  const labels = ENTITY_LABELS.map((l) => `\`${l}\``).join('|');
  const links = `MATCH (a)-[n:${types}]->(b) WHERE a:${labels} AND b:${labels} AND ${visible('n')}
    AND ${nodeFilter('a', scope)} AND ${nodeFilter('b', scope)}
    RETURN n.handling AS code, ${h2Cites('n')} AS cites`;
  // One row of nulls, not none: a later WITH that groups by earlier values needs a row to group.
  const none = 'RETURN null AS code, null AS cites';
  return `CALL () { ${parts.entities ? nodes : none} }
WITH count(code) AS entities, collect(DISTINCT code) AS nodeCodes, collect(cites) AS nodeCites
CALL () { ${parts.links ? links : none} }
WITH entities, nodeCodes, nodeCites, count(code) AS links, collect(DISTINCT code) AS linkCodes, collect(cites) AS linkCites
RETURN entities, links, nodeCodes + linkCodes AS codes, nodeCites + linkCites AS cites`;
}

/** What an export of the scope (entities, links, or both) holds. */
export async function readExportHolding(
  store: Store,
  scope: ExportScope,
  parts: { entities: boolean; links: boolean } = { entities: true, links: true },
): Promise<ExportHolding> {
  const result = await store.read(holdingCypher(scope, parts), paramsOf(scope));
  const row = result.records[0];
  const codes = new Set((row?.get('codes') as unknown[] | undefined) ?? []);
  const cites = (row?.get('cites') as string[][] | undefined) ?? [];
  return {
    entities: Number(row?.get('entities') ?? 0),
    links: Number(row?.get('links') ?? 0),
    codes: HANDLING_CODES.filter((code) => codes.has(code)),
    h2Sources: [...new Set(cites.flat())].sort(),
    h2Unattributed: cites.some((list) => list.length === 0),
  };
}

/** The providing agencies of the given Sources, among those the caller may see, sorted. */
export async function readProviders(store: Store, clearance: Clearance, sourceIds: readonly string[]) {
  if (sourceIds.length === 0) return [];
  const result = await store.read(
    `MATCH (s:Source) WHERE s.id IN $ids AND ${visible('s')} AND s.agency IS NOT NULL
     RETURN collect(DISTINCT s.agency) AS agencies`,
    { ...visibilityParams(clearance), ids: [...sourceIds] },
  );
  return ((result.records[0]?.get('agencies') as string[] | undefined) ?? []).map(String).sort();
}

/** What a view shown in the web app holds, of the records it names. */
export interface ShownHolding extends ExportHolding {
  /** Whether every id named is a record the caller may see (a link also needs both its ends named). */
  complete: boolean;
}

const SHOWN_HOLDING = `CALL () {
  UNWIND $entities AS ref
  ${matchById('n', 'ref')}
  WITH ref, n WHERE ${visible('n')}
  RETURN collect(DISTINCT ref) AS found, collect(n) AS nodes,
    collect(n.handling) AS nodeCodes, collect(${h2Cites('n')}) AS nodeCites
}
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[n]->(b) WHERE coalesce(n.id, elementId(n)) IN $links AND b.id IN $entities
    AND ${visible('n')} AND ${visible('b')}
  RETURN collect(DISTINCT coalesce(n.id, elementId(n))) AS linked,
    collect(n.handling) AS linkCodes, collect(${h2Cites('n')}) AS linkCites
}
RETURN size(found) AS entities, size(linked) AS links, nodeCodes + linkCodes AS codes,
  [c IN nodeCites + linkCites WHERE c IS NOT NULL] AS cites`;

/**
 * What the given entities and links (as the web app names them: entity ids, link ids) hold, of
 * those the caller may see. `complete` is false when some id names no record the caller may see, a
 * hidden record and a missing id alike.
 */
export async function readShownHolding(
  store: Store,
  clearance: Clearance,
  shown: { entities: readonly string[]; links: readonly string[] },
): Promise<ShownHolding> {
  const entities = [...new Set(shown.entities)];
  const links = [...new Set(shown.links)];
  const result = await store.read(SHOWN_HOLDING, {
    ...visibilityParams(clearance),
    entities,
    links,
  });
  const row = result.records[0];
  const codes = new Set((row?.get('codes') as unknown[] | undefined) ?? []);
  const cites = (row?.get('cites') as string[][] | undefined) ?? [];
  const found = { entities: Number(row?.get('entities') ?? 0), links: Number(row?.get('links') ?? 0) };
  return {
    ...found,
    codes: HANDLING_CODES.filter((code) => codes.has(code)),
    h2Sources: [...new Set(cites.flat())].sort(),
    h2Unattributed: cites.some((list) => list.length === 0),
    complete: found.entities === entities.length && found.links === links.length,
  };
}
