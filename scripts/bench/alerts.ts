/**
 * Alerts benchmark: 10,000 watches of mixed kinds (identifiers, entities, new links, payments over an
 * amount, typology hits, document reuse, renamed vessels) against the demo case at scale 25 (~100k
 * records) in a fresh local Neo4j of its own. It prints the import's time with no watches and with
 * the watches on (aim: at most 10% more), and the latency from a small import's last committed batch
 * to its alert being readable through the store (aim: under 2 s), with the load average.
 * Usage: node --import tsx scripts/bench/alerts.ts [--scale 25] [--watches 10000]
 * It prints figures; nothing here is a test.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FULL_CLEARANCE, type Viewer } from '../../server/auth/context.ts';
import { ingestFiles } from '../../server/ingest/index.ts';
import { localCredentials, startLocalNeo4j, stopLocalNeo4j } from '../../server/local/neo4j.ts';
import { findFreePort } from '../../server/local/net.ts';
import { NewWatchSchema } from '../../server/schema/api/watches.ts';
import { PROTECTED_ROLES } from '../../server/schema/model.ts';
import { listAlerts } from '../../server/store/alerts-read.ts';
import { openStore, type Store } from '../../server/store/store.ts';
import { createWatch } from '../../server/store/watches.ts';
import { writeDemoFiles } from '../../seeds/demo/generate.ts';
import { createRng } from '../../analysis/core/random.ts';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '25' }, watches: { type: 'string', default: '10000' } },
});
const scale = Number(values.scale);
const WATCHES = Number(values.watches);
const home = mkdtempSync(join(tmpdir(), 'ariadne-bench-alerts-'));
const viewer: Viewer = {
  username: 'bench',
  role: 'analyst',
  clearance: ['H0', 'H1', 'H2', 'H3'],
  agency: null,
};
const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');

type Row = Record<string, unknown>;

/** The demo file's entities, by type, as the watches are made from them. */
function readDemo(file: string) {
  const byType = new Map<string, Row[]>();
  const links: Row[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as Row;
    if (row.kind === 'link') links.push(row);
    else byType.set(String(row.type), [...(byType.get(String(row.type)) ?? []), row]);
  }
  return { byType, links };
}

/** 10,000 mixed watches: most on things not in the data, a few that match. */
function watchBodies(demo: ReturnType<typeof readDemo>, count: number): Row[] {
  const random = createRng(25);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const people = (demo.byType.get('Person') ?? []).filter(
    (p) =>
      !(Array.isArray(p.roles) && p.roles.some((r) => (PROTECTED_ROLES as readonly unknown[]).includes(r))),
  );
  const accounts = demo.byType.get('Account') ?? [];
  const vessels = demo.byType.get('Vessel') ?? [];
  const documents = (demo.byType.get('Document') ?? []).filter((d) => d.number && d.issuingCountry);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const purpose = 'benchmark';
  const bodies: Row[] = [];
  for (let i = 0; bodies.length < count; i++) {
    const slot = i % 10;
    if (slot === 0) bodies.push({ kind: 'identifier', scheme: 'mmsi', value: `2${digits(8)}` });
    else if (slot === 1)
      bodies.push(
        i % 200 === 1 && vessels.length > 0 && pick(vessels).imo
          ? { kind: 'identifier', scheme: 'imo', value: String(pick(vessels).imo) }
          : { kind: 'identifier', scheme: 'phone', value: `+2189${digits(8)}` },
      );
    else if (slot === 2) {
      const doc = pick(documents);
      bodies.push(
        i % 100 === 2 && doc
          ? {
              kind: 'identifier',
              scheme: 'document',
              value: String(doc.number),
              country: String(doc.issuingCountry),
            }
          : { kind: 'identifier', scheme: 'name', value: `Watched Person ${digits(6)}` },
      );
    } else if (slot <= 5)
      bodies.push({ kind: 'entity', entity: String(pick([...people, ...accounts, ...vessels]).id) });
    else if (slot <= 7)
      bodies.push({
        kind: 'pattern',
        pattern: 'new-link',
        entities: [String(pick(people).id), String(pick(people).id)],
      });
    else if (slot === 8)
      bodies.push({
        kind: 'pattern',
        pattern: 'payment-over',
        account: String(pick(accounts).id),
        amount: 10_000,
      });
    else if (i % 1000 === 9)
      bodies.push({ kind: 'pattern', pattern: i % 2000 === 9 ? 'document-reused' : 'vessel-renamed' });
    else bodies.push({ kind: 'pattern', pattern: 'typology-hit', entities: [String(pick(accounts).id)] });
  }
  return bodies.map((body) => ({ purpose, ...body }));
}

async function createAll(store: Store, bodies: Row[]): Promise<number> {
  let made = 0;
  const queue = [...bodies];
  const worker = async () => {
    for (let body = queue.shift(); body !== undefined; body = queue.shift()) {
      const parsed = NewWatchSchema.safeParse(body);
      if (!parsed.success) continue;
      await createWatch(store, viewer, FULL_CLEARANCE, parsed.data).then(
        () => made++,
        () => {},
      );
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return made;
}

async function timedImport(store: Store, file: string) {
  let lastWrite = 0;
  const started = performance.now();
  const report = await ingestFiles(store, [file], {
    user: 'bench',
    onProgress: (p) => {
      if (p.phase === 'write') lastWrite = performance.now();
    },
  });
  if (report.status !== 'complete') throw new Error(`import ${file}: ${report.status}`);
  const done = performance.now();
  return { ms: done - started, lastWrite, done, warnings: report.warnings };
}

const clearData = (store: Store) =>
  store.autoCommit(
    'MATCH (n) WHERE NOT (n:Watch OR n:WatchKey OR n:User) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
  );

try {
  const port = await findFreePort();
  await startLocalNeo4j({ home, port, strictPort: true, heap: '2g' });
  const { user, password } = localCredentials(home);
  const store = await openStore({ uri: `bolt://127.0.0.1:${port}`, user, password, database: undefined });
  say(`Neo4j at bolt://127.0.0.1:${port}; ${process.platform} ${process.arch}, node ${process.version}`);
  const warm = join(home, 'warm-up');
  await writeDemoFiles(warm, { scale: 1 });
  await timedImport(store, join(warm, 'demo-case.ndjson'));
  const dir = join(home, `demo-${scale}`);
  const truth = await writeDemoFiles(dir, { scale });
  const file = join(dir, 'demo-case.ndjson');
  const records = truth.counts.totalEntities + truth.counts.totalLinks;

  await clearData(store);
  const loadOff = load();
  const off = await timedImport(store, file);
  say(`import without watches: ${(off.ms / 1000).toFixed(1)} s (load average ${loadOff})`);

  const demo = readDemo(file);
  const t = performance.now();
  const made = await createAll(store, watchBodies(demo, WATCHES));
  say(`${made.toLocaleString('en')} watches made in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await clearData(store);
  const loadOn = load();
  const on = await timedImport(store, file);
  const raised = await listAlerts(store, 'bench', FULL_CLEARANCE, { show: 'all', limit: 1, countOnly: true });
  say(
    `import with ${made.toLocaleString('en')} watches: ${(on.ms / 1000).toFixed(1)} s (load average ${loadOn}); ${raised.total.toLocaleString('en')} alerts raised`,
  );
  if (on.warnings.length > 0) say(`  warnings: ${on.warnings.join('; ')}`);

  // Latency: a small import naming a watched vessel, from its last committed batch to the alert read.
  const small = join(home, 'small.ndjson');
  const imo = '9074729';
  await createWatch(
    store,
    viewer,
    FULL_CLEARANCE,
    NewWatchSchema.parse({ kind: 'identifier', scheme: 'imo', value: imo, purpose: 'latency' }),
  );
  writeFileSync(
    small,
    `${JSON.stringify({ kind: 'entity', type: 'Vessel', id: 'v-latency', name: 'Latency', imo, handling: 'H0', sources: ['src-latency'] })}\n${JSON.stringify({ kind: 'entity', type: 'Source', id: 'src-latency', name: 'Latency report', handling: 'H0', sources: ['src-latency'] })}\n`,
  );
  const before = raised.total;
  const latencyLoad = load();
  const quick = await timedImport(store, small);
  let readable = 0;
  for (;;) {
    const now = await listAlerts(store, 'bench', FULL_CLEARANCE, { show: 'all', limit: 1, countOnly: true });
    if (now.total > before) {
      readable = performance.now();
      break;
    }
    if (performance.now() - quick.lastWrite > 30_000)
      throw new Error('the latency alert was not raised in 30 s');
  }
  const latency = readable - quick.lastWrite;
  // Where the latency goes: matching after the commit (inside the import) against reading the count.
  const matching = quick.done - quick.lastWrite;
  const counts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await listAlerts(store, 'bench', FULL_CLEARANCE, { show: 'unread', limit: 1, countOnly: true });
    counts.push(performance.now() - t0);
  }
  const countMs = counts.sort((a, b) => a - b)[1] ?? 0;

  say('');
  say(
    `| records | without watches | with ${made.toLocaleString('en')} watches | extra | aim | load average |`,
  );
  say('|---|---|---|---|---|---|');
  say(
    `| ${records.toLocaleString('en')} | ${(off.ms / 1000).toFixed(1)} s | ${(on.ms / 1000).toFixed(1)} s | ${(((on.ms - off.ms) / off.ms) * 100).toFixed(1)}% | <= 10% | ${loadOff} -> ${loadOn} |`,
  );
  say('');
  say(
    `alert latency, last committed batch -> alert readable: ${latency.toFixed(0)} ms (aim < 2,000 ms; load average ${latencyLoad})`,
  );
  say(
    `  of which matching after the commit: ${matching.toFixed(0)} ms; one unread count of ${raised.total.toLocaleString('en')} alerts: ${countMs.toFixed(0)} ms (median of 3)`,
  );
  await store.close();
} finally {
  await stopLocalNeo4j(home).catch(() => {});
  rmSync(home, { recursive: true, force: true });
}
