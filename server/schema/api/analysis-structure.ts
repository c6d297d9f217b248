/**
 * The result shapes of the structure analyses (communities, centrality, brokers, disruption, crime
 * links), one zod schema each; analysis-results.ts puts them together into the parts a run serves.
 */
import { z } from 'zod';

/** An entity id, as results mention them. */
export const Id = z.string().meta({ description: 'An entity id' });
export const Ids = z.array(Id);
/** Counts by key (entity type, role, country, category, currency). */
export const Counts = z.record(z.string(), z.number());

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
