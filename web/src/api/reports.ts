/** The joint threat report from the API: cases to choose from, the HTML to preview, files to save. */
import type { CaseSummary } from '../../../server/schema/api/entities.ts';
import { getJson, requestBlob } from '../lib/http.ts';

export type ReportFormat = 'html' | 'md' | 'pdf';

/** The formats offered, with their file extensions and names for people. */
export const REPORT_FORMATS: readonly { format: ReportFormat; extension: string; title: string }[] = [
  { format: 'html', extension: 'html', title: 'HTML (one self-contained page)' },
  { format: 'md', extension: 'md', title: 'Markdown' },
  { format: 'pdf', extension: 'pdf', title: 'PDF (printed)' },
];

/** A report request as the API takes it; periods are FROM..TO with ISO dates. */
export interface ReportRequest {
  case?: string;
  period?: string;
  compare?: string;
  format: ReportFormat;
  /** H2 material: the user confirms that each provider named agreed to the dissemination. */
  providerConsent?: boolean;
  provider?: string[];
}

/** The cases the viewer may see. */
export async function listCases(): Promise<CaseSummary[]> {
  return (await getJson<{ cases: CaseSummary[] }>('/api/cases')).cases;
}

/** The report in one format, as the server renders it for the viewer's clearance. */
export function fetchReport(request: ReportRequest): Promise<Blob> {
  return requestBlob('POST', '/api/reports', request);
}
