/**
 * Export: the view as PNG (@sigma/export-image, at twice the canvas's size) or SVG, the shown data as
 * CSV or GEXF. Every export is marked with the most restrictive handling code of what it holds: printed
 * in a banner on images, and in the file names.
 */
import { drawOnCanvas } from '@sigma/export-image';
import { toCsv, toGexf } from '../export/data-export.ts';
import { markingOf, withBanner } from '../export/marking.ts';
import { viewToSvg } from '../export/svg-export.ts';
import { downloadBlob, downloadText } from '../lib/download.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';

/** Mounts the export panel. */
export function mountExportPanel(container: HTMLElement, workspace: Workspace): void {
  const { view } = workspace;
  const marking = () => markingOf(view.graph, view.shown());
  const stamp = () => {
    const code = marking()?.handling;
    return `${code ? `${code}-` : ''}${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
  };
  const png = async () => {
    const { width, height } = view.sigma.getDimensions();
    const scale = 2;
    const canvas = await drawOnCanvas(view.sigma, {
      backgroundColor: '#ffffff',
      width: width * scale,
      height: height * scale,
      // Sizes and labels scale with the picture, so it reads like the canvas, only sharper; the
      // camera steps back a little so that labels at the edges stay inside.
      sigmaSettings: {
        zoomToSizeRatioFunction: (ratio: number) => Math.sqrt(ratio) / scale,
        labelSize: view.sigma.getSetting('labelSize') * scale,
      },
      cameraState: {
        ...view.sigma.getCamera().getState(),
        ratio: view.sigma.getCamera().getState().ratio * 1.1,
      },
    });
    const mark = marking();
    const image = mark ? withBanner(canvas, mark, scale) : canvas;
    const blob = await new Promise<Blob>((resolve, reject) =>
      image.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'),
    );
    downloadBlob(blob, `ariadne-${stamp()}.png`);
  };
  const actions: [string, string, () => void | Promise<void>][] = [
    ['export-png', 'PNG image', png],
    [
      'export-svg',
      'SVG image',
      () => downloadText(viewToSvg(view.sigma, marking()), `ariadne-${stamp()}.svg`, 'image/svg+xml'),
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
