/** What the graph holds, apart from the platform's own bookkeeping: to show a request changed nothing. */
import type { Store } from '../../server/store/store.ts';

// Failed sign-ins under unknown names are counted as a user's are (LoginThrottle), not in the graph.
const BOOKKEEPING = ['AuditEvent', 'Session', 'IdempotencyRecord', 'LoginThrottle'];

/** Counts of nodes per label set and relationships per type, and every User's stored fields. */
export async function graphFingerprint(store: Store): Promise<string> {
  const nodes = await store.read(
    `MATCH (n) WHERE none(l IN labels(n) WHERE l IN $skip)
     RETURN labels(n) AS labels, count(*) AS n ORDER BY reduce(s = '', l IN labels | s + ':' + l)`,
    { skip: BOOKKEEPING },
  );
  const rels = await store.read('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
  const users = await store.read(
    'MATCH (u:User) RETURN u.username AS u, u.role AS r, u.clearance AS c, u.agency AS a, u.disabled AS d, u.passwordHash AS h ORDER BY u',
  );
  return JSON.stringify([
    nodes.records.map((r) => r.toObject()),
    rels.records.map((r) => r.toObject()),
    users.records.map((r) => r.toObject()),
  ]);
}
