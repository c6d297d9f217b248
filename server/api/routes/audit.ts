/**
 * `/api/audit`: the auditor reads the whole trail and verifies its hash chain; an admin reads only
 * the events about records within their clearance (decided in the store), without their place in
 * the chain, whose gaps would count the events left out.
 */
import { Router } from 'express';
import type { AuditEvent } from '../../schema/audit-chain.ts';
import { verifyAuditTrail } from '../../audit/audit-trail.ts';
import { clearanceOf, type Viewer } from '../../auth/context.ts';
import { AUDIT, AUDITOR } from '../../auth/roles.ts';
import { AuditListSchema, AuditQuerySchema, AuditVerificationSchema } from '../../schema/api/audit.ts';
import { type AuditReader, readAuditEvents } from '../../store/audit.ts';
import type { Store } from '../../store/store.ts';
import { route } from '../middleware/validated.ts';

type PresentedEvent = Omit<AuditEvent, 'parameters' | 'id' | 'seq' | 'prevHash' | 'hash'> &
  Partial<Pick<AuditEvent, 'id' | 'seq' | 'prevHash' | 'hash'>> & {
    parameters: Record<string, unknown> | null;
  };

/** An event as the API shows it: parameters as an object; its place in the chain for the whole trail only. */
export function presentEvent(event: AuditEvent, whole = true): PresentedEvent {
  let parameters: Record<string, unknown> | null = null;
  if (event.parameters) {
    try {
      parameters = JSON.parse(event.parameters) as Record<string, unknown>;
    } catch {
      parameters = { unreadable: event.parameters };
    }
  }
  if (whole) return { ...event, parameters };
  const { id: _id, seq: _seq, prevHash: _prevHash, hash: _hash, ...content } = event;
  return { ...content, parameters };
}

/** The auditor reads the whole trail; anyone else the events within their clearance. */
function readerOf(viewer: Viewer): AuditReader {
  return viewer.role === 'auditor' ? { whole: true } : { whole: false, clearance: clearanceOf(viewer) };
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
      summary:
        'Audit events, newest first, by user, action and time: all of them for the auditor, those about records within their clearance for an admin',
      tags: ['audit'],
      roles: AUDIT,
      query: AuditQuerySchema,
      audit: 'audit.list',
      responses: { 200: { description: 'The events', schema: AuditListSchema } },
    },
    async ({ query, viewer }) => {
      const reader = readerOf(viewer);
      const events = await readAuditEvents(
        store,
        {
          ...query,
          since: query.since ? new Date(query.since).toISOString() : undefined,
          until: query.until ? new Date(query.until).toISOString() : undefined,
        },
        reader,
      );
      return { events: events.map((event) => presentEvent(event, reader.whole)) };
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/audit/verify',
      deadline: false,
      summary:
        'Walk the whole hash chain and name the first event altered, removed or reordered (the auditor)',
      tags: ['audit'],
      roles: AUDITOR,
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
