/** API payloads of the service's own state: health and counts. */
import { z } from 'zod';

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    reason: z.string().optional(),
  })
  .meta({
    id: 'Health',
    description: 'Liveness of the service and readiness of Neo4j; nothing about the deployment',
  });
export type Health = z.infer<typeof HealthSchema>;

export const StatsSchema = z
  .object({
    neo4j: z.object({ version: z.string(), edition: z.string() }),
    nodes: z.record(z.string(), z.number().int()),
    relationships: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'Stats', description: 'Node counts per label and relationship counts per type' });
export type Stats = z.infer<typeof StatsSchema>;

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'An error, as application/problem+json (RFC 9457)' });
export type Problem = z.infer<typeof ProblemSchema>;
