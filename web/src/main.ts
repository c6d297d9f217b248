/**
 * The web app's entry: the sign-in form without a session, the workspace with one. The session
 * cookie is the only credential; nothing is kept in localStorage.
 */
import { whoAmI } from './api/client.ts';
import type { Viewer } from './api/types.ts';
import { showLogin } from './auth/login-view.ts';
import { byId, h, replace } from './lib/dom.ts';
import { startWorkspace } from './workspace/workspace.ts';

function enter(viewer: Viewer): void {
  startWorkspace(byId('app'), viewer).catch(showFailure);
}

function showFailure(error: unknown): void {
  const app = byId('app');
  app.dataset.state = 'error';
  replace(app, h('p', { class: 'splash error', role: 'alert' }, `Ariadne could not start: ${String(error)}`));
}

whoAmI()
  .then((viewer) => (viewer ? enter(viewer) : showLogin(byId('app'), enter)))
  .catch(showFailure);
