/**
 * Picks the reader for each input: a folder is a CSV pair, `.csv`/`.tsv` is CSV, and a JSON-lines file
 * is FollowTheMoney when its first object has `schema` and `properties`, Ariadne NDJSON otherwise.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { readCsvBatches } from './csv.ts';
import { readFtmBatches } from './ftm.ts';
import { parseJsonLine } from './json-line.ts';
import { readLines } from './lines.ts';
import { readNdjsonBatches } from './ndjson.ts';
import type { ReadItem, ReadOptions, ReadStats } from './types.ts';
import { createReadStats, DEFAULT_MAX_LINE_BYTES, oneByOne } from './types.ts';

/** The input formats Ariadne reads. */
export const INPUT_FORMATS = ['ndjson', 'ftm', 'csv'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** Options for `readRecords`: the reader options and the format (`auto` detects it per path). */
export type ReadRecordsOptions = ReadOptions & { format?: InputFormat | 'auto' };

const CSV_EXTENSIONS = new Set(['.csv', '.tsv']);
const JSON_EXTENSIONS = new Set(['.ndjson', '.jsonl', '.json', '.ldjson']);

/** Detects the format of a file or folder from its extension and its first non-blank line. */
export async function detectFormat(path: string): Promise<InputFormat> {
  const isFolder = await stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
  const extension = extname(path).toLowerCase();
  if (isFolder || CSV_EXTENSIONS.has(extension)) return 'csv';
  const firstLine = await readFirstLine(path);
  if (firstLine === undefined) return JSON_EXTENSIONS.has(extension) || extension === '' ? 'ndjson' : 'csv';
  if (!firstLine.trimStart().startsWith('{')) return JSON_EXTENSIONS.has(extension) ? 'ndjson' : 'csv';
  const parsed = parseJsonLine(firstLine, false);
  return parsed.ok && 'schema' in parsed.value && 'properties' in parsed.value ? 'ftm' : 'ndjson';
}

async function readFirstLine(path: string): Promise<string | undefined> {
  for await (const event of readLines(path, DEFAULT_MAX_LINE_BYTES)) {
    if (event.type === 'problem') return undefined;
    if (event.text.trim() !== '') return event.text;
  }
  return undefined;
}

/**
 * Streams the records of several inputs in order, each with its reader; a links.csv is read after the
 * entities.csv of the same folder, so links come after the entities they join. Returns the counts of
 * FollowTheMoney schemata that could not be mapped.
 */
export function readRecords(
  paths: readonly string[],
  options: ReadRecordsOptions = {},
): AsyncGenerator<ReadItem, ReadStats> {
  return oneByOne(readRecordBatches(paths, options));
}

/** The records of `readRecords`, a batch for each batch of lines read (readLineBatches). */
export async function* readRecordBatches(
  paths: readonly string[],
  options: ReadRecordsOptions = {},
): AsyncGenerator<ReadItem[], ReadStats> {
  const stats = options.stats ?? createReadStats();
  const readerOptions: ReadOptions = { ...options, stats };
  for (const path of orderPairs(paths)) {
    const format =
      options.format === undefined || options.format === 'auto' ? await detectFormat(path) : options.format;
    if (format === 'csv') yield* readCsvBatches(path, readerOptions);
    else if (format === 'ftm') yield* readFtmBatches(path, readerOptions);
    else yield* readNdjsonBatches(path, readerOptions);
  }
  return stats;
}

/** Moves each links.csv just after the entities.csv of its folder when that comes later in the list. */
export function orderPairs(paths: readonly string[]): string[] {
  // Compared by folder and lower-case name, so ./a/Entities.csv pairs with a/links.csv.
  const keyOf = (path: string) => join(dirname(path), basename(path).toLowerCase());
  const entitiesKeyOf = (path: string) => join(dirname(path), 'entities.csv');
  const pending = new Set(paths.map(keyOf).filter((key) => basename(key) === 'entities.csv'));
  const deferred = new Map<string, string[]>();
  const ordered: string[] = [];
  for (const path of paths) {
    const key = keyOf(path);
    if (basename(key) === 'links.csv' && pending.has(entitiesKeyOf(path))) {
      deferred.set(entitiesKeyOf(path), [...(deferred.get(entitiesKeyOf(path)) ?? []), path]);
      continue;
    }
    ordered.push(path, ...(deferred.get(key) ?? []));
    deferred.delete(key);
    pending.delete(key);
  }
  return ordered;
}
