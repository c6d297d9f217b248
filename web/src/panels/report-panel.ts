/**
 * The report panel: the joint threat report for the viewer's clearance, for a case, a period and a
 * compare period. "Preview" shows the HTML report in a sandboxed frame (no scripts, an opaque
 * origin, the HTML handed over through the `srcdoc` property, never parsed into this page);
 * "Download" saves it as HTML, Markdown or PDF. The server runs and records the analyses first.
 */
import { fetchReport, listCases, REPORT_FORMATS, type ReportRequest } from '../api/reports.ts';
import { ApiError } from '../lib/http.ts';
import { downloadBlob } from '../lib/download.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';
import { buildConsentBox } from './consent-box.ts';
import { buildReportForm } from './report-form.ts';

/** A file name that says what the report covers. */
function fileName(request: ReportRequest): string {
  const scope = (request.case ?? 'all-cases').replace(/[^\w-]+/g, '-');
  const period = request.period?.replace('..', '_') ?? 'latest-year';
  const extension = REPORT_FORMATS.find((f) => f.format === request.format)?.extension ?? request.format;
  return `ariadne-report-${scope}-${period}.${extension}`;
}

function explain(error: unknown): string {
  if (error instanceof ApiError && error.status === 403) return 'Reports need the analyst role.';
  return error instanceof Error ? error.message : String(error);
}

/** The preview: a modal dialog holding a frame that may run nothing and reach nothing. */
function buildPreview(): { dialog: HTMLDialogElement; show(html: string): Promise<void> } {
  const frame = h('iframe', {
    id: 'report-frame',
    class: 'report-frame',
    sandbox: '',
    referrerpolicy: 'no-referrer',
    title: 'Report preview',
  });
  const close = h('button', { type: 'button', id: 'report-close' }, 'Close');
  const dialog = h(
    'dialog',
    { id: 'report-dialog', class: 'report-dialog', 'aria-label': 'Report preview' },
    h('div', { class: 'report-dialog-bar' }, h('strong', {}, 'Report preview'), close),
    frame,
  );
  close.addEventListener('click', () => dialog.close());
  return {
    dialog,
    show: (html) =>
      new Promise((resolve) => {
        frame.addEventListener('load', () => resolve(), { once: true });
        frame.srcdoc = html;
        if (!dialog.open) dialog.showModal();
      }),
  };
}

/** Mounts the report panel. */
export function mountReportPanel(container: HTMLElement, workspace: Workspace): void {
  const form = buildReportForm();
  const message = h('p', { id: 'report-message', class: 'muted', role: 'status' });
  const preview = buildPreview();
  const previewButton = h('button', { type: 'button', id: 'report-preview' }, 'Preview');
  const downloadButton = h('button', { type: 'button', id: 'report-download' }, 'Download');
  const allowed = workspace.viewer.role !== 'viewer';
  // H2 records leave only once the user confirms that their providers agreed; the server names them.
  let consented: string[] | null = null;
  const consent = buildConsentBox('report', (text) => {
    message.textContent = text;
  });
  const setState = (state: string, text: string, error = false) => {
    container.dataset.state = state;
    message.textContent = text;
    message.className = error ? 'error' : 'muted';
    previewButton.disabled = downloadButton.disabled = state === 'building' || !allowed;
  };
  const run = async (
    format: 'html' | undefined,
    deliver: (blob: Blob, request: ReportRequest) => Promise<void>,
  ) => {
    const read = form.read(format);
    if ('problem' in read) return setState('invalid', read.problem, true);
    setState('building', 'Running the analyses and writing the report…');
    const request = consented
      ? { ...read.request, providerConsent: true, provider: consented }
      : read.request;
    try {
      await deliver(await fetchReport(request), read.request);
    } catch (error) {
      const asked = consent.ask(error, 'This report', (providers) => {
        consented = providers;
        void run(format, deliver);
      });
      if (asked) return setState('consent', 'Confirm the providers’ agreement to go on.');
      setState('error', explain(error), true);
    }
  };
  previewButton.addEventListener('click', () =>
    run('html', async (blob) => {
      await preview.show(await blob.text());
      setState('previewed', 'Preview shown.');
    }),
  );
  downloadButton.addEventListener('click', () =>
    run(undefined, async (blob, request) => {
      downloadBlob(blob, fileName(request));
      setState('downloaded', `Saved ${fileName(request)} (${blob.size} bytes).`);
    }),
  );
  replace(
    container,
    h('h2', {}, 'Report'),
    h(
      'p',
      { class: 'muted' },
      'The joint threat report for what your clearance allows, every claim cited. Its handling code is the strictest of the records it uses.',
    ),
    form.element,
    h('div', { class: 'actions' }, previewButton, downloadButton),
    consent.element,
    message,
  );
  document.body.append(preview.dialog);
  setState('ready', allowed ? '' : 'Reports need the analyst role.', !allowed);
  listCases()
    .then((cases) => form.setCases(cases))
    .catch((error: unknown) => setState('error', `The cases could not be listed: ${explain(error)}`, true));
}
