/** `/api/audit`: admins browse and filter the audit trail, and check its hash chain. */
import { Router } from 'express';
import type { AuditEvent } from '../auth/audit-chain.ts';
import { verifyAuditTrail } from '../auth/audit-trail.ts';
import { ADMIN } from '../auth/roles.ts';
import { AuditListSchema, AuditQuerySchema, AuditVerificationSchema } from '../schema/api/audit.ts';
import { readAuditEvents } from '../store/audit.ts';
import type { Store } from '../store/store.ts';
import { route } from './middleware/validated.ts';

/** An event as the API shows it: parameters as an object. */
export function presentEvent(event: AuditEvent): Omit<AuditEvent, 'parameters'> & {
  parameters: Record<string, unknown> | null;
} {
  let parameters: Record<string, unknown> | null = null;
  if (event.parameters) {
    try {
      parameters = JSON.parse(event.parameters) as Record<string, unknown>;
    } catch {
      parameters = { unreadable: event.parameters };
    }
  }
  return { ...event, parameters };
}

/** The audit router. */
export function auditRouter({ store }: { store: Store }): Router {
  const router = Router();

  route(
    router,
    {
      method: 'get',
      path: '/api/audit',
      deadline: false,
      summary: 'Audit events, newest first, by user, action and time',
      tags: ['audit'],
      roles: ADMIN,
      query: AuditQuerySchema,
      audit: 'audit.list',
      responses: { 200: { description: 'The events', schema: AuditListSchema } },
    },
    async ({ query }) => {
      const events = await readAuditEvents(store, {
        ...query,
        since: query.since ? new Date(query.since).toISOString() : undefined,
        until: query.until ? new Date(query.until).toISOString() : undefined,
      });
      return { events: events.map(presentEvent) };
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/audit/verify',
      deadline: false,
      summary: 'Walk the hash chain and name the first event altered, removed or reordered',
      tags: ['audit'],
      roles: ADMIN,
      audit: 'audit.verify',
      responses: { 200: { description: 'The verification', schema: AuditVerificationSchema } },
    },
    async () => {
      const report = await verifyAuditTrail(store);
      return { ok: report.firstBreak === null, ...report };
    },
  );

  return router;
}
