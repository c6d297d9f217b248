/**
 * The canvas at case scale, in a real Chromium against the real server and the demo case: the case
 * opens as its named syndicates, groups open into cells and people and close again, and what is
 * drawn stays readable (discs and labels apart, open groups' regions apart), measured through the
 * page's test handle. Screenshots go to a temporary folder, or to docs/ when ARIADNE_SCREENSHOTS=docs.
 */
import {
  DEMO_SYNDICATES,
  type DemoWorkspace,
  openDemoWorkspace,
  SCREENSHOTS,
} from '../helpers/demo-workspace.ts';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import type { TestApi } from '../helpers/api.ts';
import type { TestBrowser, watchPage } from '../helpers/browser.ts';
import { readability, readDrawing, settle } from '../helpers/readability.ts';

const DOCS = SCREENSHOTS;
const SYNDICATES = DEMO_SYNDICATES;

let api: TestApi;
let browser: TestBrowser;
let page: Page;
let watched: ReturnType<typeof watchPage>;
const demo = generateDemoCase({ scale: 1 });

const groups = () => page.evaluate(() => window.__ariadne?.groups() ?? []);
const shown = () => page.evaluate(() => window.__ariadne?.shown() ?? { nodes: [], edges: [] });

/** Double-clicks a drawn node where the page draws it. */
async function doubleClick(node: string): Promise<void> {
  await settle(page);
  const at = await page.evaluate((key) => window.__ariadne?.drawn(key)?.viewport, node);
  const box = await page.locator('#graph').boundingBox();
  if (!at || !box) throw new Error(`${node} is not drawn`);
  await page.mouse.dblclick(box.x + at.x, box.y + at.y);
}

/** The key of the closed group with this name. */
async function groupNamed(name: string): Promise<string> {
  const found = (await groups()).find((g) => g.name === name);
  if (!found) throw new Error(`no group is named ${name}: ${(await groups()).map((g) => g.name).join(', ')}`);
  return found.key;
}

/** Expects what is drawn to be readable: discs apart, labels apart, open regions apart. */
async function expectReadable(open: string[] = []) {
  await settle(page);
  const figures = readability(await readDrawing(page), open);
  expect(figures.worstOverlap.share, `discs ${figures.worstOverlap.pair?.join(' and ')}`).toBeLessThanOrEqual(
    0.1,
  );
  // Once the view settles every group's label is drawn (the layout makes room for each).
  expect(figures.groupLabelsShown).toBe(1);
  expect(figures.regionOverlaps).toBe(0);
  return figures;
}

let workspace: DemoWorkspace;
beforeAll(async () => {
  workspace = await openDemoWorkspace(demo.records);
  ({ api, browser, page, watched } = workspace);
}, 480_000);

afterAll(async () => {
  await workspace?.close();
});

describe('the canvas at case scale', () => {
  it('opens the whole case as its named syndicates, at most 60 nodes, readable, with folded links', async () => {
    await page.click('#tab-filters');
    await page.click('#open-case');
    await page.waitForSelector('#status:text("entities loaded")', { timeout: 240_000 });
    expect(await page.textContent('#status')).toMatch(/drawn as \d+ groups: syndicates and cells/);
    await settle(page);
    const drawn = await shown();
    expect(drawn.nodes.length).toBeLessThanOrEqual(60);
    const names = (await groups()).map((g) => g.name);
    for (const name of SYNDICATES) expect(names).toContain(name);
    // Places, routes and sources are kept apart, in groups of their own.
    expect(names).toEqual(expect.arrayContaining(['Places', 'Sources']));
    const folded = drawn.edges.filter((edge) => edge.startsWith('g|'));
    expect(folded.length).toBeGreaterThan(0);
    const labels = await page.evaluate(
      (keys) => keys.map((key) => window.__ariadne?.drawnEdge(key)?.label ?? ''),
      folded,
    );
    expect(labels.some((label) => /money moved/.test(label))).toBe(true);
    const figures = await expectReadable();
    expect(figures.labelOverlaps).toEqual([]);
    // The legend counts what the closed groups hold, not only the entities drawn apart.
    expect(await page.textContent('#legend h3')).toMatch(/closed groups holding \d{4} entities/);
    await page.screenshot({ path: join(DOCS, 'canvas-syndicates.png') });
  }, 300_000);

  it('lays the groups out again for a resized canvas: every label drawn, none covering another', async () => {
    const size = page.viewportSize() ?? { width: 1400, height: 900 };
    for (const next of [{ width: 1200, height: 700 }, size]) {
      await page.setViewportSize(next);
      const figures = await expectReadable();
      expect(figures.labelOverlaps).toEqual([]);
    }
  });

  it('opens a syndicate into its cells and a cell into its people, closes them, and undoes', async () => {
    const zuwara = await groupNamed('Zuwara coast syndicate');
    const before = (await shown()).nodes.length;
    await doubleClick(zuwara);
    await expect
      .poll(async () => (await groups()).filter((g) => g.kind === 'cell').length)
      .toBeGreaterThan(1);
    expect((await groups()).map((g) => g.key)).not.toContain(zuwara);
    await expectReadable([zuwara]);
    const cell = (await groups()).filter((g) => g.kind === 'cell').sort((a, b) => b.members - a.members)[0];
    if (!cell) throw new Error('no cell drawn');
    await doubleClick(cell.key);
    await expect.poll(async () => (await shown()).nodes.length).toBeGreaterThan(before + 10);
    const people = await page.evaluate(
      (keys) => keys.filter((key) => window.__ariadne?.attributes(key)?.entityType === 'Person'),
      (await shown()).nodes,
    );
    expect(people.length).toBeGreaterThan(5);
    await expectReadable([zuwara]);
    await page.screenshot({ path: join(DOCS, 'canvas-cell-open.png') });
    // Closing the cell of a selected member folds its people back into it.
    await page.click('#clear-selection');
    await settle(page);
    // The largest disc among the people, the easiest to hit.
    const radii = await page.evaluate(
      (keys) => keys.map((key) => window.__ariadne?.drawn(key)?.radius ?? 0),
      people,
    );
    const member = people[radii.indexOf(Math.max(...radii))] as string;
    // Selected by name through the toolbar's query (what a click on its disc also does).
    const name = String(await page.evaluate((key) => window.__ariadne?.attributes(key)?.name, member));
    await page.fill('#select-query', name);
    await page.press('#select-query', 'Enter');
    await expect
      .poll(async () => (await page.evaluate(() => window.__ariadne?.state()))?.selected)
      .toContain(member);
    await page.click('#close-group');
    await expect.poll(async () => (await groups()).map((g) => g.key)).toContain(cell.key);
    await page.click('#undo');
    await expect.poll(async () => (await groups()).map((g) => g.key)).not.toContain(cell.key);
    await page.click('#redo');
    await expect.poll(async () => (await groups()).map((g) => g.key)).toContain(cell.key);
  }, 180_000);

  it('keeps two open syndicates in regions apart from each other and from every closed group', async () => {
    const aegean = await groupNamed('Aegean crossings syndicate');
    await doubleClick(aegean);
    await expect.poll(async () => (await groups()).map((g) => g.key)).not.toContain(aegean);
    const zuwara = (await page.evaluate(() => window.__ariadne?.state()))?.grouping.toggled.find(
      (k) => k.startsWith('s:') && k !== aegean,
    ) as string;
    const figures = await expectReadable([zuwara, aegean]);
    expect(figures.nodes).toBeGreaterThan(10);
    // Where the labels could not all have their width, the layout cut them shorter: none cover another.
    expect(figures.labelOverlaps, figures.labelOverlaps.join('; ')).toEqual([]);
    // Under the pointer, a label cut short shows the group's whole name.
    const labels = await page.evaluate(() => window.__ariadne?.labels() ?? []);
    const cut = (await groups()).find((g) => labels.some((l) => l.node === g.key && l.text.includes('…')));
    expect(cut, 'a group label cut short').toBeDefined();
    const at = await page.evaluate((key) => window.__ariadne?.drawn(key ?? '')?.viewport, cut?.key);
    const box = await page.locator('#graph').boundingBox();
    if (!cut || !at || !box) throw new Error('the group whose label is cut is not drawn');
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await expect
      .poll(() => page.evaluate(() => window.__ariadne?.lastHover()))
      .toEqual({ node: cut.key, label: `${cut.name.replace(/^Cell: /, '')} (${cut.members})` });
    await page.mouse.move(box.x + 1, box.y + 1);
    await page.screenshot({ path: join(DOCS, 'canvas-two-syndicates.png') });
  }, 120_000);

  it('counts only what the filters let through inside groups, and reopens from its link', async () => {
    const members = async () => Object.fromEntries((await groups()).map((g) => [g.key, g.members]));
    const all = await members();
    await page.uncheck('#filter-hiddenTypes-Person');
    await expect.poll(async () => JSON.stringify(await members())).not.toBe(JSON.stringify(all));
    const filtered = await members();
    for (const [key, n] of Object.entries(filtered))
      expect(n).toBeLessThanOrEqual(all[key] ?? Number.POSITIVE_INFINITY);
    await page.click('#reset-filters');
    await expect.poll(async () => JSON.stringify(await members())).toBe(JSON.stringify(all));
    const link = page.url();
    const other = await browser.newPage();
    try {
      await other.goto(link);
      await other.waitForFunction(() => (window.__ariadne?.groups().length ?? 0) > 0, null, {
        timeout: 120_000,
      });
      const reopened = await other.evaluate(() =>
        window.__ariadne
          ?.groups()
          .map((g) => g.key)
          .sort(),
      );
      expect(reopened).toEqual(Object.keys(all).sort());
    } finally {
      await other.close();
    }
    expect(watched.errors.filter((error) => !/Failed to load resource/.test(error))).toEqual([]);
  }, 240_000);

  it('lays the Zuwara syndicate out as an organigram, its leader above its members', async () => {
    const zuwara = demo.truth.syndicates.find((s) => s.organisationId === 'org:cm');
    if (!zuwara) throw new Error('the demo case has no Zuwara syndicate');
    const other = await browser.newPage();
    try {
      await other.goto(api.base);
      await other.waitForSelector('#app[data-state="workspace"]');
      await other.fill('#search', 'Zuwara coast');
      await other.click('#search-results button.hit[data-id="org:cm"]');
      try {
        await other.waitForSelector('#details[data-entity="org:cm"][data-state="ready"]', {
          timeout: 90_000,
        });
      } catch {
        const said = await other.evaluate(() => ({
          status: document.querySelector('#status')?.textContent,
          details: document.querySelector('#details')?.outerHTML.slice(0, 200),
        }));
        throw new Error(`the organisation never opened: ${JSON.stringify(said)}`);
      }
      await other.click('#layout-organigram');
      await other.waitForFunction(() => window.__ariadne?.layoutRunning() === false, null, {
        timeout: 30_000,
      });
      await other.evaluate(() => window.__ariadne?.nextFrame());
      const y = (key: string) => other.evaluate((k) => window.__ariadne?.drawn(k)?.viewport.y ?? null, key);
      const members = [...generateDemoCase({ scale: 1 }).records]
        .filter((r) => r.kind === 'link' && r.type === 'MEMBER_OF' && r.target === 'org:cm')
        .map((r) => String((r as { source: string }).source));
      const drawnMembers = (await other.evaluate(() => window.__ariadne?.shown().nodes ?? [])).filter((n) =>
        members.includes(n),
      );
      expect(drawnMembers.length).toBeGreaterThan(3);
      const leader = zuwara.leaderIds[0] as string;
      const leaderY = await y(leader);
      expect(leaderY).not.toBeNull();
      for (const member of drawnMembers) expect(leaderY as number).toBeLessThan((await y(member)) as number);
      await other.screenshot({ path: join(DOCS, 'canvas-organigram.png') });
    } finally {
      await other.close();
    }
  }, 120_000);
});
