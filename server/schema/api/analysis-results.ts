/**
 * The analyses' results, one zod schema per shape: the server's result type is inferred from them
 * (server/analyses/types.ts), the web app imports that type (types only), and the OpenAPI document
 * describes each part `GET /api/analyses/runs/{id}/results/{part}` serves with them. The analysis
 * functions (analysis/) keep their own interfaces, since analysis/ never imports server/; the
 * compiler holds them to these schemas where the service puts their answers into a result.
 */
import { z } from 'zod';

/** The analyses of the set, in the order they run. */
export const ANALYSIS_NAMES = [
  'communities',
  'centrality',
  'brokers',
  'disruption',
  'crime-links',
  'money',
  'documents',
  'routes',
  'vessels',
  'identity',
  'gaps',
] as const;
export type AnalysisName = (typeof ANALYSIS_NAMES)[number];

const Id = z.string().meta({ description: 'An entity id' });
const Ids = z.array(Id);
const Counts = z.record(z.string(), z.number());

export const KeyPlayerSchema = z
  .object({
    id: Id,
    rank: z.number().int().min(1),
    score: z.number(),
    entityType: z.string().optional(),
    name: z.string().optional(),
    roles: z.array(z.string()),
  })
  .meta({ id: 'KeyPlayer', description: 'An entity ranked by a score; smuggled persons are never listed' });

export const CommunitySummarySchema = z
  .object({
    name: z.string().meta({ description: 'Its syndicate organisation, else its key members' }),
    byEntityType: Counts,
    byRole: Counts,
    keyMembers: z.array(KeyPlayerSchema),
    countries: Counts,
    routes: z.array(z.object({ id: Id, name: z.string().optional() })),
    crimeCategories: Counts,
    money: z.object({ payments: z.number().int(), in: Counts, out: Counts, internal: Counts }),
  })
  .meta({ id: 'CommunitySummary' });

export const CommunityReportSchema = z
  .object({
    id: z.number().int(),
    size: z.number().int(),
    contribution: z.number().meta({ description: "The community's share of the modularity" }),
    members: Ids,
    summary: CommunitySummarySchema,
  })
  .meta({ id: 'CommunityReport' });
export type CommunityReport = z.infer<typeof CommunityReportSchema>;

export const CellReportSchema = CommunityReportSchema.extend({
  parent: z.number().int().meta({ description: 'The community the cell lies in' }),
}).meta({ id: 'CellReport', description: 'A community of the second level, inside the community `parent`' });
export type CellReport = z.infer<typeof CellReportSchema>;

export const EntityScoresSchema = z
  .object({
    community: z.number().int().optional(),
    cell: z.number().int().optional(),
    degree: z.number().optional(),
    weightedDegree: z.number().optional(),
    betweenness: z.number().optional(),
    pagerank: z.number().optional(),
    eigenvector: z.number().optional(),
    closeness: z.number().optional(),
  })
  .meta({
    id: 'EntityScores',
    description: 'The scores of one entity; a step left out leaves its fields out',
  });
export type EntityScores = z.infer<typeof EntityScoresSchema>;

export const KeyPlayerReportSchema = KeyPlayerSchema.extend({
  community: z.number().int().optional(),
  degree: z.number(),
  pagerank: z.number(),
}).meta({ id: 'KeyPlayerReport' });
export type KeyPlayerReport = z.infer<typeof KeyPlayerReportSchema>;

export const BrokerSchema = z
  .object({
    id: Id,
    rank: z.number().int().min(1),
    betweenGroups: z.number(),
    participation: z.number(),
    communitiesReached: z.number().int(),
  })
  .meta({ id: 'Broker' });
export type Broker = z.infer<typeof BrokerSchema>;

export const CutPointSchema = z.object({ id: Id, pieces: z.number().int() }).meta({ id: 'CutPoint' });

const NetworkStateSchema = z
  .object({ largestComponent: z.number().int(), components: z.number().int(), moneyPaths: z.number().int() })
  .meta({ id: 'NetworkState' });

export const DisruptionSchema = z
  .object({
    removed: z.array(z.object({ id: Id, step: z.number().int(), score: z.number().nullable() })),
    before: NetworkStateSchema,
    after: NetworkStateSchema,
    communitiesSplit: z.array(z.object({ id: z.number().int(), pieces: z.number().int() })),
    moneyPathsCut: z.array(z.object({ payer: Id, payee: Id })),
  })
  .meta({ id: 'Disruption' });
export type Disruption = z.infer<typeof DisruptionSchema>;

export const CrimeLinkSchema = z
  .object({
    category: z.string(),
    distance: z.number().int().nullable().meta({ description: 'Fewest hops to an offence; null: none' }),
    pathCount: z.number().int(),
    capped: z.boolean().meta({ description: 'Counting stopped early: pathCount is a lower bound' }),
    offences: Ids,
    evidence: z.array(
      z.object({
        nodes: Ids,
        hops: z.array(
          z.array(
            z.object({
              linkType: z.string(),
              grade: z.string().optional(),
              gradeScheme: z.string().optional(),
            }),
          ),
        ),
      }),
    ),
  })
  .meta({ id: 'CrimeLink' });

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

export const RunParametersSchema = z
  .object({
    only: z.array(z.enum(ANALYSIS_NAMES)),
    method: z.enum(['leiden', 'louvain']),
    resolution: z.number(),
    seed: z.number().int(),
    limit: z.number().int(),
    currency: z.string(),
  })
  .meta({ id: 'AnalysisRunParameters' });

/** The fields of each result part; a part holds those one or two steps wrote. */
const PART_SHAPES = {
  communities: {
    modularity: z.number().optional(),
    communities: z.array(CommunityReportSchema).optional(),
    cells: z.array(CellReportSchema).optional().meta({ description: 'Cells inside the communities' }),
    unassigned: Ids.optional().meta({ description: 'Entities in no community' }),
  },
  brokers: {
    keyPlayers: z.array(KeyPlayerReportSchema).optional(),
    brokers: z.array(BrokerSchema).optional(),
    cutPoints: z.array(CutPointSchema).optional(),
  },
  centrality: {
    keyPlayers: z.array(KeyPlayerReportSchema).optional(),
    entities: z.record(z.string(), EntityScoresSchema).meta({ description: 'Scores by entity id' }),
  },
  disruption: { disruption: DisruptionSchema.optional() },
  'crime-links': {
    crimeLinks: z
      .object({
        categories: z.array(z.string()),
        communities: z.array(z.object({ community: z.number().int(), links: z.array(CrimeLinkSchema) })),
      })
      .optional(),
  },
  money: { money: MoneyReportSchema.optional() },
  documents: { documents: DocumentAnalysisSchema.optional() },
  routes: { routes: RoutesReportSchema.optional() },
  vessels: { vessels: VesselAnalysisSchema.optional() },
  identity: { identityCandidates: IdentityResultSchema.optional() },
  gaps: { gaps: IntelligenceGapsSchema.optional() },
} as const;

const partName = (part: string) =>
  `AnalysisPart${part.replace(/(^|-)(.)/g, (_m, _dash, c: string) => c.toUpperCase())}`;

/** One schema per result part, as `GET /api/analyses/runs/{id}/results/{part}` serves it. */
export const RESULT_PART_SCHEMAS = {
  communities: z.object(PART_SHAPES.communities).meta({ id: partName('communities') }),
  brokers: z.object(PART_SHAPES.brokers).meta({ id: partName('brokers') }),
  centrality: z.object(PART_SHAPES.centrality).meta({ id: partName('centrality') }),
  disruption: z.object(PART_SHAPES.disruption).meta({ id: partName('disruption') }),
  'crime-links': z.object(PART_SHAPES['crime-links']).meta({ id: partName('crime-links') }),
  money: z.object(PART_SHAPES.money).meta({ id: partName('money') }),
  documents: z.object(PART_SHAPES.documents).meta({ id: partName('documents') }),
  routes: z.object(PART_SHAPES.routes).meta({ id: partName('routes') }),
  vessels: z.object(PART_SHAPES.vessels).meta({ id: partName('vessels') }),
  identity: z.object(PART_SHAPES.identity).meta({ id: partName('identity') }),
  gaps: z.object(PART_SHAPES.gaps).meta({ id: partName('gaps') }),
} as const satisfies Record<AnalysisName, z.ZodObject>;
export type ResultPart = keyof typeof RESULT_PART_SCHEMAS;
export type ResultPartOf<P extends ResultPart> = z.infer<(typeof RESULT_PART_SCHEMAS)[P]>;

/** The whole result of a run: what `ariadne analyse --json` prints and the report reads. */
export const AnalysisResultSchema = z
  .object({
    graph: z.object({ entities: z.number().int(), links: z.number().int() }),
    parameters: RunParametersSchema,
    ...PART_SHAPES.communities,
    ...PART_SHAPES.brokers,
    ...PART_SHAPES.centrality,
    ...PART_SHAPES.disruption,
    ...PART_SHAPES['crime-links'],
    ...PART_SHAPES.money,
    ...PART_SHAPES.documents,
    ...PART_SHAPES.routes,
    ...PART_SHAPES.vessels,
    ...PART_SHAPES.identity,
    ...PART_SHAPES.gaps,
  })
  .meta({ id: 'AnalysisResult' });
export type AnalysisResult = z.infer<typeof AnalysisResultSchema>;

/** `GET /api/analyses/runs/{id}/results/labels`: names and places of the entities a result mentions. */
export const RunLabelsSchema = z
  .object({
    names: z.record(z.string(), z.string()),
    places: z.record(z.string(), z.object({ name: z.string(), lat: z.number(), lon: z.number() })),
  })
  .meta({ id: 'AnalysisRunLabels' });
export type RunLabels = z.infer<typeof RunLabelsSchema>;

/** The headline figures a finished run's status carries. */
export const RunSummarySchema = z
  .object({
    graph: AnalysisResultSchema.shape.graph,
    parameters: RunParametersSchema,
    modularity: z.number().nullable(),
    communities: z.number().int().nullable(),
    keyPlayers: z.array(z.object({ id: Id, name: z.string().nullable(), rank: z.number().int() })).nullable(),
    brokers: z.number().int().nullable(),
    typologies: z.number().int().nullable(),
    transfers: z.number().int().nullable(),
    crimeCategories: z.array(z.string()).nullable(),
    hotspots: z.number().int().nullable(),
    identityCandidates: z.number().int().nullable(),
    runId: z.string().nullable().meta({ description: 'The AnalysisRun recorded; null for a "what if" run' }),
    whatIf: z.boolean(),
  })
  .meta({ id: 'AnalysisRunSummary' });
export type RunSummary = z.infer<typeof RunSummarySchema>;

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
