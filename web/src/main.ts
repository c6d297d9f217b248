/**
 * The web app's entry: the sign-in form without a session, the workspace with one. The session
 * cookie is the only credential; nothing is kept in localStorage.
 */
import { whoAmI } from './api/client.ts';
import type { Viewer } from './api/types.ts';
import { showLogin } from './auth/login-view.ts';
import { forgetPrefetched, prefetchLoads } from './graph/loads.ts';
import { decodeView } from './graph/url-state.ts';
import { byId, h, replace } from './lib/dom.ts';

function enter(viewer: Viewer): void {
  workspace.then(({ startWorkspace }) => startWorkspace(byId('app'), viewer)).catch(showFailure);
}

function showFailure(error: unknown): void {
  const app = byId('app');
  app.dataset.state = 'error';
  replace(app, h('p', { class: 'splash error', role: 'alert' }, `Ariadne could not start: ${String(error)}`));
}

performance.mark('ariadne:main');
// The session check goes first: its small answer, not queued behind a view's data, lets the
// workspace be built while that data comes.
const session = whoAmI();
// A view from a link: its data is asked for alongside the session check, and dropped without a session.
const restored = decodeView(location.hash);
if (restored) prefetchLoads(restored);
// The workspace's code, most of the bundle, is a chunk of its own: it is fetched and compiled while
// the session check and the view's data are on their way, not before they are asked for.
const workspace = import('./workspace/workspace.ts');
// A chunk that fails to load is reported when the workspace is entered, not as an unhandled rejection.
workspace.catch(() => undefined);

session
  .then((viewer) => {
    if (viewer) return enter(viewer);
    forgetPrefetched();
    showLogin(byId('app'), enter);
  })
  .catch(showFailure);
