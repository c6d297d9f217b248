/**
 * The money analyses in one place: payments out of a case graph as transfers, flows between groups,
 * time-respecting tracing, and the laundering typology detectors (see each module's banner for the
 * method and its source).
 */
export { aggregateFlows, type ExtractedPayments, extractPayments, type GroupFlow } from './flows.ts';
export type { ExchangeRate } from './rates.ts';
export { type TraceResult, traceMoney } from './trace.ts';
export { ALL_KINDS, detectTypologies, type TypologyOptions } from './typologies.ts';
export { detectCycles } from './typologies-cycle.ts';
export { detectFanIn, detectFanOut } from './typologies-fan.ts';
export { detectHawalaOffsetting } from './typologies-hawala.ts';
export { detectGatherScatter, detectScatterGather } from './typologies-hub.ts';
export { detectBipartite } from './typologies-bipartite.ts';
export { detectPassThrough, detectStructuring } from './typologies-pass-through.ts';
export { detectStacks } from './typologies-stack.ts';
export type { Transfer, TypologyHit, TypologyKind } from './types.ts';
