/**
 * The non-interference harness as a soak run: more database pairs and more generated requests than
 * `npm test` sends, from a seed given on the command line (or the clock), against a throwaway local
 * Neo4j (or the one in NEO4J_URI, which it empties: never point it at data you keep). Prints each
 * pair's figures and every difference, grouped by operation; exits 1 if any answer differed or a
 * hidden record changed. Nothing is skipped here: the test's KNOWN_GAPS list is for `npm test` only.
 *
 *   node --import tsx scripts/soak/non-interference.ts --seed 42 --pairs 12 --variants 4
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { localCredentials, startLocalNeo4j, stopLocalNeo4j } from '../../server/local/neo4j.ts';
import { findFreePort } from '../../server/local/net.ts';
import { openStore, type Store } from '../../server/store/store.ts';
import { describeDifference } from '../../test/support/non-interference/compare.ts';
import { runPair } from '../../test/support/non-interference/harness.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    pairs: { type: 'string', default: '12' },
    variants: { type: 'string', default: '4' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write('usage: scripts/soak/non-interference.ts [--seed N] [--pairs N] [--variants N]\n');
  process.exit(0);
}
const seed = Number(values.seed);
const pairs = Number(values.pairs);
const variants = Number(values.variants);

async function openTarget(): Promise<{ store: Store; stop: () => Promise<void> }> {
  if (process.env.NEO4J_URI) {
    const store = await openStore({
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE,
    });
    return { store, stop: () => store.close() };
  }
  const home = mkdtempSync(join(tmpdir(), 'ariadne-soak-'));
  const port = await findFreePort();
  const started = await startLocalNeo4j({ home, port, strictPort: true, heap: '2g' });
  const { user, password } = localCredentials(home);
  const store = await openStore({
    uri: started.uri ?? `bolt://127.0.0.1:${port}`,
    user,
    password,
    database: undefined,
  });
  return {
    store,
    stop: async () => {
      await store.close();
      await stopLocalNeo4j(home);
      rmSync(home, { recursive: true, force: true });
    },
  };
}

const { store, stop } = await openTarget();
let requests = 0;
let failed = false;
const started = Date.now();
const byOperation = new Map<string, string[]>();
try {
  for (let i = 0; i < pairs; i++) {
    const kind = i % 2 === 0 ? 'handling' : 'agency';
    const result = await runPair(store, kind, seed + i, { variants, reports: ['html', 'md', 'pdf'] });
    requests += result.requests;
    process.stdout.write(
      `pair ${i + 1}/${pairs} (${kind}, seed ${seed + i}): ${result.requests} requests, ${result.operations.size} operations, ` +
        `${result.differences.length} differences, ${result.hiddenChanges.length} hidden records changed, ${(result.ms / 1000).toFixed(1)} s\n`,
    );
    for (const diff of result.differences) {
      const list = byOperation.get(diff.op) ?? [];
      list.push(`[seed ${seed + i}] ${describeDifference(diff)}`);
      byOperation.set(diff.op, list);
    }
    for (const change of result.hiddenChanges) process.stdout.write(`  hidden record changed: ${change}\n`);
    failed ||= result.differences.length > 0 || result.hiddenChanges.length > 0;
  }
} finally {
  await stop();
}
for (const [op, lines] of [...byOperation].sort()) {
  process.stdout.write(
    `\n${op}: ${lines.length} differing answers; the first:\n  ${lines.slice(0, 3).join('\n  ')}\n`,
  );
}
process.stdout.write(
  `\n${pairs} pairs, ${requests} requests per world, ${((Date.now() - started) / 1000).toFixed(0)} s: ` +
    `${failed ? 'the answers differ' : 'no difference'}\n`,
);
process.exit(failed ? 1 : 0);
