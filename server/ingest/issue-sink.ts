/**
 * Collects the problems of an import: the first few kept for the report, every one spooled, and at the
 * end written beside the input as `<file>.errors.ndjson` (nothing written) or `<file>.rejects.ndjson`
 * (--skip-invalid: each rejected record with its reasons).
 */
import { rm } from 'node:fs/promises';
import { readSpool, SpoolWriter } from './spool.ts';
import type { IngestIssue } from './types.ts';

/** How many problems the report carries; the files hold them all. */
export const REPORTED_ISSUES = 20;

type Rejection = {
  file: string;
  line: number;
  type?: string;
  issues: { field: string; message: string }[];
  record?: unknown;
};

/** Problems of one import, in input order. */
export class IssueSink {
  readonly first: IngestIssue[] = [];
  count = 0;
  readonly rejectedByType: Record<string, number> = {};
  private readonly spool: SpoolWriter;

  constructor(spoolPath: string) {
    this.spool = new SpoolWriter(spoolPath);
  }

  /** Records a rejected record (or a line that could not be read) with its problems. */
  async reject(rejection: Rejection): Promise<void> {
    for (const issue of rejection.issues) {
      this.count++;
      if (this.first.length < REPORTED_ISSUES)
        this.first.push({ file: rejection.file, line: rejection.line, ...issue });
    }
    const type = rejection.type ?? 'unreadable';
    this.rejectedByType[type] = (this.rejectedByType[type] ?? 0) + 1;
    await this.spool.write(rejection);
  }

  /**
   * Writes the problems beside the files they concern, replacing older ones; returns the files
   * written. Files in `write` only (records handed over in memory have no file to sit beside).
   */
  async writeFiles(seen: Iterable<string>, mode: 'errors' | 'rejects', write: (file: string) => boolean) {
    await this.spool.close();
    for (const file of seen) {
      if (!write(file)) continue;
      await rm(`${file}.errors.ndjson`, { force: true });
      await rm(`${file}.rejects.ndjson`, { force: true });
    }
    const writers = new Map<string, SpoolWriter>();
    for await (const item of readSpool<Rejection>(this.spool.path)) {
      if (!write(item.file)) continue;
      let writer = writers.get(item.file);
      if (!writer) {
        writer = new SpoolWriter(`${item.file}.${mode}.ndjson`);
        writers.set(item.file, writer);
      }
      if (mode === 'rejects')
        await writer.write({ line: item.line, reasons: item.issues, record: item.record });
      else
        for (const issue of item.issues) await writer.write({ file: item.file, line: item.line, ...issue });
    }
    for (const writer of writers.values()) await writer.close();
    return [...writers.values()].map((writer) => writer.path);
  }
}

/** Formats a problem the way the CLI prints it: `file:line: field: message`. */
export function formatIssue(issue: IngestIssue): string {
  return `${issue.file}:${issue.line}: ${issue.field === '' ? '' : `${issue.field}: `}${issue.message}`;
}
