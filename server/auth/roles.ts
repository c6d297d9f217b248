/**
 * What each role may do. Viewers read; analysts read, write, analyse and export; admins manage
 * users (within their own clearance), read the audit events about what they may see, and can do
 * everything analysts do. The auditor oversees: reads the whole audit trail and verifies its chain,
 * with full clearance, and changes no data. Routes declare the roles they admit with these lists,
 * so the OpenAPI document states them and the authorisation tests follow it.
 */
import type { Role } from './context.ts';

/** Roles that may read the graph. */
export const READ: readonly Role[] = ['viewer', 'analyst', 'admin'];
/** Roles that may change the graph. */
export const WRITE: readonly Role[] = ['analyst', 'admin'];
/** Roles that may run analyses. */
export const ANALYSE: readonly Role[] = ['analyst', 'admin'];
/** Roles that may export data and build reports. */
export const EXPORT: readonly Role[] = ['analyst', 'admin'];
/** Roles that may manage users. */
export const ADMIN: readonly Role[] = ['admin'];
/** Roles that may read the audit trail: admins the events within their clearance, the auditor all. */
export const AUDIT: readonly Role[] = ['admin', 'auditor'];
/** The role that may verify the whole chain. */
export const AUDITOR: readonly Role[] = ['auditor'];
/** Any signed-in user. */
export const ANY: readonly Role[] = [...READ, 'auditor'];

/** Whether a role is among those a route admits. */
export function isAllowed(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
