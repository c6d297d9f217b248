/**
 * A large JSON answer (a whole case's graph) read through a worker (json-worker.ts). Read on the
 * main thread, the bytes of a download wait for it: while the page builds its workspace and
 * renderer, a download of tens of megabytes stalls. The worker takes them as they come and hands
 * them over; the main thread then only decodes and parses them.
 */
import { ApiError, getJson } from './http.ts';
import type { JsonWorkerAnswer } from './json-worker.ts';

/** GET as JSON, the bytes read off the main thread (where the page has workers; else getJson). */
export function getJsonOffThread<T>(path: string): Promise<T> {
  if (typeof Worker === 'undefined') return getJson<T>(path);
  // The path goes as the worker's name, which it reads as it starts.
  const worker = new Worker(new URL('./json-worker.ts', import.meta.url), { type: 'module', name: path });
  return new Promise<T>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<JsonWorkerAnswer>) => {
      worker.terminate();
      if ('error' in data) reject(new ApiError(data.error.status, data.error.message, data.error.problem));
      else {
        try {
          resolve(JSON.parse(new TextDecoder().decode(data.bytes)) as T);
        } catch (error) {
          reject(error);
        }
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`Reading ${path} failed: ${event.message}`));
    };
  });
}
