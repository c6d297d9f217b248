/**
 * runAnalyses: the set of analyses on one projected graph, in order, with progress per step, composed
 * into the JSON of `ariadne analyse`. Communities run first whenever a later step needs them; the
 * weighted undirected projection is built once for the structural steps.
 */
import type { CommunityMethod } from '../../analysis/communities/communities.ts';
import { simulateDisruption } from '../../analysis/findings/disruption.ts';
import type { CaseGraph } from '../../analysis/core/types.ts';
import { toWeightedUndirected } from '../../analysis/core/undirected.ts';
import { FINDINGS, runCrimeLinks, runRoutes } from './findings.ts';
import { runMoney } from './money.ts';
import { DEFAULT_RATES } from './rates.ts';
import {
  type Projection,
  rankByBetweenness,
  runBrokers,
  runCentrality,
  runCommunities,
} from './structure.ts';
import {
  ANALYSIS_NAMES,
  type AnalysisName,
  type AnalysisOptions,
  type AnalysisResult,
  DEFAULTS,
  NEEDS_COMMUNITIES,
} from './types.ts';

/** The steps to run: those asked for, and the communities when a step needs them. */
export function planSteps(only?: readonly AnalysisName[]): AnalysisName[] {
  if (only === undefined || only.length === 0) return [...ANALYSIS_NAMES];
  const unknown = only.filter((name) => !ANALYSIS_NAMES.includes(name));
  if (unknown.length > 0)
    throw new RangeError(`unknown analyses ${unknown.join(', ')}: use any of ${ANALYSIS_NAMES.join(', ')}`);
  const wanted = new Set(only);
  if (only.some((name) => NEEDS_COMMUNITIES.includes(name))) wanted.add('communities');
  return ANALYSIS_NAMES.filter((name) => wanted.has(name));
}

interface RunState {
  graph: CaseGraph;
  options: AnalysisOptions & typeof DEFAULTS;
  result: AnalysisResult;
  membership: Record<string, number>;
  projection?: Projection;
}

function projectionOf(state: RunState): Projection {
  state.projection ??= toWeightedUndirected(state.graph);
  return state.projection;
}

function runStep(step: AnalysisName, state: RunState): void {
  const { graph, options: o, result } = state;
  const finding = FINDINGS[step];
  if (finding) {
    Object.assign(result, finding(graph));
    return;
  }
  if (step === 'communities') {
    const { detected, communities, cells } = runCommunities(graph, o);
    state.membership = detected.membership;
    const cellOf = detected.cells?.membership ?? {};
    for (const [id, community] of Object.entries(detected.membership))
      result.entities[id] = { community, cell: cellOf[id] as number };
    Object.assign(result, {
      modularity: detected.modularity,
      communities,
      cells,
      unassigned: detected.unassigned,
    });
  } else if (step === 'centrality') {
    runCentrality(projectionOf(state), result.entities, o);
    result.keyPlayers = rankByBetweenness(graph, result.entities, o.limit);
  } else if (step === 'brokers') {
    Object.assign(result, runBrokers(graph, projectionOf(state), state.membership, o.limit));
  } else if (step === 'disruption') {
    result.disruption = simulateDisruption(graph, {
      strategy: o.disruption.strategy ?? DEFAULTS.disruption.strategy,
      k: o.disruption.k ?? DEFAULTS.disruption.k,
      ...(o.disruption.remove ? { remove: o.disruption.remove } : {}),
      membership: state.membership,
    });
  } else if (step === 'crime-links') {
    result.crimeLinks = runCrimeLinks(graph, state.membership, o.crimeLinks);
  } else if (step === 'money') {
    result.money = runMoney(graph, state.membership, {
      currency: o.currency,
      rates: o.rates ?? DEFAULT_RATES,
    });
  } else if (step === 'routes') {
    result.routes = runRoutes(graph, o.periods);
  }
}

/** Runs the set of analyses (or those in `only`) on a graph and returns the composed result. */
export function runAnalyses(graph: CaseGraph, options: AnalysisOptions = {}): AnalysisResult {
  const o = {
    ...DEFAULTS,
    ...options,
    disruption: { ...DEFAULTS.disruption, ...options.disruption },
  } as RunState['options'];
  const steps = planSteps(options.only);
  const result: AnalysisResult = {
    graph: { entities: graph.order, links: graph.size },
    parameters: parametersOf(steps, o),
    entities: {},
  };
  const state: RunState = { graph, options: o, result, membership: {} };
  steps.forEach((step, index) => {
    options.onProgress?.({ step, index, total: steps.length, state: 'start' });
    runStep(step, state);
    options.onProgress?.({ step, index, total: steps.length, state: 'done' });
  });
  return result;
}

/** The parameters a result records: the steps run and the options that shaped them. */
export function parametersOf(
  steps: AnalysisName[],
  o: { method: CommunityMethod; resolution: number; seed: number; limit: number; currency: string },
): AnalysisResult['parameters'] {
  const { method, resolution, seed, limit, currency } = o;
  return { only: steps, method, resolution, seed, limit, currency };
}
