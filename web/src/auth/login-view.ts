/** The sign-in form. On success the server sets the session cookie; the page keeps no token. */
import { logIn } from '../api/client.ts';
import type { Viewer } from '../api/types.ts';
import { ApiError } from '../lib/http.ts';
import { h, replace } from '../lib/dom.ts';

/** Shows the sign-in form in `root`; calls `onSignedIn` with the user once signed in. */
export function showLogin(root: HTMLElement, onSignedIn: (viewer: Viewer) => void): void {
  root.dataset.state = 'login';
  const username = h('input', {
    id: 'login-username',
    name: 'username',
    autocomplete: 'username',
    required: true,
  });
  const password = h('input', {
    id: 'login-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const message = h('p', { id: 'login-message', class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h(
    'form',
    { id: 'login-form', class: 'login' },
    h('h1', {}, 'Ariadne'),
    h('p', { class: 'muted' }, 'Graph intelligence on people-smuggling networks'),
    h('label', { for: 'login-username' }, 'User name'),
    username,
    h('label', { for: 'login-password' }, 'Password'),
    password,
    submit,
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.textContent = '';
    logIn(username.value, password.value)
      .then(onSignedIn)
      .catch((error: unknown) => {
        message.textContent =
          error instanceof ApiError && error.status === 401
            ? 'The user name or password is wrong.'
            : `Signing in failed: ${String(error instanceof Error ? error.message : error)}`;
        submit.disabled = false;
      });
  });
  replace(root, form);
  username.focus();
}
