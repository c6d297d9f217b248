/**
 * Paths between two chosen entities: the shortest ones or every simple path up to four hops,
 * opened into the view and highlighted, with each path listed by its names.
 */
import type { PathKeys } from '../api/types.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';

const ends: { from: string | null; to: string | null } = { from: null, to: null };
let refreshPanel: (() => void) | null = null;

/** Sets one end of the next path search. */
export function setPathEnd(end: 'from' | 'to', id: string, workspace: Workspace): void {
  ends[end] = id;
  workspace.say(`Path ${end}: ${nameOf(workspace, id)}`);
  refreshPanel?.();
}

function nameOf(workspace: Workspace, id: string): string {
  const graph = workspace.view.graph;
  return graph.hasNode(id) ? (graph.getNodeAttribute(id, 'name') ?? id) : id;
}

async function findPaths(workspace: Workspace, all: boolean, list: HTMLElement): Promise<void> {
  const { from, to } = ends;
  if (!from || !to) {
    workspace.say('Choose both ends first: "Path from" and "Path to" in the details panel.', 'error');
    return;
  }
  const served = await workspace.view.open({ kind: 'paths', from, to, all });
  const paths = (served?.attributes.paths as PathKeys[] | undefined) ?? [];
  const nodes = [...new Set(paths.flatMap((path) => path.nodes))];
  const edges = [...new Set(paths.flatMap((path) => path.edges))];
  workspace.view.update((state) => ({ ...state, highlight: { nodes, edges } }));
  list.dataset.count = String(paths.length);
  replace(
    list,
    ...(paths.length === 0
      ? [h('li', { class: 'muted' }, 'No path within four hops that you may see.')]
      : paths.map((path) => h('li', {}, path.nodes.map((node) => nameOf(workspace, node)).join(' → ')))),
  );
  workspace.say(`${paths.length} path${paths.length === 1 ? '' : 's'} found`);
}

/** Mounts the paths panel. */
export function mountPathsPanel(container: HTMLElement, workspace: Workspace): void {
  const fromText = h('span', { id: 'path-from' });
  const toText = h('span', { id: 'path-to' });
  const list = h('ol', { id: 'path-list', class: 'path-list' });
  refreshPanel = () => {
    fromText.textContent = ends.from ? nameOf(workspace, ends.from) : 'not chosen';
    toText.textContent = ends.to ? nameOf(workspace, ends.to) : 'not chosen';
  };
  refreshPanel();
  const run = (all: boolean) => () =>
    void findPaths(workspace, all, list).catch((error: unknown) => workspace.say(String(error), 'error'));
  replace(
    container,
    h('h2', {}, 'Paths'),
    h('p', {}, 'From: ', fromText),
    h('p', {}, 'To: ', toText),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', id: 'path-shortest', onclick: run(false) }, 'Shortest paths'),
      h('button', { type: 'button', id: 'path-all', onclick: run(true) }, 'All paths (≤ 4 hops)'),
      h(
        'button',
        {
          type: 'button',
          id: 'clear-highlight',
          onclick: () => workspace.view.update((s) => ({ ...s, highlight: null })),
        },
        'Clear highlight',
      ),
    ),
    list,
  );
}
