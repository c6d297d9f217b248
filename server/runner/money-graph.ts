/**
 * The money graph of a clearance: the payments it may see, as transfers converted into the analysis
 * currency, and the parties (persons, organisations, accounts) they join. `ariadne trace` reads it
 * once; the API keeps one per clearance (`MoneyGraphs`) and reads it again only once data has
 * changed: a write committed through this server, or an import from any process (`importStamp`).
 * A trace then costs the walk, not the projection of every payment.
 */
import { extractPayments } from '../../analysis/money/flows.ts';
import { type TraceOptions, type TraceResult, traceMoney } from '../../analysis/money/trace.ts';
import type { Transfer } from '../../analysis/money/types.ts';
import type { Clearance } from '../auth/context.ts';
import { partitionOf } from '../store/analysis-scores.ts';
import { importStamp } from '../store/imports.ts';
import { projectGraph } from '../store/projection.ts';
import type { Store } from '../store/store.ts';
import { loadRates } from './rates.ts';

const MONEY_SCOPE = {
  labels: ['Person', 'Organisation', 'Account', 'Payment'],
  linkTypes: ['PAID', 'RECEIVED'],
};

/** What a trace reads: the parties money can be traced from, and the transfers. */
export interface MoneyGraph {
  parties: ReadonlySet<string>;
  transfers: readonly Transfer[];
  currency: string;
}

/** The money graph the clearance may see, read now. */
export async function readMoneyGraph(store: Store, clearance: Clearance): Promise<MoneyGraph> {
  const graph = await projectGraph(store, MONEY_SCOPE, clearance);
  const { base, rates } = loadRates();
  const { transfers } = extractPayments(graph, { currency: base, rates });
  const parties = new Set(graph.filterNodes((_id, attributes) => attributes.entityType !== 'Payment'));
  return { parties, transfers, currency: base };
}

/** A trace as the API and the CLI answer it; null when `from` is no party of the graph. */
export function traceIn(
  money: MoneyGraph,
  options: Partial<Omit<TraceOptions, 'from'>> & { from: string },
): (TraceResult & { from: string; direction: TraceOptions['direction']; currency: string }) | null {
  if (!money.parties.has(options.from)) return null;
  const trace = traceMoney(money.transfers, options);
  return {
    from: options.from,
    direction: options.direction ?? 'forward',
    currency: money.currency,
    ...trace,
  };
}

/** Traces remembered per money graph. */
const TRACES_KEPT = 256;

/**
 * Money graphs kept per clearance (the most recently used `keep` of them). Each is read again when
 * `localChanges` (writes committed through this server) or the import stamp has moved since it was
 * read; a read under way is shared by the traces that ask meanwhile.
 */
export class MoneyGraphs {
  private readonly kept = new Map<string, { stamp: string; graph: Promise<MoneyGraph> }>();
  private readonly traces = new WeakMap<MoneyGraph, Map<string, ReturnType<typeof traceIn>>>();

  constructor(
    private readonly store: Store,
    private readonly localChanges: () => number,
    private readonly keep = 8,
  ) {}

  /**
   * A trace over the clearance's money graph as the data stands now, remembered with that graph (a
   * trace is a pure function of the graph and the query, and a graph is never changed once read).
   */
  async trace(
    clearance: Clearance,
    options: Partial<Omit<TraceOptions, 'from'>> & { from: string },
  ): Promise<ReturnType<typeof traceIn>> {
    const money = await this.of(clearance);
    let traces = this.traces.get(money);
    if (traces === undefined) {
      traces = new Map();
      this.traces.set(money, traces);
    }
    const key = JSON.stringify(options, Object.keys(options).sort());
    if (!traces.has(key)) {
      if (traces.size >= TRACES_KEPT) traces.delete(traces.keys().next().value as string);
      traces.set(key, traceIn(money, options));
    }
    return traces.get(key) ?? null;
  }

  /** The clearance's money graph as the data stands now. */
  async of(clearance: Clearance): Promise<MoneyGraph> {
    const local = this.localChanges();
    const stamp = JSON.stringify([local, await importStamp(this.store)]);
    const key = partitionOf(clearance);
    const known = this.kept.get(key);
    if (known !== undefined && known.stamp === stamp) {
      this.kept.delete(key);
      this.kept.set(key, known);
      return known.graph;
    }
    const graph = readMoneyGraph(this.store, clearance);
    this.kept.delete(key);
    this.kept.set(key, { stamp, graph });
    for (const old of this.kept.keys()) {
      if (this.kept.size <= this.keep) break;
      this.kept.delete(old);
    }
    // A failed read is not kept: the next trace reads again.
    graph.catch(() => {
      if (this.kept.get(key)?.graph === graph) this.kept.delete(key);
    });
    return graph;
  }
}
