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

/** How the web app drew a node: position, size and colour, written into a view's GEXF. */
const NodeDrawingSchema = z.strictObject({
  x: z.number().finite(),
  y: z.number().finite(),
  size: z.number().finite().nonnegative(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb'),
});

/** The GEXF versions written: 1.2 (the default, read by Gephi and networkx 2.8) and 1.3. */
export const GEXF_VERSIONS = ['1.2', '1.3'] as const;
export type GexfVersion = (typeof GEXF_VERSIONS)[number];

export const ViewGexfBodySchema = ViewExportBodySchema.omit({ format: true })
  .extend({
    gexfVersion: z
      .enum(GEXF_VERSIONS, { error: `use ${GEXF_VERSIONS.join(' or ')}` })
      .default('1.2')
      .meta({ description: '1.2 (default; Gephi and networkx read it) or 1.3' }),
    drawing: z.record(IdParam, NodeDrawingSchema).optional().meta({
      description: 'How each entity is drawn, by id: written as GEXF viz colour, size and position',
    }),
  })
  .refine((body) => body.drawing === undefined || Object.keys(body.drawing).length <= body.entities.length, {
    path: ['drawing'],
    message: 'draw only the entities named in `entities`',
  });
export type ViewGexfBody = z.output<typeof ViewGexfBodySchema>;
