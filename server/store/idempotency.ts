/**
 * Idempotency records (`IdempotencyRecord` nodes, id = hash of user and key): the first response to
 * a write, kept for a day and replayed when the same request is retried. A record is claimed
 * (`pending`) before the write runs, so a concurrent retry waits instead of writing twice.
 */
import type { Store } from './store.ts';

export interface StoredResponse {
  status: number;
  contentType: string;
  body: string;
}

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'pending'; fingerprint: string }
  | { kind: 'done'; fingerprint: string; response: StoredResponse };

/** How long a claim holds while its request runs; past it a crashed request no longer blocks. */
const PENDING_MS = 60_000;

/** Claims a key for a request, or tells what an earlier request with the key left. */
export async function claimIdempotencyKey(
  store: Store,
  claim: { id: string; username: string; fingerprint: string },
): Promise<Claim> {
  const now = Date.now();
  const result = await store.write(
    `MERGE (r:IdempotencyRecord {id: $id})
     ON CREATE SET r.state = 'new'
     WITH r, r.state = 'new' OR r.expiresAt < $now AS fresh
     SET r.state = CASE WHEN fresh THEN 'pending' ELSE r.state END,
         r.fingerprint = CASE WHEN fresh THEN $fingerprint ELSE r.fingerprint END,
         r.username = $username,
         r.expiresAt = CASE WHEN fresh THEN toInteger($pendingUntil) ELSE r.expiresAt END
     RETURN fresh, r.state AS state, r.fingerprint AS fingerprint, r.status AS status,
            r.contentType AS contentType, r.body AS body`,
    { ...claim, now, pendingUntil: now + PENDING_MS },
  );
  const row = result.records[0];
  if (!row || row.get('fresh') === true) return { kind: 'claimed' };
  const fingerprint = String(row.get('fingerprint'));
  if (row.get('state') !== 'done') return { kind: 'pending', fingerprint };
  return {
    kind: 'done',
    fingerprint,
    response: {
      status: Number(row.get('status')),
      contentType: String(row.get('contentType') ?? 'application/json'),
      body: String(row.get('body') ?? ''),
    },
  };
}

/** Keeps the response of a claimed key for `ttlMs`; clears a few expired records on the way. */
export async function completeIdempotencyKey(
  store: Store,
  id: string,
  response: StoredResponse,
  ttlMs: number,
): Promise<void> {
  const now = Date.now();
  await store.write(
    `MATCH (r:IdempotencyRecord {id: $id})
     SET r.state = 'done', r.status = toInteger($status), r.contentType = $contentType, r.body = $body,
         r.expiresAt = toInteger($expiresAt)
     WITH count(*) AS _
     CALL () { MATCH (old:IdempotencyRecord) WHERE old.expiresAt < $now WITH old LIMIT 100 DELETE old }`,
    { id, ...response, expiresAt: now + ttlMs, now },
  );
}

/** Forgets a claim whose request failed, so that a retry runs again. */
export async function releaseIdempotencyKey(store: Store, id: string): Promise<void> {
  await store.write("MATCH (r:IdempotencyRecord {id: $id}) WHERE r.state = 'pending' DELETE r", { id });
}
