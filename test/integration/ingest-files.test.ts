import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../server/ingest/index.ts';
import { hashContent } from '../../server/store/content-hash.ts';
import type { Store } from '../../server/store/store.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'ariadne-ingest-'));
const at = (name: string) => join(dir, name);
const base = { user: 'tester' };
let store: Store;

// The bad fixtures are copied, since an import writes its errors file beside its input.
beforeAll(async () => {
  cpSync(join(FIXTURES, 'ingest-bad'), dir, { recursive: true });
  const big = { kind: 'entity', type: 'Person', id: 'p9', name: 'Big', notes: 'x'.repeat(10 * 1024 * 1024) };
  writeFileSync(
    at('big-field.ndjson'),
    `${JSON.stringify({ ...big, sources: ['src:r1'], handling: 'H1' })}\n`,
  );
  store = await openTestStore();
  await clearDatabase(store);
});

afterAll(async () => {
  await clearDatabase(store);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function content(): Promise<string> {
  return (await hashContent(store, {})).sha256;
}

async function node(id: string): Promise<Record<string, unknown> | undefined> {
  const result = await store.read('MATCH (n {id: $id}) RETURN properties(n) AS p', { id });
  return result.records[0]?.get('p');
}

describe('ingesting good files', () => {
  it('writes an NDJSON file, counting what it created per type', async () => {
    const report = await ingestFiles(store, [at('good.ndjson')], base);
    expect(report.status).toBe('complete');
    expect(report.counts.Person).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(report.totals.created).toBe(7);
    expect(await node('p1')).toMatchObject({ name: 'Karim', nationalities: ['LY'], createdBy: 'tester' });
  });

  it('changes nothing when the same import runs again, and says when it was imported', async () => {
    const before = await content();
    const again = await ingestFiles(store, [at('good.ndjson')], base);
    expect(again.status).toBe('already-imported');
    expect(again.importedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await content()).toBe(before);
  });

  it('stores formula-like CSV cells verbatim', async () => {
    const report = await ingestFiles(store, [at('formulas')], base);
    expect(report.status).toBe('complete');
    expect(await node('f1')).toMatchObject({ name: "=cmd|' /C calc'!A0", notes: '+1-555-0100' });
    const stored = await store.read("MATCH (n:Person) WHERE n.notes = '-2+3' RETURN n.name AS name");
    expect(stored.records[0]?.get('name')).toBe('@SUM(A1:A2)');
  });

  it('reads a semicolon CSV pair with a byte-order mark', async () => {
    const report = await ingestFiles(store, [at('semicolon-bom')], base);
    expect(report.totals.created).toBe(3);
    const linked = await store.read(
      "MATCH (:Location {id: 'l1'})-[r:LOCATED_IN]->(:Location {id: 'l2'}) RETURN count(r) AS n",
    );
    expect(linked.records[0]?.get('n')).toBe(1);
  });

  it('reports a changed value with the stored and the new one, and keeps it in the conflicts history', async () => {
    const changed = readFileSync(at('good.ndjson'), 'utf8').replace('"Samir"', '"Samir B."');
    writeFileSync(at('changed.ndjson'), changed);
    const report = await ingestFiles(store, [at('changed.ndjson')], base);
    expect(report.conflicts).toEqual([
      { id: 'p2', label: 'Person', field: 'name', old: 'Samir', new: 'Samir B.', source: ['src:r1'] },
    ]);
    expect(report.counts.Person).toMatchObject({ updated: 1, unchanged: 1 });
    const history = (await node('p2'))?.conflicts as string[];
    expect(JSON.parse(history[0] ?? '{}')).toMatchObject({ field: 'name', old: 'Samir', new: 'Samir B.' });
  });

  it('creates the Source named by --source and the Case named by --case, linking every entity to it', async () => {
    writeFileSync(at('bare.ndjson'), '{"kind":"entity","type":"Person","id":"q1","name":"Lina"}\n');
    const report = await ingestFiles(store, [at('bare.ndjson')], {
      ...base,
      source: 'EUROPOL-2025-7',
      handling: 'H2',
      grade: 'B2',
      caseName: 'Operation Lighthouse',
    });
    expect(report.status).toBe('complete');
    expect(await node('q1')).toMatchObject({ sources: ['src:EUROPOL-2025-7'], handling: 'H2', grade: 'B2' });
    expect(await node('src:EUROPOL-2025-7')).toMatchObject({ reference: 'EUROPOL-2025-7' });
    const partOf = await store.read("MATCH (:Person {id: 'q1'})-[:PART_OF]->(c:Case) RETURN c.name AS name");
    expect(partOf.records[0]?.get('name')).toBe('Operation Lighthouse');
  });

  it('imports FollowTheMoney entities and their payments', async () => {
    const report = await ingestFiles(store, [join(FIXTURES, 'ftm', 'parteispenden_entities.ftm.json')], {
      ...base,
      source: 'opensanctions-parteispenden',
      handling: 'H0',
    });
    expect(report.status).toBe('complete');
    expect(report.counts.Payment).toMatchObject({ created: 290 });
    expect(report.counts.PAID).toMatchObject({ created: 290 });
  });

  it('merges FollowTheMoney sanctions into their entities, and with --skip-invalid leaves out links to addresses the file lacks', async () => {
    cpSync(join(FIXTURES, 'ftm', 'zala_entities.ftm.json'), at('zala.ftm.json'));
    const report = await ingestFiles(store, [at('zala.ftm.json')], {
      ...base,
      source: 'opensanctions-zala',
      handling: 'H0',
      skipInvalid: true,
    });
    expect(report.status).toBe('complete');
    expect(report.counts.Person).toMatchObject({ created: 6 });
    expect(report.errors[0]?.message).toMatch(/no entity has id "addr-/);
    const sanctioned = await store.read('MATCH (n) WHERE n.sanctioned = true RETURN count(n) AS n');
    expect(sanctioned.records[0]?.get('n')).toBeGreaterThan(0);
  });
});

// Each bad input: the problem named with file, line and field, and the database as it was.
const BAD: [string, number, string, RegExp][] = [
  ['malformed-middle.ndjson', 2, '', /malformed JSON/],
  ['wrong-type.ndjson', 1, 'capacity', /must be a number/],
  ['missing-field.ndjson', 2, 'target', /missing/],
  ['unknown-type.ndjson', 1, 'type', /entity type "Spaceship" is not known/],
  ['unknown-type.ndjson', 2, 'type', /link type "KNOWS" is not known/],
  ['bad-values.ndjson', 1, 'nationalities.0', /not a country/],
  ['bad-values.ndjson', 2, 'birthDate', /month 13/],
  ['bad-values.ndjson', 3, 'currency', /ISO 4217/],
  ['bad-values.ndjson', 4, 'iban', /check digits/],
  ['bad-values.ndjson', 5, 'imo', /check digit/],
  ['unknown-link.ndjson', 2, 'target', /no entity has id "nobody-here"/],
  ['duplicate-id.ndjson', 4, 'id', /also used at .*duplicate-id\.ndjson:1 with different values/],
  ['big-field.ndjson', 1, 'notes', /over the limit/],
  ['control-characters.ndjson', 1, 'name', /control character/],
  ['truncated.ndjson', 2, '', /truncated/],
  ['empty.ndjson', 0, '', /empty/],
  ['unmapped.ftm.json', 0, '', /schema Security has no counterpart/],
];

describe('ingesting bad files', () => {
  it.each(BAD)(
    'rejects %s at line %i, field "%s", and writes nothing',
    async (name, line, field, message) => {
      const before = await content();
      const report = await ingestFiles(store, [at(name)], base);
      expect(report.status).toBe('invalid');
      expect(report.errors).toContainEqual({
        file: at(name),
        line,
        field,
        message: expect.stringMatching(message),
      });
      expect(existsSync(at(`${name}.errors.ndjson`))).toBe(true);
      expect(await content()).toBe(before);
    },
  );

  it('stops before writing when records have neither a source nor a handling code, and says what to pass', async () => {
    const before = await content();
    const report = await ingestFiles(store, [at('bare.ndjson')], { ...base, caseName: undefined });
    const problems = report.errors.map((e) => `${e.field}: ${e.message}`);
    expect(problems).toEqual([
      expect.stringMatching(/^sources: .*--source/),
      expect.stringMatching(/^handling: .*--handling/),
    ]);
    expect(await content()).toBe(before);
  });

  it('with --skip-invalid writes the valid records and saves each rejected one, with links to it, in a rejects file', async () => {
    writeFileSync(
      at('mixed.ndjson'),
      [
        '{"kind":"entity","type":"Person","id":"m1","name":"Good"}',
        '{"kind":"entity","type":"Person","id":"m2","name":"Bad","birthDate":"1990-13-45"}',
        '{"kind":"link","type":"ASSOCIATE_OF","id":"ml1","source":"m1","target":"m2"}',
      ].join('\n'),
    );
    const report = await ingestFiles(store, [at('mixed.ndjson')], {
      ...base,
      source: 'r9',
      handling: 'H1',
      skipInvalid: true,
    });
    expect(report.status).toBe('complete');
    expect(report.counts.Person).toMatchObject({ created: 1, rejected: 1 });
    expect(report.counts.ASSOCIATE_OF).toMatchObject({ created: 0, rejected: 1 });
    expect(await node('m1')).toBeDefined();
    expect(await node('m2')).toBeUndefined();
    const rejects = readFileSync(at('mixed.ndjson.rejects.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rejects.map((r) => r.line)).toEqual([2, 3]);
    expect(rejects[1].reasons[0].message).toMatch(/"m2" was rejected/);
  });

  it('in a dry run validates everything and writes nothing', async () => {
    const before = await content();
    writeFileSync(at('dry.ndjson'), '{"kind":"entity","type":"Person","id":"d9","name":"Dry"}\n');
    const report = await ingestFiles(store, [at('dry.ndjson')], {
      ...base,
      source: 'r9',
      handling: 'H1',
      dryRun: true,
    });
    expect(report).toMatchObject({ status: 'dry-run', valid: { Person: 1 } });
    expect(await content()).toBe(before);
  });
});
