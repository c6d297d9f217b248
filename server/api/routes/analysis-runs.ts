/**
 * `/api/analyses/runs`: the set of analyses as a job over the part of the graph the caller may see
 * (a case, a window, labels, link types, a minimum source grade), recorded as an AnalysisRun like
 * `ariadne analyse` does. Starting answers 202 with the job's Location; its status gives the steps
 * done and, when done, the summary; each part of the result is read on its own. A run is readable
 * by its owner (and an admin) only while their clearance covers the one it ran under; to anyone else
 * it answers as a missing run.
 */
import { Router } from 'express';
import { z } from 'zod';
import { clearanceOf } from '../../auth/context.ts';
import { ANALYSE } from '../../auth/roles.ts';
import { loadRates } from '../../runner/rates.ts';
import { planSteps } from '../../runner/run-analyses.ts';
import { ANALYSIS_NAMES, type AnalysisResult } from '../../runner/types.ts';
import { DateParam, IdParam, MinSourceParam } from '../../schema/api/entities.ts';
import { AnalysisRunStatusSchema, JobStartedSchema } from '../../schema/api/analyses.ts';
import { decisionIdOf, readIdentityDecisions } from '../../store/identity-decisions.ts';
import { findExportCase } from '../../store/export-reads.ts';
import { ScopeError } from '../../store/projection-scope.ts';
import type { ProjectionScope } from '../../store/projection.ts';
import type { Store } from '../../store/store.ts';
import { type AnalyseJobOutcome, analyseJob } from '../analysis-job/analyse-job.ts';
import { type JobRegistry, jobStatus } from '../jobs.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';
import { PART_NAMES, PartAnswerSchema, partOf, RESULT_PARTS, summaryOf } from './analysis-parts.ts';

const KIND = 'analysis';
const names = z.array(z.enum(ANALYSIS_NAMES, { error: `use any of ${ANALYSIS_NAMES.join(', ')}` })).max(20);

/** `POST /api/analyses/runs`. */
export const RunRequestSchema = z
  .strictObject({
    case: z.string().min(1).max(512).optional().meta({ description: 'A case id or exact name' }),
    only: names.optional().meta({ description: 'The analyses to run (default all)' }),
    resolution: z.number().positive('a positive number such as 1').max(100).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .optional(),
    limit: z.number().int().min(1).max(1_000).optional().meta({ description: 'Length of ranked lists' }),
    since: DateParam.optional(),
    until: DateParam.optional(),
    around: z.array(IdParam).max(100).optional(),
    hops: z.number().int().min(0).max(10).optional(),
    labels: z.array(z.string().max(64)).max(30).optional(),
    linkTypes: z.array(z.string().max(64)).max(50).optional(),
    minSource: z.array(MinSourceParam).max(10).optional(),
    remove: z.array(IdParam).min(1).max(1_000).optional().meta({
      description:
        'A "what if these are removed" run: the disruption step removes these entities; the run is shown, never written back as scores',
    }),
  })
  .refine((body) => body.remove === undefined || planSteps(body.only).includes('disruption'), {
    path: ['remove'],
    message: 'a "what if" removal is shown by the disruption step: add "disruption" to "only"',
  })
  .meta({ id: 'AnalysisRunRequest' });
type RunRequest = z.output<typeof RunRequestSchema>;

const RunParams = z.strictObject({ id: z.string().min(1).max(64) });
const PartParams = z.strictObject({ id: z.string().min(1).max(64), part: z.enum(PART_NAMES) });

type RunOutcome = AnalyseJobOutcome;

async function scopeOf(store: Store, request: RunRequest, clearance: ReturnType<typeof clearanceOf>) {
  const scope: ProjectionScope = {
    since: request.since,
    until: request.until,
    around: request.around,
    hops: request.hops,
    labels: request.labels,
    linkTypes: request.linkTypes,
    minSource: request.minSource,
  };
  if (request.case !== undefined) {
    const found = await findExportCase(store, clearance, request.case);
    if (!found.found && found.reason === 'ambiguous')
      throw new HttpError(400, `Several cases have that name: pass one id (${found.candidates.join(', ')})`);
    if (!found.found) throw new HttpError(404, 'No such case, or not one you may see');
    scope.caseId = found.id;
  }
  return Object.fromEntries(Object.entries(scope).filter(([, v]) => v !== undefined)) as ProjectionScope;
}

/** The analysis runs router. */
export function analysisRunsRouter({ store, jobs }: { store: Store; jobs: JobRegistry }): Router {
  const router = Router();
  route(
    router,
    {
      method: 'post',
      path: '/api/analyses/runs',
      summary: 'Start the analyses over the graph you may see; poll the Location for progress',
      tags: ['analyses'],
      roles: ANALYSE,
      body: RunRequestSchema.default({}),
      responses: {
        202: { description: 'Started', schema: JobStartedSchema },
        404: { description: 'No such case, or not one you may see' },
        429: { description: 'Too many of your jobs are running' },
      },
    },
    async ({ body, viewer, audit, res }) => {
      const clearance = clearanceOf(viewer);
      const scope = await scopeOf(store, body, clearance);
      const steps = planSteps(body.only);
      const { base, rates } = loadRates();
      const options = {
        currency: base,
        rates,
        only: steps,
        ...(body.resolution === undefined ? {} : { resolution: body.resolution }),
        ...(body.seed === undefined ? {} : { seed: body.seed }),
        ...(body.limit === undefined ? {} : { limit: body.limit }),
      };
      const job = jobs.start<RunOutcome>(KIND, viewer, steps.length + 2, async (report) => {
        report({ step: 'projecting the graph' });
        try {
          const request = { scope, clearance, createdBy: viewer.username, options, remove: body.remove };
          return await analyseJob(store, request, (p) => {
            if (p.state === 'start') report({ done: p.index + 1, step: p.step });
            else if (p.index + 1 === p.total) report({ done: p.total + 1, step: 'recording the run' });
          });
        } catch (error) {
          if (error instanceof ScopeError) throw new HttpError(400, error.message);
          throw error;
        }
      });
      const location = `/api/analyses/runs/${job.id}`;
      await audit({
        action: 'analysis.start',
        targets: [job.id],
        about: [...(scope.caseId ? [scope.caseId] : body.case ? [body.case] : []), ...(body.around ?? [])],
        parameters: { ...body },
        outcome: 'ok',
      });
      res.status(202).setHeader('Location', location);
      return { id: job.id, status: job.status, location };
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/analyses/runs/{id}',
      summary: 'The status and progress of an analysis run, and its summary when done',
      tags: ['analyses'],
      roles: ANALYSE,
      params: RunParams,
      audit: 'analysis.status',
      responses: {
        200: { description: 'The status', schema: AnalysisRunStatusSchema },
        404: { description: 'No such run of yours' },
      },
    },
    ({ params, viewer }) => {
      const job = jobs.get<RunOutcome>(KIND, params.id, viewer);
      if (!job)
        throw new HttpError(404, 'No such run of yours: runs are kept in memory until the server restarts');
      const done = job.status === 'done' && job.result;
      return jobStatus(job, {
        summary: done
          ? {
              ...summaryOf(job.result!.result),
              runId: job.result!.runId,
              whatIf: job.result!.runId === null,
            }
          : null,
        results: done
          ? Object.fromEntries(PART_NAMES.map((p) => [p, `/api/analyses/runs/${job.id}/results/${p}`]))
          : null,
      });
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/analyses/runs/{id}/results/{part}',
      deadline: false,
      summary:
        'One part of a finished run: communities, brokers, centrality, disruption, crime-links, money, ..., and the labels (names, places) of the entities it mentions',
      tags: ['analyses'],
      roles: ANALYSE,
      params: PartParams,
      audit: 'analysis.results',
      responses: {
        200: { description: 'The part', schema: PartAnswerSchema },
        404: { description: 'No such run of yours, or the run did not include this analysis' },
        409: { description: 'The run is still running, or failed' },
      },
    },
    async ({ params, viewer }) => {
      const job = jobs.get<RunOutcome>(KIND, params.id, viewer);
      if (!job)
        throw new HttpError(404, 'No such run of yours: runs are kept in memory until the server restarts');
      const { result, labels } = jobs.resultOf(job);
      if (params.part === 'labels') return labels;
      const step = RESULT_PARTS[params.part];
      if (!result.parameters.only.includes(step))
        throw new HttpError(404, `The run did not include ${step}: start a run with "only" naming it`);
      if (params.part === 'identity' && result.identityCandidates)
        return { identityCandidates: await undecided(store, result.identityCandidates) };
      return partOf(result, params.part);
    },
  );
  return router;
}

/** Person candidates without a recorded decision (the run may predate the decision). */
async function undecided(store: Store, identity: NonNullable<AnalysisResult['identityCandidates']>) {
  const decided = await readIdentityDecisions(
    store,
    identity.persons.map((p) => [p.a, p.b] as const),
  );
  if (decided.size === 0) return identity;
  return { ...identity, persons: identity.persons.filter((p) => !decided.has(decisionIdOf(p.a, p.b))) };
}
