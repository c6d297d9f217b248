/**
 * Saved views in the header: save what the canvas shows (the view state a link keeps, and where
 * each node stands) under a name, shared with named users; list the views the user owns or is
 * shared; open one, which replays its loads, restores its state and puts its nodes where they stood.
 * The server cuts a view to what the user may see, so what opens is only that; notes about the open
 * view are listed under the list.
 */
import type { SavedView, ViewSummary } from '../../../server/schema/api/views.ts';
import { deleteView, fetchView, fetchViews, saveView } from '../api/notes-views.ts';
import { keptView, viewFromKept } from '../graph/url-state.ts';
import { ApiError } from '../lib/http.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';
import { notesSection } from './notes-panel.ts';

/** What went wrong, with the fields a problem document names. */
function problemText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const errors =
    error instanceof ApiError ? (error.problem.errors as { field: string; message: string }[]) : [];
  return [error.message, ...(errors ?? []).map((e) => `${e.field}: ${e.message}`)].join('; ');
}

/** The state to save: the view state a link keeps, and the positions of the nodes shown. */
function currentState(workspace: Workspace): SavedView['state'] {
  const { view } = workspace;
  const positions = view.shown().nodes.map((id) => {
    const { x, y } = view.graph.getNodeAttributes(id);
    return { id, x, y };
  });
  // The workspace's filters hold handling codes as plain strings; the server accepts codes only.
  return { view: keptView(view.state) as SavedView['state']['view'], positions };
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Opens a saved view: its loads and state, then its positions (the layout is stopped to keep them). */
async function openView(workspace: Workspace, saved: SavedView): Promise<void> {
  const { view } = workspace;
  await view.restore(viewFromKept(saved.state.view));
  if (saved.state.positions.length > 0) {
    // The layout a merge plans starts after the next frame: let it start, then stop it (and the
    // chosen layout's animation): the saved positions are where the analyst left the nodes.
    await frame();
    await frame();
    view.stopLayouts();
    for (const { id, x, y } of saved.state.positions)
      if (view.graph.hasNode(id)) view.graph.mergeNodeAttributes(id, { x, y });
    view.sigma.refresh();
  }
  const first = saved.state.view.selected[0];
  if (first) workspace.select(first);
}

/** Builds the views menu: a toggle in the header and its panel. */
export function viewsMenu(workspace: Workspace): HTMLElement {
  const status = h('output', { id: 'views-status', class: 'muted', 'aria-live': 'polite' });
  const say = (message: string) => (status.textContent = message);
  const name = h('input', {
    id: 'view-name',
    type: 'text',
    maxlength: 200,
    placeholder: 'Name',
    required: true,
  });
  const share = h('input', {
    id: 'view-share',
    type: 'text',
    placeholder: 'Share with (usernames, comma-separated)',
    'aria-label': 'Share with',
  });
  const save = h('button', { type: 'submit', id: 'view-save' }, 'Save view');
  const form = h('form', { class: 'view-form' }, name, share, save);
  const list = h('ul', { id: 'view-list', class: 'view-list' });
  const notes = h('div', { id: 'view-notes' });
  const panel = h(
    'div',
    { id: 'views-panel', class: 'views-panel', hidden: true },
    h('h3', {}, 'Save this view'),
    form,
    h('h3', {}, 'Saved views'),
    list,
    status,
    notes,
  );
  const toggle = h('button', { type: 'button', id: 'views-toggle', 'aria-expanded': 'false' }, 'Views');

  const item = (summary: ViewSummary) => {
    const open = h('button', { type: 'button', class: 'view-open', 'data-view-id': summary.id }, 'Open');
    open.addEventListener('click', () => {
      say(`Opening ${summary.name}…`);
      fetchView(summary.id)
        .then(async (saved) => {
          await openView(workspace, saved);
          replace(notes, notesSection(saved.id, null, workspace, 'view'));
          say(`Opened ${saved.name}.`);
        })
        .catch((error: unknown) => say(`The view was not opened: ${problemText(error)}`));
    });
    const owned = summary.owner === workspace.viewer.username;
    const remove = owned
      ? h('button', { type: 'button', class: 'view-delete', 'data-view-id': summary.id }, 'Delete')
      : null;
    remove?.addEventListener('click', () => {
      deleteView(summary.id)
        .then(() => refresh())
        .catch((error: unknown) => say(`The view was not deleted: ${problemText(error)}`));
    });
    const by = owned
      ? `yours${summary.sharedWith.length ? `, shared with ${summary.sharedWith.join(', ')}` : ''}`
      : `by ${summary.owner}`;
    return h('li', { 'data-view-id': summary.id }, h('strong', {}, summary.name), ` (${by}) `, open, remove);
  };

  const refresh = async () => {
    try {
      const { views } = await fetchViews();
      replace(list, ...views.map(item));
      say(views.length === 0 ? 'No view is saved by you or shared with you.' : '');
    } catch (error) {
      say(`Saved views cannot be listed: ${problemText(error)}`);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const sharedWith = share.value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    save.disabled = true;
    saveView({ name: name.value, state: currentState(workspace), sharedWith })
      .then(async (saved) => {
        await refresh();
        say(`Saved ${saved.name}.`);
      })
      .catch((error: unknown) => say(`The view was not saved: ${problemText(error)}`))
      .finally(() => {
        save.disabled = false;
      });
  });
  const canWrite = workspace.viewer.role === 'analyst' || workspace.viewer.role === 'admin';
  form.hidden = !canWrite;
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) void refresh();
  });
  return h('div', { class: 'views-menu' }, toggle, panel);
}
