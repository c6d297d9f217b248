/**
 * API payloads for exports made in the web app: the view's records are named to the server before
 * the file is made, so that the export is audited, marked by the store's reading of what it holds,
 * and held back until an H2 holding's providers are confirmed.
 */
import { z } from 'zod';
import { HANDLING_CODES } from '../model.ts';
import { IdParam } from './entities.ts';

export const VIEW_EXPORT_FORMATS = ['png', 'svg', 'csv', 'gexf'] as const;

/** Most entities and links one view export may name (the web graph reads at most 200,000 nodes). */
export const VIEW_EXPORT_LIMITS = { entities: 200_000, links: 600_000 } as const;

const Provider = z.string().trim().min(1, 'name the providing agency').max(200);

export const ViewExportBodySchema = z.strictObject({
  format: z.enum(VIEW_EXPORT_FORMATS, { error: `use one of ${VIEW_EXPORT_FORMATS.join(', ')}` }),
  entities: z
    .array(IdParam)
    .max(
      VIEW_EXPORT_LIMITS.entities,
      `at most ${VIEW_EXPORT_LIMITS.entities} entities: export a smaller view`,
    )
    .meta({ description: 'The ids of the entities the file holds' }),
  links: z
    .array(IdParam)
    .max(VIEW_EXPORT_LIMITS.links, `at most ${VIEW_EXPORT_LIMITS.links} links: export a smaller view`)
    .default([])
    .meta({ description: 'The ids of the links the file holds (both ends among the entities)' }),
  providerConsent: z.boolean().optional().meta({
    description:
      'H2 material: true confirms that each provider named in `provider` agreed to its dissemination',
  }),
  provider: z
    .array(Provider)
    .max(50)
    .optional()
    .meta({ description: 'H2 material: the providing agencies that agreed' }),
});
export type ViewExportBody = z.output<typeof ViewExportBodySchema>;

export const ViewExportAnswerSchema = z.strictObject({
  handling: z.enum(HANDLING_CODES).meta({ description: 'The strictest handling code the file holds' }),
  text: z.string().meta({ description: 'The marking line to print on the file' }),
  entities: z.number().int(),
  links: z.number().int(),
});
export type ViewExportAnswer = z.output<typeof ViewExportAnswerSchema>;
