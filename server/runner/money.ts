/**
 * The money step: payments as transfers converted into the analysis currency, the flows between
 * communities and between countries, and the laundering typologies (analysis/money).
 */
import { aggregateFlows, extractPayments } from '../../analysis/money/flows.ts';
import type { ExchangeRate } from '../../analysis/money/rates.ts';
import { detectTypologies } from '../../analysis/money/typologies.ts';
import type { CaseGraph } from '../../analysis/core/types.ts';
import type { MoneyReport } from './types.ts';

const PLACE_LINKS = new Set(['BASED_IN', 'LOCATED_IN']);

/**
 * The country a party stands for: its own, else the place it is based in, else (a person) its first
 * nationality, else (an account) its holder's. Undefined when nothing says.
 */
export function countryOf(graph: CaseGraph, party: string, depth = 0): string | undefined {
  const attributes = graph.getNodeAttributes(party);
  if (typeof attributes.country === 'string') return attributes.country;
  let found: string | undefined;
  graph.forEachOutEdge(party, (_e, link, _s, _t, _sa, targetAttributes) => {
    if (found === undefined && PLACE_LINKS.has(link.linkType) && typeof targetAttributes.country === 'string')
      found = targetAttributes.country;
  });
  if (found !== undefined) return found;
  const nationalities = attributes.nationalities;
  if (Array.isArray(nationalities) && typeof nationalities[0] === 'string') return nationalities[0];
  if (attributes.entityType === 'Account' && depth === 0) {
    graph.forEachInEdge(party, (_e, link, source) => {
      if (found === undefined && link.linkType === 'HOLDS_ACCOUNT') found = countryOf(graph, source, 1);
    });
  }
  return found;
}

/** Transfers, flows by community and by country, and typologies. */
export function runMoney(
  graph: CaseGraph,
  membership: Readonly<Record<string, number>>,
  options: { currency: string; rates: readonly ExchangeRate[] },
): MoneyReport {
  const { transfers, incomplete, unconverted } = extractPayments(graph, {
    currency: options.currency,
    rates: options.rates,
  });
  const countries = new Map<string, string | undefined>();
  const country = (party: string) => {
    if (!countries.has(party)) countries.set(party, countryOf(graph, party));
    return countries.get(party);
  };
  const community = (party: string) => (party in membership ? String(membership[party]) : undefined);
  const total = transfers.reduce((sum, t) => sum + (t.amountConverted ?? 0), 0);
  return {
    currency: options.currency,
    transfers: transfers.length,
    total: Math.round(total * 100) / 100,
    incomplete,
    unconverted,
    flows: {
      communities: aggregateFlows(transfers, community).flows,
      countries: aggregateFlows(transfers, country).flows,
    },
    typologies: detectTypologies(transfers),
  };
}
