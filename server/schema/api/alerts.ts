/**
 * API payloads of alerts: a watch matched new data. An alert names its watch, the records that
 * matched with their sources and grades, and why; it reaches a recipient only while they may see every
 * record in it, and the unread count counts only those.
 */
import { z } from 'zod';
import { ENTITY_LABELS, GRADING_SCHEMES, HANDLING_CODES, LINK_TYPES } from '../model.ts';
import { BooleanParam, intParam } from './entities.ts';

const graded = {
  id: z.string(),
  sources: z.array(z.string()).meta({ description: 'The Source ids you may see' }),
  grade: z.string().nullable(),
  gradeScheme: z.enum(GRADING_SCHEMES).nullable(),
  handling: z.enum(HANDLING_CODES),
};

export const AlertRecordSchema = z
  .object({ ...graded, type: z.enum(ENTITY_LABELS), name: z.string().nullable() })
  .meta({ id: 'AlertRecord' });

export const AlertLinkSchema = z
  .object({ ...graded, type: z.enum(LINK_TYPES), source: z.string(), target: z.string() })
  .meta({ id: 'AlertLink' });

export const AlertSchema = z
  .object({
    id: z.string(),
    watch: z.object({ id: z.string(), kind: z.string(), label: z.string().nullable(), owner: z.string() }),
    raisedAt: z.string(),
    trigger: z.enum(['import', 'edit', 'analysis', 'check']),
    reason: z.string().meta({ description: 'Why it matched' }),
    records: z.array(AlertRecordSchema),
    links: z.array(AlertLinkSchema),
    read: z.boolean(),
    dismissed: z.object({ reason: z.string(), at: z.string() }).nullable(),
    cases: z.array(z.string()).meta({ description: 'The cases it fed, among those you may see' }),
  })
  .meta({ id: 'Alert', description: 'A watch matched: which records, and why' });
export type Alert = z.infer<typeof AlertSchema>;

export const ALERT_FILTERS = ['inbox', 'unread', 'dismissed', 'all'] as const;

export const AlertQuerySchema = z.strictObject({
  show: z
    .enum(ALERT_FILTERS)
    .default('inbox')
    .meta({ description: 'inbox: not dismissed (default); unread; dismissed; all' }),
  watch: z.string().min(1).max(512).optional().meta({ description: 'Only the alerts of this watch' }),
  limit: intParam(1, 200).default(50),
  countOnly: BooleanParam.optional().meta({ description: 'Only the counts, no alerts' }),
});

export const AlertListSchema = z
  .object({
    alerts: z.array(AlertSchema),
    unread: z.number().int().meta({ description: 'Unread, undismissed alerts you may see' }),
    total: z.number().int().meta({ description: 'Alerts you may see that the filter selects' }),
  })
  .meta({ id: 'AlertList' });
export type AlertList = z.infer<typeof AlertListSchema>;

export const MarkAlertSchema = z
  .strictObject({ read: z.boolean() })
  .meta({ id: 'MarkAlert', description: 'Mark read or unread' });

export const DismissAlertSchema = z
  .strictObject({ reason: z.string().trim().min(3).max(2_000) })
  .meta({ id: 'DismissAlert', description: 'Why the alert needs no action' });
