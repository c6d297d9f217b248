/**
 * The alert inbox in the header: a button with the unread count (polled, and refreshed when the page
 * regains focus), and a list of the alerts with their reasons, records and grades; each can be marked
 * read or unread, dismissed with a reason, opened on the canvas, or made into a case.
 */
import { dismissAlert, fetchAlertCounts, fetchInbox, markAlert, openCaseFromAlert } from '../api/alerts.ts';
import type { Alert } from '../../../server/schema/api/alerts.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';

const POLL_MS = 5_000;
const HANDLING = ['H0', 'H1', 'H2', 'H3'];

/** The highest handling code among an alert's records: a case made from it is marked no lower. */
function handlingOf(alert: Alert): string {
  const codes = [...alert.records, ...alert.links].map((r) => HANDLING.indexOf(r.handling));
  return HANDLING[Math.max(0, ...codes)] ?? 'H0';
}

function recordLine(record: Alert['records'][number]): HTMLElement {
  const grade = record.grade === null ? 'ungraded' : `${record.gradeScheme ?? ''} ${record.grade}`.trim();
  return h(
    'li',
    { 'data-record': record.id },
    `${record.type} ${record.name ?? record.id}`,
    h(
      'span',
      { class: 'muted' },
      ` · ${grade} · ${record.handling} · sources ${record.sources.join(', ') || 'none'}`,
    ),
  );
}

/** Mounts the inbox button and its list into the header slot. */
export function mountInbox(slot: HTMLElement, workspace: Workspace): void {
  const count = h('span', { id: 'inbox-count', class: 'inbox-count' }, '0');
  const list = h('div', {
    id: 'inbox',
    class: 'inbox',
    hidden: true,
    role: 'dialog',
    'aria-label': 'Alerts',
  });
  const button = h(
    'button',
    { type: 'button', id: 'inbox-button', 'aria-controls': 'inbox', onclick: () => void toggle() },
    'Alerts ',
    count,
  );
  replace(slot, button, list);

  const refreshCount = async () => {
    try {
      const counts = await fetchAlertCounts();
      count.textContent = String(counts.unread);
      count.dataset.unread = String(counts.unread);
    } catch {
      // The badge keeps its last figure; the list says what went wrong when opened.
    }
  };

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      workspace.say(done);
    } catch (error) {
      workspace.say(String(error instanceof Error ? error.message : error), 'error');
    }
    await Promise.all([render(), refreshCount()]);
  };

  const openOnCanvas = async (alert: Alert) => {
    const ids = alert.records.map((r) => r.id);
    for (const id of ids) await workspace.view.open({ kind: 'neighbourhood', id, depth: 1, limit: 50 });
    workspace.view.update((state) => ({ ...state, selected: ids }));
    if (ids[0] !== undefined) workspace.select(ids[0]);
    if (!alert.read) await markAlert(alert.id, true);
  };

  const openCase = async (alert: Alert) => {
    const title = `${alert.watch.label ?? 'Alert'}: ${alert.reason}`.slice(0, 300);
    const opened = await openCaseFromAlert(alert.id, title, handlingOf(alert));
    await workspace.view.open({ kind: 'case', caseId: opened.id });
    workspace.say(`Case "${opened.name ?? opened.id}" opened with ${opened.entities.length} entities`);
  };

  const dismissForm = (alert: Alert): HTMLElement => {
    const reason = h('input', {
      type: 'text',
      name: 'reason',
      placeholder: 'Why no action is needed',
      'aria-label': 'Reason',
    });
    const form = h(
      'form',
      { class: 'dismiss', hidden: true },
      reason,
      h('button', { type: 'submit' }, 'Dismiss'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void act(() => dismissAlert(alert.id, reason.value), 'Alert dismissed');
    });
    return form;
  };

  const item = (alert: Alert): HTMLElement => {
    const form = dismissForm(alert);
    return h(
      'li',
      { class: alert.read ? 'alert read' : 'alert unread', 'data-alert': alert.id },
      h('p', { class: 'reason' }, alert.reason),
      h(
        'p',
        { class: 'muted' },
        `${alert.watch.label ?? alert.watch.kind} · ${alert.trigger} · ${alert.raisedAt.slice(0, 16).replace('T', ' ')}`,
      ),
      alert.records.length > 0 ? h('ul', { class: 'records' }, ...alert.records.map(recordLine)) : null,
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'mark',
            onclick: () =>
              void act(() => markAlert(alert.id, !alert.read), alert.read ? 'Marked unread' : 'Marked read'),
          },
          alert.read ? 'Mark unread' : 'Mark read',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'show-dismiss',
            onclick: () => {
              form.hidden = false;
            },
          },
          'Dismiss…',
        ),
        alert.records.length > 0
          ? h(
              'button',
              {
                type: 'button',
                class: 'open-canvas',
                onclick: () => void act(() => openOnCanvas(alert), 'Opened on the canvas'),
              },
              'Open on canvas',
            )
          : null,
        h(
          'button',
          {
            type: 'button',
            class: 'open-case',
            onclick: () => void act(() => openCase(alert), 'Case opened'),
          },
          'Open case',
        ),
      ),
      form,
    );
  };

  async function render(): Promise<void> {
    if (list.hidden) return;
    try {
      const inbox = await fetchInbox();
      replace(
        list,
        inbox.alerts.length === 0
          ? h(
              'p',
              { class: 'muted' },
              'No alerts: none of your watches matched anything you may see, or you dismissed them.',
            )
          : h('ul', { class: 'alerts' }, ...inbox.alerts.map(item)),
        inbox.total > inbox.alerts.length
          ? h('p', { class: 'muted' }, `Showing the newest ${inbox.alerts.length} of ${inbox.total}.`)
          : null,
      );
    } catch (error) {
      replace(
        list,
        h(
          'p',
          { class: 'error' },
          `The alerts could not be read: ${String(error instanceof Error ? error.message : error)}`,
        ),
      );
    }
  }

  async function toggle(): Promise<void> {
    list.hidden = !list.hidden;
    button.setAttribute('aria-expanded', String(!list.hidden));
    await render();
  }

  void refreshCount();
  setInterval(() => void refreshCount(), POLL_MS);
  window.addEventListener('focus', () => void refreshCount());
}
