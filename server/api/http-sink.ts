/**
 * A text sink over an HTTP response: text is gathered into 64 KB chunks and written with respect for
 * back-pressure, so a slow client slows the export down instead of making the server hold the graph.
 * A client that goes away stops the export at the next chunk.
 */
import { once } from 'node:events';
import type { Response } from 'express';
import type { TextSink } from '../export/types.ts';

const CHUNK = 64 * 1024;

/** The client closed the connection before the export was complete. */
export class ClientGoneError extends Error {
  override name = 'ClientGoneError';
}

/** A sink writing to a response; `end` flushes and ends it. */
export class ResponseSink implements TextSink {
  private parts: string[] = [];
  private size = 0;
  private gone = false;

  constructor(private readonly res: Response) {
    res.once('close', () => {
      if (!res.writableFinished) this.gone = true;
    });
  }

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.gone || this.res.destroyed) throw new ClientGoneError('the client closed the connection');
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.res.write(text)) {
      await Promise.race([once(this.res, 'drain'), once(this.res, 'close')]);
      if (this.gone || this.res.destroyed) throw new ClientGoneError('the client closed the connection');
    }
  }

  /** Writes what is left and ends the response. */
  async end(): Promise<void> {
    await this.flush();
    this.res.end();
  }
}

/** A sink that keeps nothing, for the table of a CSV pair that was not asked for. */
export const DISCARD: TextSink = { write: async () => {} };
