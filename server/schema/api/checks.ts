/**
 * API payloads of the front-line checks, in the manner of INTERPOL's SLTD (stolen and lost travel
 * documents) and vessel queries at a border point: is this document or vessel known, is it flagged,
 * and which cases and people the caller may see are linked to it.
 */
import { z } from 'zod';
import { ENTITY_LABELS, GRADING_SCHEMES, HANDLING_CODES } from '../model.ts';

/** Document statuses that call for action at a border. */
export const DOCUMENT_ALERT_STATUSES = [
  'stolen',
  'lost',
  'forged',
  'fraudulently obtained',
  'impostor use',
] as const;
/** Vessel statuses that call for action. */
export const VESSEL_ALERT_STATUSES = ['suspect', 'stolen'] as const;

export const DocumentCheckQuerySchema = z.strictObject({
  number: z
    .string()
    .min(1)
    .max(100)
    .meta({ description: 'As printed; spaces, dashes, dots and case do not matter' }),
  country: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'Issuing country: code or English name' }),
});
export type DocumentCheckQuery = z.infer<typeof DocumentCheckQuerySchema>;

export const VesselCheckQuerySchema = z
  .strictObject({
    imo: z.string().min(1).max(20).optional(),
    mmsi: z.string().min(1).max(20).optional(),
    name: z.string().min(1).max(200).optional().meta({ description: 'Current or past name' }),
  })
  .refine(
    (query) => [query.imo, query.mmsi, query.name].filter((value) => value !== undefined).length === 1,
    'give exactly one of imo, mmsi or name',
  );
export type VesselCheckQuery = z.infer<typeof VesselCheckQuerySchema>;

const LinkedCaseSchema = z.object({ id: z.string(), name: z.string().nullable() });

const LinkedPersonSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  link: z.string().meta({ description: 'How the person is linked: HOLDS, USED, OWNS...' }),
  roles: z.array(z.string()),
  status: z.string().nullable(),
});

export const CheckMatchSchema = z
  .object({
    id: z.string(),
    type: z.enum(ENTITY_LABELS),
    name: z.string().nullable(),
    status: z.string().nullable(),
    alert: z
      .boolean()
      .meta({ description: 'Whether the status calls for action (stolen, lost, forged, suspect...)' }),
    matchedOn: z.enum(['number', 'imo', 'mmsi', 'name', 'pastName']),
    identifiers: z.record(z.string(), z.unknown()),
    grade: z.string().nullable(),
    gradeScheme: z.enum(GRADING_SCHEMES).nullable(),
    handling: z.enum(HANDLING_CODES),
    cases: z.array(LinkedCaseSchema),
    people: z.array(LinkedPersonSchema),
  })
  .meta({ id: 'CheckMatch', description: 'A known document or vessel matching a check' });
export type CheckMatch = z.infer<typeof CheckMatchSchema>;

export const CheckResultSchema = z
  .object({
    known: z.boolean(),
    alert: z.boolean(),
    query: z.record(z.string(), z.string()).meta({ description: 'The query as normalised' }),
    matches: z.array(CheckMatchSchema),
  })
  .meta({ id: 'CheckResult', description: 'Whether a document or vessel is known, flagged, and linked' });
export type CheckResult = z.infer<typeof CheckResultSchema>;
