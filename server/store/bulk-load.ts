/**
 * The store's part of a bulk load: whether the database is empty and nobody else uses it (a bulk load
 * replaces the whole database, so it may only ever replace nothing), and the values Neo4j's CSV importer
 * cannot carry exactly, set after the load. Labels and types come from the schema's whitelists.
 */
import type { EntityLabel, LinkType } from '../schema/model.ts';
import { quoteLabel, quoteType } from './ingest-cypher.ts';
import type { PropertyValue } from './ingest-values.ts';
import type { Store } from './store.ts';

/** What the database holds: every node, by label (an empty database holds none). */
export async function countNodesByLabel(store: Store): Promise<Record<string, number>> {
  const total = await store.read('MATCH (n) RETURN count(n) AS n');
  if (Number(total.records[0]?.get('n') ?? 0) === 0) return {};
  const result = await store.read(
    'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY n DESC LIMIT 20',
  );
  return Object.fromEntries(result.records.map((r) => [String(r.get('label')), Number(r.get('n'))]));
}

/**
 * The clients connected to Neo4j other than this process (whose driver names its pid in its user
 * agent): a server or another command that a bulk load would cut off.
 */
export async function otherClients(store: Store): Promise<string[]> {
  const result = await store.read(
    'CALL dbms.listConnections() YIELD connectionId, userAgent, clientAddress RETURN connectionId, userAgent, clientAddress',
  );
  const mine = `pid ${process.pid})`;
  return result.records
    .filter((r) => !String(r.get('userAgent') ?? '').endsWith(mine))
    .map((r) => `${String(r.get('userAgent') ?? 'unknown client')} from ${String(r.get('clientAddress'))}`);
}

/** Values set after a bulk load: on a node (by label and id) or a link (by type, its source and id). */
export type LateValue =
  | { kind: 'node'; label: EntityLabel; id: string; props: Record<string, PropertyValue> }
  | {
      kind: 'link';
      type: LinkType;
      sourceLabel: EntityLabel;
      source: string;
      id: string;
      props: Record<string, PropertyValue>;
    };

/** Sets one batch of late values of one label or link type (all of `rows` share it). */
export async function setLateValues(store: Store, rows: readonly LateValue[]): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const cypher =
    first.kind === 'node'
      ? `UNWIND $rows AS row
MATCH (x:${quoteLabel(first.label)} {id: row.id})
SET x += row.props`
      : `UNWIND $rows AS row
MATCH (:${quoteLabel(first.sourceLabel)} {id: row.source})-[x:${quoteType(first.type)} {id: row.id}]->()
SET x += row.props`;
  await store.write(cypher, { rows: rows.map((row) => ({ ...row })) });
}
