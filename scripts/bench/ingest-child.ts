/**
 * One timed run for the ingest benchmark, in its own process so that its peak RSS is its own:
 * `ingest-child.ts pipeline|bare <file>` with NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD set, or
 * `ingest-child.ts bulk <file>` with ARIADNE_HOME (and ARIADNE_NEO4J_PORT) naming the local Neo4j the
 * bulk path stops, loads and starts again. Prints one JSON line: records written, milliseconds, peak
 * RSS in MB, and for the pipeline where the time went (validating, checking links, writing, and the
 * part of writing spent waiting on Neo4j; for bulk, the files, the load and the importer's share).
 */
import { userInfo } from 'node:os';
import { loadConfig } from '../../server/config.ts';
import { connect } from '../../server/connect.ts';
import { type BulkTimings, bulkIngestFiles } from '../../server/ingest/bulk-import.ts';
import { type IngestProgress, ingestFiles } from '../../server/ingest/index.ts';
import { localBulkTarget } from '../../server/local-bulk.ts';
import { openStore, type Store } from '../../server/store/store.ts';
import { writeBare } from './ingest-bare.ts';

const [mode, file] = process.argv.slice(2);
if ((mode !== 'pipeline' && mode !== 'bare' && mode !== 'bulk') || !file) {
  process.stderr.write('usage: ingest-child.ts pipeline|bare|bulk FILE\n');
  process.exit(2);
}
const config = loadConfig();
let store: Store =
  mode === 'bulk'
    ? (await connect(config, undefined, { migrate: true })).store
    : await openStore({
        uri: process.env.NEO4J_URI ?? '',
        user: process.env.NEO4J_USER ?? 'neo4j',
        password: process.env.NEO4J_PASSWORD ?? '',
        database: undefined,
      });
const started = performance.now();
// The last moment each phase reported: a phase runs from the end of the one before to its last report.
const last: Partial<Record<IngestProgress['phase'], number>> = {};
let storeMs = 0;
const onProgress = (progress: IngestProgress) => {
  last[progress.phase] = performance.now() - started;
  if (progress.storeMs !== undefined) storeMs = progress.storeMs;
};
let records = 0;
let bulk: BulkTimings | undefined;
if (mode === 'bulk') {
  const outcome = await bulkIngestFiles(store, localBulkTarget(config), [file], {
    user: userInfo().username,
    onProgress,
    mode: 'bulk',
  });
  store = outcome.store;
  bulk = outcome.timings;
  const report = outcome.report;
  if (report.status !== 'complete')
    throw new Error(`import ${report.status}: ${JSON.stringify(report.errors.slice(0, 3))}`);
  records = report.totals.created + report.totals.updated + report.totals.unchanged;
} else if (mode === 'pipeline') {
  const report = await ingestFiles(store, [file], { user: userInfo().username, onProgress });
  if (report.status !== 'complete')
    throw new Error(`import ${report.status}: ${JSON.stringify(report.errors.slice(0, 3))}`);
  records = report.totals.created + report.totals.updated + report.totals.unchanged;
} else records = await writeBare(store, file);
const ms = performance.now() - started;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
await store.close();
const validated = last.validate ?? 0;
const checked = last.check ?? validated;
const phases =
  mode === 'bare'
    ? undefined
    : { validateMs: validated, checkMs: checked - validated, writeMs: ms - checked, storeMs };
process.stdout.write(
  `${JSON.stringify({ mode, records, ms, cpuMs: cpuMs(), peakRssMb: process.resourceUsage().maxRSS / 1024, phases, bulk })}\n`,
);
