/**
 * `/api/imports`: a file (Ariadne NDJSON, one CSV of entities or links, FollowTheMoney) sent as the
 * raw request body, streamed to a temporary file under a size limit, checked against its author's
 * clearance and validated completely (a dry run of the CLI's pipeline) before the answer: a bad file
 * is a 422 naming file, line and field, and changes nothing. A good one is imported as a job through
 * the same pipeline; `GET /api/imports/{id}` gives its progress and, when done, the ingest report.
 */
import { Router } from 'express';
import { z } from 'zod';
import { clearanceOf, type Viewer } from '../../auth/context.ts';
import { WRITE } from '../../auth/roles.ts';
import { ingestFiles } from '../../ingest/index.ts';
import { defaultsOf } from '../../ingest/synthetic.ts';
import type { IngestOptions, IngestReport } from '../../ingest/types.ts';
import { JobStartedSchema, JobStatusSchema } from '../../schema/api/analyses.ts';
import { checkGrade } from '../../schema/grading.ts';
import { GRADING_SCHEMES, HANDLING_CODES } from '../../schema/model.ts';
import { DATE_FORMATS } from '../../schema/normalise/date.ts';
import type { Store } from '../../store/store.ts';
import { checkUploadClearance, type PlacedProblem } from '../import-clearance.ts';
import { type JobRegistry, jobStatus } from '../jobs.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';
import { saveUpload } from '../upload.ts';

const KIND = 'import';
const EXTENSION = { ndjson: 'ndjson', csv: 'csv', ftm: 'ftm.ndjson' } as const;

export const ImportQuerySchema = z
  .strictObject({
    format: z.enum(['ndjson', 'csv', 'ftm'], { error: 'use ndjson, csv (one table) or ftm' }),
    name: z
      .string()
      .regex(/^[\w][\w.-]{0,99}$/, 'letters, digits, dots, dashes and underscores, up to 100')
      .optional()
      .meta({ description: 'The file name problems are reported against (default upload.<format>)' }),
    source: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .refine(
        (v) => !v?.includes('~'),
        'must not use "~", which Ariadne keeps for ids in a clearance partition',
      )
      .meta({ description: 'The source report of every record' }),
    grade: z.string().trim().toUpperCase().max(4).optional(),
    scheme: z.enum(GRADING_SCHEMES).optional(),
    handling: z.enum(HANDLING_CODES).optional(),
    handlingCondition: z.string().trim().min(1).max(2_000).optional(),
    case: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine(
        (v) => !v.includes('~'),
        'must not use "~", which Ariadne keeps for ids in a clearance partition',
      )
      .optional()
      .meta({ description: 'A case every entity joins' }),
    dateFormat: z.enum(DATE_FORMATS).optional(),
    dryRun: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .superRefine((value, context) => {
    if (value.grade === undefined) return;
    const problem = checkGrade(value.grade, value.scheme ?? 'europol');
    if (problem) context.addIssue({ code: 'custom', path: ['grade'], message: problem });
  });
type ImportQuery = z.output<typeof ImportQuerySchema>;

const IdParams = z.strictObject({ id: z.string().min(1).max(64) });

function ingestOptions(query: ImportQuery, viewer: Viewer): IngestOptions {
  return {
    format: query.format,
    source: query.source,
    grade: query.grade,
    scheme: query.scheme,
    handling: query.handling,
    handlingCondition: query.handlingCondition,
    caseName: query.case,
    dateFormat: query.dateFormat,
    user: viewer.username,
    clearance: clearanceOf(viewer),
  };
}

/** The report with the temporary path replaced by the upload's name, and no error files. */
function publicReport(report: IngestReport, dir: string, name: string): IngestReport {
  const rename = (file: string) => (file.startsWith(dir) ? name : file);
  return {
    ...report,
    files: report.files.map(rename),
    errors: report.errors.map((issue) => ({ ...issue, file: rename(issue.file) })),
    errorFiles: [],
  };
}

function invalid(title: string, problems: PlacedProblem[]): HttpError {
  return new HttpError(422, title, problems);
}

/** The imports router; mounted where the JSON body parser does not read its bodies. */
export function importsRouter({
  store,
  jobs,
  uploadLimit,
}: {
  store: Store;
  jobs: JobRegistry;
  uploadLimit: number;
}) {
  const router = Router();
  route(
    router,
    {
      method: 'post',
      path: '/api/imports',
      summary: 'Import the file sent as the body: validated completely first, then written as a job',
      tags: ['imports'],
      roles: WRITE,
      query: ImportQuerySchema,
      responses: {
        202: { description: 'Valid, and being imported', schema: JobStartedSchema },
        413: { description: 'The file is over the size limit' },
        422: { description: 'The file has problems (each with file, line and field); nothing was written' },
      },
    },
    async ({ query, viewer, audit, req, res }) => {
      const name = query.name ?? `upload.${EXTENSION[query.format]}`;
      const upload = await saveUpload(req, name, uploadLimit);
      const parameters = { format: query.format, name, bytes: upload.bytes };
      let started = false;
      try {
        const options = ingestOptions(query, viewer);
        const clearance = clearanceOf(viewer);
        const refused = await checkUploadClearance(clearance, upload.path, query.format, {
          dateFormat: query.dateFormat,
          defaults: defaultsOf(options),
        });
        const rename = (p: PlacedProblem) => ({ ...p, file: name });
        if (refused.length > 0) {
          await audit({ action: 'import.upload', targets: [], parameters, outcome: 'denied' });
          throw invalid(
            'The file holds records beyond your clearance; nothing was written',
            refused.map(rename),
          );
        }
        const dry = await ingestFiles(store, [upload.path], { ...options, dryRun: true });
        if (dry.status === 'invalid') {
          await audit({
            action: 'import.upload',
            targets: [],
            parameters: { ...parameters, problems: dry.errorCount },
            outcome: 'invalid',
          });
          const problems = dry.errors.map((e) => ({
            file: name,
            line: e.line,
            field: e.field,
            message: e.message,
          }));
          throw invalid(`The file has ${dry.errorCount} problem(s); nothing was written`, problems);
        }
        const job = jobs.start<IngestReport>(KIND, viewer, Math.max(1, dry.records), async (report) => {
          try {
            if (query.dryRun) return publicReport(dry, upload.dir, name);
            const result = await ingestFiles(store, [upload.path], {
              ...options,
              onProgress: (p) =>
                report({ step: p.phase, done: p.done, ...(p.total ? { total: p.total } : {}) }),
            });
            return publicReport(result, upload.dir, name);
          } finally {
            await upload.remove();
          }
        });
        started = true;
        const location = `/api/imports/${job.id}`;
        await audit({
          action: 'import.upload',
          targets: [job.id],
          parameters: { ...parameters, records: dry.records },
          outcome: 'ok',
        });
        res.status(202).setHeader('Location', location);
        return { id: job.id, status: job.status, location };
      } finally {
        if (!started) await upload.remove();
      }
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/imports/{id}',
      summary: 'The progress of an import and, when done, its report',
      tags: ['imports'],
      roles: WRITE,
      params: IdParams,
      audit: 'import.status',
      responses: {
        200: { description: 'The status', schema: JobStatusSchema },
        404: { description: 'No such import of yours' },
      },
    },
    ({ params, viewer }) => {
      const job = jobs.get<IngestReport>(KIND, params.id, viewer);
      if (!job)
        throw new HttpError(
          404,
          'No such import of yours: imports are kept in memory until the server restarts',
        );
      // The report names what was written under the owner's clearance: for the owner only.
      const own = job.owner === viewer.username;
      return jobStatus(job, { report: own && job.status === 'done' ? (job.result ?? null) : null });
    },
  );
  return router;
}
