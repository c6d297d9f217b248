/**
 * The result shapes of the findings (money, documents, routes, vessels, identity, gaps) and of the
 * money trace, one zod schema each; analysis-results.ts puts them together into the parts a run
 * serves.
 */
import { z } from 'zod';
import { Counts, Id, Ids } from './analysis-structure.ts';

export const GroupFlowSchema = z
  .object({ from: z.string(), to: z.string(), total: z.number(), count: z.number().int(), payments: Ids })
  .meta({ id: 'GroupFlow', description: 'Payments from one group (community or country) to another' });
export type GroupFlow = z.infer<typeof GroupFlowSchema>;

export const TYPOLOGY_KINDS = [
  'fan-out',
  'fan-in',
  'cycle',
  'scatter-gather',
  'gather-scatter',
  'stack',
  'bipartite',
  'pass-through',
  'structuring',
  'hawala-offsetting',
] as const;

export const TypologyHitSchema = z
  .object({
    kind: z.enum(TYPOLOGY_KINDS),
    parties: Ids.meta({ description: "The parties; the first is the pattern's focus where there is one" }),
    payments: Ids,
    total: z.number(),
    from: z.string().meta({ description: 'Earliest payment date' }),
    to: z.string().meta({ description: 'Latest payment date' }),
  })
  .meta({ id: 'TypologyHit' });
export type TypologyHit = z.infer<typeof TypologyHitSchema>;

export const MoneyReportSchema = z
  .object({
    currency: z.string(),
    transfers: z.number().int(),
    total: z.number(),
    incomplete: z.array(
      z.object({
        payment: Id,
        reason: z.enum(['no payer', 'no receiver', 'several payers', 'several receivers', 'no date']),
      }),
    ),
    unconverted: z.array(
      z.object({
        payment: Id,
        currency: z.string(),
        date: z.string(),
        reason: z.enum(['no amount', 'no currency', 'unknown currency', 'no rate on date']),
      }),
    ),
    flows: z.object({ communities: z.array(GroupFlowSchema), countries: z.array(GroupFlowSchema) }),
    typologies: z.array(TypologyHitSchema),
  })
  .meta({ id: 'MoneyReport' });
export type MoneyReport = z.infer<typeof MoneyReportSchema>;

export const DocumentAnalysisSchema = z
  .object({
    shared: z.array(z.object({ document: Id, people: Ids })),
    compromised: z.array(z.object({ document: Id, status: z.string(), people: Ids })),
    multipleIdentities: z.array(
      z.object({
        person: Id,
        kind: z.string(),
        documents: Ids,
        countries: z.array(z.string()),
        holderNames: z.array(z.string()),
      }),
    ),
    series: z.array(z.object({ issuingCountry: z.string(), prefix: z.string(), documents: Ids })),
  })
  .meta({ id: 'DocumentAnalysis' });

export const HotspotSchema = z
  .object({
    location: Id,
    name: z.string().optional(),
    journeys: z.number().int(),
    routes: Ids,
    syndicates: Ids,
    events: z.number().int(),
    incidents: Counts,
    deaths: z.number(),
    score: z.number().meta({ description: 'A ranking aid, never a threat grade' }),
  })
  .meta({ id: 'Hotspot' });
export type Hotspot = z.infer<typeof HotspotSchema>;

const RouteChangeSchema = z
  .object({
    source: Id,
    destination: Id,
    before: z.array(Ids),
    after: z.array(Ids),
    routes: z.object({ before: Ids, after: Ids }),
  })
  .meta({ id: 'RouteChange' });

export const RoutesReportSchema = z
  .object({
    paths: z.array(z.object({ route: Id, places: Ids })),
    hotspots: z.array(HotspotSchema),
    changes: z
      .object({
        appeared: z.array(RouteChangeSchema),
        shifted: z.array(RouteChangeSchema),
        faded: z.array(RouteChangeSchema),
        stable: z.array(RouteChangeSchema),
      })
      .optional(),
  })
  .meta({ id: 'RoutesReport' });

const InvolvementShape = { events: Ids, payments: Ids };

export const VesselAnalysisSchema = z
  .object({
    histories: z.array(
      z.object({
        ...InvolvementShape,
        vessel: Id,
        name: z.string().optional(),
        pastNames: z.array(z.string()),
        flag: z.string().optional(),
        pastFlags: z.array(z.string()),
        renamed: z.boolean(),
        reflagged: z.boolean(),
      }),
    ),
    sharedIdentifiers: z.array(
      z.object({
        ...InvolvementShape,
        entityType: z.string(),
        key: z.string(),
        value: z.string(),
        nodes: Ids,
      }),
    ),
  })
  .meta({ id: 'VesselAnalysis' });

export const DuplicateCandidateSchema = z
  .object({ a: Id, b: Id, score: z.number(), reasons: z.array(z.string()) })
  .meta({ id: 'DuplicateCandidate' });
export type DuplicateCandidate = z.infer<typeof DuplicateCandidateSchema>;

export const IdentityResultSchema = z
  .object({
    persons: z.array(DuplicateCandidateSchema),
    identifiers: z.array(
      z.object({ entityType: z.string(), key: z.string(), value: z.string(), nodes: Ids }),
    ),
  })
  .meta({ id: 'IdentityCandidates' });

export const IntelligenceGapsSchema = z
  .object({
    weakLinks: z.array(
      z.object({
        edge: z.string(),
        source: Id,
        target: Id,
        linkType: z.string(),
        reasons: z.array(z.enum(['single source', 'no source', 'no grade'])),
      }),
    ),
    noPaymentChannel: Ids,
    legsWithoutTransport: z.array(z.object({ route: Id, from: Id, to: Id })),
    leaderless: Ids,
    paymentsWithUnknownParty: z.array(
      z.object({ payment: Id, missing: z.array(z.enum(['payer', 'receiver'])) }),
    ),
    silences: z.array(z.object({ person: Id, from: z.string(), to: z.string(), days: z.number() })),
  })
  .meta({ id: 'IntelligenceGaps' });

/** `GET /api/analyses/trace`: the money followed from (or back into) a party, respecting time. */
export const MoneyTraceSchema = z
  .object({
    from: Id,
    direction: z.enum(['forward', 'backward']),
    currency: z.string().meta({ description: 'The currency amounts are converted into' }),
    paths: z.array(
      z.object({
        hops: z.array(
          z.object({ payment: Id, from: Id, to: Id, amount: z.number().nullable(), date: z.string() }),
        ),
        amount: z.number().nullable().meta({ description: "The path's bottleneck: its least converted hop" }),
      }),
    ),
    totals: z.array(
      z.object({ party: Id, total: z.number(), payments: z.number().int(), hops: z.number().int() }),
    ),
    truncated: z.boolean().meta({ description: 'More paths exist than maxPaths; totals count every path' }),
  })
  .meta({ id: 'MoneyTrace' });
export type MoneyTrace = z.infer<typeof MoneyTraceSchema>;
