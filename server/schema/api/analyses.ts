/**
 * API payloads around analysis runs: the status of a job, the money trace query, and an analyst's
 * decision on an identity candidate. The run request itself lives beside its route, because it
 * names the analyses of the service.
 */
import { z } from 'zod';
import { ANALYSIS_NAMES, type AnalysisName, RunSummarySchema } from './analysis-results.ts';
import { IdParam, intParam } from './entities.ts';

const WINDOW = /^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/;

/** `GET /api/analyses/trace`. */
export const TraceQuerySchema = z.strictObject({
  from: IdParam.meta({ description: 'The Person, Organisation or Account the money leaves (or reaches)' }),
  direction: z
    .enum(['forward', 'backward'], {
      error: 'use forward (where the money went) or backward (where it came from)',
    })
    .default('forward'),
  window: z
    .string()
    .regex(WINDOW, 'write FROM..TO with ISO dates, e.g. 2025-01-01..2025-06-30 (either end may be left open)')
    .optional()
    .meta({ description: 'Only payments in this window, FROM..TO' }),
  maxHops: intParam(1, 20).default(4).meta({ description: 'Longest chain of payments followed' }),
  maxPaths: intParam(1, 10_000)
    .default(100)
    .meta({ description: 'Most paths listed; totals count every path' }),
});
export type TraceQuery = z.output<typeof TraceQuerySchema>;

/** The two ends of a window, either open. */
export function windowOf(window: string | undefined): { since?: string; until?: string } {
  const match = window === undefined ? null : WINDOW.exec(window);
  if (!match) return {};
  return { ...(match[1] ? { since: match[1] } : {}), ...(match[2] ? { until: match[2] } : {}) };
}

/** `POST /api/identity/decisions`. */
export const IdentityDecisionBodySchema = z
  .strictObject({
    a: IdParam,
    b: IdParam,
    decision: z.enum(['same', 'different'], { error: 'use same (confirm) or different (reject)' }),
    reason: z.string().trim().min(3, 'say why, in a few words').max(2_000),
  })
  .refine((body) => body.a !== body.b, { path: ['b'], message: 'a and b must be two different entities' })
  .meta({ id: 'IdentityDecisionRequest' });
export type IdentityDecisionBody = z.output<typeof IdentityDecisionBodySchema>;

export const IdentityDecisionSchema = z
  .object({
    a: z.string(),
    b: z.string(),
    decision: z.enum(['same', 'different']),
    reason: z.string(),
    decidedBy: z.string(),
    decidedAt: z.string(),
    changed: z.boolean().meta({ description: 'False when the same decision was already recorded' }),
    link: z.string().nullable().meta({ description: 'The SAME_AS link of a confirmed pair' }),
  })
  .meta({ id: 'IdentityDecision' });
export type IdentityDecision = z.infer<typeof IdentityDecisionSchema>;

/** What every job's status holds. */
const JOB_STATUS = {
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  owner: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int(), step: z.string().nullable() }),
  error: z
    .object({
      status: z.number().int(),
      title: z.string(),
      errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    })
    .nullable(),
};

/** A job's status, as `GET /api/imports/{id}` gives it (with the import's own figures). */
export const JobStatusSchema = z.object(JOB_STATUS).catchall(z.unknown()).meta({ id: 'JobStatus' });

/** An analysis run's status, as `GET /api/analyses/runs/{id}` gives it. */
export const AnalysisRunStatusSchema = z
  .object({
    ...JOB_STATUS,
    summary: RunSummarySchema.nullable().meta({ description: 'The headline figures, once done' }),
    results: z
      .object(
        Object.fromEntries(['labels', ...ANALYSIS_NAMES].map((part) => [part, z.string()])) as Record<
          'labels' | AnalysisName,
          z.ZodString
        >,
      )
      .nullable()
      .meta({ description: 'Where each part of the result is read, once done' }),
  })
  .meta({ id: 'AnalysisRunStatus' });
export type AnalysisRunStatus = z.infer<typeof AnalysisRunStatusSchema>;

/** The answer to starting a job. */
export const JobStartedSchema = z
  .object({ id: z.string(), status: z.literal('running'), location: z.string() })
  .meta({ id: 'JobStarted' });
