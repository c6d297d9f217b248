/**
 * Audit events in Neo4j (`AuditEvent` nodes). Appending reads the head of the chain and writes the
 * next events in one transaction; the event id is derived from `seq` and unique, so two writers
 * that read the same head cannot both commit: the loser retries on the new head. The head is a node
 * of its own, `(:AuditEvent:AuditHead {id: 'audit-head', lastSeq, lastHash})`, moved in the same
 * transaction as every append, so removing the last events leaves a head that names them. It keeps
 * the AuditEvent label so that everything which leaves the trail aside (content hashes, fingerprints)
 * leaves it aside too; having no `seq`, it is never read as an event.
 */
import { isRetryableError, type ManagedTransaction, type Session } from 'neo4j-driver';
import type { AuditDraft, AuditEvent, ChainHead } from '../schema/audit-chain.ts';
import type { Clearance } from '../schema/clearance.ts';
import type { Store } from './store.ts';
import { matchById, visibilityParams, visible } from './visibility.ts';

type Head = ChainHead | null;

/** The id of the chain's head node. */
export const AUDIT_HEAD_ID = 'audit-head';

const READ_HEAD = 'MATCH (h:AuditHead {id: $headId}) RETURN h.lastSeq AS seq, h.lastHash AS hash';

const LAST_EVENT =
  'MATCH (e:AuditEvent) WHERE e.seq IS NOT NULL RETURN e.seq AS seq, e.hash AS hash ORDER BY e.seq DESC LIMIT 1';

const MOVE_HEAD = `MERGE (h:AuditEvent:AuditHead {id: $headId})
SET h.lastSeq = toInteger($seq), h.lastHash = $hash`;

/** Gives a chain written before heads existed its head, from its last event; idempotent. */
export const AUDIT_HEAD_MIGRATION = `MATCH (e:AuditEvent) WHERE e.seq IS NOT NULL
WITH e ORDER BY e.seq DESC LIMIT 1
WITH e WHERE NOT EXISTS { MATCH (:AuditHead {id: '${AUDIT_HEAD_ID}'}) }
CREATE (:AuditEvent:AuditHead {id: '${AUDIT_HEAD_ID}', lastSeq: e.seq, lastHash: e.hash})`;

function headOf(row: { get(key: string): unknown } | undefined): Head {
  return row ? { seq: Number(row.get('seq')), hash: String(row.get('hash')) } : null;
}

const CONFLICT_RETRIES = 8;

const FIELDS =
  'e.id AS id, e.seq AS seq, e.at AS at, e.username AS username, e.role AS role, e.ip AS ip, e.action AS action, ' +
  'e.targets AS targets, e.about AS about, e.parameters AS parameters, e.purpose AS purpose, e.outcome AS outcome, ' +
  'e.prevHash AS prevHash, e.hash AS hash';

// Without a head node (a chain the migration has not reached yet), the last event is the head.
async function readHead(tx: ManagedTransaction): Promise<Head> {
  const head = headOf((await tx.run(READ_HEAD, { headId: AUDIT_HEAD_ID })).records[0]);
  return head ?? headOf((await tx.run(LAST_EVENT)).records[0]);
}

/** The chain's head as stored (null when there is none), for verification. */
export async function readAuditHead(store: Store): Promise<Head> {
  return headOf((await store.read(READ_HEAD, { headId: AUDIT_HEAD_ID })).records[0]);
}

// Moves the head from the one this process last wrote and appends after it, in one statement; writes
// nothing when the head has moved since (another writer, a cleared database).
const APPEND_ON_KNOWN_HEAD = `MATCH (h:AuditHead {id: $headId})
WHERE h.lastSeq = toInteger($prevSeq) AND h.lastHash = $prevHash
SET h.lastSeq = toInteger($seq), h.lastHash = $hash
WITH h UNWIND $events AS e CREATE (a:AuditEvent) SET a = e, a.seq = toInteger(e.seq)
RETURN count(a) AS written`;

/** The head each store's writer last committed: saves reading it back before every batch. */
const knownHeads = new WeakMap<Store, ChainHead>();

/** Appends after the head as stored (read in the same transaction): when the head has moved. */
async function appendInTransaction(
  tx: ManagedTransaction,
  drafts: AuditDraft[],
  seal: (head: Head, drafts: AuditDraft[]) => AuditEvent[],
): Promise<AuditEvent[]> {
  const events = seal(await readHead(tx), drafts);
  await tx.run('UNWIND $events AS e CREATE (a:AuditEvent) SET a = e, a.seq = toInteger(e.seq)', {
    events,
  });
  const last = events.at(-1);
  if (last) await tx.run(MOVE_HEAD, { headId: AUDIT_HEAD_ID, seq: last.seq, hash: last.hash });
  return events;
}

/**
 * The usual append, on the head this process wrote last, as one auto-commit statement: one round
 * trip, no BEGIN and COMMIT. Null when the head has moved (nothing was written).
 */
async function appendOnKnownHead(
  session: Session,
  known: ChainHead,
  drafts: AuditDraft[],
  seal: (head: Head, drafts: AuditDraft[]) => AuditEvent[],
): Promise<AuditEvent[] | null> {
  const events = seal(known, drafts);
  const last = events.at(-1);
  if (!last) return events;
  const result = await session.run(APPEND_ON_KNOWN_HEAD, {
    headId: AUDIT_HEAD_ID,
    prevSeq: known.seq,
    prevHash: known.hash,
    seq: last.seq,
    hash: last.hash,
    events,
  });
  return Number(result.records[0]?.get('written') ?? 0) === events.length ? events : null;
}

/** The fast append, or null to take the managed path (which retries) when it did not answer. */
async function tryKnownHead(...args: Parameters<typeof appendOnKnownHead>): Promise<AuditEvent[] | null> {
  try {
    return await appendOnKnownHead(...args);
  } catch (error) {
    if (isRetryableError(error)) return null;
    throw error;
  }
}

/**
 * Appends drafts after the current head; `seal` links them onto it. Retries when another writer won.
 * The head this process wrote last is tried first, checked and moved in the same statement as the
 * append (one round trip); the head is read from the store only when it has moved.
 */
export async function appendAuditEvents(
  store: Store,
  drafts: AuditDraft[],
  seal: (head: Head, drafts: AuditDraft[]) => AuditEvent[],
): Promise<AuditEvent[]> {
  for (let attempt = 1; ; attempt++) {
    const session = store.driver.session({ database: store.database, defaultAccessMode: 'WRITE' });
    const known = knownHeads.get(store);
    try {
      const events =
        (attempt === 1 && known && (await tryKnownHead(session, known, drafts, seal))) ||
        (await session.executeWrite((tx) => appendInTransaction(tx, drafts, seal)));
      const last = events.at(-1);
      if (last) knownHeads.set(store, { seq: last.seq, hash: last.hash });
      return events;
    } catch (error) {
      knownHeads.delete(store);
      const code = (error as { code?: string }).code ?? '';
      if (code !== 'Neo.ClientError.Schema.ConstraintValidationFailed' || attempt >= CONFLICT_RETRIES)
        throw error;
    } finally {
      await session.close();
    }
  }
}

function toEvent(row: { get(key: string): unknown }): AuditEvent {
  const text = (key: string) => {
    const v = row.get(key);
    return v === null || v === undefined ? null : String(v);
  };
  const about = row.get('about') as unknown[] | null;
  return {
    id: String(row.get('id')),
    seq: Number(row.get('seq')),
    at: String(row.get('at')),
    username: String(row.get('username')),
    role: text('role'),
    ip: text('ip'),
    action: String(row.get('action')),
    targets: ((row.get('targets') as unknown[] | null) ?? []).map(String),
    ...(about === null || about === undefined ? {} : { about: about.map(String) }),
    parameters: text('parameters'),
    purpose: text('purpose'),
    outcome: String(row.get('outcome')),
    prevHash: String(row.get('prevHash')),
    hash: String(row.get('hash')),
  };
}

/** A page of the chain in order of seq, after a given seq. */
export async function readAuditPage(store: Store, afterSeq: number, limit: number): Promise<AuditEvent[]> {
  const result = await store.read(
    `MATCH (e:AuditEvent) WHERE e.seq > $after RETURN ${FIELDS} ORDER BY e.seq LIMIT toInteger($limit)`,
    { after: afterSeq, limit },
  );
  return result.records.map(toEvent);
}

/** Filters for reading the trail; times are ISO-8601 UTC strings. */
export interface AuditFilter {
  user?: string;
  action?: string;
  since?: string;
  until?: string;
  limit: number;
}

/** Whose reading: the whole trail (the auditor, the operator), or the events within a clearance. */
export type AuditReader = { whole: true } | { whole: false; clearance: Clearance };

/**
 * An event within the reader's clearance: it says what it is about, and every id it names is a
 * record (by the one predicate, `visible`) the reader may see. An id that names no record counts as
 * one they may not see, so a hidden record's events and a missing id's are left out alike; events
 * written before `about` was kept are left out too.
 */
const WITHIN_CLEARANCE = `(e.about IS NOT NULL AND COUNT {
  UNWIND e.about AS ref
  ${matchById('n', 'ref', { notes: true })}
  WITH ref, collect(n) AS found
  WHERE all(n IN found WHERE ${visible('n')})
  RETURN ref
} = size(e.about))`;

/**
 * The newest events first, filtered by user, action and time, and by the reader's clearance before
 * the limit, so that the events left out are not counted in it either.
 */
export async function readAuditEvents(
  store: Store,
  filter: AuditFilter,
  reader: AuditReader = { whole: true },
): Promise<AuditEvent[]> {
  const result = await store.read(
    `MATCH (e:AuditEvent)
     WHERE e.seq IS NOT NULL
       AND ($user IS NULL OR e.username = $user)
       AND ($action IS NULL OR e.action = $action)
       AND ($since IS NULL OR e.at >= $since)
       AND ($until IS NULL OR e.at < $until)
       ${reader.whole ? '' : `AND ${WITHIN_CLEARANCE}`}
     RETURN ${FIELDS} ORDER BY e.seq DESC LIMIT toInteger($limit)`,
    {
      user: filter.user ?? null,
      action: filter.action ?? null,
      since: filter.since ?? null,
      until: filter.until ?? null,
      limit: filter.limit,
      ...(reader.whole ? {} : visibilityParams(reader.clearance)),
    },
  );
  return result.records.map(toEvent);
}
