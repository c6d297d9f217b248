import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Clearance, FULL_CLEARANCE } from '../../server/auth/context.ts';
import { runExport } from '../../server/export/export.ts';
import { storeSource } from '../../server/export/store-source.ts';
import {
  type ExportEntity,
  type ExportLink,
  type ExportScope,
  findExportCase,
  readExportEntities,
  readExportLinks,
} from '../../server/store/export-reads.ts';
import type { Store } from '../../server/store/store.ts';
import { runCli } from '../helpers/cli.ts';
import { clearDatabase, openTestStore, testEnv } from '../helpers/neo4j.ts';

// Two cases; an H2 person, an account restricted to one agency, and store bookkeeping on records.
const FIXTURE = `
CREATE (src:Source {id: 'ex-src', name: 'Report', sources: ['ex-src'], handling: 'H0'})
CREATE (c1:Case {id: 'ex-case-1', name: 'Operation Tide', handling: 'H0', sources: ['ex-src']})
CREATE (c2:Case {id: 'ex-case-2', name: 'Operation Dune', handling: 'H0', sources: ['ex-src']})
CREATE (p1:Person {id: 'ex-p1', name: 'Karim', roles: ['organiser'], handling: 'H0', sources: ['ex-src'],
  grade: 'B2', gradeScheme: 'europol', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z',
  createdBy: 'admin', importId: 'imp-1', a_pagerank: 0.25,
  conflicts: ['{"field":"name","old":"Kareem"}']})
CREATE (p2:Person {id: 'ex-p2', name: 'Samir', handling: 'H2', sources: ['ex-src']})
CREATE (p3:Person {id: 'ex-p3', name: 'Other case', handling: 'H0', sources: ['ex-src']})
CREATE (acc:Account {id: 'ex-acc', name: 'Hawala ledger', kind: 'hawala', handling: 'H0', sources: ['ex-src'],
  restrictedTo: ['Europol']})
CREATE (o:Organisation {id: 'ex-org', name: 'Tide syndicate', kind: 'syndicate', handling: 'H0', sources: ['ex-src']})
CREATE (p1)-[:PART_OF {id: 'ex-l-p1c1', handling: 'H0', sources: ['ex-src']}]->(c1)
CREATE (p2)-[:PART_OF {id: 'ex-l-p2c1', handling: 'H0', sources: ['ex-src']}]->(c1)
CREATE (acc)-[:PART_OF {id: 'ex-l-accc1', handling: 'H0', sources: ['ex-src']}]->(c1)
CREATE (o)-[:PART_OF {id: 'ex-l-oc1', handling: 'H2', sources: ['ex-src']}]->(c1)
CREATE (p3)-[:PART_OF {id: 'ex-l-p3c2', handling: 'H0', sources: ['ex-src']}]->(c2)
CREATE (p1)-[:MEMBER_OF {id: 'ex-l-mem', role: 'leader', handling: 'H0', sources: ['ex-src'], createdAt: '2026-01-01'}]->(o)
CREATE (p1)-[:ASSOCIATE_OF {id: 'ex-l-assoc', handling: 'H0', sources: ['ex-src']}]->(p2)
CREATE (p1)-[:HOLDS_ACCOUNT {id: 'ex-l-acc', handling: 'H0', sources: ['ex-src']}]->(acc)
CREATE (p1)-[:CONTACTED {id: 'ex-l-call', weight: 3, handling: 'H1', sources: ['ex-src']}]->(p3)
CREATE (imp:Import {id: 'imp-1', sha256: 'abc'})-[:WROTE]->(p1)
CREATE (:AnalysisRun {id: 'run-1', kind: 'louvain'})
`;

const LOW: Clearance = { handling: ['H0', 'H1'], agency: 'Frontex' };

async function collect(scope: ExportScope): Promise<{ entities: ExportEntity[]; links: ExportLink[] }> {
  const entities: ExportEntity[] = [];
  const links: ExportLink[] = [];
  for await (const entity of readExportEntities(store, scope)) entities.push(entity);
  for await (const link of readExportLinks(store, scope)) links.push(link);
  return { entities, links };
}

const ids = (records: { properties: Record<string, unknown> }[]) =>
  records.map((r) => r.properties.id).sort();

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  await store.write(FIXTURE);
});
afterAll(async () => {
  await clearDatabase(store);
  await store.close();
});

describe('export reads', () => {
  it('read every entity and link of the model, and nothing the platform keeps for itself', async () => {
    const { entities, links } = await collect({ clearance: FULL_CLEARANCE });
    expect(ids(entities)).toEqual([
      'ex-acc',
      'ex-case-1',
      'ex-case-2',
      'ex-org',
      'ex-p1',
      'ex-p2',
      'ex-p3',
      'ex-src',
    ]);
    expect(entities.map((e) => e.type).slice(0, 3)).toEqual(['Source', 'Case', 'Case']);
    expect(links).toHaveLength(9);
    expect(links.map((l) => l.type)).not.toContain('WROTE');
  });

  it('leave out store bookkeeping and analysis results, and keep the content', async () => {
    const { entities, links } = await collect({ clearance: FULL_CLEARANCE });
    expect(entities.find((e) => e.properties.id === 'ex-p1')?.properties).toEqual({
      id: 'ex-p1',
      name: 'Karim',
      roles: ['organiser'],
      handling: 'H0',
      sources: ['ex-src'],
      grade: 'B2',
      gradeScheme: 'europol',
    });
    expect(links.find((l) => l.properties.id === 'ex-l-mem')).toEqual({
      type: 'MEMBER_OF',
      source: 'ex-p1',
      target: 'ex-org',
      properties: { id: 'ex-l-mem', role: 'leader', handling: 'H0', sources: ['ex-src'] },
    });
  });

  it('leave out records above the clearance, records restricted to other agencies, and links touching them', async () => {
    const { entities, links } = await collect({ clearance: LOW });
    expect(ids(entities)).toEqual(['ex-case-1', 'ex-case-2', 'ex-org', 'ex-p1', 'ex-p3', 'ex-src']);
    expect(ids(links)).toEqual(['ex-l-call', 'ex-l-mem', 'ex-l-p1c1', 'ex-l-p3c2']);
  });

  it('show a restricted record to the agency it is restricted to', async () => {
    const { entities, links } = await collect({ clearance: { handling: ['H0'], agency: 'Europol' } });
    expect(ids(entities)).toContain('ex-acc');
    expect(ids(links)).toContain('ex-l-acc');
    expect(ids(links)).not.toContain('ex-l-call');
  });

  it('limit a case export to its visible members, the case itself, and the links between them', async () => {
    const full = await collect({ clearance: FULL_CLEARANCE, caseId: 'ex-case-1' });
    expect(ids(full.entities)).toEqual(['ex-acc', 'ex-case-1', 'ex-org', 'ex-p1', 'ex-p2']);
    expect(ids(full.links)).toEqual([
      'ex-l-acc',
      'ex-l-accc1',
      'ex-l-assoc',
      'ex-l-mem',
      'ex-l-oc1',
      'ex-l-p1c1',
      'ex-l-p2c1',
    ]);
    // Under H0/H1 the organisation's membership of the case (H2) is not visible, so it is not in the case.
    const low = await collect({ clearance: LOW, caseId: 'ex-case-1' });
    expect(ids(low.entities)).toEqual(['ex-case-1', 'ex-p1']);
    expect(ids(low.links)).toEqual(['ex-l-p1c1']);
  });

  it('page through small pages to the same records as one large page', async () => {
    const small = await collect({ clearance: FULL_CLEARANCE, pageSize: 2 });
    const large = await collect({ clearance: FULL_CLEARANCE, pageSize: 1000 });
    expect(small).toEqual(large);
  });

  it('find a case by id or name, and only a case the caller may see', async () => {
    expect(await findExportCase(store, FULL_CLEARANCE, 'Operation Tide')).toEqual({
      found: true,
      id: 'ex-case-1',
      name: 'Operation Tide',
    });
    expect(await findExportCase(store, FULL_CLEARANCE, 'ex-case-2')).toMatchObject({
      found: true,
      id: 'ex-case-2',
    });
    expect(await findExportCase(store, { handling: ['H3'], agency: null }, 'ex-case-2')).toMatchObject({
      found: false,
      reason: 'missing',
    });
  });
});

describe('export to files', () => {
  it('writes a low-clearance GraphML without the restricted records', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'ariadne-export-')), 'graph.graphml');
    const summary = await runExport(storeSource(store, { clearance: LOW }), { format: 'graphml', out });
    const text = await readFile(out, 'utf8');
    expect(text).toContain('Karim');
    expect(text).not.toContain('Samir');
    expect(text).not.toContain('Hawala ledger');
    expect(summary.entities).toEqual({ Source: 1, Case: 2, Person: 2, Organisation: 1 });
  });
});

// The example holds an H2 record whose Source names no agency: any named provider confirms it.
const CONSENT = ['--provider-consent', 'the providing agency'];

describe('ariadne export', () => {
  it('exports one case as a CSV pair and prints the summary as JSON', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'ariadne-export-')), 'tide');
    const result = await runCli(
      ['export', '--case', 'Operation Tide', '--format', 'csv', '--out', out, '--json', ...CONSENT],
      testEnv(),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      format: 'csv',
      case: 'ex-case-1',
      entities: { Person: 2, Case: 1 },
      losses: [],
    });
    expect(summary.files).toEqual([join(out, 'entities.csv'), join(out, 'links.csv')]);
    expect((await readdir(out)).sort()).toEqual(['entities.csv', 'links.csv']);
  });

  it('writes GEXF for Gephi', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'ariadne-export-')), 'case.gexf');
    const result = await runCli(['export', '--format', 'gexf', '--out', out, ...CONSENT], testEnv());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/exported 8 entities and 9 links as gexf/);
    expect(await readFile(out, 'utf8')).toContain('<gexf xmlns="http://www.gexf.net/1.2draft"');
  });

  it('exits 2 naming the case when no case has that name, and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ariadne-export-'));
    const result = await runCli(
      ['export', '--case', 'Nope', '--format', 'ndjson', '--out', join(dir, 'x.ndjson')],
      testEnv(),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no case has the id or name "Nope"/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('exits 2 on a format it does not know', async () => {
    const result = await runCli(['export', '--format', 'xlsx', '--out', '/tmp/x'], testEnv());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--format/);
  });
});
