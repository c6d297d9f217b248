/**
 * Spool files: validated records wait in temporary NDJSON files between the validation pass and the
 * write pass, so that memory stays flat whatever the size of the input.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { readLines } from './readers/lines.ts';

const FLUSH_AT = 1 << 20;
const MAX_SPOOL_LINE = 256 * 1024 * 1024;

/** Appends JSON values to a file, one a line, buffered. */
export class SpoolWriter {
  private readonly out: WriteStream;
  private chunk = '';
  // A failure to open or write the file (a missing folder, a full disk), thrown by the next call.
  private failure: Error | undefined;
  count = 0;

  constructor(
    readonly path: string,
    private readonly flushAt = FLUSH_AT,
  ) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
    this.out.on('error', (error) => {
      this.failure ??= error;
    });
  }

  /** Appends one value; waits only when the file cannot keep up. */
  async write(value: unknown): Promise<void> {
    if (this.failure) throw this.failure;
    this.chunk += `${JSON.stringify(value)}\n`;
    this.count++;
    if (this.chunk.length > this.flushAt) {
      const ok = this.out.write(this.chunk);
      this.chunk = '';
      if (!ok) await once(this.out, 'drain');
    }
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    this.out.end(this.chunk);
    this.chunk = '';
    if (!this.out.writableFinished) await once(this.out, 'finish');
    if (this.failure) throw this.failure;
  }
}

/** Reads back the values of a spool file, in order. */
export async function* readSpool<T>(path: string): AsyncGenerator<T> {
  for await (const event of readLines(path, MAX_SPOOL_LINE)) {
    if (event.type === 'problem') throw new Error(`spool ${path}: ${event.message}`);
    if (event.text !== '') yield JSON.parse(event.text) as T;
  }
}

/**
 * Where checked records go, one group per key (a label, or a link type with its ends' labels): the
 * spools below, or the bulk loader's CSV files (bulk-files.ts), which take them as they come.
 */
export interface GroupSink {
  /** Records written so far. */
  readonly count: number;
  write(key: string, value: unknown): Promise<void>;
  /** The keys in sorted order, each with its file and how many records it holds. */
  files(): { key: string; path: string; count: number }[];
  /** Flushes and closes every file. */
  close(): Promise<void>;
}

// Many groups are open at once (one per label, or per link type and end labels): smaller buffers.
const GROUP_FLUSH_AT = 1 << 16;

/**
 * One spool file per key (a label, or a link type with its ends' labels), so that the write pass can
 * read each group whole and write it in batches of even size, in the same order for the same input.
 */
export class GroupedSpool implements GroupSink {
  private readonly groups = new Map<string, SpoolWriter>();
  count = 0;

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
  ) {}

  /** Appends one value to its key's file. */
  async write(key: string, value: unknown): Promise<void> {
    let group = this.groups.get(key);
    if (!group) {
      group = new SpoolWriter(join(this.dir, `${this.prefix}-${this.groups.size}.ndjson`), GROUP_FLUSH_AT);
      this.groups.set(key, group);
    }
    this.count++;
    await group.write(value);
  }

  /** The keys in sorted order, each with its file and how many values it holds. */
  files(): { key: string; path: string; count: number }[] {
    return [...this.groups]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, group]) => ({ key, path: group.path, count: group.count }));
  }

  /** Flushes and closes every file. */
  async close(): Promise<void> {
    await Promise.all([...this.groups.values()].map((group) => group.close()));
  }
}
