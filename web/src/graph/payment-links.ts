/**
 * Payments as links: analysts read money as payer -> payee, amount and date more often than as
 * nodes. A Payment node shown with a payer (PAID) and a payee (RECEIVED) shown is folded into one
 * directed link per payer and payee; the payments between the same two parties share the link,
 * which carries their ids, amounts by currency and date range. A payment missing a party stays a
 * node, so nothing disappears unsaid.
 */
import { type DataGraph, dateOf, type EdgeData, type GraphRecords } from './data-graph.ts';

/** The payments from one party to another, folded into one link. */
export interface PaymentLink {
  payments: string[];
  /** Amounts by currency (never added across currencies). */
  money: Record<string, number>;
  /** Earliest and latest payment date (ISO), null when no payment is dated. */
  first: string | null;
  last: string | null;
  /**
   * The link's amount against the largest link's in the same currency (0..1); the largest of its
   * currencies. Widths compare amounts within a currency only, since no rate is applied here.
   */
  share: number;
}

/** The shown payments that fold: each with its shown payers and payees. */
export function foldablePayments(
  graph: GraphRecords,
  shownNodes: ReadonlySet<string>,
  isEdgeShown: (attributes: EdgeData) => boolean,
): Map<string, { payers: string[]; payees: string[] }> {
  const out = new Map<string, { payers: string[]; payees: string[] }>();
  for (const payment of shownNodes) {
    if (graph.getNodeAttributes(payment).entityType !== 'Payment') continue;
    const payers: string[] = [];
    const payees: string[] = [];
    graph.forEachInEdge(payment, (_e, attributes, source) => {
      if (attributes.linkType === 'PAID' && shownNodes.has(source) && isEdgeShown(attributes))
        payers.push(source);
    });
    graph.forEachOutEdge(payment, (_e, attributes, _s, target) => {
      if (attributes.linkType === 'RECEIVED' && shownNodes.has(target) && isEdgeShown(attributes))
        payees.push(target);
    });
    if (payers.length > 0 && payees.length > 0) out.set(payment, { payers, payees });
  }
  return out;
}

/** A new, empty payment link. */
export function emptyPaymentLink(): PaymentLink {
  return { payments: [], money: {}, first: null, last: null, share: 0 };
}

/**
 * Adds a payment's amount, by currency, to a tally; an unpriced payment adds nothing. Amounts are
 * added in whole cents, as integers: the tally is the same in whatever order payments are added.
 */
export function addAmount(money: Record<string, number>, graph: GraphRecords, payment: string): void {
  const { amount, currency } = graph.getNodeAttributes(payment);
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return;
  const key = typeof currency === 'string' && currency !== '' ? currency.toUpperCase() : 'unknown';
  money[key] = (Math.round((money[key] ?? 0) * 100) + Math.round(amount * 100)) / 100;
}

/** Adds one payment to a link. */
export function addPayment(link: PaymentLink, graph: GraphRecords, payment: string): void {
  if (link.payments.includes(payment)) return;
  link.payments.push(payment);
  addAmount(link.money, graph, payment);
  const date = dateOf(graph.getNodeAttributes(payment));
  if (date === null) return;
  if (link.first === null || date < link.first) link.first = date;
  if (link.last === null || date > link.last) link.last = date;
}

/** Sets each link's share: its amount against the largest link's, currency by currency. */
export function scaleShares(links: readonly PaymentLink[]): void {
  const largest = new Map<string, number>();
  for (const link of links)
    for (const [currency, amount] of Object.entries(link.money))
      largest.set(currency, Math.max(largest.get(currency) ?? 0, amount));
  for (const link of links) {
    link.share = 0;
    for (const [currency, amount] of Object.entries(link.money)) {
      const top = largest.get(currency) ?? 0;
      if (top > 0) link.share = Math.max(link.share, amount / top);
    }
  }
}

/** Amounts by currency as text: "12,000 EUR, 3,500 USD". */
export function moneyText(money: Record<string, number>): string {
  return Object.entries(money)
    .sort((a, b) => b[1] - a[1])
    .map(([currency, amount]) => `${Math.round(amount).toLocaleString('en')} ${currency}`)
    .join(', ');
}

/** What a payment link says: count, amounts and dates. */
export function describePaymentLink(link: PaymentLink): string {
  const count = `${link.payments.length} payment${link.payments.length === 1 ? '' : 's'}`;
  const amounts = moneyText(link.money) || 'no amount recorded';
  const dates =
    link.first === null ? 'undated' : link.first === link.last ? link.first : `${link.first} to ${link.last}`;
  return `${count} · ${amounts} · ${dates}`;
}

type Point = { x: number; y: number };

/** The distance from a point to the segment a-b. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * The records behind a drawing with payments as links: the items drawn, with the payments folded into
 * the links and their PAID and RECEIVED links to parties among them.
 */
export function withFoldedPayments(
  graph: DataGraph,
  items: { nodes: string[]; edges: string[] },
  links: readonly PaymentLink[],
): { nodes: string[]; edges: string[] } {
  const nodes = new Set(items.nodes);
  const edges = new Set(items.edges);
  const payments = new Set(links.flatMap((link) => link.payments));
  for (const payment of payments) nodes.add(payment);
  for (const payment of payments)
    graph.forEachEdge(payment, (edge, attributes, source, target) => {
      const other = source === payment ? target : source;
      if ((attributes.linkType === 'PAID' || attributes.linkType === 'RECEIVED') && nodes.has(other))
        edges.add(edge);
    });
  return { nodes: [...nodes], edges: [...edges] };
}
