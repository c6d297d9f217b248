/**
 * API payloads of watches: what an analyst watches (an entity, an identifier that may not be in the
 * data yet, or a pattern from a fixed list with its parameters), for what purpose, until when, and
 * with whom it is shared. A watch's review date is at most twelve months ahead, as data-protection
 * rules for police data ask; past it the watch stops matching until its owner renews it with a reason.
 */
import { z } from 'zod';
import { HANDLING_CODES } from '../model.ts';
import { IdParam } from './entities.ts';
import { UsernameSchema } from './users.ts';

/** Identifier schemes an identifier watch may name. */
export const IDENTIFIER_SCHEMES = ['document', 'imo', 'mmsi', 'iban', 'wallet', 'phone', 'name'] as const;
export type IdentifierScheme = (typeof IDENTIFIER_SCHEMES)[number];

/** The fixed list of patterns. */
export const WATCH_PATTERNS = [
  'new-link',
  'payment-over',
  'document-reused',
  'vessel-renamed',
  'typology-hit',
  'person-on-route',
  'community-link',
] as const;
export type WatchPattern = (typeof WATCH_PATTERNS)[number];

/** The furthest a review date may lie ahead, in months. */
export const MAX_REVIEW_MONTHS = 12;

const DateText = z.iso.date().meta({ description: 'A date, YYYY-MM-DD' });

const common = {
  purpose: z
    .string()
    .trim()
    .min(3)
    .max(2_000)
    .meta({ description: 'Why this is watched; recorded in the audit trail' }),
  label: z.string().trim().min(1).max(200).optional().meta({ description: 'A short name for the inbox' }),
  expiresAt: DateText.optional().meta({ description: 'The watch ends after this day' }),
  reviewBy: DateText.optional().meta({
    description: `Review date, at most ${MAX_REVIEW_MONTHS} months ahead (default: ${MAX_REVIEW_MONTHS} months)`,
  }),
  sharedWith: z.array(UsernameSchema).max(50).default([]).meta({
    description: 'Users who also receive its alerts, each only those whose records they may see',
  }),
  webhook: z
    .strictObject({ url: z.url({ protocol: /^https?$/ }).max(2_000) })
    .optional()
    .meta({ description: 'Deliveries signed with the watch secret; loopback or a configured host only' }),
};

const EntityWatchSchema = z.strictObject({
  kind: z.literal('entity'),
  entity: IdParam.meta({ description: 'The id of an entity you may see' }),
  ...common,
});

const IdentifierWatchSchema = z
  .strictObject({
    kind: z.literal('identifier'),
    scheme: z.enum(IDENTIFIER_SCHEMES),
    value: z.string().min(1).max(1_000),
    country: z.string().min(1).max(100).optional().meta({ description: 'Issuing country (documents)' }),
    transliterations: z
      .array(z.string().min(1).max(1_000))
      .max(20)
      .optional()
      .meta({ description: 'Other spellings of a name' }),
    ...common,
  })
  .refine((w) => w.scheme !== 'document' || w.country !== undefined, {
    path: ['country'],
    message: 'a document watch needs the issuing country',
  })
  .refine((w) => w.scheme === 'name' || w.transliterations === undefined, {
    path: ['transliterations'],
    message: 'only a name has transliterations',
  });

const EntityList = z.array(IdParam).min(1).max(50);

const PatternWatchSchema = z.discriminatedUnion('pattern', [
  z.strictObject({
    kind: z.literal('pattern'),
    pattern: z.literal('new-link'),
    entities: EntityList.min(2).meta({ description: 'A new link between any two of these alerts' }),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('pattern'),
    pattern: z.literal('payment-over'),
    account: IdParam.meta({ description: 'The watched account (or party)' }),
    amount: z.number().nonnegative().max(1e15),
    currency: z.string().length(3).optional().meta({ description: 'Only payments in this currency' }),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('pattern'),
    pattern: z.literal('document-reused'),
    country: z.string().min(1).max(100).optional().meta({ description: 'Only documents of this country' }),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('pattern'),
    pattern: z.literal('vessel-renamed'),
    vessel: IdParam.optional().meta({ description: 'Only this vessel (default: any you may see)' }),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('pattern'),
    pattern: z.literal('typology-hit'),
    entities: EntityList.meta({ description: 'A typology hit touching any of these alerts' }),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('pattern'),
    pattern: z.literal('person-on-route'),
    route: IdParam.meta({
      description:
        'The watched Route: a new person travelling it alerts (never a smuggled person or a witness)',
    }),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('pattern'),
    pattern: z.literal('community-link'),
    entity: IdParam.meta({
      description:
        "A member of the watched community (the latest analysis run's, within your clearance): a new link from outside into it alerts",
    }),
    ...common,
  }),
]);

export const NewWatchSchema = z
  .union([EntityWatchSchema, IdentifierWatchSchema, PatternWatchSchema])
  .meta({ id: 'NewWatch', description: 'A watch on an entity, an identifier or a pattern' });
export type NewWatch = z.output<typeof NewWatchSchema>;

export const WatchSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['entity', 'identifier', 'pattern']),
    label: z.string().nullable(),
    owner: z.string(),
    purpose: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    reviewBy: z.string(),
    sharedWith: z.array(z.string()),
    active: z.boolean(),
    inactiveReason: z.enum(['expired', 'review due']).nullable(),
    clearance: z.object({ handling: z.array(z.enum(HANDLING_CODES)), agency: z.string().nullable() }),
    parameters: z.record(z.string(), z.unknown()).meta({ description: 'What it watches, as given' }),
    webhook: z.object({ url: z.string() }).nullable(),
  })
  .meta({ id: 'Watch', description: 'A watch, as its owner and the users it is shared with see it' });
export type Watch = z.infer<typeof WatchSchema>;

export const WatchListSchema = z.object({ watches: z.array(WatchSchema) }).meta({ id: 'WatchList' });

export const CreatedWatchSchema = WatchSchema.extend({
  webhookSecret: z.string().nullable().meta({ description: 'Shown once: the key of the HMAC signature' }),
}).meta({ id: 'CreatedWatch' });
export type CreatedWatch = z.infer<typeof CreatedWatchSchema>;

export const RenewWatchSchema = z
  .strictObject({
    reason: z.string().trim().min(3).max(2_000),
    reviewBy: DateText.optional(),
  })
  .meta({ id: 'RenewWatch', description: 'Why the watch is still needed, and its next review date' });

export const WatchIdParamsSchema = z.strictObject({ id: IdParam });
