/**
 * Reading alerts: a user receives the alerts of the watches they own or that are shared with them,
 * and is shown one only while they may see every record in it (each node it is ABOUT, each link in
 * it with both ends). A hidden alert is neither listed nor counted, and marking or dismissing it
 * answers as for an id that does not exist.
 */
import type { Clearance } from '../schema/clearance.ts';
import type { Alert, AlertList } from '../schema/api/alerts.ts';
import type { Store } from './store.ts';
import { LABEL_PARAMS, labelOf, visibilityParams, visible, visibleSources } from './visibility.ts';

/**
 * Whether the reader may see every record of alert `a`: each node it is ABOUT, each of its links.
 * A link is found between its two ends (both among the alert's nodes, so already judged), bound
 * first, so that Neo4j expands into it from the end with fewer links: an alert about one of a hub's
 * thousand payments costs a few reads, not a thousand. Alerts raised before the ends were kept on
 * them (`linkSources`, `linkTargets`, in the order of `linkIds`) are judged the older, slower way.
 */
export const ALERT_VISIBLE = `(COUNT { MATCH (a)-[:ABOUT]->(n) WHERE ${visible('n')} } = a.nodeCount
  AND CASE WHEN a.linkSources IS NULL THEN all(lid IN a.linkIds WHERE EXISTS {
    MATCH (a)-[:ABOUT]->(s)-[r]->(t)<-[:ABOUT]-(a) WHERE r.id = lid AND ${visible('r')}
  }) ELSE all(i IN range(0, size(a.linkIds) - 1) WHERE EXISTS {
    MATCH (a)-[:ABOUT]->(s) WHERE s.id = a.linkSources[i]
    MATCH (a)-[:ABOUT]->(t) WHERE t.id = a.linkTargets[i]
    WITH s, t, a.linkIds[i] AS lid
    MATCH (s)-[r]->(t) WHERE r.id = lid AND ${visible('r')}
  }) END)`;

/** The alerts a reader receives and may see; binds `a` (and `w`, its watch). */
export const RECEIVED = `MATCH (w:Watch)<-[:RAISED_BY]-(a:Alert)
WHERE w.deletedAt IS NULL AND (w.owner = $username OR $username IN w.sharedWith) AND ${ALERT_VISIBLE}`;

const FILTERS: Record<string, string> = {
  inbox: 'NOT $username IN a.dismissedBy',
  unread: 'NOT $username IN a.dismissedBy AND NOT $username IN a.readBy',
  dismissed: '$username IN a.dismissedBy',
  all: 'true',
};

const graded = (v: string) =>
  `id: ${v}.id, sources: ${visibleSources(v)}, grade: ${v}.grade, gradeScheme: ${v}.gradeScheme, handling: ${v}.handling`;

const DETAIL = `RETURN a.id AS id, a.raisedAt AS raisedAt, a.trigger AS trigger, a.reason AS reason,
  w {.id, .kind, .label, .owner} AS watch,
  $username IN a.readBy AS read,
  [d IN a.dismissals WHERE d STARTS WITH $dismissalPrefix] AS dismissals,
  COLLECT { MATCH (a)-[:ABOUT]->(n) RETURN { ${graded('n')}, type: ${labelOf('n')}, name: n.name } } AS records,
  COLLECT { MATCH (a)-[:ABOUT]->(s)-[r]->(t)<-[:ABOUT]-(a) WHERE r.id IN a.linkIds
    RETURN DISTINCT { ${graded('r')}, type: type(r), source: s.id, target: t.id } } AS links,
  COLLECT { MATCH (a)-[:FED]->(c:Case) WHERE ${visible('c')} RETURN c.id ORDER BY c.id } AS cases`;

function paramsOf(username: string, clearance: Clearance) {
  return {
    ...visibilityParams(clearance),
    ...LABEL_PARAMS,
    username,
    dismissalPrefix: `${JSON.stringify(username)}\u0000`,
  };
}

function alertOf(row: { get(key: string): unknown }): Alert {
  const watch = row.get('watch') as Record<string, unknown>;
  const dismissal = (row.get('dismissals') as string[])[0];
  const dismissed =
    dismissal === undefined ? null : (JSON.parse(dismissal.split('\u0000')[1] ?? '{}') as Alert['dismissed']);
  const fix = <T extends { grade?: unknown; gradeScheme?: unknown }>(r: T) => ({
    ...r,
    grade: (r.grade as string | null) ?? null,
    gradeScheme: (r.gradeScheme as never) ?? null,
  });
  return {
    id: String(row.get('id')),
    watch: {
      id: String(watch.id),
      kind: String(watch.kind),
      label: (watch.label as string | null) ?? null,
      owner: String(watch.owner),
    },
    raisedAt: String(row.get('raisedAt')),
    trigger: row.get('trigger') as Alert['trigger'],
    reason: String(row.get('reason')),
    records: (row.get('records') as Alert['records']).map((r) => ({ ...fix(r), name: r.name ?? null })),
    links: (row.get('links') as Alert['links']).map(fix),
    read: row.get('read') === true,
    dismissed,
    cases: (row.get('cases') as string[]).map(String),
  };
}

/** The alerts a user receives and may see, newest first, with the unread count and the total. */
export async function listAlerts(
  store: Store,
  username: string,
  clearance: Clearance,
  options: { show: keyof typeof FILTERS; watch?: string | undefined; limit: number; countOnly?: boolean },
): Promise<AlertList> {
  const filter = FILTERS[options.show] ?? FILTERS.inbox;
  const params = { ...paramsOf(username, clearance), watch: options.watch ?? null, limit: options.limit };
  const counts = await store.read(
    `${RECEIVED} AND ($watch IS NULL OR w.id = $watch)
RETURN count(CASE WHEN ${filter} THEN 1 END) AS total,
  count(CASE WHEN ${FILTERS.unread} THEN 1 END) AS unread`,
    params,
  );
  const total = Number(counts.records[0]?.get('total') ?? 0);
  const unread = Number(counts.records[0]?.get('unread') ?? 0);
  if (options.countOnly === true) return { alerts: [], unread, total };
  const result = await store.read(
    `${RECEIVED} AND ($watch IS NULL OR w.id = $watch) AND ${filter}
WITH a, w ORDER BY a.raisedAt DESC, w.createdAt DESC, a.sortKey LIMIT toInteger($limit)
${DETAIL}`,
    params,
  );
  return { alerts: result.records.map(alertOf), unread, total };
}

/** One alert the user receives and may see; null otherwise. */
export async function getAlert(
  store: Store,
  username: string,
  clearance: Clearance,
  id: string,
): Promise<Alert | null> {
  const result = await store.read(`${RECEIVED} AND a.id = $id WITH a, w ${DETAIL}`, {
    ...paramsOf(username, clearance),
    id,
  });
  const row = result.records[0];
  return row === undefined ? null : alertOf(row);
}

/** Marks an alert read or unread for the user; false when they receive no such alert they may see. */
export async function markAlert(
  store: Store,
  username: string,
  clearance: Clearance,
  id: string,
  read: boolean,
): Promise<boolean> {
  const result = await store.write(
    `${RECEIVED} AND a.id = $id
SET a.readBy = CASE WHEN $read THEN [u IN a.readBy WHERE u <> $username] + $username
  ELSE [u IN a.readBy WHERE u <> $username] END
RETURN count(a) AS n`,
    { ...paramsOf(username, clearance), id, read },
  );
  return Number(result.records[0]?.get('n') ?? 0) > 0;
}

/** Dismisses an alert for the user, with the reason; false when they receive no such alert they may see. */
export async function dismissAlert(
  store: Store,
  username: string,
  clearance: Clearance,
  id: string,
  reason: string,
): Promise<boolean> {
  const entry = `${JSON.stringify(username)}\u0000${JSON.stringify({ reason, at: new Date().toISOString() })}`;
  const result = await store.write(
    `${RECEIVED} AND a.id = $id AND NOT $username IN a.dismissedBy
SET a.dismissedBy = a.dismissedBy + $username, a.dismissals = a.dismissals + $entry,
  a.readBy = [u IN a.readBy WHERE u <> $username] + $username
RETURN count(a) AS n`,
    { ...paramsOf(username, clearance), id, entry },
  );
  return Number(result.records[0]?.get('n') ?? 0) > 0;
}
