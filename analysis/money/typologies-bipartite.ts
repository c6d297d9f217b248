/**
 * Bipartite: a set of payers paying a set of payees, none of whom pays on within the window (the
 * bipartite typology of Altman et al. 2023, "Realistic Synthetic Financial Transactions for Anti-Money
 * Laundering Models", figure 2). Stacks, two such layers on top of each other, are in typologies-stack.ts.
 */
import {
  between,
  indexTransfers,
  makeHit,
  type TimedTransfer,
  type TransferIndex,
} from './transfer-index.ts';
import { DAY_MS, type Transfer, type TypologyHit } from './types.ts';

/** Options of `detectBipartite`. */
export interface BipartiteOptions {
  /** Fewest payers and fewest payees. */
  minSide: number;
  windowDays: number;
}

/** Defaults of `detectBipartite`: two payers and two payees within ten days. */
export const DEFAULTS: BipartiteOptions = { minSide: 2, windowDays: 10 };

/** Payers paying payees, none of whom receives (payers) or pays (payees) within the window. */
export function detectBipartite(
  transfers: readonly Transfer[],
  options: Partial<BipartiteOptions> = {},
): TypologyHit[] {
  return bipartiteFromIndex(indexTransfers(transfers, 'money/typologies-bipartite'), {
    ...DEFAULTS,
    ...options,
  });
}

/** Bipartites over an index: connected groups of pure payers and pure payees. */
export function bipartiteFromIndex(index: TransferIndex, options: BipartiteOptions): TypologyHit[] {
  const span = options.windowDays * DAY_MS;
  const pure = index.transfers.filter(
    (t) =>
      between(index.incoming.get(t.from), t.time - span, t.time + span).length === 0 &&
      between(index.outgoing.get(t.to), t.time - span, t.time + span).length === 0,
  );
  const hits: TypologyHit[] = [];
  for (const group of components(pure)) {
    const payers = [...new Set(group.map((t) => t.from))];
    const payees = [...new Set(group.map((t) => t.to))];
    if (payers.length < options.minSide || payees.length < options.minSide) continue;
    hits.push(makeHit('bipartite', [...payers, ...payees], group));
  }
  return hits;
}

/** Weakly connected groups of transfers (union-find over parties). */
function components(transfers: readonly TimedTransfer[]): TimedTransfer[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  for (const t of transfers) {
    if (!parent.has(t.from)) parent.set(t.from, t.from);
    if (!parent.has(t.to)) parent.set(t.to, t.to);
    parent.set(find(t.from), find(t.to));
  }
  const groups = new Map<string, TimedTransfer[]>();
  for (const t of transfers) {
    const root = find(t.from);
    groups.set(root, [...(groups.get(root) ?? []), t]);
  }
  return [...groups.values()];
}
