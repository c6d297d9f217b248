/**
 * A request body streamed to a file in a fresh temporary folder, never held in memory, and cut off
 * with a 413 as soon as it passes the size limit. The caller removes the folder when done.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'express';
import { HttpError } from './problem.ts';

/** The default largest upload: 256 MiB. */
export const DEFAULT_UPLOAD_LIMIT = 256 * 1024 * 1024;

/** A body saved to disk. */
export interface SavedUpload {
  dir: string;
  path: string;
  bytes: number;
  remove(): Promise<void>;
}

/** Streams the request body to `<tmp>/<name>`; throws 413 past `limit` bytes, 400 when it is empty. */
export async function saveUpload(req: Request, name: string, limit: number): Promise<SavedUpload> {
  const declared = Number(req.get('content-length') ?? Number.NaN);
  if (declared > limit) throw tooLarge(limit);
  const dir = await mkdtemp(join(tmpdir(), 'ariadne-upload-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, name);
  let bytes = 0;
  try {
    bytes = await copyBody(req, createWriteStream(path), limit);
  } catch (error) {
    await remove();
    throw error instanceof HttpError
      ? error
      : new HttpError(400, 'The upload was interrupted: send it again');
  }
  if (bytes === 0) {
    await remove();
    throw new HttpError(400, 'The request body is empty: send the file as the body');
  }
  return { dir, path, bytes, remove };
}

/** Copies the body with back-pressure; past the limit, stops writing and lets the rest drain away. */
function copyBody(req: Request, out: WriteStream, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    const fail = (error: Error) => {
      req.removeListener('data', onData);
      req.resume();
      out.destroy();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) return fail(tooLarge(limit));
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    };
    req.on('data', onData);
    req.once('error', fail);
    req.once('end', () => {
      if (bytes > limit) return;
      out.end();
      out.once('finish', () => resolve(bytes));
    });
    out.once('error', fail);
  });
}

function tooLarge(limit: number): HttpError {
  return new HttpError(
    413,
    `The file is larger than ${Math.round(limit / 1024 / 1024)} MiB: split it and send the parts`,
  );
}
