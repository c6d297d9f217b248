/**
 * The report panel's form: case, period, compare period and format, read into a request the API
 * takes. Problems are named by the field and say what to enter instead.
 */
import { REPORT_FORMATS, type ReportFormat, type ReportRequest } from '../api/reports.ts';
import { h } from '../lib/dom.ts';

/** The form's fields. */
export interface ReportForm {
  element: HTMLElement;
  /** Fills the case list. */
  setCases(cases: readonly { id: string; name: string | null }[]): void;
  /** The request for a format (the one chosen by default), or a problem to show. */
  read(format?: ReportFormat): { request: ReportRequest } | { problem: string };
}

function datePair(id: string, title: string, hint: string) {
  const from = h('input', { type: 'date', id: `${id}-from`, 'aria-label': `${title}: from` });
  const until = h('input', { type: 'date', id: `${id}-until`, 'aria-label': `${title}: until` });
  const element = h(
    'fieldset',
    { class: 'report-period' },
    h('legend', {}, title),
    from,
    ' to ',
    until,
    h('div', { class: 'muted' }, hint),
  );
  const read = (): { value?: string } | { problem: string } => {
    if (!from.value && !until.value) return {};
    if (!from.value || !until.value)
      return { problem: `${title}: give both dates, or leave both empty for the default.` };
    if (from.value > until.value)
      return { problem: `${title}: the end (${until.value}) is before the start (${from.value}).` };
    return { value: `${from.value}..${until.value}` };
  };
  return { element, read };
}

/** Builds the form. */
export function buildReportForm(): ReportForm {
  const caseSelect = h('select', { id: 'report-case' }, h('option', { value: '' }, 'Every case you may see'));
  const period = datePair('report-period', 'Period', 'Empty: the latest year with dated activity.');
  const compare = datePair('report-compare', 'Compared with', 'Empty: the period just before.');
  const formatSelect = h(
    'select',
    { id: 'report-format' },
    ...REPORT_FORMATS.map((f) => h('option', { value: f.format }, f.title)),
  );
  const element = h(
    'div',
    { class: 'report-form' },
    h('label', { for: 'report-case' }, 'Case'),
    caseSelect,
    period.element,
    compare.element,
    h('label', { for: 'report-format' }, 'Format of the download'),
    formatSelect,
  );
  return {
    element,
    setCases(cases) {
      for (const item of cases)
        caseSelect.append(h('option', { value: item.id }, item.name ? `${item.name} (${item.id})` : item.id));
    },
    read(format) {
      const p = period.read();
      if ('problem' in p) return p;
      const c = compare.read();
      if ('problem' in c) return c;
      return {
        request: {
          format: format ?? (formatSelect.value as ReportFormat),
          ...(caseSelect.value ? { case: caseSelect.value } : {}),
          ...(p.value ? { period: p.value } : {}),
          ...(c.value ? { compare: c.value } : {}),
        },
      };
    },
  };
}
