/**
 * Counts per label and per relationship type. For the whole database (the operator, the auditor)
 * they come from Neo4j's count store, cheap at any size; for a reader, only what their clearance
 * lets them see is counted (the one predicate, `visible`), and the platform's own records not at all.
 */
import type { Clearance } from '../schema/clearance.ts';
import { ENTITY_LABELS, LINK_TYPES, SYSTEM_LABELS } from '../schema/model.ts';
import { type Store, serverVersion } from './store.ts';
import { quoteLabel, visibilityParams, visible, visibleLink } from './visibility.ts';

export interface Stats {
  neo4j: { version: string; edition: string };
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

/**
 * Node counts per label and relationship counts per type, plus the Neo4j version: over the whole
 * database, or (given a clearance) over the entities and links it may see.
 */
export async function readStats(store: Store, clearance?: Clearance): Promise<Stats> {
  const counts = clearance ? await visibleCounts(store, clearance) : await wholeCounts(store);
  return { neo4j: await serverVersion(store), ...counts };
}

type Counts = Pick<Stats, 'nodes' | 'relationships'>;

async function wholeCounts(store: Store): Promise<Counts> {
  // Labels and types come from the schema's whitelists; each count is a count-store lookup.
  const labels = [...ENTITY_LABELS, ...SYSTEM_LABELS];
  const nodeParts = labels.map((l, i) => `CALL { MATCH (n:\`${l}\`) RETURN count(n) AS c${i} }`);
  const relParts = LINK_TYPES.map((t, i) => `CALL { MATCH ()-[r:\`${t}\`]->() RETURN count(r) AS r${i} }`);
  const nodeResult = await store.read(
    `${nodeParts.join('\n')}\nRETURN ${labels.map((_, i) => `c${i}`).join(', ')}`,
  );
  const relResult = await store.read(
    `${relParts.join('\n')}\nRETURN ${LINK_TYPES.map((_, i) => `r${i}`).join(', ')}`,
  );
  const nodeRow = nodeResult.records[0];
  const relRow = relResult.records[0];
  const nodes: Record<string, number> = {};
  labels.forEach((label, i) => {
    nodes[label] = Number(nodeRow?.get(`c${i}`) ?? 0);
  });
  const relationships: Record<string, number> = {};
  LINK_TYPES.forEach((type, i) => {
    relationships[type] = Number(relRow?.get(`r${i}`) ?? 0);
  });
  return { nodes, relationships };
}

async function visibleCounts(store: Store, clearance: Clearance): Promise<Counts> {
  const params = visibilityParams(clearance);
  const nodeParts = ENTITY_LABELS.map(
    (label, i) => `CALL () { MATCH (n:${quoteLabel(label)}) WHERE ${visible('n')} RETURN count(n) AS c${i} }`,
  );
  const nodeResult = await store.read(
    `${nodeParts.join('\n')}\nRETURN ${ENTITY_LABELS.map((_, i) => `c${i}`).join(', ')}`,
    { ...params },
  );
  // Links are found from their visible start, so a hidden start is never expanded.
  const relResult = await store.read(
    `MATCH (a)-[r]->(b) WHERE ${visible('a')} AND type(r) IN $types AND ${visibleLink('r', 'a', 'b')}
     RETURN type(r) AS type, count(r) AS n`,
    { ...params, types: [...LINK_TYPES] },
  );
  const row = nodeResult.records[0];
  const nodes: Record<string, number> = {};
  ENTITY_LABELS.forEach((label, i) => {
    nodes[label] = Number(row?.get(`c${i}`) ?? 0);
  });
  const relationships: Record<string, number> = Object.fromEntries(LINK_TYPES.map((t) => [t, 0]));
  for (const record of relResult.records) relationships[String(record.get('type'))] = Number(record.get('n'));
  return { nodes, relationships };
}
