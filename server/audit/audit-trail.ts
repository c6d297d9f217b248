/**
 * The audit trail's writer: one per store in a process. Events wait in a queue and are appended in
 * batches by a single writer, so this process never forks the chain and busy moments cost one
 * transaction per batch rather than per event. A caller's promise settles once its event is
 * committed (or could not be), which is what lets a request wait for its event before answering.
 */
import { appendAuditEvents, readAuditHead, readAuditPage } from '../store/audit.ts';
import type { Store } from '../store/store.ts';
import {
  type AuditDraft,
  type AuditEvent,
  type ChainReport,
  ChainVerifier,
  canonicalJson,
  sealEvents,
} from '../schema/audit-chain.ts';
import type { Role } from '../schema/clearance.ts';

/** One audit event as a handler describes it; the audit trail adds who, when and the chain. */
export interface AuditInput {
  action: string;
  targets: string[];
  /**
   * The ids of the records (entities, cases, sources) the event is about: a reader other than the
   * auditor is shown the event only while every one of them is a record they may see. Routes fill
   * it from the ids a request names (server/api/middleware/validated.ts) unless the handler says.
   */
  about?: string[];
  parameters?: Record<string, unknown>;
  purpose?: string;
  outcome: 'ok' | 'denied' | 'not-found' | 'invalid' | 'error';
}

/** Appends an audit event; rejects when it cannot be written (the request then fails). */
export type Audit = (input: AuditInput) => Promise<void>;

/** Who acted: a user, or the operator at the command line. */
export interface AuditActor {
  username: string;
  role: Role | null;
  ip: string | null;
}

export interface AuditTrail {
  /** Appends one event; resolves once it is committed. */
  append(actor: AuditActor, input: AuditInput): Promise<AuditEvent>;
}

/** The audit trail could not be written; the request that needed it must fail. */
export class AuditUnavailableError extends Error {
  override name = 'AuditUnavailableError';
}

const MAX_BATCH = 200;
const MAX_TEXT = 2_000;

interface Pending {
  draft: AuditDraft;
  done: (event: AuditEvent) => void;
  fail: (error: unknown) => void;
}

const trails = new WeakMap<Store, AuditTrail>();

/** The process's one writer for a store. */
export function auditTrailFor(store: Store): AuditTrail {
  let trail = trails.get(store);
  if (!trail) {
    trail = createAuditTrail(store);
    trails.set(store, trail);
  }
  return trail;
}

function createAuditTrail(store: Store): AuditTrail {
  const queue: Pending[] = [];
  let writing = false;
  const drain = async () => {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      try {
        const events = await appendAuditEvents(
          store,
          batch.map((p) => p.draft),
          sealEvents,
        );
        for (const [i, p] of batch.entries()) p.done(events[i] as AuditEvent);
      } catch (error) {
        const failure = new AuditUnavailableError(
          `The audit trail cannot be written: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        );
        for (const p of batch) p.fail(failure);
      }
    }
    writing = false;
  };
  return {
    append(actor, input) {
      return new Promise<AuditEvent>((done, fail) => {
        queue.push({ draft: draftOf(actor, input), done, fail });
        if (!writing) void drain();
      });
    },
  };
}

/** The stored form of an event: long texts cut, parameters as canonical JSON. */
export function draftOf(actor: AuditActor, input: AuditInput): AuditDraft {
  const parameters =
    input.parameters && Object.keys(input.parameters).length > 0 ? canonicalJson(input.parameters) : null;
  return {
    at: new Date().toISOString(),
    username: cut(actor.username),
    role: actor.role,
    ip: actor.ip,
    action: cut(input.action),
    targets: input.targets.map(cut),
    about: [...new Set(input.about ?? [])].map(cut),
    parameters: parameters && parameters.length > 20_000 ? `${parameters.slice(0, 20_000)}…` : parameters,
    purpose: input.purpose ? cut(input.purpose) : null,
    outcome: input.outcome,
  };
}

function cut(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/**
 * Walks the whole chain in pages, then compares its end with the chain's head; reports the count and
 * the first event that does not check. The head is read after the events, so it names at least the
 * last one read: when it names more, events appended meanwhile are read too before the end counts
 * as truncated.
 */
export async function verifyAuditTrail(store: Store, pageSize = 5_000): Promise<ChainReport> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const page = await readAuditPage(store, after, pageSize);
    for (const event of page) if (!verifier.check(event)) return verifier.result();
    after = page.at(-1)?.seq ?? after;
    if (page.length === pageSize) continue;
    const head = await readAuditHead(store);
    if (head !== null && head.seq > after && (await readAuditPage(store, after, 1)).length > 0) continue;
    return verifier.checkHead(head);
  }
}
