/**
 * Watches as `Watch` nodes (platform records: no handling code, so never visible as graph data), each
 * filed under its match keys (`WatchKey` nodes, watch-keys.ts) so that the matcher finds the watches a
 * change concerns by index seeks. A watch records its owner's clearance when made; the entities it
 * names must be ones the owner may see, and a watch never names a smuggled person or a witness.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Clearance, Viewer } from '../schema/clearance.ts';
import { MAX_REVIEW_MONTHS, type NewWatch, type Watch } from '../schema/api/watches.ts';
import { type EntityLabel, PROTECTED_ROLES } from '../schema/model.ts';
import type { Store } from './store.ts';
import { LABEL_PARAMS, labelOf, matchById, visibilityParams, visible } from './visibility.ts';
import { WatchInputError, watchKeys } from './watch-keys.ts';

export { WatchInputError } from './watch-keys.ts';

/** Today as YYYY-MM-DD (UTC). */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The latest review date allowed from a day: twelve months ahead. */
export function latestReview(now = new Date()): string {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() + MAX_REVIEW_MONTHS);
  return today(limit);
}

/** The Cypher predicate of a watch that matches: not deleted, not expired, not past its review. */
export function activeWatch(name: string): string {
  return `(${name}.deletedAt IS NULL AND (${name}.expiresAt IS NULL OR ${name}.expiresAt >= $today) AND ${name}.reviewBy >= $today)`;
}

const WATCH_FIELDS = `w {.id, .kind, .pattern, .label, .owner, .purpose, .createdAt, .expiresAt, .reviewBy,
  .sharedWith, .ownerHandling, .ownerAgency, .parameters, .webhookUrl, .deletedAt} AS watch`;

/** A stored watch as the API shows it. */
export function watchOf(raw: Record<string, unknown>, day = today()): Watch {
  const expiresAt = (raw.expiresAt as string | null) ?? null;
  const reviewBy = String(raw.reviewBy);
  const inactiveReason =
    expiresAt !== null && expiresAt < day ? 'expired' : reviewBy < day ? 'review due' : null;
  return {
    id: String(raw.id),
    kind: raw.kind as Watch['kind'],
    label: (raw.label as string | null) ?? null,
    owner: String(raw.owner),
    purpose: String(raw.purpose),
    createdAt: String(raw.createdAt),
    expiresAt,
    reviewBy,
    sharedWith: ((raw.sharedWith as string[] | null) ?? []).map(String),
    active: inactiveReason === null,
    inactiveReason,
    clearance: {
      handling: ((raw.ownerHandling as string[] | null) ?? []) as Watch['clearance']['handling'],
      agency: (raw.ownerAgency as string | null) ?? null,
    },
    parameters: JSON.parse(String(raw.parameters ?? '{}')) as Record<string, unknown>,
    webhook: typeof raw.webhookUrl === 'string' ? { url: raw.webhookUrl } : null,
  };
}

/** The entity ids a watch names, each of which its owner must be able to see (of a label, if given). */
function namedEntities(watch: NewWatch): { field: string; id: string; label?: EntityLabel }[] {
  if (watch.kind === 'entity') return [{ field: 'entity', id: watch.entity }];
  if (watch.kind !== 'pattern') return [];
  if (watch.pattern === 'new-link' || watch.pattern === 'typology-hit')
    return watch.entities.map((id, index) => ({ field: `entities.${index}`, id }));
  if (watch.pattern === 'payment-over') return [{ field: 'account', id: watch.account }];
  if (watch.pattern === 'vessel-renamed' && watch.vessel !== undefined)
    return [{ field: 'vessel', id: watch.vessel }];
  if (watch.pattern === 'person-on-route') return [{ field: 'route', id: watch.route, label: 'Route' }];
  if (watch.pattern === 'community-link') return [{ field: 'entity', id: watch.entity }];
  return [];
}

const ENTITY_CHECK = `${matchById('x', '$id')}
WITH x WHERE ${visible('x')}
RETURN x.id AS id, ${labelOf('x')} AS label,
  any(role IN coalesce(x.roles, []) WHERE role IN $protected) AS protected`;

async function checkNamedEntities(store: Store, clearance: Clearance, watch: NewWatch): Promise<void> {
  for (const { field, id, label } of namedEntities(watch)) {
    const result = await store.read(ENTITY_CHECK, {
      ...visibilityParams(clearance),
      ...LABEL_PARAMS,
      id,
      protected: [...PROTECTED_ROLES],
    });
    const row = result.records[0];
    if (row === undefined)
      throw new WatchInputError(field, `no entity ${JSON.stringify(id)} that you may see`);
    if (row.get('protected') === true)
      throw new WatchInputError(
        field,
        'smuggled persons and witnesses are not watched: they are not suspects',
      );
    if (label !== undefined && row.get('label') !== label)
      throw new WatchInputError(
        field,
        `${JSON.stringify(id)} is a ${String(row.get('label'))}: give a ${label}`,
      );
  }
}

async function checkUsers(store: Store, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const result = await store.read(
    'MATCH (u:User) WHERE u.username IN $names AND coalesce(u.disabled, false) = false RETURN collect(u.username) AS found',
    { names },
  );
  const found = new Set((result.records[0]?.get('found') as string[] | undefined) ?? []);
  names.forEach((name, index) => {
    if (!found.has(name))
      throw new WatchInputError(`sharedWith.${index}`, `no active user ${JSON.stringify(name)}`);
  });
}

function checkDates(watch: NewWatch, now: Date): string {
  const day = today(now);
  const reviewBy = watch.reviewBy ?? latestReview(now);
  if (reviewBy > latestReview(now))
    throw new WatchInputError(
      'reviewBy',
      `at most ${MAX_REVIEW_MONTHS} months ahead: ${latestReview(now)} or before`,
    );
  if (reviewBy < day) throw new WatchInputError('reviewBy', 'is in the past: give a date from today on');
  if (watch.expiresAt !== undefined && watch.expiresAt < day)
    throw new WatchInputError('expiresAt', 'is in the past: give a date from today on, or leave it out');
  return reviewBy;
}

const CREATE = `CREATE (w:Watch {id: $id}) SET w += $props
WITH w UNWIND $keys AS key
MERGE (k:WatchKey {id: key})
CREATE (k)-[:KEY_OF]->(w)
WITH DISTINCT w RETURN ${WATCH_FIELDS}`;

/** Creates a watch for the viewer; its secret (for webhook signatures) is returned only here. */
export async function createWatch(
  store: Store,
  viewer: Viewer,
  clearance: Clearance,
  watch: NewWatch,
  now = new Date(),
): Promise<Watch & { webhookSecret: string | null }> {
  const { keys, parameters } = watchKeys(watch);
  const reviewBy = checkDates(watch, now);
  await checkNamedEntities(store, clearance, watch);
  const sharedWith = [...new Set(watch.sharedWith.filter((name) => name !== viewer.username))];
  await checkUsers(store, sharedWith);
  // Its community is judged under the owner's clearance: a recipient of lower clearance would learn
  // from its alerts who is in a community that records beyond their reach may have shaped.
  if (watch.kind === 'pattern' && watch.pattern === 'community-link' && sharedWith.length > 0)
    throw new WatchInputError(
      'sharedWith',
      'a community watch is not shared: its community is judged under your clearance; leave sharedWith out',
    );
  const webhookSecret = watch.webhook === undefined ? null : randomBytes(32).toString('hex');
  const props = {
    kind: watch.kind,
    pattern: watch.kind === 'pattern' ? watch.pattern : null,
    label: watch.label ?? null,
    owner: viewer.username,
    purpose: watch.purpose,
    createdAt: now.toISOString(),
    expiresAt: watch.expiresAt ?? null,
    reviewBy,
    sharedWith,
    ownerHandling: [...clearance.handling],
    ownerAgency: clearance.agency,
    parameters: JSON.stringify(parameters),
    webhookUrl: watch.webhook?.url ?? null,
    webhookSecret,
  };
  const result = await store.write(CREATE, { id: `watch:${randomUUID()}`, props, keys });
  const raw = result.records[0]?.get('watch') as Record<string, unknown>;
  return { ...watchOf(raw, today(now)), webhookSecret };
}

/** The watches the user owns or that are shared with them, newest first (deleted ones left out). */
export async function listWatches(store: Store, username: string): Promise<Watch[]> {
  const result = await store.read(
    `MATCH (w:Watch) WHERE w.deletedAt IS NULL AND (w.owner = $username OR $username IN w.sharedWith)
RETURN ${WATCH_FIELDS} ORDER BY w.createdAt DESC, w.id`,
    { username },
  );
  const day = today();
  return result.records.map((row) => watchOf(row.get('watch') as Record<string, unknown>, day));
}

/** Deletes one of the user's own watches: it stops matching; false when they own none by that id. */
export async function deleteWatch(store: Store, username: string, id: string): Promise<boolean> {
  const result = await store.write(
    `MATCH (w:Watch {id: $id}) WHERE w.owner = $username AND w.deletedAt IS NULL
SET w.deletedAt = $now, w.webhookSecret = null
WITH w OPTIONAL MATCH (:WatchKey)-[k:KEY_OF]->(w) DELETE k
RETURN count(DISTINCT w) AS n`,
    { id, username, now: new Date().toISOString() },
  );
  return Number(result.records[0]?.get('n') ?? 0) > 0;
}

/** Renews one of the user's own watches to a new review date, with the reason kept on it. */
export async function renewWatch(
  store: Store,
  username: string,
  id: string,
  input: { reason: string; reviewBy?: string | undefined },
  now = new Date(),
): Promise<Watch | null> {
  const reviewBy = input.reviewBy ?? latestReview(now);
  if (reviewBy > latestReview(now) || reviewBy < today(now))
    throw new WatchInputError('reviewBy', `give a date from ${today(now)} to ${latestReview(now)}`);
  const renewal = JSON.stringify({ at: now.toISOString(), reason: input.reason, reviewBy });
  const result = await store.write(
    `MATCH (w:Watch {id: $id}) WHERE w.owner = $username AND w.deletedAt IS NULL
SET w.reviewBy = $reviewBy, w.renewals = coalesce(w.renewals, []) + $renewal
RETURN ${WATCH_FIELDS}`,
    { id, username, reviewBy, renewal },
  );
  const raw = result.records[0]?.get('watch') as Record<string, unknown> | undefined;
  return raw === undefined ? null : watchOf(raw, today(now));
}

/** A watch as the matcher needs it. */
export interface MatchingWatch {
  id: string;
  kind: Watch['kind'];
  pattern: string | null;
  parameters: Record<string, unknown>;
  /** The owner's clearance, recorded when the watch was made. */
  clearance: Clearance;
  createdAt: string;
}

/** The active watches filed under each of the keys, by key; index seeks only. */
export async function watchesByKeys(
  store: Store,
  keys: readonly string[],
  now = new Date(),
): Promise<Map<string, MatchingWatch[]>> {
  const out = new Map<string, MatchingWatch[]>();
  const unique = [...new Set(keys)];
  for (let start = 0; start < unique.length; start += 20_000) {
    const result = await store.read(
      `UNWIND $keys AS key
MATCH (k:WatchKey {id: key})-[:KEY_OF]->(w:Watch) WHERE ${activeWatch('w')}
RETURN key, collect({id: w.id, kind: w.kind, pattern: w.pattern, parameters: w.parameters,
  handling: w.ownerHandling, agency: w.ownerAgency, createdAt: w.createdAt}) AS watches`,
      { keys: unique.slice(start, start + 20_000), today: today(now) },
    );
    for (const row of result.records) {
      const watches = (row.get('watches') as Record<string, unknown>[]).map((w) => ({
        id: String(w.id),
        kind: w.kind as Watch['kind'],
        pattern: (w.pattern as string | null) ?? null,
        parameters: JSON.parse(String(w.parameters ?? '{}')) as Record<string, unknown>,
        clearance: {
          handling: (w.handling as Clearance['handling'] | null) ?? [],
          agency: (w.agency as string | null) ?? null,
        },
        createdAt: String(w.createdAt),
      }));
      out.set(String(row.get('key')), watches);
    }
  }
  return out;
}

/** The owner's recorded clearance and webhook of watches, for deliveries. */
/** Whether any watch is active today: when none is, an import has nothing to match and reads nothing back. */
export async function anyActiveWatch(store: Store, now = new Date()): Promise<boolean> {
  const result = await store.read(`MATCH (w:Watch) WHERE ${activeWatch('w')} RETURN w.id AS id LIMIT 1`, {
    today: today(now),
  });
  return result.records.length > 0;
}

export async function webhookTargets(
  store: Store,
  ids: readonly string[],
): Promise<{ id: string; owner: string; url: string; secret: string; clearance: Clearance }[]> {
  const result = await store.read(
    `MATCH (w:Watch) WHERE w.id IN $ids AND w.webhookUrl IS NOT NULL AND w.deletedAt IS NULL
RETURN w.id AS id, w.owner AS owner, w.webhookUrl AS url, w.webhookSecret AS secret, w.ownerHandling AS handling, w.ownerAgency AS agency`,
    { ids: [...ids] },
  );
  return result.records.map((row) => ({
    id: String(row.get('id')),
    owner: String(row.get('owner')),
    url: String(row.get('url')),
    secret: String(row.get('secret')),
    clearance: {
      handling: row.get('handling') as Clearance['handling'],
      agency: (row.get('agency') as string | null) ?? null,
    },
  }));
}
