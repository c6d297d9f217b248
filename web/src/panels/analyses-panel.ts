/**
 * The analyses panel: runs the structure analyses as one run of the runs API, with a progress bar that
 * follows its steps, then lists the communities with their profiles, the community x crime-category
 * heat map, the key players and brokers, and a disruption "what if" (a run with `remove`, shown and
 * never written back as scores) that removes chosen nodes and shows how the network splits.
 */
import { runAnalyses } from '../api/analyses.ts';
import type { AnalysisAnswer, CommunityReport } from '../api/analyses.ts';
import { isGroupOpen, withGroupOpen, withItems } from '../graph/view-state.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';
import { heatMap } from './heat-map.ts';

function top(record: Record<string, number>, n: number): string {
  return Object.entries(record)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

function communityRow(community: CommunityReport, answer: AnalysisAnswer, workspace: Workspace): HTMLElement {
  const { view } = workspace;
  const key = `s:${community.id}`;
  const closed = !isGroupOpen(view.state.grouping, key);
  const members = community.summary.keyMembers.map((m) => answer.names[m.id] ?? m.name ?? m.id).join(', ');
  return h(
    'li',
    { 'data-community': community.id },
    h('strong', {}, community.summary.name),
    ` · ${community.size} entities`,
    h('div', { class: 'muted' }, `Key: ${members}`),
    h(
      'div',
      { class: 'muted' },
      `Crime: ${top(community.summary.crimeCategories, 3) || 'none'}; countries: ${top(community.summary.countries, 3)}`,
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          'data-action': 'focus',
          onclick: () =>
            view.update((s) => ({
              ...s,
              focus: s.focus === community.id ? null : community.id,
              colourBy: 'community',
            })),
        },
        'Focus',
      ),
      h(
        'button',
        {
          type: 'button',
          'data-action': 'collapse',
          onclick: () => view.update((s) => ({ ...s, grouping: withGroupOpen(s.grouping, key, closed) })),
        },
        closed ? 'Open' : 'Collapse',
      ),
    ),
  );
}

function entityList(
  id: string,
  title: string,
  items: { id: string; detail: string }[],
  answer: AnalysisAnswer,
  workspace: Workspace,
): HTMLElement {
  return h(
    'section',
    {},
    h('h3', {}, title),
    h(
      'ol',
      { id },
      ...items.map((item) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'data-id': item.id,
              onclick: () => void workspace.openEntity(item.id),
            },
            answer.names[item.id] ?? item.id,
          ),
          ` ${item.detail}`,
        ),
      ),
    ),
  );
}

function disruptionSection(workspace: Workspace): HTMLElement {
  const out = h('div', { id: 'disruption-result' });
  const run = async () => {
    const remove = workspace.view.state.selected;
    if (remove.length === 0)
      return void workspace.say('Select the nodes to remove first (click, lasso or query).', 'error');
    workspace.say('Simulating the removal…');
    const answer = await runAnalyses(['disruption'], { remove });
    const d = answer.result.disruption;
    workspace.view.update((s) => ({ ...s, removed: withItems(s.removed, remove), selected: [] }));
    if (!d) return;
    replace(
      out,
      h('p', {}, `Removed ${d.removed.map((r) => answer.names[r.id] ?? r.id).join(', ')}.`),
      h(
        'p',
        { 'data-components-before': d.before.components, 'data-components-after': d.after.components },
        `Components: ${d.before.components} → ${d.after.components}; largest: ${d.before.largestComponent} → ${d.after.largestComponent}; money paths: ${d.before.moneyPaths} → ${d.after.moneyPaths}.`,
      ),
      h(
        'p',
        {},
        d.communitiesSplit.length > 0
          ? `Communities split: ${d.communitiesSplit.map((c) => `${c.id} into ${c.pieces}`).join(', ')}`
          : 'No community splits.',
      ),
    );
    workspace.say('');
  };
  return h(
    'section',
    {},
    h('h3', {}, 'Disruption: what if'),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          id: 'disrupt',
          onclick: () => void run().catch((e: unknown) => workspace.say(String(e), 'error')),
        },
        'Remove selected',
      ),
      h(
        'button',
        { type: 'button', onclick: () => workspace.view.update((s) => ({ ...s, removed: [] })) },
        'Restore',
      ),
    ),
    out,
  );
}

function showResults(body: HTMLElement, answer: AnalysisAnswer, workspace: Workspace): void {
  const { result } = answer;
  const communities = (result.communities ?? []).slice().sort((a, b) => b.size - a.size);
  const categories = result.crimeLinks?.categories ?? [
    ...new Set(communities.flatMap((c) => Object.keys(c.summary.crimeCategories))),
  ];
  const big = communities.filter((c) => c.size >= 5).slice(0, 20);
  const render = () =>
    replace(
      body,
      h('p', {}, `${communities.length} communities, modularity ${(result.modularity ?? 0).toFixed(3)}`),
      h('h3', {}, 'Community × crime category'),
      heatMap(big, categories, (community, category) =>
        workspace.view.update((s) => ({
          ...s,
          focus: community,
          colourBy: 'crime',
          filters: { ...s.filters, categories: [category] },
        })),
      ),
      h('h3', {}, 'Communities'),
      h(
        'ul',
        { id: 'community-list', class: 'community-list' },
        ...big.map((c) => communityRow(c, answer, workspace)),
      ),
      entityList(
        'key-players',
        'Key facilitators',
        (result.keyPlayers ?? []).map((k) => ({
          id: k.id,
          detail: `${k.roles.join(', ')} · ${k.score.toFixed(3)}`,
        })),
        answer,
        workspace,
      ),
      entityList(
        'brokers',
        'Brokers between groups',
        (result.brokers ?? []).map((b) => ({
          id: b.id,
          detail: `reaches ${b.communitiesReached} communities`,
        })),
        answer,
        workspace,
      ),
      disruptionSection(workspace),
    );
  render();
  workspace.view.onChange(() => {
    // Collapse buttons say Open or Collapse after each change.
    for (const item of body.querySelectorAll<HTMLElement>('#community-list li')) {
      const button = item.querySelector<HTMLButtonElement>('[data-action="collapse"]');
      if (button)
        button.textContent = isGroupOpen(workspace.view.state.grouping, `s:${item.dataset.community}`)
          ? 'Collapse'
          : 'Open';
    }
  });
}

/** Mounts the analyses panel. */
export function mountAnalysesPanel(container: HTMLElement, workspace: Workspace): void {
  const progress = h('progress', { id: 'analysis-progress', class: 'progress', max: 1, value: 0 });
  const step = h('span', { id: 'analysis-step', class: 'muted' }, 'Not run yet');
  const body = h('div', { id: 'analysis-results' });
  const runButton = h('button', { type: 'button', id: 'run-analyses' }, 'Run structure analyses');
  runButton.addEventListener('click', () => {
    runButton.disabled = true;
    runAnalyses(['communities', 'centrality', 'brokers', 'crime-links'], {
      onProgress: (done, total, name) => {
        progress.max = total;
        progress.value = done;
        step.textContent = name === null ? 'Done' : `Step ${Math.min(done + 1, total)} of ${total}: ${name}`;
      },
    })
      .then((answer) => {
        workspace.view.useRun(answer.result);
        showResults(body, answer, workspace);
        container.dataset.state = 'done';
      })
      .catch((error: unknown) => workspace.say(String(error), 'error'))
      .finally(() => (runButton.disabled = false));
  });
  replace(
    container,
    h('h2', {}, 'Analyses'),
    h('div', { class: 'actions' }, runButton),
    progress,
    step,
    body,
  );
}
