/**
 * The web app in a real Chromium against the real server and the test Neo4j holding the demo case:
 * signing in, searching, reading grades, filtering, paths, communities, money, routes, export, and
 * what must never happen (markup in a name running, restricted records reaching a low clearance).
 * Screenshots of each view go to a temporary folder, or to docs/ for the README when
 * ARIADNE_SCREENSHOTS=docs (a clone stays clean after `npm test`).
 */
import { type DemoWorkspace, openDemoWorkspace, SCREENSHOTS } from '../helpers/demo-workspace.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import type { Store } from '../../server/store/store.ts';
import { TEST_PASSWORD, type TestApi } from '../helpers/api.ts';
import { launchBrowser, signIn, type watchPage } from '../helpers/browser.ts';

const DOCS = SCREENSHOTS;
const XSS_NAME = '<img src=x onerror=alert(1)>';
const RESTRICTED_ID = 'acct:cm:900';
const DEMO_CASE = 'case:operation-ariadne-demo';

let store: Store;
let api: TestApi;
let page: Page;
let watched: ReturnType<typeof watchPage>;

type Shown = { nodes: string[]; edges: string[] };
const shown = () => page.evaluate(() => window.__ariadne?.shown() as Shown);
const typesOf = (nodes: string[]) =>
  page.evaluate((keys) => keys.map((key) => window.__ariadne?.attributes(key)?.entityType), nodes);

/** Waits for the status line to say something; a timeout names what it said instead. */
async function waitForStatus(on: Page, text: string, timeout: number): Promise<void> {
  try {
    await on.waitForSelector(`#status:text("${text}")`, { timeout });
  } catch {
    throw new Error(`the status never said "${text}"; it says "${await on.textContent('#status')}"`);
  }
}

async function openTab(id: string): Promise<void> {
  await page.click(`#tab-${id}`);
  await page.waitForSelector(`#panel-${id}:not([hidden])`);
}

let workspace: DemoWorkspace;
beforeAll(async () => {
  workspace = await openDemoWorkspace(generateDemoCase({ scale: 1 }).records, async (demo) => {
    await demo.write(
      `MATCH (p:Person {id: 'person:cm:0001'})
       CREATE (x:Person {id: 'p-xss', name: $name, roles: ['recruiter'], handling: 'H0', sources: [], grade: 'B2', gradeScheme: 'europol'})
       CREATE (x)-[:ASSOCIATE_OF {id: 'l-xss', handling: 'H0', sources: []}]->(p)`,
      { name: XSS_NAME },
    );
  });
  ({ store, api, page, watched } = workspace);
}, 480_000);

afterAll(async () => {
  await workspace?.close();
});

describe('the workspace', () => {
  it('finds an entity by type-ahead, opens it, and shows its sources with grades and handling codes', async () => {
    await page.fill('#search', 'Zuwara coast');
    await page.waitForSelector('#search-results button.hit');
    await page.click('#search-results button.hit[data-id="org:cm"]');
    await page.waitForSelector('#details[data-state="ready"][data-entity="org:cm"]', { timeout: 90_000 });
    expect(await page.textContent('#details-name')).toContain('Zuwara coast syndicate');
    expect(await page.locator('#details-sources .badge.grade').count()).toBeGreaterThan(0);
    expect(await page.locator('#details-sources .badge.handling').count()).toBeGreaterThan(0);
    expect(await page.locator('#details-relations .relation-group').count()).toBeGreaterThan(0);
    expect((await shown()).nodes.length).toBeGreaterThan(1);
  });

  it('expands a node on double-click and undoes the expansion', async () => {
    const before = (await shown()).nodes.length;
    await page.evaluate(() => window.__ariadne?.stopLayout());
    const member = (await shown()).nodes.find((node) => node.startsWith('person:cm:')) as string;
    const at = await page.evaluate((key) => window.__ariadne?.drawn(key)?.viewport, member);
    const box = await page.locator('#graph').boundingBox();
    if (!at || !box) throw new Error('the node is not drawn');
    await page.mouse.dblclick(box.x + at.x, box.y + at.y);
    await expect.poll(async () => (await shown()).nodes.length, { timeout: 20_000 }).toBeGreaterThan(before);
    await page.click('#undo');
    await expect.poll(async () => (await shown()).nodes.length).toBe(before);
  });

  it('says when no run covers what is shown, and colours and sizes from the run it then starts', async () => {
    const nodes = (await shown()).nodes;
    const sizes = () =>
      page.evaluate((keys) => keys.map((key) => window.__ariadne?.drawn(key)?.size ?? null), nodes);
    await page.selectOption('#colour-by', 'community');
    await page.waitForSelector('#legend [data-missing="communities"]');
    expect(await page.evaluate(() => Object.keys(window.__ariadne?.communities() ?? {}).length)).toBe(0);
    await page.click('#run-communities');
    await page.waitForSelector('#legend .legend-fill li', { timeout: 240_000 });
    expect(await page.locator('#legend [data-missing]').count()).toBe(0);
    const communities = await page.evaluate(() => window.__ariadne?.communities() ?? {});
    expect(nodes.filter((node) => communities[node] !== undefined).length).toBeGreaterThan(1);
    await page.selectOption('#size-by', 'pagerank');
    await page.waitForSelector('#legend [data-missing="centrality"]');
    expect(new Set(await sizes()).size).toBe(1);
    await page.click('#run-centrality');
    await page.waitForSelector('#legend [data-missing="centrality"]', {
      state: 'detached',
      timeout: 240_000,
    });
    expect(new Set(await sizes()).size).toBeGreaterThan(1);
    await page.selectOption('#colour-by', 'type');
    await page.selectOption('#size-by', 'degree');
  }, 500_000);

  it('opens the whole case; filters on type and on source grade change what is drawn', async () => {
    await page.click('#tab-filters');
    await page.click('#open-case');
    await waitForStatus(page, 'entities loaded', 240_000);
    // The case opens as its syndicates (test/e2e/canvas.test.ts); ungrouped, every entity is drawn.
    expect((await shown()).nodes.length).toBeLessThanOrEqual(60);
    await page.click('#group-by-syndicate');
    await expect.poll(async () => (await shown()).nodes.length).toBeGreaterThan(4_000);
    const all = await shown();
    await page.uncheck('#filter-hiddenTypes-Payment');
    const noPayments = await shown();
    expect(await typesOf(noPayments.nodes)).not.toContain('Payment');
    const payment = all.nodes.find((node) => node.startsWith('pay')) as string;
    expect(noPayments.nodes).not.toContain(payment);
    expect(noPayments.nodes.length).toBeLessThan(all.nodes.length);
    await page.check('#filter-sources-A');
    await page.check('#filter-sources-B');
    const graded = await shown();
    const grades = await page.evaluate(
      (keys) => keys.map((key) => window.__ariadne?.attributes(key)?.grade),
      graded.nodes,
    );
    expect(graded.nodes.length).toBeLessThan(noPayments.nodes.length);
    expect(grades.every((grade) => typeof grade === 'string' && /^[AB]/.test(grade))).toBe(true);
    await page.evaluate(() => window.__ariadne?.stopLayout());
    await page.screenshot({ path: join(DOCS, 'workspace-filters.png') });
    await page.click('#reset-filters');
    expect((await shown()).nodes.length).toBe(all.nodes.length);
  }, 300_000);

  it('finds another romanisation of a name, and tells namesakes apart in the results', async () => {
    await page.fill('#search', 'Anouar Fitouri');
    await page.press('#search', 'Enter');
    await page.waitForSelector('#search-results button.hit[data-id="person:cm:0001"]');
    expect(await page.textContent('#search-results button.hit[data-id="person:cm:0001"] .hit-name')).toBe(
      'Anwar Al-Fitouri',
    );
    await page.fill('#search', 'Anouar Lahlou');
    await page.press('#search', 'Enter');
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#search-results .hit-name')].filter(
          (name) => name.textContent === 'Anouar Lahlou',
        ).length > 1,
      undefined,
      { timeout: 30_000 },
    );
    const hits = await page.$$eval('#search-results button.hit', (buttons) =>
      buttons.map((b) => ({
        name: b.querySelector('.hit-name')?.textContent ?? '',
        detail: b.querySelector('.hit-detail')?.textContent ?? '',
      })),
    );
    const namesakes = hits.filter((hit) => hit.name === 'Anouar Lahlou');
    expect(namesakes.length).toBeGreaterThanOrEqual(3);
    expect(namesakes.every((hit) => /b\. \d{4}-\d{2}-\d{2}/.test(hit.detail))).toBe(true);
    expect(new Set(namesakes.map((hit) => hit.detail)).size).toBe(namesakes.length);
    await page.keyboard.press('Escape');
  });

  it('says how many matches a search lists, and lists more on asking', async () => {
    const res = await api.fetch('/api/entities?q=Crossing&limit=1', { role: 'analyst' });
    const { total } = (await res.json()) as { total: number };
    expect(total).toBeGreaterThan(50);
    await page.fill('#search', 'Crossing');
    await page.press('#search', 'Enter');
    await page.waitForSelector('#search-count');
    expect(await page.textContent('#search-count')).toBe(`25 of ${total} matches`);
    expect(await page.$$eval('#search-results button.hit', (b) => b.length)).toBe(25);
    await page.click('#search-more');
    await page.waitForSelector(`#search-count:text("50 of ${total} matches")`);
    const ids = await page.$$eval('#search-results button.hit', (b) => b.map((x) => x.dataset.id));
    expect(new Set(ids).size).toBe(50);
    await page.keyboard.press('Escape');
  });

  it('finds the shortest paths between two chosen entities and highlights them', async () => {
    await page.fill('#search', 'Zuwara coast');
    await page.click('#search-results button.hit[data-id="org:cm"]');
    await page.waitForSelector('#details[data-entity="org:cm"][data-state="ready"]', { timeout: 90_000 });
    await page.click('#details [data-action="path-from"]');
    await page.fill('#search', 'Aegean crossings');
    await page.click('#search-results button.hit[data-id="org:em"]');
    await page.waitForSelector('#details[data-entity="org:em"][data-state="ready"]');
    await page.click('#details [data-action="path-to"]');
    await openTab('paths');
    await page.click('#path-shortest');
    await page.waitForSelector('#path-list[data-count]');
    expect(Number(await page.getAttribute('#path-list', 'data-count'))).toBeGreaterThan(0);
    // Each hop is listed with its link type, direction and grade, never through the case node.
    const first = (await page.textContent('#path-list li')) ?? '';
    expect(first).toMatch(/(—[A-Z_]+( [A-F1-5X][0-9]?)?→|←[A-Z_]+( [A-F1-5X][0-9]?)?—)/);
    expect(first).not.toContain('Operation Ariadne Demo');
    const state = await page.evaluate(() => window.__ariadne?.state());
    const edge = state?.highlight?.edges[0] as string;
    expect(await page.evaluate((key) => window.__ariadne?.drawnEdge(key)?.color, edge)).toBe('#ff2d55');
    await page.screenshot({ path: join(DOCS, 'paths-highlight.png') });
    await page.click('#clear-highlight');
  });

  it('runs the analyses with progress, shows the crime matrix, and focuses and collapses a community', async () => {
    await openTab('analyses');
    await page.click('#run-analyses');
    await page.waitForSelector('#analysis-step:text("Step")');
    await page.waitForSelector('#panel-analyses[data-state="done"]', { timeout: 380_000 });
    expect(await page.textContent('#analysis-step')).toBe('Done');
    expect(await page.locator('#crime-matrix td[data-category]').count()).toBeGreaterThan(0);
    expect(await page.locator('#key-players li').count()).toBeGreaterThan(0);
    const first = Number(await page.getAttribute('#community-list li:first-child', 'data-community'));
    const communities = await page.evaluate(() => window.__ariadne?.communities() ?? {});
    const members = (await shown()).nodes.filter((node) => communities[node] === first);
    // Places, routes, sources and cases are kept apart from the syndicates' groups.
    const apart = new Set(['Location', 'Route', 'Source', 'Case']);
    const grouped = (await typesOf(members)).flatMap((type, i) =>
      apart.has(String(type)) ? [] : [members[i]],
    );
    expect(members.length).toBeGreaterThanOrEqual(5);
    await page.click('#community-list li:first-child [data-action="focus"]');
    await expect.poll(async () => (await page.evaluate(() => window.__ariadne?.state()))?.focus).toBe(first);
    const outsider = (await shown()).nodes.find(
      (node) => communities[node] !== undefined && communities[node] !== first,
    ) as string;
    const member = members[0] as string;
    await expect
      .poll(() => page.evaluate((key) => window.__ariadne?.drawn(key)?.color, outsider))
      .toBe('#e3e6eb');
    expect(await page.evaluate((key) => window.__ariadne?.drawn(key)?.color, member)).not.toBe('#e3e6eb');
    await page.screenshot({ path: join(DOCS, 'analyses-community-focus.png') });
    const before = (await shown()).nodes.length;
    await page.click('#community-list li:first-child [data-action="collapse"]');
    await page.waitForSelector('#community-list li:first-child [data-action="collapse"]:text("Open")');
    // The community is drawn as one group node holding its members (and payments among them).
    const collapsed = await shown();
    expect(collapsed.nodes).toContain(`s:${first}`);
    expect(collapsed.nodes.filter((node) => grouped.includes(node))).toEqual([]);
    expect(collapsed.nodes.length).toBeLessThanOrEqual(before - grouped.length + 1);
    await page.click('#undo');
    await page.waitForSelector('#community-list li:first-child [data-action="collapse"]:text("Collapse")');
    expect((await shown()).nodes.length).toBe(before);
  }, 400_000);

  it('draws the money flows as a Sankey and highlights the payments of a typology hit', async () => {
    await openTab('money');
    await page.click('#run-money');
    // The run finds the case's syndicates first, to name its flows (test/e2e/money.test.ts).
    await page.waitForSelector('#panel-money[data-state="done"]', { timeout: 240_000 });
    expect(await page.locator('#sankey path.sankey-link').count()).toBeGreaterThan(0);
    expect(await page.locator('#typology-hits li').count()).toBeGreaterThan(0);
    await page.click('#typology-hits button[data-typology="0"]');
    const highlight = (await page.evaluate(() => window.__ariadne?.state()))?.highlight;
    expect(highlight?.nodes.some((node) => node.startsWith('pay'))).toBe(true);
    await page.screenshot({ path: join(DOCS, 'money-sankey.png') });
  }, 300_000);

  it('maps the routes with hotspots and lists a route’s syndicates', async () => {
    await openTab('routes');
    await page.click('#run-routes');
    await page.waitForSelector('#panel-routes[data-state="done"]', { timeout: 60_000 });
    expect(await page.locator('#routes-map .map-land').count()).toBeGreaterThan(100);
    expect(await page.locator('#routes-map .map-route').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#routes-map .map-hotspot').count()).toBeGreaterThan(0);
    expect(await page.locator('#routes-map .map-label').count()).toBeGreaterThan(0);
    // Sized by events, the hotspot with the most events is drawn largest.
    await page.selectOption('#routes-measure', 'events');
    const spots = await page.$$eval('#routes-map .map-hotspot', (circles) =>
      circles.map((c) => ({ value: Number(c.getAttribute('data-value')), r: Number(c.getAttribute('r')) })),
    );
    const most = spots.reduce((a, b) => (b.value > a.value ? b : a));
    expect(Math.max(...spots.map((spot) => spot.r))).toBe(most.r);
    // A large, zoomable pane.
    await page.click('#routes-enlarge');
    expect((await page.locator('#routes-pane').boundingBox())?.width).toBeGreaterThan(800);
    // Labels shown never cover each other; zooming in makes room for more of them.
    const labels = () =>
      page.$$eval('#routes-map .map-label[visibility="visible"]', (texts) =>
        texts.map((t) => (t as SVGTextElement).getBoundingClientRect().toJSON() as DOMRect),
      );
    const overlapping = (boxes: DOMRect[]) =>
      boxes.filter((a, i) =>
        boxes.some(
          (b, j) => i < j && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom,
        ),
      );
    const whole = await labels();
    expect(whole.length).toBeGreaterThan(3);
    expect(overlapping(whole)).toEqual([]);
    for (let i = 0; i < 3; i++) await page.click('#routes-zoom-in');
    expect(Number(await page.getAttribute('#routes-map', 'data-zoom'))).toBeGreaterThan(1);
    expect(overlapping(await labels())).toEqual([]);
    await page.click('#routes-zoom-reset');
    // A real click on the middle of a route reaches the route, whatever hotspot lies under it.
    const target = await page.$eval('#routes-map .map-route', (element) => {
      const path = element as SVGPathElement;
      const point = path.getPointAtLength(path.getTotalLength() / 2);
      const matrix = path.getScreenCTM() as DOMMatrix;
      return {
        route: path.getAttribute('data-route'),
        x: point.x * matrix.a + point.y * matrix.c + matrix.e,
        y: point.x * matrix.b + point.y * matrix.d + matrix.f,
      };
    });
    await page.mouse.click(target.x, target.y);
    await page.waitForSelector(`#route-details[data-route="${target.route}"]`);
    expect(await page.textContent('#route-details')).toMatch(/Syndicates:/);
    await page.screenshot({ path: join(DOCS, 'routes-map.png') });
    await page.click('#routes-enlarge');
  });

  it('lists reused documents and candidate duplicates side by side', async () => {
    await openTab('documents');
    await page.click('#run-documents');
    await page.waitForSelector('#panel-documents[data-state="done"]', { timeout: 90_000 });
    expect(await page.locator('#shared-documents li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(DOCS, 'documents-identities.png') });
  });

  it('records a "same person" decision through the API, with its reason, and shows it as recorded', async () => {
    const pair = page.locator('#identity-candidates .candidate').first();
    const a = String(await pair.getAttribute('data-a'));
    const b = String(await pair.getAttribute('data-b'));
    await pair.locator('button[data-action="confirm"]').click();
    expect(await pair.locator('.verdict').textContent()).toMatch(/Say why first/);
    await pair.locator('input.reason').fill('same passport number, same birth date');
    await pair.locator('button[data-action="confirm"]').click();
    await page.waitForSelector('#identity-candidates .candidate[data-verdict="same"]');
    expect(await pair.locator('.verdict').textContent()).toMatch(
      /Confirmed as the same person by .*same passport/,
    );
    const stored = await store.read(
      `MATCH (x {id: $a})-[r:SAME_AS]-(y {id: $b}) WHERE NOT coalesce(r.retracted, false)
       RETURN r.reason AS reason`,
      { a, b },
    );
    expect(stored.records[0]?.get('reason')).toBe('same passport number, same birth date');
    const audited = await store.read(
      "MATCH (e:AuditEvent {action: 'identity.decision'}) RETURN count(e) AS n",
    );
    expect(Number(audited.records[0]?.get('n'))).toBeGreaterThan(0);
  });

  it('exports the view as a PNG at twice the canvas size, an SVG and a GEXF, each marked, audited and cleared', async () => {
    await openTab('export');
    const viewExports = async () => {
      const result = await store.read(
        `MATCH (e:AuditEvent {action: 'export', username: 'europol-analyst', outcome: 'ok'})
         WHERE e.parameters CONTAINS '"view":true' RETURN count(e) AS n`,
      );
      return Number(result.records[0]?.get('n'));
    };
    const before = await viewExports();
    // The server marks and records each export first; H2 records ask for their providers' agreement.
    const exportFile = async (format: string) => {
      const download = page.waitForEvent('download', { timeout: 170_000 });
      await page.click(`#export-${format}`);
      await page.waitForSelector(
        '#panel-export[data-state="exported"], #panel-export[data-state="consent"]',
        { timeout: 170_000 },
      );
      if ((await page.getAttribute('#panel-export', 'data-state')) === 'consent') {
        expect(await page.textContent('#export-consent-text')).toMatch(/H2 records .* provided by /);
        await page.check('#export-consent-check');
        await page.click('#export-consent-confirm');
      }
      return download;
    };
    const download = await exportFile('png');
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(5_000);
    const box = await page.locator('#graph').boundingBox();
    // The PNG's header: width and height (big-endian) after the signature and the IHDR tag.
    expect(bytes.readUInt32BE(16)).toBe(Math.round((box?.width ?? 0) * 2));
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(Math.round((box?.height ?? 0) * 2));
    expect(download.suggestedFilename()).toMatch(/^ariadne-H[0-3]-.*\.png$/);
    const svg = await exportFile('svg');
    const text = readFileSync(await svg.path(), 'utf8');
    expect(text).toMatch(/HANDLING H[0-3]: /);
    expect(svg.suggestedFilename()).toMatch(/^ariadne-H[0-3]-.*\.svg$/);
    await page.waitForSelector('#panel-export[data-state="exported"]');
    // GEXF is written by the server's writer: the records shown, their scores, how each is drawn.
    const held = await page.evaluate(() => {
      const shown = window.__ariadne?.shown() as { nodes: string[] };
      return shown.nodes.filter((n) => window.__ariadne?.attributes(n)?.entityType).length;
    });
    const gexf = await exportFile('gexf');
    const xml = readFileSync(await gexf.path(), 'utf8');
    expect(xml).toContain('<gexf xmlns="http://www.gexf.net/1.2draft"');
    expect(xml).toMatch(/<keywords>handling:H[0-3]<\/keywords>/);
    expect(xml.match(/<node /g)?.length).toBe(held);
    expect(xml.match(/<viz:position /g)?.length).toBeGreaterThan(0);
    expect(gexf.suggestedFilename()).toMatch(/^ariadne-H[0-3]-.*\.gexf$/);
    await page.waitForSelector('#panel-export[data-state="exported"]');
    expect(await viewExports()).toBe(before + 3);
  }, 180_000);

  it('shows an entity named like an HTML tag as text, and runs nothing', async () => {
    await page.fill('#search', 'onerror');
    await page.press('#search', 'Enter');
    await page.click('#search-results button.hit[data-id="p-xss"]');
    await page.waitForSelector('#details[data-entity="p-xss"][data-state="ready"]');
    expect(await page.textContent('#details-name')).toContain(XSS_NAME);
    expect(await page.locator('#details img, #search-results img').count()).toBe(0);
    expect(watched.dialogs).toEqual([]);
    expect(watched.errors.filter((error) => !/Failed to load resource/.test(error))).toEqual([]);
  });

  it('says when a neighbourhood was cut at its limit, and loads more when asked', async () => {
    // The route Agadez - Zuwara - Lampedusa has 182 links in the demo case: more than one load's 100.
    const route = 'route:cm:1';
    await page.evaluate(() => window.__ariadne?.stopLayout());
    await page.fill('#search', 'Agadez');
    await page.keyboard.press('Enter');
    await page.click(`#search-results button.hit[data-id="${route}"]`);
    await waitForStatus(page, 'there are more', 60_000);
    expect(await page.textContent('#status')).toContain('Showing the nearest 100 entities around Agadez');
    // The whole case may be loaded already, so what grows is the route's own load, not the canvas.
    const limits = () =>
      page.evaluate(
        (id) =>
          (window.__ariadne?.state().loads ?? []).flatMap((load) =>
            load.kind === 'neighbourhood' && load.id === id ? [load.limit] : [],
          ),
        route,
      );
    expect(await limits()).toEqual([100]);
    await page.click('#status-action');
    await expect.poll(limits, { timeout: 60_000 }).toEqual([100, 400]);
    await expect.poll(() => page.textContent('#status'), { timeout: 60_000 }).not.toContain('there are more');
  });

  it('previews the case report in a sandboxed frame, and downloads it as Markdown and PDF', async () => {
    await openTab('report');
    await page.waitForSelector(`#report-case option[value="${DEMO_CASE}"]`, { state: 'attached' });
    await page.selectOption('#report-case', DEMO_CASE);
    await page.fill('#report-period-from', '2024-01-01');
    await page.fill('#report-period-until', '2024-12-31');
    await page.click('#report-preview');
    // The demo case holds H2 records: the panel names their providers and asks for the agreement.
    await page.waitForSelector('#panel-report[data-state="consent"]', { timeout: 170_000 });
    expect(await page.textContent('#report-consent-text')).toMatch(/H2 records .* provided by /);
    await page.click('#report-consent-confirm');
    expect(await page.getAttribute('#panel-report', 'data-state')).toBe('consent');
    await page.check('#report-consent-check');
    await page.click('#report-consent-confirm');
    await page.waitForSelector('#panel-report[data-state="previewed"]', { timeout: 170_000 });
    expect(await page.getAttribute('#report-frame', 'sandbox')).toBe('');
    const report = page.frameLocator('#report-frame');
    expect(await report.locator('section#summary h2').textContent()).toBe('1. Summary');
    expect(await report.locator('p.meta').textContent()).toContain('Period 2024-01-01 to 2024-12-31');
    expect(await report.locator('script').count()).toBe(0);
    await page.screenshot({ path: join(DOCS, 'report-preview.png') });
    await page.click('#report-close');
    const saved: Record<string, Buffer> = {};
    for (const format of ['md', 'pdf']) {
      await page.selectOption('#report-format', format);
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 170_000 }),
        page.click('#report-download'),
      ]);
      expect(download.suggestedFilename()).toBe(
        `ariadne-report-case-operation-ariadne-demo-2024-01-01_2024-12-31.${format}`,
      );
      saved[format] = readFileSync(await download.path());
    }
    expect(saved.md?.toString('utf8')).toContain('\n## 1. Summary\n');
    expect(saved.pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(saved.pdf?.length).toBeGreaterThan(10_000);
  }, 400_000);

  it('never sends a low-clearance user the restricted account, in any answer', async () => {
    const low = await launchBrowser();
    try {
      const lowPage = await low.newPage();
      const bodies: string[] = [];
      lowPage.on('response', (response) => {
        if (response.url().includes('/api/'))
          void response.text().then(
            (text) => bodies.push(text),
            () => {},
          );
      });
      await signIn(lowPage, api.base, 'low-viewer', TEST_PASSWORD);
      await lowPage.click('#open-case');
      await waitForStatus(lowPage, 'entities loaded', 240_000);
      await lowPage.fill('#search', 'Palermo');
      await lowPage.press('#search', 'Enter');
      await lowPage.waitForSelector('#search-results li');
      expect(await lowPage.evaluate((key) => window.__ariadne?.attributes(key), RESTRICTED_ID)).toBeNull();
      expect(bodies.length).toBeGreaterThan(2);
      expect(bodies.filter((body) => body.includes(RESTRICTED_ID))).toEqual([]);
    } finally {
      await low.close();
    }
  }, 300_000);
});
