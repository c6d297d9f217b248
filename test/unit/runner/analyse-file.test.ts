import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..', '..');

describe('ariadne analyse --file', () => {
  it('puts the CAVIAR mastermind n1 and his lieutenant n3 in the top five by betweenness, without a database', async () => {
    const env = { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' };
    const result = await runCli(
      ['analyse', '--file', join(root, 'seeds', 'caviar'), '--only', 'centrality', '--json'],
      env,
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { entities: Record<string, { betweenness: number }> };
    const top = Object.entries(json.entities)
      .sort(([, a], [, b]) => b.betweenness - a.betweenness)
      .slice(0, 5)
      .map(([id]) => id);
    expect(top).toContain('caviar:n1');
    expect(top).toContain('caviar:n3');
    expect(result.stderr).toMatch(/111 entities and 205 links/);
  });

  it('refuses scope options, which only apply to the database', async () => {
    const result = await runCli(
      ['analyse', '--file', join(root, 'seeds', 'caviar'), '--case', 'x'],
      process.env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/drop --case/);
  });

  it('looks at files without provenance, and says once that they have none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ariadne-look-'));
    writeFileSync(join(dir, 'entities.csv'), 'id,type,name\np1,Person,Ali\np2,Person,Bo\np3,Person,Cy\n');
    writeFileSync(join(dir, 'links.csv'), 'source,target,type\np1,p2,ASSOCIATE_OF\np2,p3,ASSOCIATE_OF\n');
    writeFileSync(
      join(dir, 'people.ndjson'),
      `${JSON.stringify({ kind: 'entity', type: 'Person', id: 'p4', name: 'Di' })}\n${JSON.stringify({ kind: 'link', type: 'FAMILY_OF', source: 'p3', target: 'p4' })}\n`,
    );
    for (const [only, files] of [
      ['communities', [dir]],
      ['centrality', [dir]],
      ['communities', [join(dir, 'people.ndjson')]],
    ] as const) {
      const args = files.flatMap((file) => ['--file', file]);
      const result = await runCli(['analyse', ...args, '--only', only, '--json'], process.env);
      expect(result.code).toBe(0);
      expect(result.stderr.match(/no provenance/g)).toHaveLength(1);
      const json = JSON.parse(result.stdout) as { graph: { entities: number } };
      expect(json.graph.entities).toBeGreaterThan(0);
    }
  });

  it('fails, saying why, when the files hold nothing to analyse', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ariadne-empty-'));
    writeFileSync(join(dir, 'empty.ndjson'), '');
    writeFileSync(join(dir, 'bad.ndjson'), '{"kind":"entity","type":"Nobody","id":"x"}\n');
    for (const [file, why] of [
      ['empty.ndjson', /no records/],
      ['bad.ndjson', /none of the 1 records/],
    ] as const) {
      const result = await runCli(
        ['analyse', '--file', join(dir, file), '--only', 'communities'],
        process.env,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/nothing to analyse/);
      expect(result.stderr).toMatch(why);
      expect(result.stdout).toBe('');
    }
  });
});
