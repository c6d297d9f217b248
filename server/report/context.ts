/**
 * What every section builder reads: the projected graph, the analysis result, the periods, the
 * citation registry, and the wording helpers (names, numbers, money) so that every section prints
 * figures the same way.
 */
import type { ExchangeRate } from '../../analysis/money/rates.ts';
import type { Period } from '../../analysis/findings/routes.ts';
import type { CaseGraph } from '../../analysis/core/types.ts';
import type { AnalysisResult } from '../runner/types.ts';
import { CitationRegistry } from './citations.ts';
import type { Sentence } from './types.ts';

/** The inputs of the section builders. */
export interface ReportContext {
  graph: CaseGraph;
  result: AnalysisResult;
  period: Period;
  compare: Period;
  citations: CitationRegistry;
  /** The dated exchange rates the money analysis used. */
  rates: readonly ExchangeRate[];
  /** Headline numbers, filled by the builders, for checks against the analyses. */
  figures: Record<string, number>;
  runId?: string;
  caseName?: string;
}

/** A context for a graph and its analysis. */
export function createContext(
  graph: CaseGraph,
  result: AnalysisResult,
  options: {
    period: Period;
    compare: Period;
    rates: readonly ExchangeRate[];
    runId?: string;
    caseName?: string;
  },
): ReportContext {
  return {
    graph,
    result,
    period: options.period,
    compare: options.compare,
    citations: new CitationRegistry(graph),
    rates: options.rates,
    figures: {},
    ...(options.runId ? { runId: options.runId } : {}),
    ...(options.caseName ? { caseName: options.caseName } : {}),
  };
}

/** A sentence citing these records (no citation when none is visible). */
export function say(ctx: ReportContext, text: string, records: Iterable<string> = []): Sentence {
  return { text, cites: ctx.citations.cite(records) };
}

/** An entity's name, or its id when it has none. */
function plainName(ctx: ReportContext, id: string): string {
  if (!ctx.graph.hasNode(id)) return id;
  const name = ctx.graph.getNodeAttribute(id, 'name');
  return typeof name === 'string' && name.trim() !== '' ? name : id;
}

const namesakesOf = new WeakMap<CaseGraph, Map<string, string[]>>();

/** People of the graph by lower-cased name, for those who share one. */
function namesakes(graph: CaseGraph): Map<string, string[]> {
  let found = namesakesOf.get(graph);
  if (!found) {
    const byName = new Map<string, string[]>();
    graph.forEachNode((id, a) => {
      if (a.entityType !== 'Person' || typeof a.name !== 'string') return;
      const key = a.name.trim().toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), id]);
    });
    found = new Map([...byName].filter(([, ids]) => ids.length > 1));
    namesakesOf.set(graph, found);
  }
  return found;
}

/** What tells a person apart from namesakes: birth date and nationality, else the id. */
function disambiguator(ctx: ReportContext, id: string, others: readonly string[]): string {
  const describe = (person: string) => {
    const a = ctx.graph.getNodeAttributes(person) as Record<string, unknown>;
    const born = typeof a.birthDate === 'string' ? `born ${a.birthDate}` : null;
    const nationality = Array.isArray(a.nationalities) ? a.nationalities.join('/') : null;
    return [born, nationality].filter((part) => part).join(', ');
  };
  const own = describe(id);
  const unique = own !== '' && others.every((other) => other === id || describe(other) !== own);
  return unique ? own : own === '' ? id : `${own}, ${id}`;
}

/**
 * An entity's name, or its id when it has none; a person who shares a name with another person of
 * the graph is told apart by birth date and nationality, or by id when those do not differ.
 */
export function nameOf(ctx: ReportContext, id: string): string {
  const name = plainName(ctx, id);
  if (!ctx.graph.hasNode(id) || ctx.graph.getNodeAttribute(id, 'entityType') !== 'Person') return name;
  const others = namesakes(ctx.graph).get(name.trim().toLowerCase());
  return others ? `${name} (${disambiguator(ctx, id, others)})` : name;
}

/** A whole number with thousands separators, e.g. 12,345. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-GB');
}

/** An amount in a currency, rounded to whole units, e.g. EUR 12,345. */
export function formatMoney(amount: number, currency: string): string {
  return `${currency} ${formatCount(amount)}`;
}

/** "1 syndicate", "3 syndicates". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A period as printed, e.g. 2025-01-01 to 2025-12-31. */
export function formatPeriod(period: Period): string {
  return `${period.from} to ${period.until}`;
}

/** Ids of entities of a type, optionally filtered by their attributes. */
export function entitiesOfType(
  graph: CaseGraph,
  type: string,
  keep: (attributes: ReturnType<CaseGraph['getNodeAttributes']>) => boolean = () => true,
): string[] {
  return graph.filterNodes((_id, a) => a.entityType === type && keep(a));
}

/** Whether an ISO date falls in a period (both ends included). */
export function inPeriod(date: unknown, period: Period): boolean {
  if (typeof date !== 'string') return false;
  const day = date.slice(0, 10);
  return day >= period.from.slice(0, 10) && day <= period.until.slice(0, 10);
}

/** The name of community `id` as the report calls it: the run's name for it (analysis/communities/syndicate-name.ts). */
export function communityName(ctx: ReportContext, id: number | string): string {
  const community = ctx.result.communities?.find((c) => String(c.id) === String(id));
  return community ? `${community.summary.name} (community ${id})` : `community ${id}`;
}
