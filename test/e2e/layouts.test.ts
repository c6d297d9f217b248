/**
 * The radial and by-time layouts and icons by entity type, in a real Chromium against the real
 * server and the demo case: each layout is one click, lays out what is drawn as it says, keeps discs
 * apart, is undone and redone, and reopens from the page's link. Measured through the test handle.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import { type DemoWorkspace, openDemoWorkspace, SCREENSHOTS } from '../helpers/demo-workspace.ts';
import { readability, readDrawing, settle } from '../helpers/readability.ts';

const demo = generateDemoCase({ scale: 1 });
let workspace: DemoWorkspace;
let page: Page;

beforeAll(async () => {
  workspace = await openDemoWorkspace(demo.records);
  page = workspace.page;
}, 480_000);

afterAll(async () => {
  await workspace?.close();
});

const state = () => page.evaluate(() => window.__ariadne?.state());
const shownNodes = () => page.evaluate(() => window.__ariadne?.shown().nodes ?? []);
const viewportOf = (node: string) =>
  page.evaluate((key) => window.__ariadne?.drawn(key)?.viewport ?? null, node);
const placeOf = (node: string) =>
  page.evaluate((key) => {
    const a = window.__ariadne?.attributes(key);
    return a ? { x: Number(a.x), y: Number(a.y) } : null;
  }, node);

/** The worst overlap of two drawn discs, as a share of the smaller radius. */
async function worstOverlap(): Promise<number> {
  await settle(page);
  return readability(await readDrawing(page), []).worstOverlap.share;
}

/** The entities linked to one, from the demo case's records. */
function neighboursOf(id: string): Set<string> {
  const out = new Set<string>();
  for (const r of demo.records) {
    if (r.kind !== 'link') continue;
    const { source, target } = r as unknown as { source: string; target: string };
    if (source === id) out.add(target);
    if (target === id) out.add(source);
  }
  return out;
}

/**
 * Watches one drawn link, frame by frame, through the next layout: whether it was drawn before, in
 * how many frames of the layout it was held back, and whether it is drawn once the layout is done.
 */
function linksWhileMoving(): Promise<{ drawnBefore: boolean; hiddenFrames: number; drawnAfter: boolean }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const handle = window.__ariadne;
        const edge = handle?.shown().edges.find((e) => handle.drawnEdge(e)?.hidden === false);
        if (!handle || edge === undefined) return reject(new Error('no link is drawn to watch'));
        const drawnBefore = !handle.layoutRunning();
        let started = false;
        let hiddenFrames = 0;
        const step = () => {
          const hidden = handle.drawnEdge(edge)?.hidden !== false;
          if (handle.layoutRunning()) {
            started = true;
            if (hidden) hiddenFrames++;
          } else if (started) return resolve({ drawnBefore, hiddenFrames, drawnAfter: !hidden });
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
}

describe('icons by entity type', () => {
  it('draws every entity with its type’s icon inside its disc, and shows the icons in the legend', async () => {
    await page.fill('#search', 'Zuwara coast');
    await page.click('#search-results button.hit[data-id="org:cm"]');
    await page.waitForSelector('#details[data-entity="org:cm"][data-state="ready"]', { timeout: 90_000 });
    await settle(page);
    const drawn = await page.evaluate(() => {
      const handle = window.__ariadne;
      return (handle?.shown().nodes ?? []).map((node) => ({
        type: String(handle?.attributes(node)?.entityType),
        program: handle?.drawn(node)?.program,
        icon: handle?.drawn(node)?.icon,
      }));
    });
    expect(drawn.length).toBeGreaterThan(10);
    for (const node of drawn) {
      expect(node.program).toEqual({ type: 'iconic', registered: true });
      expect(node.icon).toBe(node.type);
    }
    const types = [...new Set(drawn.map((n) => n.type))].sort();
    const legend = await page.$$eval('#legend .legend-types svg[data-icon]', (icons) =>
      icons.map((icon) => (icon as SVGElement).dataset.icon ?? ''),
    );
    expect(legend.sort()).toEqual(types);
    await page.screenshot({ path: join(SCREENSHOTS, 'canvas-icons.png') });
    expect(workspace.watched.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  }, 240_000);
});

describe('the radial and by-time layouts', () => {
  it('lays the Zuwara organisation’s neighbourhood out in rings around it, and undoes it', async () => {
    // Two hops out, so there is more than one ring.
    await page.selectOption('#expand-depth', '2');
    await page.fill('#expand-limit', '150');
    const opened = (await shownNodes()).length;
    await page.click('#details[data-entity="org:cm"] button[data-action="expand"]');
    await expect.poll(async () => (await shownNodes()).length, { timeout: 90_000 }).toBeGreaterThan(opened);
    await settle(page);
    expect((await state())?.selected).toContain('org:cm');
    const nodes = await shownNodes();
    expect(nodes.length).toBeGreaterThan(10);
    const before = new Map(await Promise.all(nodes.map(async (n) => [n, await placeOf(n)] as const)));
    const links = linksWhileMoving();
    await page.click('#layout-radial');
    const { drawnBefore, hiddenFrames, drawnAfter } = await links;
    // Links are held back while the nodes move, and drawn again in the frame that ends the layout.
    expect(drawnBefore).toBe(true);
    expect(hiddenFrames).toBeGreaterThan(0);
    expect(drawnAfter).toBe(true);
    await settle(page);
    expect((await state())?.layout).toEqual({ kind: 'radial', centre: 'org:cm' });
    const centre = (await viewportOf('org:cm')) as { x: number; y: number };
    const distance = async (n: string) => {
      const p = (await viewportOf(n)) as { x: number; y: number };
      return Math.hypot(p.x - centre.x, p.y - centre.y);
    };
    const near = neighboursOf('org:cm');
    const ring1 = nodes.filter((n) => near.has(n));
    const further = nodes.filter((n) => n !== 'org:cm' && !near.has(n));
    expect(ring1.length).toBeGreaterThan(3);
    expect(further.length).toBeGreaterThan(3);
    const ring1Distances = await Promise.all(ring1.map(distance));
    const r1 = ring1Distances[0] as number;
    // The entities one hop away share the first ring; every other one lies outside it.
    for (const d of ring1Distances) expect(d).toBeCloseTo(r1, 0);
    for (const n of further) expect(await distance(n)).toBeGreaterThan(r1 + 1);
    expect(await worstOverlap()).toBeLessThanOrEqual(0.1);
    await page.screenshot({ path: join(SCREENSHOTS, 'canvas-radial.png') });
    await page.click('#undo');
    await settle(page);
    expect((await state())?.layout).toEqual({ kind: 'force' });
    for (const n of nodes.slice(0, 20)) {
      const p = await placeOf(n);
      expect(p?.x).toBeCloseTo(before.get(n)?.x as number, 3);
      expect(p?.y).toBeCloseTo(before.get(n)?.y as number, 3);
    }
    await page.click('#redo');
    await settle(page);
    expect((await state())?.layout).toEqual({ kind: 'radial', centre: 'org:cm' });
    expect(await distance(ring1[0] as string)).toBeCloseTo(r1, 0);
  }, 240_000);

  it('lays the same view out by first-seen date, the undated apart, and reopens it from its link', async () => {
    await page.click('#layout-time');
    await settle(page);
    expect((await state())?.layout).toEqual({ kind: 'time' });
    const nodes = await shownNodes();
    const dated = (
      await page.evaluate(
        (keys) =>
          keys.map((key) => {
            const a = window.__ariadne?.attributes(key) ?? {};
            const date = (a.date ?? a.firstSeen) as string | undefined;
            return { key, date: typeof date === 'string' ? date.slice(0, 10) : null };
          }),
        nodes,
      )
    ).filter((n): n is { key: string; date: string } => n.date !== null);
    expect(dated.length).toBeGreaterThan(3);
    dated.sort((a, b) => a.date.localeCompare(b.date));
    for (let i = 1; i < dated.length; i++) {
      const a = (await viewportOf((dated[i - 1] as { key: string }).key))?.x as number;
      const b = (await viewportOf((dated[i] as { key: string }).key))?.x as number;
      if (dated[i - 1]?.date === dated[i]?.date) expect(b).toBeCloseTo(a, 1);
      else expect(b).toBeGreaterThan(a);
    }
    expect(await worstOverlap()).toBeLessThanOrEqual(0.1);
    expect(await page.isVisible('#time-axis')).toBe(true);
    expect((await page.locator('#time-axis .time-axis-tick').count()) > 0).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'canvas-by-time.png') });
    const other = await workspace.browser.newPage();
    try {
      await other.goto(page.url());
      await other.waitForFunction(() => (window.__ariadne?.shown().nodes.length ?? 0) > 10, null, {
        timeout: 120_000,
      });
      await settle(other);
      expect(await other.evaluate(() => window.__ariadne?.state().layout)).toEqual({ kind: 'time' });
      expect(await other.isVisible('#time-axis')).toBe(true);
    } finally {
      await other.close();
    }
    expect(workspace.watched.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  }, 240_000);
});
