/**
 * Validation threads for large inputs: the validation pass hands them batches of records and takes
 * their checkRecord outcomes back in input order (validate-pass.ts), so two cores validate while the
 * import's own thread keeps ids, spools and issues exactly as it would alone.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ValidateOptions } from '../schema/records.ts';
import type { CheckedRecord } from './check-record.ts';
import type { RawRecord } from './readers/index.ts';

const ENTRY = new URL('./validate-worker-entry.mjs', import.meta.url);

// Below this much input, starting the threads (their modules loaded anew) costs more than they save.
const THREADS_FROM_BYTES = 32 * 1024 * 1024;

/**
 * How many validation threads an input of `bytes` gets by default: none for small or unknown inputs,
 * and one core left to the import's own thread (with one thread beside it, that thread waits a fifth of
 * the time at 1M records; with two on two cores, the three take longer than one and two).
 */
export function defaultValidationThreads(bytes: number | undefined): number {
  if (bytes === undefined || bytes < THREADS_FROM_BYTES) return 0;
  return Math.max(0, Math.min(2, availableParallelism() - 1));
}

type Waiting = { resolve: (results: CheckedRecord[]) => void; reject: (error: Error) => void };

/** A few worker threads running checkRecord on batches, answering each batch in a promise. */
export class ValidationThreads {
  /** Batches the validation pass may hand over beyond the one it is taking. */
  readonly ahead: number;
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, Waiting>();
  private sent = 0;
  private failure: Error | undefined;
  private closing = false;

  constructor(count: number, options: ValidateOptions) {
    this.ahead = 2 * count;
    const workerData: ValidateOptions = { dateFormat: options.dateFormat, defaults: options.defaults };
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(ENTRY, { workerData });
      worker.on('message', ({ seq, results }: { seq: number; results: CheckedRecord[] }) => {
        this.waiting.get(seq)?.resolve(results);
        this.waiting.delete(seq);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`a validation thread stopped (exit code ${code})`));
      });
      return worker;
    });
  }

  /** The checkRecord outcome of each item, in order. */
  check(items: RawRecord[]): Promise<CheckedRecord[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (items.length === 0) return Promise.resolve([]);
    const seq = this.sent++;
    const worker = this.workers[seq % this.workers.length] as Worker;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      worker.postMessage({ seq, items });
    });
  }

  /** Stops the threads; batches still out are rejected. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.fail(new Error('the validation threads were closed'));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
