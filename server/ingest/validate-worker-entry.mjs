// A validation thread's entry: the sources are TypeScript, loaded through tsx as scripts/ariadne.js does,
// because a worker thread does not inherit the loader its parent was started with.
import { register } from 'tsx/esm/api';

register();
await import('./validate-worker.ts');
