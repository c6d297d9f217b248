/**
 * `analyse --file`: reads CSV pairs, Ariadne NDJSON or FollowTheMoney files with the ingest's readers
 * and builds the graph in memory, for quick looks and benchmarks without a database. Bad lines and
 * rejected records are reported, not fatal: the graph holds what could be read. loadArraysFromFiles
 * builds case arrays instead (analysis/case-arrays.ts), for the analyses that run on them, and reads
 * CSV synchronously (read-csv-sync.ts), most rows straight from the bytes (csv-lane.ts).
 */
import type { CaseArrays } from '../../analysis/case-arrays.ts';
import { orderPairs } from '../ingest/readers/detect.ts';
import { detectFormat, type InputFormat, isReadError, readRecords } from '../ingest/readers/index.ts';
import { DEFAULT_MAX_LINE_BYTES, type ReadItem } from '../ingest/readers/types.ts';
import type { ProjectedGraph } from '../store/projection.ts';
import { ArraysBuilder } from './arrays-from-records.ts';
import { CsvLane } from './csv-lane.ts';
import { GraphBuilder, type RecordProblem } from './graph-from-records.ts';
import { readCsvSync } from './read-csv-sync.ts';

/** The graph of some files and what could not go into it. */
export interface LoadedFiles {
  graph: ProjectedGraph;
  records: number;
  problems: RecordProblem[];
}

/** The case arrays of some files and what could not go into them. */
export interface LoadedArrays {
  arrays: CaseArrays;
  records: number;
  problems: RecordProblem[];
}

type Sink = {
  add(raw: { kind: string; type: string; fields: Record<string, unknown> }, at: string): void;
  problems: RecordProblem[];
};

// One item of a reader into a builder; returns whether it was a record.
function take(builder: Sink, item: ReadItem): boolean {
  const at = `${item.file}:${item.line}`;
  if (isReadError(item)) {
    builder.problems.push({ at, ...(item.field ? { field: item.field } : {}), message: item.message });
    return false;
  }
  if (item.kind === 'entity-patch') {
    builder.problems.push({ at, message: 'extra properties for another entity are applied by ingest only' });
    return true;
  }
  builder.add({ kind: item.kind, type: item.type, fields: item.fields }, at);
  return true;
}

/** Reads the files (format detected per path unless given) into one graph. */
export async function loadGraphFromFiles(
  paths: readonly string[],
  options: { format?: InputFormat | 'auto' } = {},
): Promise<LoadedFiles> {
  const builder = new GraphBuilder();
  let records = 0;
  for await (const item of readRecords(paths, { format: options.format ?? 'auto' }))
    if (take(builder, item)) records++;
  return { graph: builder.finish(), records, problems: builder.problems };
}

/** Reads the files into case arrays: the same records, entities and links as loadGraphFromFiles. */
export async function loadArraysFromFiles(
  paths: readonly string[],
  options: { format?: InputFormat | 'auto' } = {},
): Promise<LoadedArrays> {
  const builder = new ArraysBuilder();
  let records = 0;
  const onItem = (item: ReadItem) => {
    if (take(builder, item)) records++;
  };
  const lane = new CsvLane(builder, onItem, DEFAULT_MAX_LINE_BYTES);
  for (const path of orderPairs(paths)) {
    const format =
      options.format === undefined || options.format === 'auto' ? await detectFormat(path) : options.format;
    if (format === 'csv') await readCsvSync(path, onItem, DEFAULT_MAX_LINE_BYTES, lane);
    else for await (const item of readRecords([path], { format })) onItem(item);
  }
  return { arrays: builder.finish(), records: records + lane.records, problems: builder.problems };
}
