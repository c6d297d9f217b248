/**
 * Who is asking: the contract between authentication and the routers. The clearance vocabulary itself
 * is server/schema/clearance.ts, re-exported here for the layers above the store; the store imports it
 * from the schema. How requests are recorded is server/audit/audit-trail.ts.
 */
export {
  type Clearance,
  clearanceCovers,
  clearanceOf,
  FULL_CLEARANCE,
  ROLES,
  type Role,
  type Viewer,
} from '../schema/clearance.ts';
