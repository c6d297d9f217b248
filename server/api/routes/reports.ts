/**
 * `/api/reports`: the joint threat report material for the caller's clearance, as a download (PDF,
 * HTML or Markdown). GET takes the request in the query, POST in the body. The HTML carries its own
 * stylesheet, so it leaves as an attachment under a policy of its own that allows inline styles and
 * nothing else. Every report is audited with its parameters and its handling code.
 */
import { type Response, Router } from 'express';
import { z } from 'zod';
import type { Audit } from '../../audit/audit-trail.ts';
import { clearanceOf, type Viewer } from '../../auth/context.ts';
import { EXPORT } from '../../auth/roles.ts';
import { buildStoreReport, REPORT_FORMATS, REPORT_MEDIA, renderReport } from '../../report/build-report.ts';
import { ReportRequestError } from '../../report/periods.ts';
import type { Store } from '../../store/store.ts';
import { CONSENT_REFUSED, ConsentQuerySchema, consentOf, requireConsent } from '../consent.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

const PERIOD = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/,
    'write FROM..TO with ISO dates, e.g. 2025-01-01..2025-12-31',
  );

/** A report request (query of GET, body of POST). */
export const ReportQuerySchema = z.strictObject({
  case: z.string().min(1).max(200).optional(),
  period: PERIOD.optional(),
  compare: PERIOD.optional(),
  format: z.enum(REPORT_FORMATS).default('pdf'),
  ...ConsentQuerySchema.shape,
});

/** The policy of a downloaded HTML report: its inline stylesheet and inline SVG, nothing else. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

interface Answer {
  where: 'query' | 'body';
  request: z.output<typeof ReportQuerySchema>;
  viewer: Viewer;
  audit: Audit;
  res: Response;
}

/** What the reports router needs. */
export interface ReportsDeps {
  store: Store;
}

/** The reports router. */
export function reportsRouter({ store }: ReportsDeps): Router {
  const router = Router();
  const spec = {
    path: '/api/reports',
    tags: ['reports'],
    roles: EXPORT,
    responses: {
      200: { description: 'The report, as an attachment', contentType: 'application/pdf' },
      404: { description: 'No such case, or not one you may see' },
      409: CONSENT_REFUSED,
    },
  };
  const answer = async ({ request, viewer, audit, res, where }: Answer) => {
    let model: Awaited<ReturnType<typeof buildStoreReport>>['model'];
    let caseId: string | undefined;
    const consent = consentOf(request);
    const { providerConsent: _c, provider: _p, ...parameters } = request;
    try {
      ({ model, caseId } = await buildStoreReport(store, {
        caseKey: request.case,
        period: request.period,
        compare: request.compare,
        clearance: clearanceOf(viewer),
        createdBy: viewer.username,
        dissemination: (need) => requireConsent(need, consent, audit, 'report.build', [], parameters, where),
      }));
    } catch (error) {
      if (error instanceof ReportRequestError)
        throw new HttpError(error.message.startsWith('no case') ? 404 : 400, error.message);
      throw error;
    }
    const bytes = await renderReport(model, request.format);
    await audit({
      action: 'report.build',
      targets: model.meta.caseName ? [model.meta.caseName] : [],
      about: caseId ? [caseId] : [],
      parameters: {
        ...parameters,
        handling: model.meta.handling,
        runId: model.meta.runId ?? null,
        ...(consent ? { providerConsent: consent.providers } : {}),
      },
      outcome: 'ok',
    });
    const media = REPORT_MEDIA[request.format];
    res.setHeader('Content-Type', media.type);
    res.setHeader('Content-Disposition', `attachment; filename="ariadne-report.${media.extension}"`);
    res.setHeader('Content-Security-Policy', REPORT_CSP);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Handling-Code', model.meta.handling);
    res.setHeader('X-Ariadne-Handling', model.meta.handling);
    res.send(bytes);
  };
  route(
    router,
    {
      ...spec,
      method: 'get',
      deadline: false,
      summary: 'The joint threat report for your clearance (query)',
      query: ReportQuerySchema,
    },
    ({ query, viewer, audit, res }) => answer({ request: query, viewer, audit, res, where: 'query' }),
  );
  route(
    router,
    {
      ...spec,
      method: 'post',
      summary: 'The joint threat report for your clearance (body)',
      body: ReportQuerySchema,
    },
    ({ body, viewer, audit, res }) => answer({ request: body, viewer, audit, res, where: 'body' }),
  );
  return router;
}
