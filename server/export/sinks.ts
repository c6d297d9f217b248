/**
 * Text sinks: a file written under a temporary name and renamed into place only when complete (a
 * failed export never leaves a half-written file behind), and an in-memory sink for tests.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { TextSink } from './types.ts';

const CHUNK = 64 * 1024;

/** A file being written; `commit` puts it in place, `abort` removes what was written. */
export class FileSink implements TextSink {
  private buffered: string[] = [];
  private size = 0;

  private constructor(
    readonly path: string,
    private readonly partial: string,
    private readonly stream: WriteStream,
  ) {}

  /** Opens `path.partial` for writing. */
  static async open(path: string): Promise<FileSink> {
    const partial = `${path}.partial`;
    const stream = createWriteStream(partial, { encoding: 'utf8' });
    await once(stream, 'open');
    return new FileSink(path, partial, stream);
  }

  async write(text: string): Promise<void> {
    this.buffered.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffered.length === 0) return;
    const text = this.buffered.join('');
    this.buffered = [];
    this.size = 0;
    // Respect back-pressure so that a slow disk never makes the export hold the graph in memory.
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Flushes, closes and renames the file into place. */
  async commit(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    await rename(this.partial, this.path);
  }

  /** Closes and deletes the partial file. */
  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.partial, { force: true });
  }
}

/** A sink that keeps the text in memory. */
export function createMemorySink(): TextSink & { text(): string } {
  const parts: string[] = [];
  return {
    write: async (text) => {
      parts.push(text);
    },
    text: () => parts.join(''),
  };
}
