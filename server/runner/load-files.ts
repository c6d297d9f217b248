/**
 * `analyse --file`: reads CSV pairs, Ariadne NDJSON or FollowTheMoney files with the ingest's readers
 * and validation, and builds the analyses' graph in memory, for quick looks and benchmarks without a
 * database. Bad lines and rejected records are reported, not fatal: the graph holds what could be read.
 */
import { type InputFormat, isReadError, readRecordBatches } from '../ingest/readers/index.ts';
import type { ReadItem } from '../ingest/readers/types.ts';
import { type ValidateOptions, ValidationMemo } from '../schema/records.ts';
import type { ProjectedGraph } from '../store/projection.ts';
import { type RecordProblem, RecordGraphBuilder } from './graph-from-records.ts';

/** The graph of some files and what could not go into it. */
export interface LoadedFiles {
  graph: ProjectedGraph;
  records: number;
  problems: RecordProblem[];
  /** Whether some records had no provenance (sources or handling) of their own. */
  unsourced: boolean;
}

/** The Source a quick look gives records that name none; nothing is stored, so nothing is claimed. */
export const UNSOURCED = 'src:file-without-provenance';

// Provenance is needed to store a record, not to look at a file: what a record lacks is filled in.
const LOOK_DEFAULTS = { sources: [UNSOURCED], handling: 'H0' } as const;

/** Whether a record read from a file lacks provenance of its own. */
function lacksProvenance(fields: Record<string, unknown>): boolean {
  return isBlank(fields.sources) || isBlank(fields.handling);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

// One item of a reader into the builder; returns whether it was a record.
function take(
  builder: RecordGraphBuilder & { unsourced: boolean },
  item: ReadItem,
  look: ValidateOptions,
): boolean {
  const at = `${item.file}:${item.line}`;
  if (isReadError(item)) {
    builder.problems.push({ at, ...(item.field ? { field: item.field } : {}), message: item.message });
    return false;
  }
  if (item.kind === 'entity-patch') {
    builder.problems.push({ at, message: 'extra properties for another entity are applied by ingest only' });
    return true;
  }
  if (lacksProvenance(item.fields)) builder.unsourced = true;
  builder.add({ kind: item.kind, type: item.type, fields: item.fields }, at, look);
  return true;
}

/** Reads the files (format detected per path unless given) into one graph. */
export async function loadGraphFromFiles(
  paths: readonly string[],
  options: { format?: InputFormat | 'auto' } = {},
): Promise<LoadedFiles> {
  const sink = Object.assign(new RecordGraphBuilder(), { unsourced: false });
  // One memo for the whole load: a file's rows repeat their values (types, grades, sources, ends).
  const look: ValidateOptions = { defaults: LOOK_DEFAULTS, memo: new ValidationMemo() };
  let records = 0;
  for await (const items of readRecordBatches(paths, { format: options.format ?? 'auto' }))
    for (const item of items) if (take(sink, item, look)) records++;
  return { graph: sink.finish(), records, problems: sink.problems, unsourced: sink.unsourced };
}
