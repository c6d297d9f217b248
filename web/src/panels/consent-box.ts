/**
 * The question H2 material asks before it leaves the app: the server names the providing agencies
 * (a 409 with `providers`), the user confirms that each agreed, and the request is sent again with
 * that confirmation, which the server records in the audit trail.
 */
import { ApiError } from '../lib/http.ts';
import { h } from '../lib/dom.ts';

/** The consent question of one panel. */
export interface ConsentBox {
  element: HTMLElement;
  /**
   * The providers to confirm when the error is the server's request for consent, else null. Shows
   * the question; `then` runs with the providers once the user ticks the box and confirms.
   */
  ask(error: unknown, what: string, then: (providers: string[]) => void): string[] | null;
}

/** A consent box whose elements' ids start with the prefix; `hint` shows a line to the user. */
export function buildConsentBox(prefix: string, hint: (text: string) => void): ConsentBox {
  let pending: (() => void) | null = null;
  const text = h('p', { id: `${prefix}-consent-text` });
  const check = h('input', { type: 'checkbox', id: `${prefix}-consent-check` }) as HTMLInputElement;
  const confirm = h('button', { type: 'button', id: `${prefix}-consent-confirm` }, 'Confirm and continue');
  const element = h(
    'div',
    { id: `${prefix}-consent`, class: 'consent', hidden: '' },
    text,
    h('label', {}, check, ' Each provider named above agreed to this dissemination'),
    h('div', { class: 'actions' }, confirm),
  );
  confirm.addEventListener('click', () => {
    if (!check.checked) {
      hint('Tick the box only if each provider named agreed.');
      return;
    }
    element.hidden = true;
    const next = pending;
    pending = null;
    next?.();
  });
  return {
    element,
    ask(error, what, then) {
      const providers = error instanceof ApiError ? error.problem.providers : undefined;
      if (!(error instanceof ApiError && error.status === 409 && Array.isArray(providers))) return null;
      const names = providers.map(String);
      text.textContent = `${what} holds H2 records (no dissemination without the provider’s permission), provided by ${
        names.length > 0 ? names.join(', ') : 'an agency not named in their sources'
      }. Your confirmation is recorded in the audit trail.`;
      check.checked = false;
      element.hidden = false;
      pending = () => then(names);
      return names;
    },
  };
}
