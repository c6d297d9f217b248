/**
 * API payloads of case work: open a case (from scratch or from an alert), change its title, status,
 * owners, members, linked entities and the alerts that fed it, and read its timeline of events,
 * payments and journeys. A case is a record like any other: its handling code says who may see it.
 */
import { z } from 'zod';
import { CASE_STATUSES } from '../entities/investigations.ts';
import { ENTITY_LABELS, HANDLING_CODES } from '../model.ts';
import { CaseDetailSchema, IdParam } from './entities.ts';
import { UsernameSchema } from './users.ts';

const Usernames = z.array(UsernameSchema).max(50);
const Ids = z.array(IdParam).max(500);

export const NewCaseSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(300),
    status: z.enum(CASE_STATUSES).default('open'),
    handling: z.enum(HANDLING_CODES).meta({ description: 'Handling code of the case record' }),
    handlingCondition: z.string().trim().min(1).max(2_000).optional(),
    sources: z.array(IdParam).min(1).max(50).optional().meta({
      description: 'The Source ids the case rests on (default, from an alert: the sources of its records)',
    }),
    owners: Usernames.optional().meta({ description: 'Default: you' }),
    members: Usernames.default([]),
    entities: Ids.default([]).meta({ description: 'Entities you may see, linked PART_OF the case' }),
    fromAlert: IdParam.optional().meta({ description: 'An alert of yours: its records join the case' }),
  })
  .meta({ id: 'NewCase', description: 'A case to open' });
export type NewCase = z.output<typeof NewCaseSchema>;

export const CasePatchSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(300).optional(),
    status: z.enum(CASE_STATUSES).optional(),
    owners: Usernames.min(1).optional(),
    members: Usernames.optional(),
    addEntities: Ids.optional(),
    removeEntities: Ids.optional(),
    addAlerts: z
      .array(IdParam)
      .max(50)
      .optional()
      .meta({ description: 'Alerts of yours that join the case' }),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one change')
  .meta({ id: 'CasePatch', description: 'Changes to a case; every change is audited' });
export type CasePatch = z.output<typeof CasePatchSchema>;

export const CaseWorkSchema = CaseDetailSchema.extend({
  owners: z.array(z.string()),
  members: z.array(z.string()),
  entities: z
    .array(z.object({ id: z.string(), type: z.enum(ENTITY_LABELS), name: z.string().nullable() }))
    .meta({ description: 'Entities PART_OF the case that you may see (at most 500, by name)' }),
  alerts: z.array(z.string()).meta({ description: 'Alerts that fed the case, among those you may see' }),
}).meta({ id: 'CaseWork', description: 'A case with its people, entities and alerts' });
export type CaseWork = z.infer<typeof CaseWorkSchema>;

export const TimelineEntrySchema = z.object({
  date: z.string().nullable(),
  kind: z.enum(['event', 'payment', 'journey']),
  id: z.string(),
  name: z.string().nullable(),
  detail: z.string().nullable(),
  entities: z.array(z.string()).meta({ description: 'The case entities it involves' }),
});

export const CaseTimelineSchema = z
  .object({
    entries: z.array(TimelineEntrySchema),
    truncated: z
      .boolean()
      .meta({ description: 'True when more than the limit were found; the earliest are kept' }),
    empty: z.string().nullable().meta({ description: 'Why there is nothing, when there is nothing' }),
  })
  .meta({ id: 'CaseTimeline', description: 'Events, payments and journeys of the case entities, by date' });
export type CaseTimeline = z.infer<typeof CaseTimelineSchema>;
