/**
 * `analyse --file`: reads CSV pairs, Ariadne NDJSON or FollowTheMoney files with the ingest's readers
 * and builds the graph in memory, for quick looks and benchmarks without a database. Bad lines and
 * rejected records are reported, not fatal: the graph holds what could be read.
 */
import { type InputFormat, isReadError, readRecords } from '../ingest/readers/index.ts';
import type { ProjectedGraph } from '../store/projection.ts';
import { GraphBuilder, type RecordProblem } from './graph-from-records.ts';

/** The graph of some files and what could not go into it. */
export interface LoadedFiles {
  graph: ProjectedGraph;
  records: number;
  problems: RecordProblem[];
}

/** Reads the files (format detected per path unless given) into one graph. */
export async function loadGraphFromFiles(
  paths: readonly string[],
  options: { format?: InputFormat | 'auto' } = {},
): Promise<LoadedFiles> {
  const builder = new GraphBuilder();
  let records = 0;
  for await (const item of readRecords(paths, { format: options.format ?? 'auto' })) {
    const at = `${item.file}:${item.line}`;
    if (isReadError(item)) {
      builder.problems.push({ at, ...(item.field ? { field: item.field } : {}), message: item.message });
      continue;
    }
    records++;
    if (item.kind === 'entity-patch') {
      builder.problems.push({
        at,
        message: 'extra properties for another entity are applied by ingest only',
      });
      continue;
    }
    builder.add({ kind: item.kind, type: item.type, fields: item.fields }, at);
  }
  return { graph: builder.finish(), records, problems: builder.problems };
}
