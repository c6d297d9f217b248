/**
 * Export: the view as PNG (@sigma/export-image, at twice the canvas's size) or SVG, the shown data as
 * CSV or GEXF. Before a file is made, the server is told which records it will hold: it answers their
 * strictest handling code (read by the store, not taken from the page), writes the audit event, and
 * holds H2 material back until the user confirms its providers agreed. The code is printed in a
 * banner on images, and in the file names.
 */
import { drawOnCanvas } from '@sigma/export-image';
import { exportViewGexf } from '../api/exports.ts';
import { toCsv } from '../export/data-export.ts';
import { type Marking, markingOf, withBanner } from '../export/marking.ts';
import { viewToSvg } from '../export/svg-export.ts';
import { downloadBlob, downloadText } from '../lib/download.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';
import { exportClearance, exportStamp } from './export-clearance.ts';

type Format = 'png' | 'svg' | 'csv' | 'gexf';

/** Mounts the export panel. */
export function mountExportPanel(container: HTMLElement, workspace: Workspace): void {
  const { view } = workspace;
  const message = h('p', { id: 'export-message', class: 'muted', role: 'status' });
  const say = (state: string, text: string, error = false) => {
    container.dataset.state = state;
    message.textContent = text;
    message.className = error ? 'error' : 'muted';
  };
  const clearance = exportClearance('export', say);
  // The records the file holds: entities and links of the data graph, not drawing aids (payments
  // drawn as links are records behind the picture, so they are held and counted in the marking).
  const records = () => {
    const shown = view.shownRecords();
    const { graph } = view;
    return {
      entities: shown.nodes.filter((n) => graph.hasNode(n) && graph.getNodeAttribute(n, 'entityType')),
      links: shown.edges.filter((e) => graph.hasEdge(e) && graph.getEdgeAttribute(e, 'linkType')),
    };
  };
  // The page's marking (with H3's conditions), under the code the server read if it differs.
  const markingFor = (handling: Marking['handling'], text: string): Marking => {
    const local = markingOf(view.graph, view.shownRecords());
    return local && local.handling === handling ? local : { handling, text, sources: local?.sources ?? [] };
  };
  const stampOf = (mark: Marking) => exportStamp(mark.handling);
  const png = async (mark: Marking) => {
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
    const image = withBanner(canvas, mark, scale);
    const blob = await new Promise<Blob>((resolve, reject) =>
      image.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'),
    );
    downloadBlob(blob, `ariadne-${stampOf(mark)}.png`);
  };
  // How each entity is drawn now, for Gephi: position, size and colour as #rrggbb.
  const drawing = (entities: string[]) => {
    const out: Record<string, { x: number; y: number; size: number; color: string }> = {};
    for (const id of entities) {
      const d = view.sigma.getNodeDisplayData(id);
      if (d && /^#[0-9a-f]{6}$/i.test(d.color)) out[id] = { x: d.x, y: d.y, size: d.size, color: d.color };
    }
    return out;
  };
  const actions: [Format, string, (mark: Marking, file?: Blob) => void | Promise<void>][] = [
    ['png', 'PNG image', png],
    [
      'svg',
      'SVG image',
      (mark) => downloadText(viewToSvg(view.sigma, mark), `ariadne-${stampOf(mark)}.svg`, 'image/svg+xml'),
    ],
    [
      'csv',
      'CSV (nodes and links)',
      (mark) => {
        const csv = toCsv(view.graph, view.shownRecords());
        downloadText(csv.nodes, `ariadne-nodes-${stampOf(mark)}.csv`, 'text/csv');
        downloadText(csv.edges, `ariadne-links-${stampOf(mark)}.csv`, 'text/csv');
      },
    ],
    [
      'gexf',
      'GEXF for Gephi',
      (mark, file) => {
        if (file) downloadBlob(file, `ariadne-${stampOf(mark)}.gexf`);
      },
    ],
  ];
  const run = (format: Format, make: (mark: Marking, file?: Blob) => void | Promise<void>) =>
    clearance.run({
      format,
      held: records,
      ...(format === 'gexf'
        ? {
            serverFile: ({ format: _gexf, ...body }) =>
              exportViewGexf({ ...body, drawing: drawing(body.entities) }),
          }
        : {}),
      make: (answer, file) => make(markingFor(answer.handling, answer.text), file),
      what: 'This view',
      empty: 'Nothing is shown, so there is nothing to export.',
    });
  replace(
    container,
    h('h2', {}, 'Export'),
    h(
      'p',
      { class: 'muted' },
      'Exports hold what is shown now: filters, hidden nodes and collapsed communities apply. Each is marked with its strictest handling code and recorded in the audit trail.',
    ),
    h(
      'div',
      { class: 'actions' },
      ...actions.map(([format, text, make]) =>
        h('button', { type: 'button', id: `export-${format}`, onclick: () => void run(format, make) }, text),
      ),
    ),
    clearance.element,
    message,
  );
}
