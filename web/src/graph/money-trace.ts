/**
 * Follows the money from an entity through what is loaded: party -PAID-> Payment -RECEIVED-> party,
 * forward, up to a number of payments deep. Returns what to highlight.
 */
import type { DataGraph } from './data-graph.ts';

/** Nodes and edges on the money trail from `start`. */
export function traceMoneyFrom(
  graph: DataGraph,
  start: string,
  maxPayments = 4,
): { nodes: string[]; edges: string[] } {
  const nodes = new Set([start]);
  const edges = new Set<string>();
  let frontier = [start];
  for (let hop = 0; hop < maxPayments && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const party of frontier) {
      graph.forEachOutEdge(party, (paid, attributes, _s, payment) => {
        if (attributes.linkType !== 'PAID') return;
        graph.forEachOutEdge(payment, (received, link, _p, payee) => {
          if (link.linkType !== 'RECEIVED') return;
          edges.add(paid);
          edges.add(received);
          nodes.add(payment);
          if (!nodes.has(payee)) {
            nodes.add(payee);
            next.push(payee);
          }
        });
      });
    }
    frontier = next;
  }
  return { nodes: [...nodes], edges: [...edges] };
}

/** The PAID and RECEIVED links of some payments, for highlighting a typology. */
export function paymentLinks(graph: DataGraph, payments: string[]): { nodes: string[]; edges: string[] } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const payment of payments) {
    if (!graph.hasNode(payment)) continue;
    nodes.add(payment);
    graph.forEachEdge(payment, (edge, attributes, source, target) => {
      if (attributes.linkType !== 'PAID' && attributes.linkType !== 'RECEIVED') return;
      edges.add(edge);
      nodes.add(source);
      nodes.add(target);
    });
  }
  return { nodes: [...nodes], edges: [...edges] };
}
