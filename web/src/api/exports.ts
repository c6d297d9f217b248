/** Exports made in the web app: the view's records are named to the server, which marks and audits. */
import type { ViewExportAnswer, ViewExportBody, ViewGexfBody } from '../../../server/schema/api/export.ts';
import { postJson, requestFile } from '../lib/http.ts';

export type ViewExportRequest = Omit<ViewExportBody, 'links'> & { links: string[] };

/** The marking of the records a file made here will hold; the export is audited by the server. */
export function clearViewExport(request: ViewExportRequest): Promise<ViewExportAnswer> {
  return postJson<ViewExportAnswer>('/api/export/view', request);
}

/** The records of a view as GEXF, written by the server (as `ariadne export` writes it), marked and audited. */
export async function exportViewGexf(
  request: Omit<ViewGexfBody, 'gexfVersion'> & Partial<Pick<ViewGexfBody, 'gexfVersion'>>,
): Promise<{ answer: ViewExportAnswer; file: Blob }> {
  const { blob, headers } = await requestFile('POST', '/api/export/view/gexf', request);
  const [entities, links] = (headers.get('x-ariadne-counts') ?? '').split(',').map(Number);
  const answer = {
    handling: (headers.get('x-ariadne-handling') ?? 'H3') as ViewExportAnswer['handling'],
    text: decodeURIComponent(headers.get('x-ariadne-marking') ?? ''),
    entities: entities ?? 0,
    links: links ?? 0,
  };
  return { answer, file: blob };
}
