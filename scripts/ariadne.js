#!/usr/bin/env node
// The `ariadne` command. The sources are TypeScript: `npm start` and `npm test` bundle them into
// plain JavaScript (scripts/setup/cli-bundle.js), which starts faster; without a current bundle
// (a fresh clone before either, or a source edited since) they run through tsx.
import { currentBundle } from './setup/cli-bundle.js';

const bundle = currentBundle();
let main;
if (bundle) ({ main } = await import(bundle));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
