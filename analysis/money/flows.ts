/**
 * Money flows out of a case graph. Each Payment node, with its PAID (payer -> Payment) and RECEIVED
 * (Payment -> payee) links, becomes one directed, dated, weighted transfer, the edge list on which
 * tracing and the laundering typologies work (the transaction-graph view of Altman et al. 2023,
 * "Realistic Synthetic Financial Transactions for Anti-Money Laundering Models", NeurIPS D&B).
 */
import { isGraph } from 'graphology-utils';
import type { CaseGraph } from '../core/types.ts';
import { createRateLookup, type ExchangeRate } from './rates.ts';
import type { Transfer } from './types.ts';

/** Options of `extractPayments`. */
export interface ExtractPaymentsOptions {
  /** Dated rates into `currency`; the rate in force on the payment date applies. */
  rates: readonly ExchangeRate[];
  /** The analysis currency (ISO 4217). */
  currency: string;
}

/** Defaults of `extractPayments`. */
export const DEFAULTS: ExtractPaymentsOptions = { rates: [], currency: 'EUR' };

/** Why a payment could not become a transfer. */
export type IncompleteReason =
  | 'no payer'
  | 'no receiver'
  | 'several payers'
  | 'several receivers'
  | 'no date';

/** Why a transfer's amount could not be converted. */
export type UnconvertedReason = 'no amount' | 'no currency' | 'unknown currency' | 'no rate on date';

/** What `extractPayments` returns. */
export interface ExtractedPayments {
  transfers: Transfer[];
  /** Payments that lack a party or a date, never turned into transfers. */
  incomplete: { payment: string; reason: IncompleteReason }[];
  /** Transfers left unconverted: no amount, no currency, or no rate in force for it on their date. */
  unconverted: { payment: string; currency: string; date: string; reason: UnconvertedReason }[];
}

const PARTY_TYPES = new Set(['Person', 'Organisation', 'Account']);

/** Turns every Payment node with one payer and one receiver into a transfer, converting its amount. */
export function extractPayments(
  graph: CaseGraph,
  options: Partial<ExtractPaymentsOptions> = {},
): ExtractedPayments {
  if (!isGraph(graph)) {
    throw new Error(
      'ariadne/analysis/money/flows: the given graph is not a graphology instance (did you pass the projection result instead of its graph?)',
    );
  }
  const settings = { ...DEFAULTS, ...options };
  const rateOf = createRateLookup(settings.rates, settings.currency, 'money/flows');
  const result: ExtractedPayments = { transfers: [], incomplete: [], unconverted: [] };
  graph.forEachNode((id, attributes) => {
    if (attributes.entityType !== 'Payment') return;
    const payers = partiesOf(graph, id, 'in', 'PAID');
    const receivers = partiesOf(graph, id, 'out', 'RECEIVED');
    const reason = incompleteReason(payers, receivers, attributes.date);
    if (reason) {
      result.incomplete.push({ payment: id, reason });
      return;
    }
    const known = typeof attributes.amount === 'number' && Number.isFinite(attributes.amount);
    const amount = known ? (attributes.amount as number) : 0;
    const currency = typeof attributes.currency === 'string' ? attributes.currency.trim().toUpperCase() : '';
    const date = attributes.date as string;
    const rate = known && currency ? rateOf(currency, date) : undefined;
    if (rate === undefined) {
      const reason = !known
        ? 'no amount'
        : !currency
          ? 'no currency'
          : rateOf.knows(currency)
            ? 'no rate on date'
            : 'unknown currency';
      result.unconverted.push({ payment: id, currency, date, reason });
    }
    const transfer: Transfer = {
      id,
      from: payers[0] as string,
      to: receivers[0] as string,
      amount,
      currency,
      amountConverted: rate === undefined ? null : Math.round(amount * rate * 100) / 100,
      date,
    };
    if (typeof attributes.method === 'string') transfer.method = attributes.method;
    result.transfers.push(transfer);
  });
  return result;
}

function partiesOf(graph: CaseGraph, payment: string, side: 'in' | 'out', linkType: string): string[] {
  const parties = new Set<string>();
  const visit = (_edge: string, attributes: { linkType: string }, source: string, target: string) => {
    if (attributes.linkType !== linkType) return;
    const party = side === 'in' ? source : target;
    if (PARTY_TYPES.has(graph.getNodeAttribute(party, 'entityType'))) parties.add(party);
  };
  if (side === 'in') graph.forEachInEdge(payment, visit);
  else graph.forEachOutEdge(payment, visit);
  return [...parties];
}

function incompleteReason(
  payers: string[],
  receivers: string[],
  date: unknown,
): IncompleteReason | undefined {
  if (payers.length === 0) return 'no payer';
  if (receivers.length === 0) return 'no receiver';
  if (payers.length > 1) return 'several payers';
  if (receivers.length > 1) return 'several receivers';
  if (typeof date !== 'string' || date === '') return 'no date';
  return undefined;
}

/** A flow between two groups (communities, countries, ...). */
export interface GroupFlow {
  from: string;
  to: string;
  total: number;
  count: number;
  payments: string[];
}

/**
 * Sums transfers between groups; `groupOf` maps a party to its group or undefined. Flows inside one
 * group are kept (from === to); transfers touching an ungrouped party are counted apart.
 */
export function aggregateFlows(
  transfers: readonly Transfer[],
  groupOf: (party: string) => string | undefined,
): { flows: GroupFlow[]; ungrouped: number } {
  const flows = new Map<string, GroupFlow>();
  let ungrouped = 0;
  for (const t of transfers) {
    const from = groupOf(t.from);
    const to = groupOf(t.to);
    if (from === undefined || to === undefined) {
      ungrouped++;
      continue;
    }
    const key = JSON.stringify([from, to]);
    const flow = flows.get(key) ?? { from, to, total: 0, count: 0, payments: [] };
    flow.total = Math.round((flow.total + (t.amountConverted ?? 0)) * 100) / 100;
    flow.count++;
    flow.payments.push(t.id);
    flows.set(key, flow);
  }
  return { flows: [...flows.values()].sort((a, b) => b.total - a.total), ungrouped };
}
