/**
 * A validation thread: batches of entities and links arrive, each with its sequence number; their
 * checkRecord outcomes go back in the same order, under the same number.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { STREAM_BOUNDS, type ValidateOptions, ValidationMemo } from '../schema/records.ts';
import { checkRecord } from './check-record.ts';
import type { RawRecord } from './readers/index.ts';

// A memo of the thread's own: the main thread's cannot be handed over, and each remembers what it saw.
const options: ValidateOptions = {
  ...(workerData as ValidateOptions),
  memo: new ValidationMemo(STREAM_BOUNDS),
};
parentPort?.on('message', ({ seq, items }: { seq: number; items: RawRecord[] }) => {
  parentPort?.postMessage({ seq, results: items.map((item) => checkRecord(item, options)) });
});
