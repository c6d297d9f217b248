/**
 * Who is asking and what they may see: the vocabulary that auth decides and the store applies. It
 * lives in the leaf so that the store, which filters every read by it, never imports auth (which
 * uses the store). A record is visible when its `handling` is among the clearance's codes and it has
 * no `restrictedTo` list or that list names the viewer's agency; a link when it and both its ends are.
 */
import type { HandlingCode } from './model.ts';

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
