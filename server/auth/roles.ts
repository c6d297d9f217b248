/**
 * What each role may do. Viewers read; analysts read, write, analyse and export; admins manage
 * users and the audit trail and can do everything analysts do. Routes declare the roles they admit
 * with these lists, so the OpenAPI document states them and the authorisation tests follow it.
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
/** Roles that may manage users and read the audit trail. */
export const ADMIN: readonly Role[] = ['admin'];
/** Any signed-in user. */
export const ANY: readonly Role[] = READ;

/** Whether a role is among those a route admits. */
export function isAllowed(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
