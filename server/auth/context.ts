/**
 * Who is asking, and how their requests are recorded: the contract between authentication, the
 * routers and the store. The store filters every read by the viewer's clearance: a record is
 * visible when its `handling` is among the clearance's codes and it has no `restrictedTo` list or
 * that list names the viewer's agency; a link is visible when it and both its ends are.
 */
import type { HandlingCode } from '../schema/model.ts';

export const ROLES = ['viewer', 'analyst', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated user a request acts for. */
export interface Viewer {
  username: string;
  role: Role;
  /** Handling codes this user may see. */
  clearance: HandlingCode[];
  /** The user's agency, matched against a record's `restrictedTo` list. */
  agency: string | null;
}

/** What a user may see, as the store needs it in its queries. */
export interface Clearance {
  handling: HandlingCode[];
  agency: string | null;
  /** Sees records restricted to any agency: only the database's operator at the command line. */
  unrestricted?: boolean;
}

/** The clearance of a viewer; the auditor's is full, as the oversight of the whole trail needs. */
export function clearanceOf(viewer: Viewer): Clearance {
  if (viewer.role === 'auditor') return FULL_CLEARANCE;
  return { handling: viewer.clearance, agency: viewer.agency };
}

/**
 * Whether a reader may see every record that something made under `made` could see (a run, a job),
 * judged on the clearances alone, since the data may change afterwards: every handling code of
 * `made`, and the records restricted to its agency (to any agency, when `made` was unrestricted).
 */
export function clearanceCovers(reader: Clearance, made: Clearance): boolean {
  if (!made.handling.every((code) => reader.handling.includes(code))) return false;
  if (reader.unrestricted === true) return true;
  if (made.unrestricted === true) return false;
  return made.agency === null || made.agency === reader.agency;
}

/** Full clearance, for the command line run by the operator of the database. */
export const FULL_CLEARANCE: Clearance = {
  handling: ['H0', 'H1', 'H2', 'H3'],
  agency: null,
  unrestricted: true,
};

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
