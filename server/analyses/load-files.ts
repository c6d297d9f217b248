/**
 * `analyse --file`: reads CSV pairs, Ariadne NDJSON or FollowTheMoney files with the ingest's readers
 * and builds the graph in memory, for quick looks and benchmarks without a database. Bad lines and
 * rejected records are reported, not fatal: the graph holds what could be read. loadArraysFromFiles
 * builds case arrays instead (analysis/case-arrays.ts), for the analyses that run on them, and reads
 * CSV synchronously (read-csv-sync.ts), most rows straight from the bytes (csv-lane.ts).
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseArrays } from '../../analysis/case-arrays.ts';
import { orderPairs } from '../ingest/readers/detect.ts';
import { detectFormat, type InputFormat, isReadError, readRecords } from '../ingest/readers/index.ts';
import { DEFAULT_MAX_LINE_BYTES, type ReadItem } from '../ingest/readers/types.ts';
import type { ValidateOptions } from '../schema/records.ts';
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
  /** Whether some records had no provenance (sources or handling) of their own. */
  unsourced: boolean;
}

/** The case arrays of some files and what could not go into them. */
export interface LoadedArrays {
  arrays: CaseArrays;
  records: number;
  problems: RecordProblem[];
  unsourced: boolean;
}

/** The Source a quick look gives records that name none; nothing is stored, so nothing is claimed. */
export const UNSOURCED = 'src:file-without-provenance';

// Provenance is needed to store a record, not to look at a file: what a record lacks is filled in.
const LOOK: ValidateOptions = { defaults: { sources: [UNSOURCED], handling: 'H0' } };

type Sink = {
  add(
    raw: { kind: string; type: string; fields: Record<string, unknown> },
    at: string,
    options?: ValidateOptions,
  ): void;
  problems: RecordProblem[];
};

/** Whether a record read from a file lacks provenance of its own. */
function lacksProvenance(fields: Record<string, unknown>): boolean {
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  return blank(fields.sources) || blank(fields.handling);
}

/** Whether a CSV file's (or folder's) header lacks the provenance columns (rows may go straight to the arrays). */
async function csvLacksProvenance(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  if (info === null) return false;
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((name) => name.toLowerCase().endsWith('.csv'));
    for (const name of names) if (await csvLacksProvenance(join(path, name))) return true;
    return false;
  }
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const header = buffer.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '';
    const columns = header
      .replace(/^\uFEFF/, '')
      .split(/[,;\t]/)
      .map((c) => c.trim().replace(/^"|"$/g, ''));
    return !columns.includes('sources') || !columns.includes('handling');
  } finally {
    await handle.close();
  }
}

// One item of a reader into a builder; returns whether it was a record.
function take(builder: Sink & { unsourced?: boolean }, item: ReadItem): boolean {
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
  builder.add({ kind: item.kind, type: item.type, fields: item.fields }, at, LOOK);
  return true;
}

/** Reads the files (format detected per path unless given) into one graph. */
export async function loadGraphFromFiles(
  paths: readonly string[],
  options: { format?: InputFormat | 'auto' } = {},
): Promise<LoadedFiles> {
  const sink = Object.assign(new GraphBuilder(), { unsourced: false });
  let records = 0;
  for await (const item of readRecords(paths, { format: options.format ?? 'auto' }))
    if (take(sink, item)) records++;
  return { graph: sink.finish(), records, problems: sink.problems, unsourced: sink.unsourced };
}

/** Reads the files into case arrays: the same records, entities and links as loadGraphFromFiles. */
export async function loadArraysFromFiles(
  paths: readonly string[],
  options: { format?: InputFormat | 'auto' } = {},
): Promise<LoadedArrays> {
  const builder = Object.assign(new ArraysBuilder(LOOK), { unsourced: false });
  let records = 0;
  const onItem = (item: ReadItem) => {
    if (take(builder, item)) records++;
  };
  const lane = new CsvLane(builder, onItem, DEFAULT_MAX_LINE_BYTES);
  for (const path of orderPairs(paths)) {
    const format =
      options.format === undefined || options.format === 'auto' ? await detectFormat(path) : options.format;
    if (format === 'csv') {
      if (await csvLacksProvenance(path)) builder.unsourced = true;
      await readCsvSync(path, onItem, DEFAULT_MAX_LINE_BYTES, lane);
    } else for await (const item of readRecords([path], { format })) onItem(item);
  }
  return {
    arrays: builder.finish(),
    records: records + lane.records,
    problems: builder.problems,
    unsourced: builder.unsourced,
  };
}
