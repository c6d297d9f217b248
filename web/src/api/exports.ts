/** Exports made in the web app: the view's records are named to the server, which marks and audits. */
import type { ViewExportAnswer, ViewExportBody } from '../../../server/schema/api/export.ts';
import { postJson } from '../lib/http.ts';

export type ViewExportRequest = Omit<ViewExportBody, 'links'> & { links: string[] };

/** The marking of the records a file made here will hold; the export is audited by the server. */
export function clearViewExport(request: ViewExportRequest): Promise<ViewExportAnswer> {
  return postJson<ViewExportAnswer>('/api/export/view', request);
}
