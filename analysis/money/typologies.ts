/**
 * Runs every laundering-typology detector over one list of transfers (Altman et al. 2023, "Realistic
 * Synthetic Financial Transactions for Anti-Money Laundering Models", for fan-out, fan-in, cycle,
 * scatter-gather, gather-scatter, stack and bipartite; FATF for pass-through, structuring and hawala
 * offsetting). A hit that is only part of a larger pattern (the fan-in of a gather-scatter hub, the
 * legs of a scatter-gather) is folded into it, so that each pattern is reported under its own kind.
 */
import { cyclesFromIndex, DEFAULTS as CYCLE_DEFAULTS, type CycleOptions } from './typologies-cycle.ts';
import { DEFAULTS as FAN_DEFAULTS, type FanOptions, fanFromIndex } from './typologies-fan.ts';
import { DEFAULTS as HAWALA_DEFAULTS, type HawalaOptions, hawalaFromIndex } from './typologies-hawala.ts';
import {
  DEFAULTS as HUB_DEFAULTS,
  gatherScatterFromIndex,
  type HubOptions,
  scatterGatherFromIndex,
} from './typologies-hub.ts';
import {
  type BipartiteOptions,
  bipartiteFromIndex,
  DEFAULTS as BIPARTITE_DEFAULTS,
} from './typologies-bipartite.ts';
import { DEFAULTS as STACK_DEFAULTS, type StackOptions, stacksFromIndex } from './typologies-stack.ts';
import {
  DEFAULTS as FLOW_DEFAULTS,
  type FlowThroughOptions,
  passThroughFromIndex,
  structuringFromIndex,
} from './typologies-pass-through.ts';
import { indexTransfers, type TransferIndex } from './transfer-index.ts';
import type { Transfer, TypologyHit, TypologyKind } from './types.ts';

/** Options of `detectTypologies`: each detector's own, plus which kinds to run and how to fold. */
export interface TypologyOptions {
  kinds: readonly TypologyKind[];
  fan: Partial<FanOptions>;
  hub: Partial<HubOptions>;
  cycle: Partial<CycleOptions>;
  stack: Partial<StackOptions>;
  bipartite: Partial<BipartiteOptions>;
  flow: Partial<FlowThroughOptions>;
  hawala: Partial<HawalaOptions>;
  /** Share of a hit's payments inside a larger pattern above which the hit is folded into it; 1 keeps all. */
  foldShare: number;
}

/** Every kind, in the order the detectors run. */
export const ALL_KINDS: readonly TypologyKind[] = [
  'fan-out',
  'fan-in',
  'cycle',
  'scatter-gather',
  'gather-scatter',
  'stack',
  'bipartite',
  'pass-through',
  'structuring',
  'hawala-offsetting',
];

/** Defaults of `detectTypologies` (each detector's defaults are exported with it). */
export const DEFAULTS: TypologyOptions = {
  kinds: ALL_KINDS,
  fan: FAN_DEFAULTS,
  hub: HUB_DEFAULTS,
  cycle: CYCLE_DEFAULTS,
  stack: STACK_DEFAULTS,
  bipartite: BIPARTITE_DEFAULTS,
  flow: FLOW_DEFAULTS,
  hawala: HAWALA_DEFAULTS,
  foldShare: 0.5,
};

/** Which larger patterns explain a hit of each kind (a hit is folded into one of these). */
const EXPLAINED_BY: Partial<Record<TypologyKind, TypologyKind[]>> = {
  'fan-out': ['gather-scatter', 'scatter-gather'],
  'fan-in': ['gather-scatter', 'scatter-gather'],
  stack: ['scatter-gather', 'gather-scatter', 'cycle'],
  // A short cycle inside a hub pattern is the hub paying back one of its own payers.
  cycle: ['gather-scatter', 'scatter-gather'],
  // Scatter-gathers from several origins through shared intermediaries are one stack.
  'scatter-gather': ['stack'],
};

/** Which of two mutually explaining kinds wins when their hits are the same size: the more specific. */
const PRECEDENCE: TypologyKind[] = ['cycle', 'scatter-gather', 'gather-scatter', 'stack'];

type Runner = (index: TransferIndex, options: TypologyOptions) => TypologyHit[];

const RUNNERS: Record<TypologyKind, Runner> = {
  'fan-out': (index, o) => fanFromIndex(index, 'out', { ...FAN_DEFAULTS, ...o.fan }),
  'fan-in': (index, o) => fanFromIndex(index, 'in', { ...FAN_DEFAULTS, ...o.fan }),
  cycle: (index, o) => cyclesFromIndex(index, { ...CYCLE_DEFAULTS, ...o.cycle }),
  'scatter-gather': (index, o) => scatterGatherFromIndex(index, { ...HUB_DEFAULTS, ...o.hub }),
  'gather-scatter': (index, o) => gatherScatterFromIndex(index, { ...HUB_DEFAULTS, ...o.hub }),
  stack: (index, o) => stacksFromIndex(index, { ...STACK_DEFAULTS, ...o.stack }),
  bipartite: (index, o) => bipartiteFromIndex(index, { ...BIPARTITE_DEFAULTS, ...o.bipartite }),
  'pass-through': (index, o) => passThroughFromIndex(index, { ...FLOW_DEFAULTS, ...o.flow }),
  structuring: (index, o) => structuringFromIndex(index, { ...FLOW_DEFAULTS, ...o.flow }),
  'hawala-offsetting': (index, o) => hawalaFromIndex(index, { ...HAWALA_DEFAULTS, ...o.hawala }),
};

/** Runs the chosen detectors and folds hits that are only part of a larger pattern. */
export function detectTypologies(
  transfers: readonly Transfer[],
  options: Partial<TypologyOptions> = {},
): TypologyHit[] {
  const settings = { ...DEFAULTS, ...options };
  const unknown = settings.kinds.filter((k) => !(k in RUNNERS));
  if (unknown.length > 0) {
    throw new Error(
      `ariadne/analysis/money/typologies: unknown kinds ${unknown.join(', ')} (known: ${ALL_KINDS.join(', ')}).`,
    );
  }
  const index = indexTransfers(transfers, 'money/typologies');
  const hits = settings.kinds.flatMap((kind) => RUNNERS[kind](index, settings));
  return foldNested(hits, settings.foldShare);
}

/**
 * Drops hits whose payments lie mostly inside hits of the kinds that explain them. Where two kinds
 * explain each other (a stack and the scatter-gathers it is made of), the smaller hit gives way, or on
 * a tie the less specific kind.
 */
export function foldNested(hits: readonly TypologyHit[], share: number): TypologyHit[] {
  if (share >= 1) return [...hits];
  const byPayment = new Map<string, TypologyHit[]>();
  for (const hit of hits) {
    for (const p of hit.payments) byPayment.set(p, [...(byPayment.get(p) ?? []), hit]);
  }
  const outranks = (x: TypologyHit, h: TypologyHit) => {
    if (!EXPLAINED_BY[x.kind]?.includes(h.kind)) return true;
    if (x.payments.length !== h.payments.length) return x.payments.length > h.payments.length;
    return PRECEDENCE.indexOf(x.kind) < PRECEDENCE.indexOf(h.kind);
  };
  return hits.filter((hit) => {
    const explainers = EXPLAINED_BY[hit.kind];
    if (!explainers) return true;
    const overlapping = new Set<TypologyHit>();
    let inside = 0;
    for (const p of hit.payments) {
      const covering = (byPayment.get(p) ?? []).filter((x) => explainers.includes(x.kind));
      if (covering.length > 0) inside++;
      for (const x of covering) overlapping.add(x);
    }
    return inside <= share * hit.payments.length || ![...overlapping].some((x) => outranks(x, hit));
  });
}
