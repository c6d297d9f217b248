/** API payloads for the audit trail. */
import { z } from 'zod';

const IsoTime = z.iso
  .datetime({ offset: true })
  .meta({ description: 'ISO-8601 time, e.g. 2025-01-31T12:00:00Z' });

export const AuditQuerySchema = z.strictObject({
  user: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(200).optional(),
  since: IsoTime.optional(),
  until: IsoTime.optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

const IN_CHAIN =
  'For the auditor only: the place in the whole chain, whose gaps would count the events an admin is not shown';

export const AuditEventSchema = z
  .object({
    id: z.string().optional().meta({ description: IN_CHAIN }),
    seq: z.number().int().optional().meta({ description: IN_CHAIN }),
    at: z.string(),
    username: z.string(),
    role: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.string(),
    targets: z.array(z.string()),
    about: z.array(z.string()).optional().meta({
      description: 'The records the event is about; an admin sees it only while they may see them all',
    }),
    parameters: z.record(z.string(), z.unknown()).nullable(),
    purpose: z.string().nullable(),
    outcome: z.string(),
    prevHash: z.string().optional().meta({ description: IN_CHAIN }),
    hash: z.string().optional().meta({ description: IN_CHAIN }),
  })
  .meta({ id: 'AuditEvent', description: 'One event of the hash-chained audit trail' });

export const AuditListSchema = z.object({ events: z.array(AuditEventSchema) }).meta({ id: 'AuditList' });

export const AuditVerificationSchema = z
  .object({
    ok: z.boolean(),
    count: z.number().int().meta({ description: 'Events that checked, in order' }),
    firstBreak: z.object({ seq: z.number().int(), id: z.string(), reason: z.string() }).nullable(),
  })
  .meta({ id: 'AuditVerification', description: 'The result of walking the whole hash chain (the auditor)' });
