/** How `ariadne ingest` and `ariadne demo` print an import report. Not a command. */
import { formatIssue, type IngestReport } from '../../../server/ingest/index.ts';

/** Prints the problems of an import on stderr: the first ones, then how many more and where they are. */
export function printIssues(report: IngestReport): void {
  const lines = report.errors.map(formatIssue);
  const more = report.errorCount - report.errors.length;
  if (more > 0) lines.push(`... and ${more.toLocaleString('en')} more`);
  if (report.errorFiles.length > 0) lines.push(`all of them in: ${report.errorFiles.join(', ')}`);
  if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`);
}

/** The summary of an import as lines of text. */
export function summaryLines(report: IngestReport): string[] {
  if (report.status === 'already-imported')
    return [`already imported on ${report.importedAt}: nothing to do (${report.importId})`];
  if (report.status === 'invalid')
    return [
      `${report.errorCount.toLocaleString('en')} problem(s) in ${report.records.toLocaleString('en')} records: nothing was written`,
    ];
  const lines: string[] = [];
  if (report.status === 'dry-run') {
    lines.push(`dry run: ${report.records.toLocaleString('en')} records read, nothing written; would write:`);
    for (const [type, n] of Object.entries(report.valid)) lines.push(`  ${type.padEnd(16)} ${n}`);
  } else {
    const t = report.totals;
    lines.push(
      `${report.resumed ? 'resumed and finished' : 'imported'} ${report.files.join(', ')}: ${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.rejected} rejected`,
    );
    lines.push(
      `  ${'type'.padEnd(16)} ${'created'.padStart(8)} ${'updated'.padStart(8)} ${'unchanged'.padStart(9)} ${'rejected'.padStart(8)}`,
    );
    for (const [type, c] of Object.entries(report.counts))
      lines.push(
        `  ${type.padEnd(16)} ${String(c.created).padStart(8)} ${String(c.updated).padStart(8)} ${String(c.unchanged).padStart(9)} ${String(c.rejected).padStart(8)}`,
      );
  }
  if (report.conflictCount > 0) {
    lines.push(
      `${report.conflictCount} stored value(s) differ from this import (kept in each record's conflicts):`,
    );
    for (const c of report.conflicts.slice(0, 20))
      lines.push(
        `  ${c.id} ${c.field}: ${JSON.stringify(c.old)} -> ${JSON.stringify(c.new)} (${c.source.join(', ')})`,
      );
  }
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  return lines;
}
