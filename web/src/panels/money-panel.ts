/**
 * The money view: a Sankey of the flows between syndicates (or countries), with the money that stays
 * within one listed apart; a trace from the selected entity through the loaded payments; and the
 * typology hits (cycles, fan-in, structuring, ...) grouped by kind, largest first, with their
 * payments highlighted on the graph.
 */
import { runAnalyses } from '../api/analyses.ts';
import type { AnalysisAnswer, GroupFlow, TypologyHit } from '../api/analyses.ts';
import { paymentLinks, traceMoneyFrom } from '../graph/money-trace.ts';
import { syndicateName, syndicatesFromRun } from '../graph/syndicates.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';
import { groupHits, splitFlows } from './money-lists.ts';
import { SANKEY_MAX, sankeyChart } from './sankey-chart.ts';

type By = 'communities' | 'countries';

function money(total: number, currency: string): string {
  return `${Math.round(total).toLocaleString('en')} ${currency}`;
}

/** Highlights some payments on the canvas, and says whether they are loaded there. */
function highlighter(workspace: Workspace) {
  return (payments: string[]) => {
    const shown = paymentLinks(workspace.view.graph, payments);
    workspace.view.update((s) => ({ ...s, highlight: shown }));
    workspace.say(
      shown.nodes.length > 0
        ? `${payments.length} payments highlighted`
        : 'Open the whole case to see these payments on the graph',
    );
  };
}

/** The flows that stay within one group, as a table: group, amount, payments. */
function withinTable(
  within: GroupFlow[],
  by: By,
  label: (g: string) => string,
  currency: string,
  pick: (f: GroupFlow) => void,
) {
  const title = by === 'communities' ? 'Within a syndicate' : 'Within a country';
  if (within.length === 0) return h('p', { id: 'within-flows', class: 'muted' }, `${title}: no payment.`);
  const rows = within.map((flow) =>
    h(
      'tr',
      { 'data-group': flow.from, 'data-total': flow.total },
      h(
        'th',
        { scope: 'row' },
        h('button', { type: 'button', class: 'link-button', onclick: () => pick(flow) }, label(flow.from)),
      ),
      h('td', { class: 'number' }, money(flow.total, currency)),
      h('td', { class: 'number' }, flow.count),
    ),
  );
  return h(
    'table',
    { id: 'within-flows', class: 'within-flows' },
    h('caption', {}, `${title} (left out of the diagram)`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, by === 'communities' ? 'Syndicate' : 'Country'),
        h('th', {}, 'Amount'),
        h('th', {}, 'Payments'),
      ),
    ),
    h('tbody', {}, ...rows),
  );
}

/** The typology hits, one collapsible group per kind with its count and total. */
function typologyList(
  answer: AnalysisAnswer,
  hits: readonly TypologyHit[],
  currency: string,
  pick: (payments: string[]) => void,
) {
  if (hits.length === 0)
    return h(
      'p',
      { id: 'typology-hits', class: 'muted' },
      'No payment pattern matches a laundering typology.',
    );
  const groups = groupHits(hits).map((group) =>
    h(
      'details',
      { class: 'typology-group', 'data-kind': group.kind, 'data-total': group.total, open: true },
      h('summary', {}, `${group.kind} (${group.hits.length}) · ${money(group.total, currency)}`),
      h(
        'ol',
        {},
        ...group.hits.map(({ hit, index }) =>
          h(
            'li',
            { 'data-kind': hit.kind, 'data-total': hit.total },
            h(
              'button',
              {
                type: 'button',
                class: 'link-button',
                'data-typology': index,
                onclick: () => pick(hit.payments),
              },
              hit.parties
                .slice(0, 3)
                .map((p) => answer.names[p] ?? p)
                .join(', ') + (hit.parties.length > 3 ? ` and ${hit.parties.length - 3} more` : ''),
            ),
            ` · ${money(hit.total, currency)}, ${hit.payments.length} payments, ${hit.from} to ${hit.to}`,
          ),
        ),
      ),
    ),
  );
  return h('div', { id: 'typology-hits' }, ...groups);
}

function render(body: HTMLElement, answer: AnalysisAnswer, by: By, workspace: Workspace): void {
  const report = answer.result.money;
  if (!report) return;
  // The run's own communities name its flows: their numbers are the run's.
  const syndicates = syndicatesFromRun(answer.result);
  const label = (group: string) => (by === 'communities' ? syndicateName(syndicates, Number(group)) : group);
  const highlight = highlighter(workspace);
  const { between, within } = splitFlows(report.flows[by]);
  const unconverted = report.unconverted.length;
  replace(
    body,
    h('p', {}, `${report.transfers} transfers, ${money(report.total, report.currency)} in all`),
    h(
      'p',
      { class: 'muted', id: 'money-currency' },
      `Amounts converted into ${report.currency} at the rate in force on each payment's date` +
        (unconverted > 0 ? `; ${unconverted} payments without a rate count as 0.` : '.'),
    ),
    between.length > 0
      ? sankeyChart(between, label, (flow) => highlight(flow.payments))
      : h(
          'p',
          { id: 'sankey-empty', class: 'muted' },
          by === 'communities'
            ? 'No payment goes from one syndicate to another.'
            : 'No payment crosses a border.',
        ),
    between.length > SANKEY_MAX
      ? h(
          'p',
          { class: 'muted', id: 'sankey-cut' },
          `The ${SANKEY_MAX} largest of ${between.length} flows are drawn.`,
        )
      : null,
    withinTable(within, by, label, report.currency, (flow) => highlight(flow.payments)),
    h('h3', {}, 'Typology hits'),
    typologyList(answer, report.typologies, report.currency, highlight),
  );
}

/** Mounts the money panel. */
export function mountMoneyPanel(container: HTMLElement, workspace: Workspace): void {
  const body = h('div', { id: 'money-results' });
  const by = h(
    'select',
    { id: 'flows-by', 'aria-label': 'Flows between' },
    h('option', { value: 'communities' }, 'between syndicates'),
    h('option', { value: 'countries' }, 'between countries'),
  );
  let answer: AnalysisAnswer | null = null;
  const draw = () => answer && render(body, answer, by.value as By, workspace);
  by.addEventListener('change', draw);
  const run = h('button', { type: 'button', id: 'run-money' }, 'Analyse money flows');
  run.addEventListener('click', () => {
    run.disabled = true;
    workspace.say('Analysing money flows…');
    runAnalyses(['communities', 'money'], workspace.view.shownCase())
      .then((result) => {
        answer = result;
        draw();
        container.dataset.state = 'done';
        workspace.say('');
      })
      .catch((error: unknown) => workspace.say(String(error), 'error'))
      .finally(() => (run.disabled = false));
  });
  const trace = h(
    'button',
    {
      type: 'button',
      id: 'trace-money',
      onclick: () => {
        const start = workspace.view.state.selected[0];
        if (!start) return void workspace.say('Select the entity to trace from first.', 'error');
        const trail = traceMoneyFrom(workspace.view.graph, start);
        workspace.view.update((s) => ({ ...s, highlight: trail }));
        workspace.say(`${trail.nodes.length - 1} payments and parties on the trail`);
      },
    },
    'Trace from selected',
  );
  replace(container, h('h2', {}, 'Money'), h('div', { class: 'actions' }, run, by, trace), body);
}
