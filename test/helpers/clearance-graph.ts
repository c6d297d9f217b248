/**
 * A small hand-made graph for clearance tests, after the demo case's pattern: an H3 bank account
 * restricted to the Guardia di Finanza, held by two organisers and part of the case, with the links
 * that reveal it carrying the same restriction. Over associations and accounts, the organisers are
 * three hops apart without it (Karim - Samir - Yusuf - Mahmoud) and two with it (Karim - account -
 * Mahmoud). There are also an H2 informant, an H3 forged passport and an H3 stolen boat.
 */
import { findEntityPaths, type PathOptions, pathsAsGraph } from '../../server/runner/paths.ts';
import type { Clearance } from '../../server/auth/context.ts';
import type { Path, SerializedGraph } from '../../server/schema/api/graph.ts';
import { ENTITY_LABELS, LINK_TYPES } from '../../server/schema/model.ts';
import type { Store } from '../../server/store/store.ts';

/** Sees H0 and H1, agency Frontex: not the account, not the H2 informant. */
export const LOW: Clearance = { handling: ['H0', 'H1'], agency: 'Frontex' };
/** Sees every handling code but belongs to Europol: still not the account. */
export const EUROPOL_H3: Clearance = { handling: ['H0', 'H1', 'H2', 'H3'], agency: 'Europol' };
/** The Guardia di Finanza: sees the account. */
export const GDF: Clearance = { handling: ['H0', 'H1', 'H2', 'H3'], agency: 'Guardia di Finanza' };

/** The restricted account's id, name and identifiers. */
export const RESTRICTED = {
  id: 'acct:cm:900',
  name: 'Conto Palermo Restricted',
  iban: 'IT60X0542811101000000123456',
};

const H3 = `handling: 'H3', handlingCondition: 'No dissemination without the approval of the Guardia di Finanza',
  restrictedTo: ['Guardia di Finanza'], sources: ['src-gdf'], grade: 'A2', gradeScheme: 'europol'`;

/** The graph, as one parameter-free CREATE statement. */
export const CLEARANCE_GRAPH = `
CREATE (src:Source {id: 'src-1', name: 'Frontex debriefing 12', reference: 'FX-2024-12', agency: 'Frontex',
  handling: 'H0', sources: ['src-1'], grade: 'B2', gradeScheme: 'europol'})
CREATE (gdf:Source {id: 'src-gdf', name: 'GdF Palermo report', reference: 'GDF-PA-7', agency: 'Guardia di Finanza', ${H3}})
CREATE (c1:Case {id: 'case-tide', name: 'Operation Tide', status: 'open', agencies: ['Frontex', 'Guardia di Finanza'],
  handling: 'H0', sources: ['src-1']})
CREATE (p1:Person {id: 'p-karim', name: 'Karim Benali', aliases: ['Abu Karim'], roles: ['organiser'], handling: 'H0',
  sources: ['src-1', 'src-gdf'], grade: 'B2', gradeScheme: 'europol', firstSeen: '2023-02-01', lastSeen: '2024-06-30'})
CREATE (p2:Person {id: 'p-samir', name: 'Samir Haddad', roles: ['recruiter'], handling: 'H0', sources: ['src-1'],
  grade: 'C3', gradeScheme: 'europol', firstSeen: '2024-09-01', lastSeen: '2025-01-15'})
CREATE (p3:Person {id: 'p-yusuf', name: 'Yusuf Demir', roles: ['boat pilot'], handling: 'H1', sources: ['src-1'],
  grade: '2BP', gradeScheme: 'uk'})
CREATE (p4:Person {id: 'p-mahmoud', name: 'Mahmoud Saleh', roles: ['organiser'], handling: 'H0', sources: ['src-1'],
  grade: 'A1', gradeScheme: 'admiralty'})
CREATE (p5:Person {id: 'p-informant', name: 'Karim Informant', handling: 'H2', sources: ['src-1']})
CREATE (acct:Account {id: '${RESTRICTED.id}', name: '${RESTRICTED.name}', kind: 'bank', iban: '${RESTRICTED.iban}', country: 'IT', ${H3}})
CREATE (d1:Document {id: 'doc-ly-1', kind: 'passport', number: 'AB1234567', issuingCountry: 'LY', status: 'stolen',
  holderName: 'SAMIR HADDAD', handling: 'H0', sources: ['src-1']})
CREATE (d2:Document {id: 'doc-it-2', kind: 'passport', number: 'YA7654321', issuingCountry: 'IT', status: 'forged', ${H3}})
CREATE (v1:Vessel {id: 'vessel-1', name: 'Sea Star', imo: '9074729', mmsi: '247123450', pastNames: ['Amira', 'Blue Dawn'],
  flag: 'TG', status: 'suspect', handling: 'H0', sources: ['src-1']})
CREATE (v2:Vessel {id: 'vessel-2', name: 'Nuova Speranza', mmsi: '247999990', status: 'stolen', ${H3}})
CREATE (p1)-[:PART_OF {id: 'l-p1-case', handling: 'H0', sources: ['src-1']}]->(c1)
CREATE (p2)-[:PART_OF {id: 'l-p2-case', handling: 'H0', sources: ['src-1']}]->(c1)
CREATE (p4)-[:PART_OF {id: 'l-p4-case', handling: 'H0', sources: ['src-1']}]->(c1)
CREATE (acct)-[:PART_OF {id: 'l-acct-case', ${H3}}]->(c1)
CREATE (p1)-[:ASSOCIATE_OF {id: 'l-p1-p2', handling: 'H0', sources: ['src-1']}]->(p2)
CREATE (p2)-[:ASSOCIATE_OF {id: 'l-p2-p3', handling: 'H1', sources: ['src-1']}]->(p3)
CREATE (p3)-[:ASSOCIATE_OF {id: 'l-p3-p4', handling: 'H0', sources: ['src-1']}]->(p4)
CREATE (p1)-[:CONTACTED {id: 'l-p1-p5', handling: 'H0', sources: ['src-1']}]->(p5)
CREATE (p1)-[:HOLDS_ACCOUNT {id: 'l-p1-acct', ${H3}}]->(acct)
CREATE (p4)-[:HOLDS_ACCOUNT {id: 'l-p4-acct', ${H3}}]->(acct)
CREATE (p2)-[:HOLDS {id: 'l-p2-d1', handling: 'H0', sources: ['src-1']}]->(d1)
CREATE (d1)-[:PART_OF {id: 'l-d1-case', handling: 'H0', sources: ['src-1']}]->(c1)
CREATE (p1)-[:HOLDS {id: 'l-p1-d2', ${H3}}]->(d2)
CREATE (p3)-[:OPERATES {id: 'l-p3-v1', handling: 'H0', sources: ['src-1']}]->(v1)
CREATE (v1)-[:PART_OF {id: 'l-v1-case', handling: 'H0', sources: ['src-1']}]->(c1)
CREATE (p1)-[:OPERATES {id: 'l-p1-v2', ${H3}}]->(v2)
`;

/** Loads the graph into an empty database. */
export async function loadClearanceGraph(store: Store): Promise<void> {
  await store.write(CLEARANCE_GRAPH);
}

/** Entities and links in the whole database (not users, sessions or audit), to show a request changed nothing. */
export async function countGraph(store: Store): Promise<{ nodes: number; relationships: number }> {
  const result = await store.read(
    `CALL () { MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() WHERE type(r) IN $types RETURN count(r) AS relationships }
     RETURN nodes, relationships`,
    { labels: [...ENTITY_LABELS], types: [...LINK_TYPES] },
  );
  const row = result.records[0];
  return { nodes: Number(row?.get('nodes') ?? 0), relationships: Number(row?.get('relationships') ?? 0) };
}

/** The node keys of each path a path search found. */
export function pathNodes(graph: SerializedGraph | null): string[][] {
  return ((graph?.attributes.paths ?? []) as Path[]).map((path) => path.nodes);
}

/** The paths between two entities as `GET /api/paths` serialises them (findEntityPaths, then pathsAsGraph). */
export async function pathsGraph(
  store: Store,
  clearance: Clearance,
  from: string,
  to: string,
  options: PathOptions,
): Promise<SerializedGraph | null> {
  const found = await findEntityPaths(store, clearance, from, to, options);
  return found && pathsAsGraph(found, {});
}
