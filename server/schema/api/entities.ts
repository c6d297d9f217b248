/**
 * API payloads for entities and cases: search parameters and results, one entity with its sources and
 * relations, and the bodies that create, change and retract an entity. Query strings arrive as text
 * (or lists of text when a parameter repeats) and are parsed here into typed values.
 */
import { z } from 'zod';
import { ENTITY_LABELS, GRADING_SCHEMES, HANDLING_CODES, LINK_TYPES } from '../model.ts';
import { matchEntityLabel, matchLinkType } from '../record-input.ts';

/** Sort orders of a search: by relevance (the default with `q`), by name, or newest change first. */
export const ENTITY_SORTS = ['relevance', 'name', 'updated'] as const;
export type EntitySort = (typeof ENTITY_SORTS)[number];

/** A list parameter: repeated (`type=A&type=B`) or comma-separated (`type=A,B`). */
function listParam<T extends string>(match: (text: string) => T | undefined, what: string) {
  return z
    .union([z.string().max(2_000), z.array(z.string().max(200)).max(50)])
    .transform((value, context) => {
      const items = (Array.isArray(value) ? value : [value])
        .flatMap((item) => item.split(','))
        .map((item) => item.trim())
        .filter((item) => item !== '');
      const out: T[] = [];
      for (const item of items) {
        const matched = match(item);
        if (matched === undefined) {
          context.addIssue({
            code: 'custom',
            message: `${JSON.stringify(item.slice(0, 80))} is not ${what}`,
          });
          return z.NEVER;
        }
        if (!out.includes(matched)) out.push(matched);
      }
      return out;
    });
}

/** Entity labels, matched regardless of case. */
export const EntityTypesParam = listParam(
  matchEntityLabel,
  `an entity type: use ${ENTITY_LABELS.join(', ')}`,
).meta({ description: 'Entity types, repeated or comma-separated' });

/** Link types, matched regardless of case and separators. */
export const LinkTypesParam = listParam(matchLinkType, `a link type: use ${LINK_TYPES.join(', ')}`).meta({
  description: 'Link types, repeated or comma-separated',
});

/** A whole number given as text, within bounds. */
export function intParam(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** `true` or `false` as text. */
export const BooleanParam = z.enum(['true', 'false']).transform((value) => value === 'true');

/** A calendar date as text. */
export const DateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2024-05-01');

/** An id in a path or query. */
export const IdParam = z.string().min(1).max(512);

/** The minimum source reliability: a value of a scheme (`B`, `2`) or one scheme's (`uk:2`). */
export const MinSourceParam = z
  .string()
  .regex(
    /^((europol|uk|admiralty):)?[A-FX1-3]$/,
    'must be a source value such as "B" (Europol or Admiralty) or "uk:2", optionally prefixed by its scheme',
  );

export const EntitySearchQuerySchema = z.strictObject({
  q: z.string().max(200).optional().meta({ description: 'Words to find in names, aliases and identifiers' }),
  type: EntityTypesParam.optional(),
  case: IdParam.optional().meta({ description: 'Only entities PART_OF this case' }),
  since: DateParam.optional().meta({ description: 'Only entities seen on or after this date' }),
  until: DateParam.optional().meta({ description: 'Only entities seen on or before this date' }),
  minSource: MinSourceParam.optional(),
  limit: intParam(1, 100).default(20),
  offset: intParam(0, 10_000).default(0),
  sort: z.enum(ENTITY_SORTS).optional(),
  includeRetracted: BooleanParam.optional(),
});
export type EntitySearchQuery = z.output<typeof EntitySearchQuerySchema>;

export const SuggestQuerySchema = z.strictObject({
  prefix: z.string().min(1).max(100),
  limit: intParam(1, 20).default(10),
});

export const EntityIdParamsSchema = z.strictObject({ id: IdParam });

const grading = {
  grade: z.string().nullable(),
  gradeScheme: z.enum(GRADING_SCHEMES).nullable(),
  handling: z.enum(HANDLING_CODES),
};

/** What tells namesakes apart in a list of results (with the id): a person's birth date and nationalities. */
const namesake = {
  birthDate: z.string().nullable().meta({ description: 'A person’s birth date, to tell namesakes apart' }),
  nationalities: z
    .array(z.string())
    .meta({ description: 'A person’s nationalities (ISO codes); empty if none' }),
};

export const EntitySummarySchema = z
  .object({
    id: z.string(),
    type: z.enum(ENTITY_LABELS),
    name: z.string().nullable(),
    retracted: z.boolean(),
    ...namesake,
    ...grading,
  })
  .meta({ id: 'EntitySummary', description: 'An entity as a search lists it' });
export type EntitySummary = z.infer<typeof EntitySummarySchema>;

export const EntitySearchResultSchema = z
  .object({
    total: z.number().int().meta({ description: 'Visible matches in all, not only this page' }),
    limit: z.number().int(),
    offset: z.number().int(),
    truncated: z.boolean().meta({
      description:
        'A search without words reads the first 1,000 visible entities by id: true when there were more (total then counts those read)',
    }),
    items: z.array(EntitySummarySchema),
  })
  .meta({ id: 'EntitySearchResult' });
export type EntitySearchResult = z.infer<typeof EntitySearchResultSchema>;

export const SuggestionsSchema = z
  .object({
    suggestions: z.array(
      z.object({ id: z.string(), type: z.enum(ENTITY_LABELS), name: z.string().nullable(), ...namesake }),
    ),
  })
  .meta({ id: 'Suggestions', description: 'Type-ahead matches for a prefix' });
export type Suggestions = z.infer<typeof SuggestionsSchema>;

export const SourceRefSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    reference: z.string().nullable(),
    agency: z.string().nullable(),
    country: z.string().nullable(),
    date: z.string().nullable(),
    ...grading,
  })
  .meta({ id: 'SourceRef', description: 'A Source entity behind a record, with its grade' });
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const RelatedEntitySchema = z.object({
  linkId: z.string(),
  id: z.string(),
  type: z.enum(ENTITY_LABELS),
  name: z.string().nullable(),
  ...grading,
});
export type RelatedEntity = z.infer<typeof RelatedEntitySchema>;

export const RelationGroupSchema = z
  .object({
    type: z.enum(LINK_TYPES),
    direction: z.enum(['out', 'in']),
    count: z.number().int().meta({ description: 'Visible links of this type and direction' }),
    items: z.array(RelatedEntitySchema).meta({ description: 'The first links, by the other end' }),
  })
  .meta({ id: 'RelationGroup' });
export type RelationGroup = z.infer<typeof RelationGroupSchema>;

export const EntityDetailSchema = z
  .object({
    id: z.string(),
    type: z.enum(ENTITY_LABELS),
    version: z.number().int(),
    retracted: z.boolean(),
    properties: z.record(z.string(), z.unknown()),
    sources: z.array(SourceRefSchema),
    relations: z.array(RelationGroupSchema),
  })
  .meta({ id: 'EntityDetail', description: 'An entity with its properties, version, sources and relations' });
export type EntityDetail = z.infer<typeof EntityDetailSchema>;

export const CreateEntityBodySchema = z
  .strictObject({
    type: z.string().max(100),
    properties: z.record(z.string().max(100), z.unknown()),
  })
  .meta({
    id: 'NewEntity',
    description: 'An entity to create: its type and properties, validated as in an import',
  });
export type CreateEntityBody = z.infer<typeof CreateEntityBodySchema>;

export const PatchEntityBodySchema = z
  .strictObject({
    properties: z
      .record(z.string().max(100), z.unknown())
      .meta({ description: 'Properties to set; null removes one' }),
  })
  .meta({ id: 'EntityPatch' });
export type PatchEntityBody = z.infer<typeof PatchEntityBodySchema>;

export const RetractBodySchema = z
  .strictObject({ reason: z.string().trim().min(1).max(2_000) })
  .meta({ id: 'Retraction', description: 'Why the entity is withdrawn' });

export const CaseSummarySchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    status: z.string().nullable(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    agencies: z.array(z.string()),
    ...grading,
    counts: z.object({
      total: z.number().int().meta({ description: 'Visible entities PART_OF the case' }),
      byType: z.record(z.string(), z.number().int()),
    }),
  })
  .meta({ id: 'CaseSummary', description: 'A case with the counts of its entities the caller may see' });
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseListSchema = z.object({ cases: z.array(CaseSummarySchema) }).meta({ id: 'CaseList' });

export const CaseDetailSchema = CaseSummarySchema.extend({
  properties: z.record(z.string(), z.unknown()),
}).meta({ id: 'CaseDetail' });
export type CaseDetail = z.infer<typeof CaseDetailSchema>;
