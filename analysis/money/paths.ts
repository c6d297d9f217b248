/**
 * Money paths for disruption: every (payer, payee) pair where value can flow from the payer to the
 * payee through one or more Payment nodes (PAID party -> Payment, RECEIVED Payment -> party),
 * intermediaries included, so cutting out a broker also cuts the flows that passed through them.
 */
import type { AbstractGraph } from 'graphology-types';

/** Directed money steps (party -> Payment -> party) and the set of Payment nodes. */
export interface MoneyFlows {
  next: Map<string, string[]>;
  payments: Set<string>;
}

/** Reads the PAID and RECEIVED links of a (directed) case graph. */
export function buildMoneyFlows(graph: AbstractGraph): MoneyFlows {
  const next = new Map<string, string[]>();
  const payments = new Set<string>();
  const step = (from: string, to: string) => {
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  };
  if (graph.type === 'undirected') return { next, payments };
  graph.forEachNode((payment, attributes) => {
    if (attributes.entityType !== 'Payment') return;
    payments.add(payment);
    graph.forEachOutEdge(payment, (_e, link, _s, target) => {
      if (link.linkType === 'RECEIVED') step(payment, target);
    });
    graph.forEachInEdge(payment, (_e, link, source) => {
      if (link.linkType === 'PAID') step(source, payment);
    });
  });
  return { next, payments };
}

/** All payer -> payee pairs (as [payer, payee] JSON) connected by money, avoiding removed entities. */
export function listMoneyPaths(flows: MoneyFlows, removed: ReadonlySet<string>): Set<string> {
  const pairs = new Set<string>();
  for (const payer of flows.next.keys()) {
    if (removed.has(payer) || flows.payments.has(payer)) continue;
    const seen = new Set<string>([payer]);
    const queue = [payer];
    for (let head = 0; head < queue.length; head++) {
      for (const to of flows.next.get(queue[head] as string) ?? []) {
        if (seen.has(to) || removed.has(to)) continue;
        seen.add(to);
        queue.push(to);
        if (!flows.payments.has(to)) pairs.add(JSON.stringify([payer, to]));
      }
    }
  }
  return pairs;
}
