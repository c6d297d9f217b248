/**
 * Spool files: validated records wait in temporary NDJSON files between the validation pass and the
 * write pass, so that memory stays flat whatever the size of the input.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { readLines } from './readers/lines.ts';

const FLUSH_AT = 1 << 20;
const MAX_SPOOL_LINE = 256 * 1024 * 1024;

/** Appends JSON values to a file, one a line, buffered. */
export class SpoolWriter {
  private readonly out: WriteStream;
  private chunk = '';
  count = 0;

  constructor(readonly path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
  }

  /** Appends one value; waits only when the file cannot keep up. */
  async write(value: unknown): Promise<void> {
    this.chunk += `${JSON.stringify(value)}\n`;
    this.count++;
    if (this.chunk.length > FLUSH_AT) {
      const ok = this.out.write(this.chunk);
      this.chunk = '';
      if (!ok) await once(this.out, 'drain');
    }
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    this.out.end(this.chunk);
    this.chunk = '';
    await once(this.out, 'finish');
  }
}

/** Reads back the values of a spool file, in order. */
export async function* readSpool<T>(path: string): AsyncGenerator<T> {
  for await (const event of readLines(path, MAX_SPOOL_LINE)) {
    if (event.type === 'problem') throw new Error(`spool ${path}: ${event.message}`);
    if (event.text !== '') yield JSON.parse(event.text) as T;
  }
}
