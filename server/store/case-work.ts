/**
 * Case work: a Case is created as any entity is (entity-writes.ts: validated, within the author's
 * clearance), then given owners and members, entities (PART_OF links in the author's partition) and
 * the alerts that fed it (FED). Only what the caller may see can be added; a case they may not see
 * answers as a missing one; one with owners may be changed by its owners and members only.
 */
import type { Clearance, Viewer } from '../schema/clearance.ts';
import type { CasePatch, CaseTimeline, CaseWork, NewCase } from '../schema/api/cases.ts';
import { ALERT_VISIBLE, RECEIVED } from './alerts-read.ts';
import { getCase } from './cases.ts';
import { createEntity } from './entity-writes.ts';
import { ownId } from './partition.ts';
import type { Store } from './store.ts';
import {
  current,
  LABEL_PARAMS,
  labelOf,
  matchById,
  visibilityParams,
  visible,
  visibleSources,
} from './visibility.ts';
import { keyRows } from './name-keys.ts';

/** A change the caller may not make, or that names something they may not see. */
export class CaseWorkError extends Error {
  override name = 'CaseWorkError';
  constructor(
    readonly status: 400 | 403,
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}

const MAX_ENTITIES = 500;

const WORK = `MATCH (c:Case {id: $id}) WHERE ${visible('c')}
RETURN coalesce(c.owners, []) AS owners, coalesce(c.members, []) AS members,
  COLLECT { MATCH (m)-[p:PART_OF]->(c) WHERE ${visible('p')} AND ${visible('m')} AND ${current('m')}
    WITH DISTINCT m ORDER BY toLower(coalesce(m.name, '')), m.id LIMIT ${MAX_ENTITIES}
    RETURN {id: m.id, type: ${labelOf('m')}, name: m.name} } AS entities,
  COLLECT { MATCH (a:Alert)-[:FED]->(c) WHERE ${ALERT_VISIBLE} RETURN a.id ORDER BY a.id } AS alerts`;

/** A case with its owners, members, visible entities and the alerts that fed it; null when not visible. */
export async function readCaseWork(store: Store, clearance: Clearance, id: string): Promise<CaseWork | null> {
  const detail = await getCase(store, clearance, id);
  if (detail === null) return null;
  const result = await store.read(WORK, { ...visibilityParams(clearance), ...LABEL_PARAMS, id });
  const row = result.records[0];
  if (row === undefined) return null;
  return {
    ...detail,
    owners: (row.get('owners') as string[]).map(String),
    members: (row.get('members') as string[]).map(String),
    entities: (row.get('entities') as CaseWork['entities']).map((e) => ({ ...e, name: e.name ?? null })),
    alerts: (row.get('alerts') as string[]).map(String),
  };
}

async function checkUsers(store: Store, field: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const result = await store.read(
    'MATCH (u:User) WHERE u.username IN $names RETURN collect(u.username) AS found',
    { names },
  );
  const found = new Set((result.records[0]?.get('found') as string[] | undefined) ?? []);
  names.forEach((name, index) => {
    if (!found.has(name))
      throw new CaseWorkError(400, `${field}.${index}`, `no user ${JSON.stringify(name)}`);
  });
}

/** An entity named by the request, with the field that named it. */
interface Named {
  field: string;
  id: string;
}

const VISIBLE_ENTITIES = `UNWIND $ids AS key
${matchById('e', 'key')}
WITH e WHERE ${visible('e')}
RETURN collect(e.id) AS found`;

/** Refuses, naming the field, the first entity the caller may not see; one read for all of them. */
async function checkEntities(store: Store, clearance: Clearance, named: readonly Named[]): Promise<void> {
  if (named.length === 0) return;
  const result = await store.read(VISIBLE_ENTITIES, {
    ...visibilityParams(clearance),
    ids: [...new Set(named.map((n) => n.id))],
  });
  const found = new Set((result.records[0]?.get('found') as string[] | undefined) ?? []);
  const missing = named.find((n) => !found.has(n.id));
  if (missing !== undefined)
    throw new CaseWorkError(400, missing.field, `no entity ${JSON.stringify(missing.id)} that you may see`);
}

const LINK_ENTITIES = `MATCH (c:Case {id: $case}) WHERE ${visible('c')}
UNWIND $rows AS row
WITH c, row, row.id AS key
${matchById('e', 'key')}
WITH c, e, row WHERE ${visible('e')}
MERGE (e)-[r:PART_OF {id: row.linkId}]->(c)
ON CREATE SET r.handling = c.handling, r.handlingCondition = c.handlingCondition, r.restrictedTo = c.restrictedTo,
  r.sources = [], r.createdAt = $now, r.updatedAt = $now, r.createdBy = $user`;

/** Links checked entities to the case (PART_OF in the caller's partition), in one write. */
async function linkEntities(
  store: Store,
  clearance: Clearance,
  viewer: Viewer,
  caseId: string,
  ids: readonly string[],
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  await store.write(LINK_ENTITIES, {
    ...visibilityParams(clearance),
    case: caseId,
    rows: unique.map((id) => ({ id, linkId: ownId(clearance, `${id}>PART_OF>${caseId}`) })),
    now: new Date().toISOString(),
    user: viewer.username,
  });
}

/**
 * The records of the alerts the viewer receives and may see, by alert; refuses, naming the field, the
 * first that is not one of theirs. One read for all of them.
 */
async function checkAlerts(
  store: Store,
  clearance: Clearance,
  viewer: Viewer,
  field: string,
  alertIds: readonly string[],
): Promise<Named[]> {
  if (alertIds.length === 0) return [];
  const result = await store.read(`${RECEIVED} AND a.id IN $alerts RETURN a.id AS id, a.nodeIds AS nodes`, {
    ...visibilityParams(clearance),
    ...LABEL_PARAMS,
    username: viewer.username,
    alerts: [...alertIds],
  });
  const nodes = new Map(result.records.map((row) => [String(row.get('id')), row.get('nodes') as string[]]));
  return alertIds.flatMap((alertId, index) => {
    const records = nodes.get(alertId);
    if (records === undefined)
      throw new CaseWorkError(400, `${field}.${index}`, `no alert ${JSON.stringify(alertId)} of yours`);
    return records.map((id) => ({ field: `${field}.${index}`, id: String(id) }));
  });
}

/** Records that checked alerts fed the case, in one write. */
async function linkAlerts(
  store: Store,
  clearance: Clearance,
  viewer: Viewer,
  caseId: string,
  alertIds: readonly string[],
): Promise<void> {
  if (alertIds.length === 0) return;
  await store.write(
    `${RECEIVED} AND a.id IN $alerts
MATCH (c:Case {id: $case}) WHERE ${visible('c')}
MERGE (a)-[:FED]->(c)`,
    {
      ...visibilityParams(clearance),
      ...LABEL_PARAMS,
      username: viewer.username,
      alerts: [...alertIds],
      case: caseId,
    },
  );
}

/** The Source ids the records of an alert of the viewer's cite, as the viewer may see them. */
async function alertSources(
  store: Store,
  clearance: Clearance,
  viewer: Viewer,
  alertId: string,
): Promise<string[]> {
  const result = await store.read(
    `${RECEIVED} AND a.id = $alert
RETURN COLLECT { MATCH (a)-[:ABOUT]->(n) UNWIND ${visibleSources('n')} AS s RETURN DISTINCT s ORDER BY s } AS sources`,
    { ...visibilityParams(clearance), username: viewer.username, alert: alertId },
  );
  const row = result.records[0];
  if (row === undefined)
    throw new CaseWorkError(400, 'fromAlert', `no alert ${JSON.stringify(alertId)} of yours`);
  return (row.get('sources') as string[]).map(String);
}

/** Opens a case: the Case entity, its people, entities and (from an alert) the alert's records. */
export async function openCase(
  store: Store,
  clearance: Clearance,
  viewer: Viewer,
  input: NewCase,
): Promise<CaseWork> {
  const owners = input.owners ?? [viewer.username];
  await checkUsers(store, 'owners', owners);
  await checkUsers(store, 'members', input.members);
  const properties: Record<string, unknown> = {
    name: input.title,
    status: input.status,
    handling: input.handling,
  };
  if (input.handlingCondition !== undefined) properties.handlingCondition = input.handlingCondition;
  const sources =
    input.sources ??
    (input.fromAlert === undefined
      ? undefined
      : await alertSources(store, clearance, viewer, input.fromAlert));
  if (sources !== undefined && sources.length > 0) properties.sources = sources;
  // Everything the request names is checked before anything is written: a refusal writes nothing.
  const alerts = input.fromAlert === undefined ? [] : [input.fromAlert];
  const entities = input.entities.map((id, index) => ({ field: `entities.${index}`, id }));
  const alertRecords = await checkAlerts(store, clearance, viewer, 'fromAlert', alerts);
  await checkEntities(store, clearance, entities);
  const created = await createEntity(store, clearance, viewer, { type: 'Case', properties });
  await store.write('MATCH (c:Case {id: $id}) SET c.owners = $owners, c.members = $members', {
    id: created.id,
    owners,
    members: input.members,
  });
  await linkEntities(
    store,
    clearance,
    viewer,
    created.id,
    [...entities, ...alertRecords].map((n) => n.id),
  );
  await linkAlerts(store, clearance, viewer, created.id, alerts);
  const work = await readCaseWork(store, clearance, created.id);
  if (work === null) throw new Error(`case ${created.id} was written but cannot be read back`);
  return work;
}

/** Changes a case; null when the caller may not see it. */
export async function changeCase(
  store: Store,
  clearance: Clearance,
  viewer: Viewer,
  id: string,
  patch: CasePatch,
): Promise<CaseWork | null> {
  const before = await readCaseWork(store, clearance, id);
  if (before === null) return null;
  const team = [...before.owners, ...before.members];
  if (before.owners.length > 0 && !team.includes(viewer.username))
    throw new CaseWorkError(403, null, 'only the owners and members of this case may change it');
  if (patch.owners !== undefined) await checkUsers(store, 'owners', patch.owners);
  if (patch.members !== undefined) await checkUsers(store, 'members', patch.members);
  const adds = (patch.addEntities ?? []).map((entity, index) => ({
    field: `addEntities.${index}`,
    id: entity,
  }));
  const alerts = patch.addAlerts ?? [];
  const alertRecords = await checkAlerts(store, clearance, viewer, 'addAlerts', alerts);
  await checkEntities(store, clearance, adds);
  await store.write(
    `MATCH (c:Case {id: $id}) WHERE ${visible('c')}
SET c.name = coalesce($title, c.name), c.nameKeys = coalesce($nameKeys, c.nameKeys),
  c.status = coalesce($status, c.status),
  c.owners = coalesce($owners, c.owners), c.members = coalesce($members, c.members),
  c.version = coalesce(c.version, 1) + 1, c.updatedAt = $now`,
    {
      ...visibilityParams(clearance),
      id,
      title: patch.title ?? null,
      // A case has one name, so its keys are those of the new title (name-keys.ts).
      nameKeys:
        patch.title === undefined
          ? null
          : keyRows([{ id, name: patch.title, aliases: null, holderName: null }])[0]?.keys,
      status: patch.status ?? null,
      owners: patch.owners ?? null,
      members: patch.members ?? null,
      now: new Date().toISOString(),
    },
  );
  await linkEntities(
    store,
    clearance,
    viewer,
    id,
    [...adds, ...alertRecords].map((n) => n.id),
  );
  if (patch.removeEntities !== undefined && patch.removeEntities.length > 0)
    await store.write(
      `MATCH (c:Case {id: $id}) WHERE ${visible('c')}
MATCH (m)-[p:PART_OF]->(c) WHERE m.id IN $ids AND ${visible('p')} AND ${visible('m')}
DELETE p`,
      { ...visibilityParams(clearance), id, ids: patch.removeEntities },
    );
  await linkEntities(
    store,
    clearance,
    viewer,
    id,
    alertRecords.map((n) => n.id),
  );
  await linkAlerts(store, clearance, viewer, id, alerts);
  return readCaseWork(store, clearance, id);
}

const TIMELINE_LIMIT = 500;

const TIMELINE = `MATCH (c:Case {id: $id}) WHERE ${visible('c')}
MATCH (m)-[p:PART_OF]->(c) WHERE ${visible('p')} AND ${visible('m')} AND ${current('m')}
CALL (m) {
  WITH m WHERE m:Event OR m:Payment
  RETURN CASE WHEN m:Event THEN 'event' ELSE 'payment' END AS kind, m AS x, null AS at
  UNION
  MATCH (m)-[r:INVOLVED_IN|TRAVELLED]->(x:Event) WHERE ${visible('r')} AND ${visible('x')} AND ${current('x')}
  RETURN 'event' AS kind, x, null AS at
  UNION
  MATCH (m)-[r:PAID|RECEIVED]-(x:Payment) WHERE ${visible('r')} AND ${visible('x')} AND ${current('x')}
  RETURN 'payment' AS kind, x, null AS at
  UNION
  MATCH (m)-[r:TRAVELLED]->(x:Route) WHERE ${visible('r')} AND ${visible('x')} AND ${current('x')}
  RETURN 'journey' AS kind, x, coalesce(r.date, r.firstSeen) AS at
}
WITH kind, x, coalesce(at, x.date, x.firstSeen) AS date, collect(DISTINCT m.id) AS entities
ORDER BY date IS NULL, date, x.id
LIMIT toInteger($limit) + 1
RETURN kind, x.id AS id, x.name AS name, date,
  CASE kind WHEN 'payment' THEN toString(x.amount) + ' ' + coalesce(x.currency, '')
    WHEN 'event' THEN x.kind ELSE x.mode END AS detail, entities`;

/** The events, payments and journeys of a case's entities, by date; null when the case is not visible. */
export async function caseTimeline(
  store: Store,
  clearance: Clearance,
  id: string,
): Promise<CaseTimeline | null> {
  if ((await getCase(store, clearance, id)) === null) return null;
  const result = await store.read(TIMELINE, { ...visibilityParams(clearance), id, limit: TIMELINE_LIMIT });
  const entries = result.records.map((row) => ({
    kind: row.get('kind') as CaseTimeline['entries'][number]['kind'],
    id: String(row.get('id')),
    name: (row.get('name') as string | null) ?? null,
    date: (row.get('date') as string | null) ?? null,
    detail: (row.get('detail') as string | null) ?? null,
    entities: (row.get('entities') as string[]).map(String),
  }));
  const truncated = entries.length > TIMELINE_LIMIT;
  return {
    entries: entries.slice(0, TIMELINE_LIMIT),
    truncated,
    empty:
      entries.length === 0
        ? 'none of the case entities you may see has an event, payment or journey you may see'
        : null,
  };
}
