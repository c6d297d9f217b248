/**
 * The workspace: search and user in the header; tool panels on the left; the graph canvas with its
 * toolbar and timeline in the middle; the details panel on the right. It wires sigma's events
 * (click selects, double-click expands), keeps the view in the address bar, and exposes a
 * read-only handle on what is drawn for tests and benchmarks.
 */
import { logOut } from '../api/client.ts';
import type { SerializedGraph, Viewer } from '../api/types.ts';
import { GraphView } from '../graph/graph-view.ts';
import { prefetchLoads } from '../graph/loads.ts';
import { decodeView, encodeView } from '../graph/url-state.ts';
import { type Load, withGroupOpen } from '../graph/view-state.ts';
import { h, replace } from '../lib/dom.ts';
import { mountInbox } from '../panels/alert-inbox.ts';
import { showEntity } from '../panels/details-panel.ts';
import { showPaymentLink } from '../panels/payment-link-panel.ts';
import { mountLegend } from '../panels/legend.ts';
import { mountSearchBox } from '../panels/search-box.ts';
import { viewsMenu } from '../panels/views-menu.ts';
import type { StatusAction, Workspace } from './context.ts';
import { mountNoteBadges } from './note-badges.ts';
import { exposeHandle } from './test-handle.ts';
import { toolPanels } from './tool-panels.ts';
import { mountTimeAxis } from './time-axis.ts';
import { buildToolbar } from './toolbar.ts';

type NeighbourhoodLoad = Extract<Load, { kind: 'neighbourhood' }>;

/** The most entities one neighbourhood load may hold (the API's bound on `limit`). */
const MAX_NEIGHBOURHOOD = 1_000;

function header(viewer: Viewer, search: HTMLElement, status: HTMLElement, inbox: HTMLElement): HTMLElement {
  const signOut = h(
    'button',
    { type: 'button', id: 'logout', onclick: () => void logOut().finally(() => location.reload()) },
    'Sign out',
  );
  return h(
    'header',
    { class: 'top' },
    h('h1', {}, 'Ariadne'),
    search,
    status,
    inbox,
    h(
      'span',
      { id: 'user', class: 'user' },
      `${viewer.username} · ${viewer.role} · ${viewer.clearance.join(' ')}`,
    ),
    signOut,
  );
}

/** Builds the workspace into `root` for a signed-in user. */
export async function startWorkspace(root: HTMLElement, viewer: Viewer): Promise<void> {
  performance.mark('ariadne:workspace');
  // A view from a link: its data is fetched while the workspace and the renderer are built.
  const restored = decodeView(location.hash);
  if (restored) prefetchLoads(restored);
  root.dataset.state = 'workspace';
  const canvas = h('div', { id: 'graph', class: 'graph-canvas' });
  const progress = h('progress', {
    id: 'graph-progress',
    class: 'graph-progress',
    max: 1,
    'aria-label': 'Adding the records to the graph',
    hidden: true,
  });
  const stage = h('div', { class: 'stage' }, canvas, progress);
  const details = h(
    'aside',
    { id: 'details', class: 'details' },
    h('p', { class: 'muted' }, 'Search for an entity, or open the whole case from the Filters tab.'),
  );
  const legend = h('div', { id: 'legend', class: 'legend' });
  const search = h('div', { class: 'search' });
  const status = h('output', { id: 'status', class: 'status', 'aria-live': 'polite' });
  const left = h('aside', { class: 'tools' });
  const centre = h('section', { class: 'centre' }, h('div', { class: 'toolbar-slot' }), stage);
  const inbox = h('div', { class: 'inbox-slot' });
  replace(
    root,
    header(viewer, search, status, inbox),
    h('main', { class: 'workspace' }, left, centre, details),
  );

  const view = new GraphView(canvas);
  view.onProgress((fraction) => {
    progress.hidden = fraction === null;
    if (fraction !== null) progress.value = fraction;
  });
  const say = (message: string, kind: 'info' | 'error' = 'info', action?: StatusAction) => {
    const button =
      action &&
      h(
        'button',
        { type: 'button', id: 'status-action', class: 'link', onclick: () => action.run() },
        action.label,
      );
    replace(status, message, ...(button ? [' ', button] : []));
    status.dataset.kind = kind;
  };
  /** Says what a neighbourhood's limit cut, and offers to load more, up to the API's 1,000. */
  const sayCut = (served: SerializedGraph | null, load: NeighbourhoodLoad) => {
    if (served?.attributes.truncated !== true) return say('');
    const name = view.graph.hasNode(load.id) ? view.graph.getNodeAttribute(load.id, 'name') : null;
    const around = `around ${typeof name === 'string' ? name : load.id}`;
    if (load.limit >= MAX_NEIGHBOURHOOD)
      return say(
        `Showing the nearest ${load.limit} entities ${around}: there are more, past the most one load may hold; narrow it by depth or entity types (Expand options)`,
      );
    const more = Math.min(MAX_NEIGHBOURHOOD, load.limit * 4);
    say(`Showing the nearest ${load.limit} entities ${around}: there are more`, 'info', {
      label: `Load up to ${more}`,
      run: () => {
        say('Loading more…');
        const bigger = { ...load, limit: more };
        view
          .open(bigger)
          .then((again) => sayCut(again, bigger))
          .catch((error: unknown) => say(String(error), 'error'));
      },
    });
  };
  let toolbar: ReturnType<typeof buildToolbar> | null = null;
  const workspace: Workspace = {
    view,
    viewer,
    say,
    select(id) {
      view.update((s) => ({ ...s, selected: id ? [id] : [] }));
      if (id) void showEntity(details, id, workspace);
    },
    async openEntity(id) {
      say('Opening…');
      const load: NeighbourhoodLoad = { kind: 'neighbourhood', id, depth: 1, limit: 100 };
      const served = await view.open(load);
      workspace.select(id);
      view.sigma.getCamera().animatedReset({ duration: 300 });
      sayCut(served, load);
    },
    async expand(id) {
      const choice = toolbar?.expandChoice() ?? { depth: 1, types: [], limit: 100 };
      say('Expanding…');
      const load: NeighbourhoodLoad = { kind: 'neighbourhood', id, ...choice };
      sayCut(await view.open(load), load);
    },
  };
  toolbar = buildToolbar(view, stage);
  mountTimeAxis(stage, view);
  centre.firstElementChild?.replaceWith(toolbar.element);
  mountSearchBox(search, workspace);
  status.before(viewsMenu(workspace));
  mountNoteBadges(view, say);
  mountInbox(inbox, workspace);
  left.append(toolPanels(workspace, centre), legend);
  mountLegend(legend, view);

  view.sigma.on('clickNode', ({ node }) => {
    const group = view.grouped.plan?.groups.get(node);
    if (!group) return workspace.select(node);
    // Only said: selecting a group would rebuild the drawing between the two clicks of a double-click.
    say(`${group.name}: ${group.members} entities. Double-click to open it.`);
  });
  view.sigma.on('doubleClickNode', ({ node, event }) => {
    event.preventSigmaDefault();
    if (view.grouped.plan?.groups.has(node)) {
      // Groups drawn ahead of their records open once the records are in.
      if (view.mergingRecords()) return say('Still adding the records: open the group once they are in.');
      view.update((s) => ({ ...s, selected: [], grouping: withGroupOpen(s.grouping, node, true) }));
      return;
    }
    workspace.expand(node).catch((error: unknown) => say(String(error), 'error'));
  });
  view.sigma.on('clickStage', ({ event }) => {
    // A click on a payment link (payments drawn as links) opens its payments.
    const edge = view.state.paymentsAsLinks ? view.paymentLinkAt(event) : null;
    const link = edge === null ? null : view.paymentLink(edge);
    if (edge !== null && link) {
      const drawn = view.drawing();
      const ends = { source: drawn.source(edge), target: drawn.target(edge) };
      return showPaymentLink(details, edge, ends, link, workspace);
    }
    if (view.state.selected.length > 0) view.update((s) => ({ ...s, selected: [] }));
  });
  view.onChange(() => {
    const hash = encodeView(view.state);
    if (location.hash !== hash) history.replaceState(null, '', hash);
  });
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.target instanceof HTMLInputElement) return;
    if (event.key === 'z') view.history.undo();
    if (event.key === 'y') view.history.redo();
  });
  exposeHandle(view, workspace);
  if (restored) {
    say('Reopening the view from the link…');
    await view.restore(restored);
    const first = restored.selected[0];
    if (first) void showEntity(details, first, workspace);
    say('');
  }
}
