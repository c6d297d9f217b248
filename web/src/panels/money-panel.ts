/**
 * The money view: a Sankey of flows between communities or countries, a trace from the selected
 * entity through the loaded payments, and the typology hits (cycles, fan-in, structuring, ...) with
 * their payments highlighted on the graph.
 */
import { syndicateName } from '../graph/syndicates.ts';
import { runAnalyses } from '../api/analyses.ts';
import type { AnalysisAnswer, GroupFlow } from '../api/analyses.ts';
import { paymentLinks, traceMoneyFrom } from '../graph/money-trace.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';
import { sankeyChart } from './sankey-chart.ts';

function money(total: number, currency: string): string {
  return `${Math.round(total).toLocaleString('en')} ${currency}`;
}

function render(
  body: HTMLElement,
  answer: AnalysisAnswer,
  by: 'communities' | 'countries',
  workspace: Workspace,
): void {
  const report = answer.result.money;
  if (!report) return;
  const label = (group: string) =>
    by === 'communities' ? syndicateName(workspace.view.syndicates, Number(group)) : group;
  const highlight = (flow: GroupFlow) =>
    workspace.view.update((s) => ({ ...s, highlight: paymentLinks(workspace.view.graph, flow.payments) }));
  const hits = report.typologies.map((hit, i) =>
    h(
      'li',
      { 'data-kind': hit.kind },
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          'data-typology': i,
          onclick: () => {
            const shown = paymentLinks(workspace.view.graph, hit.payments);
            workspace.view.update((s) => ({ ...s, highlight: shown }));
            workspace.say(
              shown.nodes.length > 0
                ? `${hit.payments.length} payments highlighted`
                : 'Open the whole case to see these payments on the graph',
            );
          },
        },
        `${hit.kind}: ${hit.parties
          .slice(0, 3)
          .map((p) => answer.names[p] ?? p)
          .join(', ')}`,
      ),
      ` · ${hit.payments.length} payments, ${money(hit.total, report.currency)}, ${hit.from} to ${hit.to}`,
    ),
  );
  replace(
    body,
    h('p', {}, `${report.transfers} transfers, ${money(report.total, report.currency)} in all`),
    sankeyChart(report.flows[by], label, highlight),
    h('h3', {}, 'Typology hits'),
    h('ol', { id: 'typology-hits' }, ...hits),
  );
}

/** Mounts the money panel. */
export function mountMoneyPanel(container: HTMLElement, workspace: Workspace): void {
  const body = h('div', { id: 'money-results' });
  const by = h(
    'select',
    { id: 'flows-by', 'aria-label': 'Flows between' },
    h('option', { value: 'communities' }, 'between communities'),
    h('option', { value: 'countries' }, 'between countries'),
  );
  let answer: AnalysisAnswer | null = null;
  const draw = () => answer && render(body, answer, by.value as 'communities' | 'countries', workspace);
  by.addEventListener('change', draw);
  const run = h('button', { type: 'button', id: 'run-money' }, 'Analyse money flows');
  run.addEventListener('click', () => {
    run.disabled = true;
    workspace.say('Analysing money flows…');
    runAnalyses(['money'])
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
