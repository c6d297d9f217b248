/** Counts per label and per relationship type, from Neo4j's count store (cheap at any size). */
import { ENTITY_LABELS, LINK_TYPES, SYSTEM_LABELS } from '../schema/model.ts';
import { type Store, serverVersion } from './store.ts';

export interface Stats {
  neo4j: { version: string; edition: string };
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

/** Node counts per label and relationship counts per type, plus the Neo4j version. */
export async function readStats(store: Store): Promise<Stats> {
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
  return { neo4j: await serverVersion(store), nodes, relationships };
}
