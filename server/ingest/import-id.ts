/**
 * An import's identity: the sha256 of its files' contents and of the options that change what is
 * written. The same files with the same options are the same import, whatever their names.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writerPartition } from '../store/partition.ts';
import type { IngestOptions } from './types.ts';

/** The options that change what an import writes (and so its identity). */
export function identityOptions(options: IngestOptions): Record<string, unknown> {
  return {
    format: options.format ?? 'auto',
    source: options.source,
    grade: options.grade,
    scheme: options.scheme,
    handling: options.handling,
    handlingCondition: options.handlingCondition,
    caseName: options.caseName,
    dateFormat: options.dateFormat,
    skipInvalid: options.skipInvalid ?? false,
    // The same file imported under two clearances writes into two partitions: two imports.
    ...(writerPartition(options.clearance) ? { partition: writerPartition(options.clearance) } : {}),
  };
}

/** The files an input path stands for: itself, or the CSV files of a folder. */
export async function expandInput(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) return [path];
  const names = (await readdir(path)).filter((name) => name.toLowerCase().endsWith('.csv')).sort();
  return names.map((name) => join(path, name));
}

/** The sha256 of one file, streamed ('' for a file that cannot be read; the readers report why). */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch {
    return '';
  }
  return hash.digest('hex');
}

/** Combines file checksums and options into the import id `imp:<sha256>`. */
export function importIdOf(checksums: readonly string[], options: IngestOptions): string {
  const hash = createHash('sha256');
  for (const sum of checksums) hash.update(`${sum}\n`);
  hash.update(JSON.stringify(identityOptions(options)));
  return `imp:${hash.digest('hex')}`;
}
