/**
 * Money by route: a transfer counts for the routes its payer or payee travelled (directly, or as the
 * holder of the account that paid or received), since fees are paid for a passage.
 */
import { extractPayments } from '../../../analysis/money/flows.ts';
import type { Transfer } from '../../../analysis/money/types.ts';
import type { CaseGraph } from '../../../analysis/core/types.ts';
import type { ReportContext } from '../context.ts';

/** Totals by route: converted sum, count and payment ids. */
export interface RouteMoney {
  route: string;
  total: number;
  payments: string[];
}

function routesOf(graph: CaseGraph, party: string): string[] {
  const people = [party];
  graph.forEachInEdge(party, (_e, link, source) => {
    if (link.linkType === 'HOLDS_ACCOUNT') people.push(source);
  });
  const routes = new Set<string>();
  for (const person of people)
    graph.forEachOutEdge(person, (_e, link, _s, target, _sa, targetAttributes) => {
      if (link.linkType === 'TRAVELLED' && targetAttributes.entityType === 'Route') routes.add(target);
    });
  return [...routes];
}

/** The payments in scope converted, and their totals by route (largest first). */
export function sumMoneyByRoute(ctx: ReportContext): { transfers: Transfer[]; byRoute: RouteMoney[] } {
  const currency = ctx.result.money?.currency ?? 'EUR';
  const { transfers } = extractPayments(ctx.graph, { currency, rates: ctx.rates });
  const byRoute = new Map<string, RouteMoney>();
  for (const t of transfers) {
    for (const route of new Set([...routesOf(ctx.graph, t.from), ...routesOf(ctx.graph, t.to)])) {
      const entry = byRoute.get(route) ?? { route, total: 0, payments: [] };
      entry.total += t.amountConverted ?? 0;
      entry.payments.push(t.id);
      byRoute.set(route, entry);
    }
  }
  return { transfers, byRoute: [...byRoute.values()].sort((a, b) => b.total - a.total) };
}
