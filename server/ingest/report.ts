/** Builds the import report from the passes' state and the write tally. */
import type { FieldConflict } from '../store/ingest-writes.ts';
import type { IngestReport, TypeCounts } from './types.ts';
import type { PassState } from './validate-pass.ts';
import type { Tally } from './write-pass.ts';

/** A report that says nothing happened yet. */
export function emptyReport(importId: string, files: string[]): IngestReport {
  return {
    importId,
    status: 'complete',
    resumed: false,
    files,
    records: 0,
    valid: {},
    counts: {},
    totals: { created: 0, updated: 0, unchanged: 0, rejected: 0 },
    errorCount: 0,
    errors: [],
    errorFiles: [],
    conflictCount: 0,
    conflicts: [],
    warnings: [],
  };
}

/** The report of an import that went through validation (and, when complete, the writes). */
export function buildReport(parts: {
  importId: string;
  files: string[];
  status: IngestReport['status'];
  state: PassState;
  errorFiles: string[];
  warnings: string[];
  tally?: Tally;
  conflicts?: FieldConflict[];
  resumed?: boolean;
}): IngestReport {
  const { state, tally } = parts;
  const counts: Record<string, TypeCounts> = {};
  const zero = (): TypeCounts => ({ created: 0, updated: 0, unchanged: 0, rejected: 0 });
  for (const [type, c] of Object.entries(tally?.counts ?? {}))
    counts[type] = { ...zero(), ...c, rejected: 0 };
  for (const [type, n] of Object.entries(state.sink.rejectedByType))
    counts[type] = { ...(counts[type] ?? zero()), rejected: n };
  const totals = zero();
  for (const c of Object.values(counts)) {
    totals.created += c.created;
    totals.updated += c.updated;
    totals.unchanged += c.unchanged;
    totals.rejected += c.rejected;
  }
  return {
    ...emptyReport(parts.importId, parts.files),
    status: parts.status,
    resumed: parts.resumed ?? false,
    records: state.records,
    valid: state.valid,
    counts,
    totals,
    errorCount: state.sink.count,
    errors: state.sink.first,
    errorFiles: parts.errorFiles,
    conflictCount: tally?.conflicts ?? 0,
    conflicts: parts.conflicts ?? [],
    warnings: parts.warnings,
  };
}
