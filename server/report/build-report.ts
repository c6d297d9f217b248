/**
 * The report from the database, for the command line and the API: project the scope under the
 * reader's clearance (so a record they may not see changes no count), run and record the analyses,
 * assemble the model and render it in the format asked for.
 */
import { analyseStore } from '../runner/analyse-store.ts';
import { DEFAULT_RATES } from '../runner/rates.ts';
import type { AnalysisResult } from '../runner/types.ts';
import type { Clearance } from '../auth/context.ts';
import type { ExchangeRate } from '../../analysis/money/rates.ts';
import type { DisseminationNeed } from '../export/marking.ts';
import { readProviders } from '../store/export-holding.ts';
import { findExportCase } from '../store/export-reads.ts';
import { projectGraph } from '../store/projection.ts';
import type { Store } from '../store/store.ts';
import { assembleReport } from './assemble.ts';
import { h2Citations } from './handling.ts';
import { latestActiveYear, ReportRequestError, parsePeriod, previousPeriod } from './periods.ts';
import { renderHtml } from './render/html.ts';
import { renderMarkdown } from './render/markdown.ts';
import { renderPdf } from './render/pdf.ts';
import type { ReportModel } from './types.ts';

/** Output formats. */
export const REPORT_FORMATS = ['pdf', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Media types and file extensions of the formats. */
export const REPORT_MEDIA: Record<ReportFormat, { type: string; extension: string }> = {
  pdf: { type: 'application/pdf', extension: 'pdf' },
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
  md: { type: 'text/markdown; charset=utf-8', extension: 'md' },
};

/** What to report on and for whom. */
export interface ReportRequest {
  /** A case id or exact name; the whole database when absent. */
  caseKey?: string | undefined;
  /** FROM..TO; default the latest calendar year with dated activity. */
  period?: string | undefined;
  /** FROM..TO; default the period of the same length just before. */
  compare?: string | undefined;
  clearance: Clearance;
  createdBy: string;
  rates?: readonly ExchangeRate[];
  currency?: string;
  say?: (line: string) => void;
  /**
   * Called with what the report's H2 records need (their providers' consent) before any analysis is
   * run; throws to stop a report that may not leave. The API and the CLI check the user's consent.
   */
  dissemination?: (need: DisseminationNeed) => Promise<void> | void;
}

/** A report built from the store, with the analysis result its numbers come from. */
export interface StoreReport {
  model: ReportModel;
  result: AnalysisResult;
  /** The case reported on, by id, when there is one. */
  caseId?: string;
}

/** Builds the report model from the store. */
export async function buildStoreReport(store: Store, request: ReportRequest): Promise<StoreReport> {
  const say = request.say ?? (() => {});
  // The request's own periods are checked before anything is read, so that a bad period is refused
  // alike whether or not the case exists for the caller.
  const given = request.period ? parsePeriod(request.period) : undefined;
  const givenCompare = request.compare ? parsePeriod(request.compare, 'compare') : undefined;
  let caseId: string | undefined;
  let caseName: string | undefined;
  if (request.caseKey !== undefined) {
    const found = await findExportCase(store, request.clearance, request.caseKey);
    if (!found.found)
      throw new ReportRequestError(
        found.reason === 'ambiguous'
          ? `several cases are named ${JSON.stringify(request.caseKey)}: pass one id (${found.candidates.join(', ')})`
          : `no case you may see has the id or name ${JSON.stringify(request.caseKey)}`,
      );
    caseId = found.id;
    caseName = found.name ?? found.id;
  }
  say('projecting the graph ...');
  const graph = await projectGraph(store, { caseId }, request.clearance);
  // Before any analysis is run or written: H2 material leaves only with its providers' consent.
  const cited = h2Citations(graph);
  if (request.dissemination !== undefined && cited.h2)
    await request.dissemination({
      h2: cited.h2,
      providers: await readProviders(store, request.clearance, cited.sources),
    });
  const period = given ?? latestActiveYear(graph);
  const compare = givenCompare ?? previousPeriod(period);
  const rates = request.rates ?? DEFAULT_RATES;
  say(`analysing ${graph.order} entities and ${graph.size} links ...`);
  const stored = await analyseStore(
    store,
    {
      scope: { caseId },
      clearance: request.clearance,
      createdBy: request.createdBy,
      options: {
        periods: { before: compare, after: period },
        rates,
        ...(request.currency ? { currency: request.currency } : {}),
      },
    },
    say,
  );
  say('assembling the report ...');
  const model = assembleReport(graph, stored.result, {
    period,
    compare,
    clearance: request.clearance,
    rates,
    runId: stored.run.id,
    ...(caseName ? { caseName } : {}),
  });
  return { model, result: stored.result, ...(caseId ? { caseId } : {}) };
}

/** Renders a model in a format. */
export async function renderReport(model: ReportModel, format: ReportFormat): Promise<Buffer> {
  if (format === 'pdf') return renderPdf(model);
  return Buffer.from(format === 'html' ? renderHtml(model) : renderMarkdown(model), 'utf8');
}
