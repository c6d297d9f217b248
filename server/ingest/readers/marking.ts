/**
 * The handling marking an export puts at the top of its files (server/export/marking.ts): the
 * readers skip it, so a marked file reads back exactly as the records it holds.
 */

/** The record kind of NDJSON's first line, `{"kind":"marking","handling":"H2",...}`. */
export const MARKING_KIND = 'marking';

const CSV_MARKING = /^\uFEFF?#\s*Handling H[0-3]\b/;

/** Whether a CSV line, before the header, is the export's marking (`# Handling H2: ...`). */
export function isCsvMarkingLine(text: string): boolean {
  return CSV_MARKING.test(text);
}
