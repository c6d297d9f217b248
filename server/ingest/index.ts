/** The ingest's public surface: import files or records, and load the demo case. */
export { formatIssue, REPORTED_ISSUES } from './issue-sink.ts';
export { ingestFiles, importRecords } from './run-import.ts';
export type { IngestIssue, IngestOptions, IngestProgress, IngestReport, TypeCounts } from './types.ts';
