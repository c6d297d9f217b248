/**
 * Paths between two chosen entities: the shortest ones or every simple path up to four hops,
 * opened into the view and highlighted, each path listed hop by hop: the link type, its direction
 * and its grade between each pair of names. What a bound cut is said.
 */
import type { PathKeys, PathLink } from '../api/types.ts';
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
  const cut = served?.attributes.truncated === true;
  replace(
    list,
    ...(paths.length === 0
      ? [
          h(
            'li',
            { class: 'muted' },
            cut
              ? 'No path found before the search reached its bound (entities read, or steps): one may still exist further out.'
              : 'No path within four hops that you may see (hubs such as the case and sources left out).',
          ),
        ]
      : paths.map((path) => pathItem(workspace, path))),
  );
  const found = `${paths.length} path${paths.length === 1 ? '' : 's'} found`;
  workspace.say(
    cut
      ? `${found}; the search stopped at a bound (the most paths, entities read or steps), so others may exist`
      : found,
  );
}

/** One link of a step as text: its type, direction and grade. */
function linkText(link: PathLink): string {
  const grade = link.grade ? ` ${link.grade}` : '';
  return link.direction === 'forward' ? `—${link.linkType}${grade}→` : `←${link.linkType}${grade}—`;
}

/** A path, hop by hop: each entity's name, then the links of the step to the next. */
function pathItem(workspace: Workspace, path: PathKeys): HTMLElement {
  const parts: (HTMLElement | string)[] = [];
  path.nodes.forEach((node, i) => {
    parts.push(h('span', { class: 'path-node' }, nameOf(workspace, node)));
    const step = path.steps?.[i];
    if (i < path.nodes.length - 1)
      parts.push(
        h(
          'span',
          { class: 'path-step' },
          ` ${step && step.length > 0 ? step.map(linkText).join(' / ') : '→'} `,
        ),
      );
  });
  return h('li', {}, ...parts);
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
