/** Export: the view as PNG (@sigma/export-image) or SVG, the shown data as CSV or GEXF. */
import { toBlob } from '@sigma/export-image';
import { toCsv, toGexf } from '../export/data-export.ts';
import { viewToSvg } from '../export/svg-export.ts';
import { downloadBlob, downloadText } from '../lib/download.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';

/** Mounts the export panel. */
export function mountExportPanel(container: HTMLElement, workspace: Workspace): void {
  const { view } = workspace;
  const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const png = async () =>
    downloadBlob(
      await toBlob(view.sigma, { format: 'png', backgroundColor: '#ffffff' }),
      `ariadne-${stamp()}.png`,
    );
  const actions: [string, string, () => void | Promise<void>][] = [
    ['export-png', 'PNG image', png],
    [
      'export-svg',
      'SVG image',
      () => downloadText(viewToSvg(view.sigma), `ariadne-${stamp()}.svg`, 'image/svg+xml'),
    ],
    [
      'export-csv',
      'CSV (nodes and links)',
      () => {
        const csv = toCsv(view.graph, view.shown());
        downloadText(csv.nodes, `ariadne-nodes-${stamp()}.csv`, 'text/csv');
        downloadText(csv.edges, `ariadne-links-${stamp()}.csv`, 'text/csv');
      },
    ],
    [
      'export-gexf',
      'GEXF for Gephi',
      () => {
        const drawn = (node: string) => view.sigma.getNodeDisplayData(node) ?? null;
        downloadText(
          toGexf(view.graph, view.shown(), drawn),
          `ariadne-${stamp()}.gexf`,
          'application/gexf+xml',
        );
      },
    ],
  ];
  replace(
    container,
    h('h2', {}, 'Export'),
    h(
      'p',
      { class: 'muted' },
      'Exports hold what is shown now: filters, hidden nodes and collapsed communities apply.',
    ),
    h(
      'div',
      { class: 'actions' },
      ...actions.map(([id, text, run]) =>
        h(
          'button',
          {
            type: 'button',
            id,
            onclick: () =>
              void Promise.resolve(run()).catch((e: unknown) => workspace.say(String(e), 'error')),
          },
          text,
        ),
      ),
    ),
  );
}
