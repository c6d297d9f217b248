/**
 * Assembles the report model from a projected graph and its analysis: the section builders in
 * report order (the summary last, since it reads the others' figures), the citations, the sources
 * and the handling code.
 */
import type { ExchangeRate } from '../../analysis/money/rates.ts';
import type { Period } from '../../analysis/findings/routes.ts';
import type { CaseGraph } from '../../analysis/core/types.ts';
import type { AnalysisResult } from '../runner/types.ts';
import type { Clearance } from '../auth/context.ts';
import { createContext } from './context.ts';
import { handlingLine, strictestHandling } from './handling.ts';
import { buildAnnexSection, listSources } from './sections/annex.ts';
import { buildCrimeLinksSection } from './sections/crime-links.ts';
import { buildFinanceSection } from './sections/financial-flows.ts';
import { buildGapsSection, findGaps } from './sections/gaps.ts';
import { buildModiSection } from './sections/modi-operandi.ts';
import { buildNetworksSection } from './sections/networks.ts';
import { buildRecommendationsSection } from './sections/recommendations.ts';
import { buildRoutesSection } from './sections/routes.ts';
import { buildSummarySection } from './sections/summary.ts';
import { buildThreatSection } from './sections/threat.ts';
import type { ReportModel } from './types.ts';

/** What assembleReport needs beside the graph and its analysis. */
export interface AssembleOptions {
  period: Period;
  compare: Period;
  clearance: Clearance;
  rates: readonly ExchangeRate[];
  caseName?: string;
  runId?: string;
  /** The time printed as generated (default now). */
  generatedAt?: string;
  title?: string;
}

/** The section titles in report order. */
export const SECTION_TITLES = [
  'Summary',
  'Networks',
  'Routes and hotspots',
  'Modi operandi',
  'Financial flows',
  'Links to other crime areas',
  'Threat assessment',
  'Intelligence gaps and collection requirements',
  'Recommendations',
  'Annex',
] as const;

/** Builds the report model. */
export function assembleReport(
  graph: CaseGraph,
  result: AnalysisResult,
  options: AssembleOptions,
): ReportModel {
  const ctx = createContext(graph, result, options);
  const networks = buildNetworksSection(ctx);
  const routes = buildRoutesSection(ctx);
  const modi = buildModiSection(ctx);
  const finance = buildFinanceSection(ctx);
  const crime = buildCrimeLinksSection(ctx);
  const threat = buildThreatSection(ctx);
  const gaps = findGaps(ctx);
  const gapSection = buildGapsSection(ctx, gaps);
  const recommendations = buildRecommendationsSection(ctx, gaps);
  const summary = buildSummarySection(ctx);
  const sources = listSources(ctx);
  const annex = buildAnnexSection(ctx, sources);
  const handling = strictestHandling(graph);
  return {
    meta: {
      title: options.title ?? 'Migrant smuggling networks: joint threat report material',
      ...(options.caseName ? { caseName: options.caseName } : {}),
      period: options.period,
      compare: options.compare,
      generatedAt: options.generatedAt ?? new Date().toISOString(),
      clearance: { handling: [...options.clearance.handling], agency: options.clearance.agency },
      handling,
      handlingText: handlingLine(handling),
      ...(options.runId ? { runId: options.runId } : {}),
    },
    sections: [summary, networks, routes, modi, finance, crime, threat, gapSection, recommendations, annex],
    citations: ctx.citations.citations(),
    sources,
    figures: ctx.figures,
  };
}
