// A validation thread's entry: a worker thread does not inherit the loader its parent was started
// with, so it loads its module from the CLI's bundle when current, or the TypeScript through tsx.
import { loadWorker } from '../../scripts/setup/cli-bundle.js';

await loadWorker('validate-worker', new URL('./validate-worker.ts', import.meta.url).href);
