/**
 * Report benchmark: the demo case loaded into a fresh local Neo4j of its own, then the full report
 * built for full clearance and printed to PDF through Chromium: time of each stage (projection and
 * analyses, assembly, HTML, PDF), the PDF's size and pages, and peak RSS.
 * Usage: node --import tsx scripts/bench/report.ts [--heap 2g] [--runs 2]
 * It prints figures; nothing here is a test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import { FULL_CLEARANCE } from '../../server/auth/context.ts';
import { localCredentials, startLocalNeo4j, stopLocalNeo4j } from '../../server/local/neo4j.ts';
import { findFreePort } from '../../server/local/net.ts';
import { buildStoreReport } from '../../server/report/build-report.ts';
import { renderHtml } from '../../server/report/render/html.ts';
import { renderMarkdown } from '../../server/report/render/markdown.ts';
import { renderPdf } from '../../server/report/render/pdf.ts';
import { ingestRecords } from '../../server/store/ingest-writes.ts';
import { openStore } from '../../server/store/store.ts';

const { values } = parseArgs({
  options: { heap: { type: 'string', default: '2g' }, runs: { type: 'string', default: '2' } },
});
const runs = Math.max(1, Number(values.runs));
const home = mkdtempSync(join(tmpdir(), 'ariadne-bench-report-'));
const since = (start: number) => Math.round(performance.now() - start);

try {
  const port = await findFreePort();
  await startLocalNeo4j({ home, port, strictPort: true, heap: values.heap });
  const { user, password } = localCredentials(home);
  const store = await openStore({ uri: `bolt://127.0.0.1:${port}`, user, password, database: undefined });
  try {
    const loaded = await ingestRecords(store, generateDemoCase().records);
    if (!loaded.ok) throw new Error('the demo case did not load');
    process.stdout.write(`demo case loaded; ${process.platform} ${process.arch}, node ${process.version}\n`);
    for (let run = 1; run <= runs; run++) {
      const start = performance.now();
      const { model } = await buildStoreReport(store, { clearance: FULL_CLEARANCE, createdBy: 'bench' });
      const built = since(start);
      let t = performance.now();
      const html = renderHtml(model);
      const markdown = renderMarkdown(model);
      const rendered = since(t);
      t = performance.now();
      const pdf = await renderPdf(model);
      const printed = since(t);
      const file = join(home, 'report.pdf');
      writeFileSync(file, pdf);
      const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1] ?? '?';
      process.stdout.write(
        `run ${run}: total ${since(start)} ms (projection + analyses + assembly ${built} ms, HTML and Markdown ${rendered} ms, PDF ${printed} ms); ` +
          `PDF ${(pdf.length / 1024).toFixed(0)} KiB, ${pages} pages; HTML ${(html.length / 1024).toFixed(0)} KiB; Markdown ${(markdown.length / 1024).toFixed(0)} KiB; ` +
          `${model.citations.length} citations; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB\n`,
      );
    }
  } finally {
    await store.close();
  }
} finally {
  await stopLocalNeo4j(home).catch(() => {});
  rmSync(home, { recursive: true, force: true });
}
