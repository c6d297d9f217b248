/**
 * One timed run for the ingest benchmark, in its own process so that its peak RSS is its own:
 * `ingest-child.ts pipeline|bare <file>` with NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD set. Prints one
 * JSON line: records written, milliseconds, peak RSS in MB, and for the pipeline where the time went
 * (validating, checking links, writing, and the part of writing spent waiting on Neo4j).
 */
import { userInfo } from 'node:os';
import { type IngestProgress, ingestFiles } from '../../server/ingest/index.ts';
import { openStore } from '../../server/store/store.ts';
import { writeBare } from './ingest-bare.ts';

const [mode, file] = process.argv.slice(2);
if ((mode !== 'pipeline' && mode !== 'bare') || !file) {
  process.stderr.write('usage: ingest-child.ts pipeline|bare FILE\n');
  process.exit(2);
}
const store = await openStore({
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
if (mode === 'pipeline') {
  const report = await ingestFiles(store, [file], { user: userInfo().username, onProgress });
  if (report.status !== 'complete')
    throw new Error(`import ${report.status}: ${JSON.stringify(report.errors.slice(0, 3))}`);
  records = report.totals.created + report.totals.updated + report.totals.unchanged;
} else records = await writeBare(store, file);
const ms = performance.now() - started;
await store.close();
const validated = last.validate ?? 0;
const checked = last.check ?? validated;
const phases =
  mode === 'pipeline'
    ? { validateMs: validated, checkMs: checked - validated, writeMs: ms - checked, storeMs }
    : undefined;
process.stdout.write(
  `${JSON.stringify({ mode, records, ms, peakRssMb: process.resourceUsage().maxRSS / 1024, phases })}\n`,
);
