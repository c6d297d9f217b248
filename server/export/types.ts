/** What every export writer shares: the records it reads, where it writes, and what it reports. */
import type { ExportEntity, ExportLink } from '../store/export-reads.ts';

export type { ExportEntity, ExportLink };

/** The export formats. */
export const EXPORT_FORMATS = ['ndjson', 'csv', 'gexf', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Records to export. Each call starts a fresh stream, because the CSV and XML writers read twice:
 * once for the columns (their headers and attribute declarations come first), once to write.
 */
export interface ExportSource {
  entities(): AsyncIterable<ExportEntity>;
  links(): AsyncIterable<ExportLink>;
}

/** Where text goes, in order; `write` resolves once the text may be followed by more. */
export interface TextSink {
  write(text: string): Promise<void>;
}

/** A property that cannot come back from the file exactly as it was, and why. */
export interface Loss {
  type: string;
  property: string;
  reason: string;
  count: number;
}
