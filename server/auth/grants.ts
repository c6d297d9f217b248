/**
 * Admins act within their own clearance: they grant no handling code, agency or role beyond what
 * they hold, to anyone (themselves included), and change no user who holds more than they do (a
 * new password would let them act as that user). Only the operator at the command line, who holds
 * the database itself, may go beyond; and only they may make an auditor, whose oversight of the
 * whole trail no admin holds.
 */
import type { HandlingCode } from '../schema/model.ts';
import type { Role, Viewer } from './context.ts';

/** A field of a request that grants too much, and why. */
export interface GrantIssue {
  field: string;
  message: string;
}

/** What a user holds, or a request would grant. */
export interface Holding {
  role?: Role;
  clearance?: readonly string[];
  agency?: string | null;
}

/** The fields of a grant that go beyond what the admin holds (empty when it is within). */
export function grantsBeyond(admin: Viewer, grant: Holding, part = 'body'): GrantIssue[] {
  const issues: GrantIssue[] = [];
  if (grant.role === 'auditor') {
    issues.push({
      field: `${part}.role`,
      message: 'only the operator may make an auditor (ariadne users add NAME --role auditor)',
    });
  }
  const missing = (grant.clearance ?? []).filter((code) => !admin.clearance.includes(code as HandlingCode));
  if (missing.length > 0) {
    issues.push({
      field: `${part}.clearance`,
      message: `you do not hold ${missing.join(', ')} yourself, so you may not grant it`,
    });
  }
  if (grant.agency !== undefined && grant.agency !== null && grant.agency !== admin.agency) {
    issues.push({
      field: `${part}.agency`,
      message: `you do not belong to ${JSON.stringify(grant.agency)}, so you may not grant its records`,
    });
  }
  return issues;
}

/** Whether a user holds nothing beyond the admin: role, handling codes and agency. */
export function holdsNoMore(admin: Viewer, user: Holding): boolean {
  return grantsBeyond(admin, user).length === 0;
}
