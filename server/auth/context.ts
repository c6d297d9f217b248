/**
 * Who is asking, and how their requests are recorded: the contract between authentication, the
 * routers and the store. The clearance vocabulary itself is server/schema/clearance.ts, re-exported
 * here for the layers above the store; the store imports it from the schema.
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
