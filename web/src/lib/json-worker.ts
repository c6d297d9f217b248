/**
 * A dedicated worker that reads a JSON answer's bytes (`getJsonOffThread`, off-thread.ts). Its own
 * thread takes the bytes as they come, so a large download goes on at the network's pace while the
 * page's main thread is busy; the bytes are handed over, not copied. The path to read is the
 * worker's name: a message would reach it only through the main thread, once that is free.
 */
import { ApiError, requestBytes } from './http.ts';

/** What the worker answers: the bytes, or the failure as an ApiError's fields. */
export type JsonWorkerAnswer =
  | { bytes: ArrayBuffer }
  | { error: { status: number; message: string; problem: Record<string, unknown> } };

const worker = self as unknown as {
  name: string;
  postMessage(answer: JsonWorkerAnswer, transfer?: Transferable[]): void;
};

requestBytes('GET', worker.name).then(
  (bytes) => worker.postMessage({ bytes }, [bytes]),
  (error: unknown) =>
    worker.postMessage({
      error:
        error instanceof ApiError
          ? { status: error.status, message: error.message, problem: error.problem }
          : { status: 0, message: String(error), problem: {} },
    }),
);
