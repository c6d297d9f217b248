/**
 * `ariadne report` run as a user runs it, against the test Neo4j holding the demo case: Markdown with
 * its ten sections in order, HTML that needs nothing from elsewhere, a PDF whose text holds the
 * summary, and bad arguments refused with exit code 2 and a message that names what to change.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestRecords } from '../../server/store/ingest-writes.ts';
import type { Store } from '../../server/store/store.ts';
import { CASE_ID } from '../../seeds/demo/build-case.ts';
import { SOURCES } from '../../seeds/demo/data/sources.ts';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import { runCli } from '../helpers/cli.ts';
import { clearDatabase, openTestStore, testEnv } from '../helpers/neo4j.ts';

const dir = mkdtempSync(join(tmpdir(), 'ariadne-report-cli-'));
const env = testEnv({ ARIADNE_HOME: dir });
const PERIOD = '2024-01-01..2024-12-31';
const TITLES = [
  'Summary',
  'Networks',
  'Routes and hotspots',
  'Modi operandi',
  'Financial flows',
  'Links to other crime areas',
  'Threat assessment',
  'Intelligence gaps and collection requirements',
  'Recommendations',
  'Annex',
];
let store: Store;

/** The line where the command says what is wrong (progress lines may come before it). */
const problemOf = (stderr: string) => stderr.split('\n').find((line) => line.startsWith('ariadne: ')) ?? '';

// The demo case holds H2 records: the report leaves with the consent of every providing agency.
const CONSENT = [...new Set(Object.values(SOURCES).map((s) => s.agency))].flatMap((a) => [
  '--provider-consent',
  a,
]);

/** Runs `ariadne report` for the demo case into `dir`, and returns the result and the file. */
async function report(format: string, extra: string[] = []) {
  const out = join(dir, `report.${format}`);
  const result = await runCli(
    ['report', '--case', CASE_ID, '--period', PERIOD, '--format', format, '--out', out, ...CONSENT, ...extra],
    env,
  );
  return { ...result, out };
}

beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  const loaded = await ingestRecords(store, generateDemoCase().records);
  if (!loaded.ok) throw new Error(`the demo case did not load: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
});

afterAll(async () => {
  await clearDatabase(store);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ariadne report', () => {
  it('writes the Markdown report of a case with its ten sections in order', async () => {
    const result = await report('md');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^wrote .*report\.md \(\d+ bytes, \d+ citations, handling H\d\)/);
    const md = readFileSync(result.out, 'utf8');
    const headings = md.split('\n').filter((line) => /^## \d+\. /.test(line));
    expect(headings).toEqual(TITLES.map((title, i) => `## ${i + 1}. ${title}`));
    expect(md).toContain(`Period 2024-01-01 to 2024-12-31, compared with 2023-01-01 to 2023-12-31.`);
    expect(md).toContain('Case: Operation Ariadne Demo.');
  }, 240_000);

  it('writes one self-contained HTML page: no script, nothing to fetch from elsewhere', async () => {
    const result = await report('html');
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(result.out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<section id="summary"><h2>1. Summary</h2>');
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|@import/i);
    const sources = [...html.matchAll(/\b(?:src|href|xlink:href)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((url) => !url?.startsWith('#') && !url?.startsWith('data:'))).toEqual([]);
    expect(html).not.toMatch(/url\(\s*["']?(?!data:|#)/i);
  }, 240_000);

  it('prints the PDF, whose text holds the summary of the case', async () => {
    const result = await report('pdf');
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(result.out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', result.out, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('1. Summary');
    expect(text).toContain('Case: Operation Ariadne Demo.');
    expect(text).toContain('10. Annex');
  }, 240_000);

  it('refuses an unknown format with exit code 2, naming --format, and writes nothing', async () => {
    const result = await report('docx');
    expect(result.code).toBe(2);
    expect(problemOf(result.stderr)).toMatch(/--format: use pdf, html or md/);
    expect(existsSync(result.out)).toBe(false);
  });

  it('refuses a malformed period with exit code 2, naming the period and its form, and writes nothing', async () => {
    const out = join(dir, 'bad-period.md');
    const result = await runCli(['report', '--period', '2024-13-01..x', '--format', 'md', '--out', out], env);
    expect(result.code).toBe(2);
    expect(problemOf(result.stderr)).toMatch(
      /--period: the period must be FROM\.\.TO with ISO dates.*2024-13-01\.\.x/,
    );
    expect(result.stderr).toContain('usage: ariadne report');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a case nobody has recorded with exit code 2, naming the case', async () => {
    const out = join(dir, 'no-case.md');
    const result = await runCli(['report', '--case', 'case:nowhere', '--format', 'md', '--out', out], env);
    expect(result.code).toBe(2);
    expect(problemOf(result.stderr)).toContain('"case:nowhere"');
    expect(existsSync(out)).toBe(false);
  });
});
