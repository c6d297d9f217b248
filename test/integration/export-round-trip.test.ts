import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Clearance, FULL_CLEARANCE } from '../../server/auth/context.ts';
import { SOURCES } from '../../seeds/demo/data/sources.ts';
import { runExport } from '../../server/export/export.ts';
import { storeSource } from '../../server/export/store-source.ts';
import { ingestFiles } from '../../server/ingest/index.ts';
import { SYSTEM_LABELS } from '../../server/schema/model.ts';
import { type ContentHash, hashContent } from '../../server/store/content-hash.ts';
import { BOOKKEEPING_PROPERTIES } from '../../server/store/export-reads.ts';
import { ingestRecords } from '../../server/store/ingest-writes.ts';
import type { Store } from '../../server/store/store.ts';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import { runCli } from '../helpers/cli.ts';
import { clearDatabase, openTestStore, testEnv } from '../helpers/neo4j.ts';

type DemoRecord = Record<string, unknown>;
const isLink = (r: DemoRecord) => r.kind === 'link';

// A fifth of the demo case (every label, every link type with both ends in it) plus its one account
// restricted to an agency and that account's links and holders: the round trip stays quick.
function demoSubset(head = 3000): DemoRecord[] {
  const all = () => generateDemoCase().records as Iterable<DemoRecord>;
  const wanted = new Set<string>();
  for (const r of all()) {
    if (r.restrictedTo === undefined) continue;
    for (const id of isLink(r) ? [r.source, r.target] : [r.id]) wanted.add(String(id));
  }
  const kept: DemoRecord[] = [];
  const ids = new Set<string>();
  let index = 0;
  for (const r of all()) {
    const early = index++ < head;
    if (!isLink(r) && (early || wanted.has(String(r.id)))) {
      ids.add(String(r.id));
      kept.push(r);
    } else if (isLink(r) && (early || r.restrictedTo !== undefined)) kept.push(r);
  }
  return kept.filter((r) => !isLink(r) || (ids.has(String(r.source)) && ids.has(String(r.target))));
}

// The content as the export defines it: everything but the store's bookkeeping and platform nodes.
const HASH = { exclude: [...BOOKKEEPING_PROPERTIES], excludeLabels: [...SYSTEM_LABELS] };

let store: Store;
let original: ContentHash;
let folder: string;
beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  const loaded = await ingestRecords(store, demoSubset());
  expect(loaded.ok).toBe(true);
  original = await hashContent(store, HASH);
  folder = await mkdtemp(join(tmpdir(), 'ariadne-round-trip-'));
});
afterAll(async () => {
  await clearDatabase(store);
  await store.close();
});

// Part of the demo case, with H2 records: the export leaves with every providing agency's consent.
const CONSENT = [...new Set(Object.values(SOURCES).map((s) => s.agency))].flatMap((a) => [
  '--provider-consent',
  a,
]);

describe('export and re-import of part of the demo case', () => {
  it('gives back the same content from NDJSON through `ariadne export` and `ariadne ingest`', async () => {
    expect(original.nodes).toBeGreaterThan(500);
    expect(original.relationships).toBeGreaterThan(1000);
    const out = join(folder, 'demo.ndjson');
    const exported = await runCli(
      ['export', '--format', 'ndjson', '--out', out, '--json', ...CONSENT],
      testEnv(),
    );
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).losses).toEqual([]);
    await clearDatabase(store);
    const ingested = await runCli(['ingest', out, '--json'], testEnv());
    expect(ingested.code).toBe(0);
    expect(JSON.parse(ingested.stdout).status).toBe('complete');
    expect(await hashContent(store, HASH)).toEqual(original);
  });

  it('gives back the same content from a CSV pair through the ingest pipeline', async () => {
    const out = join(folder, 'demo-csv');
    const summary = await runExport(storeSource(store, { clearance: FULL_CLEARANCE }), {
      format: 'csv',
      out,
    });
    expect(summary.losses).toEqual([]);
    await clearDatabase(store);
    const report = await ingestFiles(store, [out], { user: 'round-trip' });
    expect(report.status).toBe('complete');
    expect(await hashContent(store, HASH)).toEqual(original);
  });

  it("loads as GEXF (1.2, the default) and GraphML in Debian's networkx, every node and link", async () => {
    const counts: Record<string, number> = {};
    for (const format of ['gexf', 'graphml'] as const) {
      const summary = await runExport(storeSource(store, { clearance: FULL_CLEARANCE }), {
        format,
        out: join(folder, `demo.${format}`),
      });
      counts.nodes = Object.values(summary.entities).reduce((a, b) => a + b, 0);
      counts.links = Object.values(summary.links).reduce((a, b) => a + b, 0);
    }
    // Debian's python3-networkx (2.8 on bookworm), installed by the test set-up as chromium is.
    const read = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        `import json, sys, networkx as nx
g = nx.read_gexf(sys.argv[1]); h = nx.read_graphml(sys.argv[2])
print(json.dumps({"version": nx.__version__, "gexf": [g.number_of_nodes(), g.number_of_edges()],
  "graphml": [h.number_of_nodes(), h.number_of_edges()]}))`,
        join(folder, 'demo.gexf'),
        join(folder, 'demo.graphml'),
      ],
      { encoding: 'utf8' },
    );
    const loaded = JSON.parse(read);
    expect(loaded.gexf).toEqual([counts.nodes, counts.links]);
    expect(loaded.graphml).toEqual([counts.nodes, counts.links]);
    expect(counts.nodes).toBeGreaterThan(500);
  });

  it('leaves the restricted account and its links out of an export at a low clearance', async () => {
    const restricted = await store.read<{ id: string }>(
      'MATCH (a:Account) WHERE a.restrictedTo IS NOT NULL RETURN a.id AS id',
    );
    const ids = restricted.records.map((r) => r.get('id'));
    expect(ids.length).toBeGreaterThan(0);
    const links = await store.read(
      'MATCH (:Account)-[r]-() WHERE r.restrictedTo IS NOT NULL RETURN r.id AS id',
    );
    expect(links.records.length).toBeGreaterThan(0);
    const out = join(folder, 'low.ndjson');
    // Every handling code, but another agency: only the agency restriction keeps the account out.
    const clearance: Clearance = { handling: ['H0', 'H1', 'H2', 'H3'], agency: 'Frontex' };
    const summary = await runExport(storeSource(store, { clearance }), { format: 'ndjson', out });
    const lines = (await readFile(out, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const mentioned = lines.flatMap((l) => [l.id, l.source, l.target]);
    for (const id of ids) expect(mentioned).not.toContain(id);
    for (const r of links.records) expect(mentioned).not.toContain(r.get('id'));
    expect(Object.values(summary.entities).reduce((a, b) => a + b, 0)).toBe(original.nodes - ids.length);
  });
});
