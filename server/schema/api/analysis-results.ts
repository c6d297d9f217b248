/**
 * The analyses' results, one zod schema per shape: the server's result type is inferred from them
 * (server/runner/types.ts), the web app imports that type (types only), and the OpenAPI document
 * describes each part `GET /api/analyses/runs/{id}/results/{part}` serves with them. The analysis
 * functions (analysis/) keep their own interfaces, since analysis/ never imports server/; the
 * compiler holds them to these schemas where the service puts their answers into a result. The
 * shapes themselves are in analysis-structure.ts and analysis-findings.ts.
 */
import { z } from 'zod';
import {
  DocumentAnalysisSchema,
  IdentityResultSchema,
  IntelligenceGapsSchema,
  MoneyReportSchema,
  RoutesReportSchema,
  VesselAnalysisSchema,
} from './analysis-findings.ts';
import {
  BrokerSchema,
  CellReportSchema,
  CommunityReportSchema,
  CrimeLinkSchema,
  CutPointSchema,
  DisruptionSchema,
  EntityScoresSchema,
  Id,
  Ids,
  KeyPlayerReportSchema,
} from './analysis-structure.ts';

export {
  DocumentAnalysisSchema,
  DuplicateCandidateSchema,
  GroupFlowSchema,
  HotspotSchema,
  IdentityResultSchema,
  IntelligenceGapsSchema,
  MoneyReportSchema,
  MoneyTraceSchema,
  RoutesReportSchema,
  TYPOLOGY_KINDS,
  TypologyHitSchema,
  VesselAnalysisSchema,
} from './analysis-findings.ts';
export type {
  DuplicateCandidate,
  GroupFlow,
  Hotspot,
  MoneyReport,
  MoneyTrace,
  TypologyHit,
} from './analysis-findings.ts';
export {
  BrokerSchema,
  CellReportSchema,
  CommunityReportSchema,
  CommunitySummarySchema,
  CrimeLinkSchema,
  CutPointSchema,
  DisruptionSchema,
  EntityScoresSchema,
  KeyPlayerReportSchema,
  KeyPlayerSchema,
} from './analysis-structure.ts';
export type {
  Broker,
  CellReport,
  CommunityReport,
  Disruption,
  EntityScores,
  KeyPlayerReport,
} from './analysis-structure.ts';

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
