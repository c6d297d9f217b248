/**
 * The details of a payment link (payments folded into one link payer -> payee): its parties, count,
 * amounts and dates, and the payments themselves, each a button that opens the payment record.
 */
import type { GraphView } from '../graph/graph-view.ts';
import { describePaymentLink, type PaymentLink } from '../graph/payment-links.ts';
import { typeColour, typeGlyph } from '../graph/palette.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';

function nameOf(view: GraphView, node: string): string {
  if (!view.graph.hasNode(node)) return node;
  const name = view.graph.getNodeAttribute(node, 'name');
  return typeof name === 'string' && name !== '' ? name : node;
}

/** One payment of the link, as a button that opens it. */
function paymentButton(view: GraphView, payment: string, workspace: Workspace): HTMLElement {
  const a = view.graph.getNodeAttributes(payment);
  const amount =
    typeof a.amount === 'number'
      ? `${a.amount.toLocaleString('en')} ${String(a.currency ?? '')}`.trim()
      : 'no amount';
  const glyph = h('span', { class: 'glyph', 'aria-hidden': 'true' }, typeGlyph('Payment'));
  glyph.style.color = typeColour('Payment');
  return h(
    'li',
    {},
    h(
      'button',
      { type: 'button', class: 'link-button', 'data-id': payment, onclick: () => workspace.select(payment) },
      glyph,
      [typeof a.date === 'string' ? a.date.slice(0, 10) : 'undated', amount, a.method]
        .filter(Boolean)
        .join(' · '),
    ),
  );
}

/** Shows a payment link in the details panel. */
export function showPaymentLink(
  panel: HTMLElement,
  edge: string,
  ends: { source: string; target: string },
  link: PaymentLink,
  workspace: Workspace,
): void {
  const view = workspace.view;
  const byDate = [...link.payments].sort((x, y) =>
    String(view.graph.getNodeAttribute(x, 'date') ?? '').localeCompare(
      String(view.graph.getNodeAttribute(y, 'date') ?? ''),
    ),
  );
  delete panel.dataset.entity;
  panel.dataset.link = edge;
  panel.dataset.state = 'ready';
  replace(
    panel,
    h('h2', { id: 'details-name' }, `${nameOf(view, ends.source)} → ${nameOf(view, ends.target)}`),
    h(
      'p',
      { class: 'details-meta' },
      h('span', { class: 'type' }, 'Payments'),
      ' ',
      describePaymentLink(link),
    ),
    h(
      'p',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'link-button', onclick: () => workspace.select(ends.source) },
        'Open payer',
      ),
      ' ',
      h(
        'button',
        { type: 'button', class: 'link-button', onclick: () => workspace.select(ends.target) },
        'Open payee',
      ),
    ),
    h(
      'section',
      {},
      h('h3', {}, 'Payments, by date'),
      h('ul', { id: 'link-payments' }, ...byDate.map((p) => paymentButton(view, p, workspace))),
    ),
  );
}
