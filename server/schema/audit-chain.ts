/**
 * The audit trail's hash chain. Each event stores its sequence number, the SHA-256 of the event
 * before it (`prevHash`) and its own hash over its canonical content (JSON with sorted keys), so
 * altering, removing or reordering an event breaks the chain at that event. The chain's head (the
 * seq and hash of the last event, written with every append) catches what the links alone cannot:
 * events removed from the end.
 */
import { createHash } from 'node:crypto';

/** The prevHash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit event as written, without its chain fields. */
export interface AuditDraft {
  at: string;
  username: string;
  role: string | null;
  ip: string | null;
  action: string;
  targets: string[];
  /** The records the event is about (absent in events written before it was kept: auditor only). */
  about?: string[];
  /** Canonical JSON of the parameters, or null. */
  parameters: string | null;
  purpose: string | null;
  outcome: string;
}

/** An audit event with its place in the chain. */
export interface AuditEvent extends AuditDraft {
  id: string;
  seq: number;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The id of the event at a sequence number: unique, so two writers can never both take it. */
export function auditEventId(seq: number): string {
  return `audit-${seq}`;
}

/** The hash of an event over everything but its id and its own hash. */
export function hashEvent(event: Omit<AuditEvent, 'id' | 'hash'>): string {
  const content = {
    seq: event.seq,
    prevHash: event.prevHash,
    at: event.at,
    username: event.username,
    role: event.role,
    ip: event.ip,
    action: event.action,
    targets: event.targets,
    // Absent from events written before it was kept, so their hashes stay as they were.
    about: event.about,
    parameters: event.parameters,
    purpose: event.purpose,
    outcome: event.outcome,
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The last event of a chain, as its head records it. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** Links drafts onto the chain after the head (`null` when the chain is empty). */
export function sealEvents(head: ChainHead | null, drafts: AuditDraft[]): AuditEvent[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return drafts.map((draft) => {
    seq += 1;
    const hash = hashEvent({ ...draft, seq, prevHash });
    const event = { ...draft, id: auditEventId(seq), seq, prevHash, hash };
    prevHash = hash;
    return event;
  });
}

/** The first break in a chain, or null when every event checks. */
export interface ChainBreak {
  /** The first event that does not check (or, when events were removed at the end, the last one). */
  seq: number;
  id: string;
  reason: string;
}

/** What a verification found. */
export interface ChainReport {
  count: number;
  firstBreak: ChainBreak | null;
}

/** Checks events in order of `seq`, carrying the state across pages. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  count = 0;
  firstBreak: ChainBreak | null = null;

  /** The count of events that checked and the first break, if any. */
  result(): ChainReport {
    return { count: this.count, firstBreak: this.firstBreak };
  }

  /** Checks the next event; returns false once the chain is broken. */
  check(event: AuditEvent): boolean {
    if (this.firstBreak) return false;
    const fail = (reason: string) => {
      this.firstBreak = { seq: event.seq, id: event.id, reason };
      return false;
    };
    if (event.seq !== this.expectedSeq) {
      return fail(
        event.seq > this.expectedSeq
          ? `expected seq ${this.expectedSeq} but found ${event.seq}: an event was removed or its seq changed`
          : `seq ${event.seq} appears out of order or twice`,
      );
    }
    if (event.id !== auditEventId(event.seq)) {
      return fail(`its id ${event.id} does not match its seq: events were reordered`);
    }
    if (event.hash !== hashEvent(event))
      return fail('its content does not match its hash: the event was altered');
    if (event.prevHash !== this.prevHash) {
      return fail('its prevHash does not match the event before it: events were removed or reordered');
    }
    this.count += 1;
    this.expectedSeq += 1;
    this.prevHash = event.hash;
    return true;
  }

  /** Checks, once every event is checked, that the last one is the one the chain's head records. */
  checkHead(head: ChainHead | null): ChainReport {
    if (this.firstBreak) return this.result();
    const lastSeq = this.expectedSeq - 1;
    const fail = (seq: number, reason: string) => {
      this.firstBreak = { seq, id: auditEventId(seq), reason };
      return this.result();
    };
    if (head === null) {
      return lastSeq === 0 ? this.result() : fail(lastSeq, 'the chain head is missing: it was removed');
    }
    if (head.seq > lastSeq) {
      const removed = head.seq - lastSeq;
      return fail(
        head.seq,
        `the chain ends at seq ${lastSeq} but its head records seq ${head.seq}: the last ${removed === 1 ? 'event was' : `${removed} events were`} removed`,
      );
    }
    if (head.seq < lastSeq) {
      return fail(
        head.seq + 1,
        `its head records seq ${head.seq}: events after it were added outside the trail`,
      );
    }
    if (head.hash !== this.prevHash) {
      return fail(lastSeq, 'its hash does not match the chain head: the last event was altered or replaced');
    }
    return this.result();
  }
}

/** Verifies a whole chain held in memory; with a head (or null for none), also its end. */
export function verifyChain(events: Iterable<AuditEvent>, head?: ChainHead | null): ChainReport {
  const verifier = new ChainVerifier();
  for (const event of events) if (!verifier.check(event)) return verifier.result();
  return head === undefined ? verifier.result() : verifier.checkHead(head);
}
