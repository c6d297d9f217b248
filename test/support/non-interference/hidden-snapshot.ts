/**
 * The hidden records of D' as stored: every node and relationship beyond the low users' clearance
 * (H3 for the handling pair, restricted to the owner agency alone for the agency pair), each with its
 * labels or type, ends, every property, and for a node the ids of every relationship touching it, so
 * that a new link into a hidden record counts as a change to it.
 */
import type { Store } from '../../../server/store/store.ts';
import { OWNER_AGENCY, type PairKind } from './world.ts';

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value !== null && typeof value === 'object') {
    if ('toNumber' in value && typeof value.toNumber === 'function') return value.toNumber();
    if (value.constructor !== Object) return String(value);
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

const HIDDEN = (x: string) =>
  `(${x}.handling IS NOT NULL AND (${x}.restrictedTo = [$owner] OR ($kind = 'handling' AND ${x}.handling = 'H3')))`;

/** Each hidden record by id, as a canonical JSON string. */
export async function hiddenSnapshot(store: Store, kind: PairKind): Promise<Map<string, string>> {
  const result = await store.read(
    `CALL () {
       MATCH (n) WHERE ${HIDDEN('n')}
       OPTIONAL MATCH (n)-[r]-()
       WITH n, collect(coalesce(r.id, type(r))) AS touching
       RETURN n.id AS id, {labels: labels(n), properties: properties(n), touching: touching} AS record
       UNION ALL
       MATCH (a)-[r]->(b) WHERE ${HIDDEN('r')}
       RETURN r.id AS id, {type: type(r), from: a.id, to: b.id, properties: properties(r)} AS record
     }
     RETURN id, record`,
    { owner: OWNER_AGENCY, kind },
  );
  const out = new Map<string, string>();
  for (const row of result.records) {
    const record = stable(row.get('record')) as { touching?: string[] };
    record.touching?.sort();
    out.set(String(row.get('id')), JSON.stringify(record));
  }
  return out;
}
