import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Clearance, FULL_CLEARANCE } from '../../server/auth/context.ts';
import { buildStoreReport, type StoreReport } from '../../server/report/build-report.ts';
import { formatCount, formatMoney } from '../../server/report/context.ts';
import { renderMarkdown } from '../../server/report/render/markdown.ts';
import { renderPdf } from '../../server/report/render/pdf.ts';
import { ingestRecords } from '../../server/store/ingest-writes.ts';
import type { Store } from '../../server/store/store.ts';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

const demo = generateDemoCase();
const records = [...demo.records];
const truth = demo.truth;
const OTHER_AGENCY: Clearance = { handling: ['H0', 'H1', 'H2'], agency: 'Hellenic Police' };
const TITLES = [
  '1. Summary',
  '2. Networks',
  '3. Routes and hotspots',
  '4. Modi operandi',
  '5. Financial flows',
  '6. Links to other crime areas',
  '7. Threat assessment',
  '8. Intelligence gaps and collection requirements',
  '9. Recommendations',
  '10. Annex',
];

let store: Store;
let full: StoreReport;
let pdfText: string;
let dir: string;

/** The text of a section of the printed report, from its title to the next one. */
function sectionText(text: string, index: number): string {
  const start = text.indexOf(`\n${TITLES[index]}\n`);
  const next = index + 1 < TITLES.length ? text.indexOf(`\n${TITLES[index + 1]}\n`, start + 1) : text.length;
  return text.slice(start, next).replace(/\s+/g, ' ');
}

beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  const result = await ingestRecords(store, records);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  full = await buildStoreReport(store, { clearance: FULL_CLEARANCE, createdBy: 'test' });
  dir = await mkdtemp(join(tmpdir(), 'ariadne-report-test-'));
  await writeFile(join(dir, 'report.pdf'), await renderPdf(full.model));
  pdfText = execFileSync('pdftotext', ['-layout', '-nopgbrk', join(dir, 'report.pdf'), '-'], {
    encoding: 'utf8',
  })
    .replace(/ {2,}/g, ' ')
    .replace(/\n /g, '\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await clearDatabase(store);
  await store.close();
});

describe('the demo case report, printed to PDF for full clearance', () => {
  it('holds every section in order, with the handling line on every page', () => {
    let at = 0;
    for (const title of TITLES) {
      const found = pdfText.indexOf(`\n${title}\n`, at);
      expect(found, title).toBeGreaterThan(at - 1);
      at = found;
    }
    const pages = execFileSync('pdfinfo', [join(dir, 'report.pdf')], { encoding: 'utf8' }).match(
      /Pages:\s+(\d+)/,
    )?.[1];
    const lines = pdfText.split('\n').filter((l) => l.includes('Handling H3: other restrictions'));
    expect(full.model.meta.handling).toBe('H3');
    expect(lines.length).toBeGreaterThanOrEqual(2 * Number(pages));
  });

  it('prints the numbers of the analyses it ran', () => {
    const { model, result } = full;
    expect(model.figures.entities).toBe(truth.counts.totalEntities);
    expect(model.figures.networks).toBe(result.communities?.length);
    expect(model.figures.transfers).toBe(result.money?.transfers);
    expect(model.figures.typologies).toBe(result.money?.typologies.length);
    expect(model.figures.reusedDocuments).toBe(result.documents?.shared.length);
    const summary = sectionText(pdfText, 0);
    expect(summary).toContain(
      `${formatCount(result.graph.entities)} entities and ${formatCount(result.graph.links)} links`,
    );
    expect(summary).toContain(formatMoney(result.money?.total ?? -1, 'EUR'));
    expect(summary).toContain(`${result.communities?.length} networks`);
  });

  it('resolves every citation to records of the database, with their sources and grades', async () => {
    const ids = [
      ...new Set(
        full.model.citations.flatMap((c) => c.records.filter((r) => r.kind === 'entity').map((r) => r.id)),
      ),
    ];
    const found = await store.read<{ n: number }>('MATCH (n) WHERE n.id IN $ids RETURN count(n) AS n', {
      ids,
    });
    expect(Number(found.records[0]?.get('n'))).toBe(ids.length);
    for (const citation of full.model.citations) {
      expect(citation.records.length).toBeGreaterThan(0);
      for (const record of citation.records.filter((r) => r.label !== 'Source'))
        expect(record.sources.length, record.id).toBeGreaterThan(0);
    }
    const cited = new Set(
      full.model.sections.flatMap((s) =>
        s.blocks.flatMap((b) =>
          ('sentences' in b ? b.sentences : 'items' in b ? b.items : 'rows' in b ? b.rows : [b]).flatMap(
            (x) => ('cites' in x ? x.cites : []),
          ),
        ),
      ),
    );
    expect(Math.max(...cited)).toBeLessThanOrEqual(full.model.citations.length);
    expect(pdfText).toMatch(/grade [A-Z0-9]{2,3} \((europol|uk|admiralty)\)/);
  });

  it('shows the planted facts in their sections', () => {
    const crime = sectionText(pdfText, 5);
    expect(crime).toContain('terrorism');
    const terrorOrg = records.find((r) => r.id === truth.terrorism.organisationId);
    expect(crime).toContain(
      String(terrorOrg && 'name' in terrorOrg ? terrorOrg.name : truth.terrorism.organisationId),
    );
    const modi = sectionText(pdfText, 3);
    expect(modi).toContain(`${truth.reusedDocuments.length} documents are reused`);
    for (const { documentId } of truth.reusedDocuments) expect(modi).toContain(`(${documentId})`);
    expect(sectionText(pdfText, 4)).toMatch(/cycle: \d+ occurrences?/);
    const routes = sectionText(pdfText, 2);
    expect(routes).toMatch(new RegExp(`most recorded events .*\\(${truth.busiestHotspot}\\)`));
  });
});

describe('the networks section', () => {
  const networks = () => full.model.sections.find((section) => section.id === 'networks');
  const nameOf = (id: string) => {
    const record = records.find((r) => r.id === id);
    return String(record && 'name' in record ? record.name : id);
  };

  it("lists each syndicate's leaders first among its key facilitators, saying why", () => {
    const blocks = networks()?.blocks ?? [];
    let checked = 0;
    for (const syndicate of truth.syndicates) {
      const table = blocks.find(
        (b) => b.kind === 'table' && b.caption.startsWith(`Key facilitators of ${syndicate.name}`),
      );
      if (table?.kind !== 'table') continue;
      const leaders = syndicate.leaderIds.map(nameOf);
      const firsts = table.rows.slice(0, leaders.length).map((row) => row.cells[0] ?? '');
      for (const leader of leaders) expect(firsts.some((cell) => cell.startsWith(leader))).toBe(true);
      expect(table.rows[0]?.cells[2]).toMatch(/^leads |^organiser$/);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('draws each described syndicate as an organigram, its leaders above its cells', () => {
    const figures = (networks()?.blocks ?? []).filter(
      (b) => b.kind === 'figure' && b.caption.startsWith('Organigram of '),
    );
    expect(figures.length).toBeGreaterThanOrEqual(3);
    const zuwara = truth.syndicates.find((s) => /zuwara/i.test(s.name));
    const figure = figures.find((f) => f.kind === 'figure' && f.caption.includes(zuwara?.name ?? '?'));
    if (figure?.kind !== 'figure' || !zuwara) throw new Error('no organigram of the Zuwara syndicate');
    const svg = figure.svg;
    const leaderAt = svg.indexOf(`>${nameOf(zuwara.leaderIds[0] as string)}`);
    const cellAt = svg.search(/>Cell \d+ \(|>Not in a cell</);
    expect(leaderAt).toBeGreaterThan(0);
    expect(cellAt).toBeGreaterThan(leaderAt);
    const y = (at: number) => Number(/y="([\d.]+)"[^>]*>[^<]*$/.exec(svg.slice(0, at + 1))?.[1]);
    expect(y(leaderAt)).toBeLessThan(y(cellAt));
  });

  it('tells namesakes apart wherever a person is named', () => {
    const byName = new Map<string, string[]>();
    for (const r of records)
      if (r.type === 'Person' && 'name' in r && typeof r.name === 'string')
        byName.set(r.name, [...(byName.get(r.name) ?? []), r.id]);
    const shared = [...byName].filter(([, ids]) => ids.length > 1).map(([name]) => name);
    expect(shared.length).toBeGreaterThan(0);
    const cells = (networks()?.blocks ?? []).flatMap((b) =>
      b.kind === 'table' ? b.rows.map((row) => row.cells[0] ?? '') : [],
    );
    for (const name of shared) for (const cell of cells) expect(cell === name, cell).toBe(false);
  });
});

describe('a report for a reader of another agency cleared H0 to H2', () => {
  it('holds no restricted fact and counts without it', async () => {
    const { model, result } = await buildStoreReport(store, { clearance: OTHER_AGENCY, createdBy: 'test' });
    const markdown = renderMarkdown(model);
    expect(markdown).not.toContain(truth.restrictedEntityId);
    const account = records.find((r) => r.id === truth.restrictedEntityId);
    const identifier =
      account && 'identifier' in account ? String(account.identifier) : truth.restrictedEntityId;
    expect(markdown).not.toContain(identifier);
    const hidden = records.filter(
      (r) => r.kind !== 'link' && (r.handling === 'H3' || r.restrictedTo !== undefined),
    );
    expect(model.figures.entities).toBe(truth.counts.totalEntities - hidden.length);
    expect(result.graph.entities).toBe(model.figures.entities);
    expect(model.meta.handling).not.toBe('H3');
  });
});

describe('a case with almost no data', () => {
  it('still reads as a report that says what is missing', async () => {
    await clearDatabase(store);
    const small = records
      .filter((r) => r.kind !== 'link' && (r.type === 'Case' || r.type === 'Source'))
      .slice(0, 3);
    const written = await ingestRecords(store, small);
    expect(written.ok).toBe(true);
    const { model } = await buildStoreReport(store, {
      clearance: FULL_CLEARANCE,
      createdBy: 'test',
      period: '2025-01-01..2025-12-31',
    });
    const markdown = renderMarkdown(model);
    for (const title of TITLES) expect(markdown).toContain(`## ${title}`);
    expect(markdown).toContain('No route is recorded in scope');
    expect(markdown).toContain('No payment with a known payer and receiver is recorded in scope');
    expect(markdown).toContain('Too little data is in scope');
  });
});
