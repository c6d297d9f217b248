/**
 * A validation thread: batches of entities and links arrive, each with its sequence number; their
 * checkRecord outcomes go back in the same order, under the same number.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ValidateOptions } from '../schema/records.ts';
import { checkRecord } from './check-record.ts';
import type { RawRecord } from './readers/index.ts';

const options = workerData as ValidateOptions;
parentPort?.on('message', ({ seq, items }: { seq: number; items: RawRecord[] }) => {
  parentPort?.postMessage({ seq, results: items.map((item) => checkRecord(item, options)) });
});
