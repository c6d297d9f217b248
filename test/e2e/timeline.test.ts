/**
 * The timeline under the canvas, in a real Chromium against the real server and the demo case: its
 * lanes are grouped under the named syndicates; brushing a window filters the canvas and the table to
 * it; play steps the window on month by month and undo goes back to before play; a mark's click
 * selects its record; clearing the window brings everything back. Screenshots go to a temporary
 * folder, or to docs/ when ARIADNE_SCREENSHOTS=docs.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import {
  DEMO_SYNDICATES,
  type DemoWorkspace,
  openDemoWorkspace,
  SCREENSHOTS,
} from '../helpers/demo-workspace.ts';
import { readTableRows } from '../helpers/table-rows.ts';

const demo = generateDemoCase({ scale: 1 });
const SYNDICATES = DEMO_SYNDICATES;

let workspace: DemoWorkspace;
let page: Page;

type Window = { from: string; to: string } | null;
const timeWindow = () => page.evaluate(() => window.__ariadne?.state().filters.time ?? null);
const shown = () => page.evaluate(() => window.__ariadne?.shown() ?? { nodes: [], edges: [] });

/**
 * The entities drawn, each with the days it covers (its date, else first to last seen): what the
 * canvas shows, read through the page's handle.
 */
async function drawnSpans(): Promise<
  { id: string; type: string; start: string | null; end: string | null }[]
> {
  return page.evaluate(() => {
    const handle = window.__ariadne;
    return (handle?.shown().nodes ?? []).map((id) => {
      const a = handle?.attributes(id) ?? {};
      const day = (value: unknown) =>
        typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : null;
      const start = day(a.date) ?? day(a.firstSeen);
      const end = day(a.date) ?? day(a.lastSeen) ?? start;
      return { id, type: String(a.entityType), start, end };
    });
  });
}

/** Expects every drawn entity to lie in the window (undated ones always do), and some dated ones drawn. */
async function expectCanvasIn(window: NonNullable<Window>) {
  const spans = await drawnSpans();
  const outside = spans.filter(
    (s) => s.start !== null && (s.start > window.to || (s.end as string) < window.from),
  );
  expect(outside.slice(0, 5)).toEqual([]);
  const payments = spans.filter((s) => s.type === 'Payment');
  expect(payments.length).toBeGreaterThan(0);
  for (const p of payments) expect(p.start! >= window.from && p.start! <= window.to, p.id).toBe(true);
  return spans;
}

/** Drags across the overview from one share of the axis's width to another. */
async function brush(from: number, to: number): Promise<void> {
  const box = await page.locator('#timeline-overview').boundingBox();
  if (!box) throw new Error('the timeline overview is not on screen');
  const left = box.x + 190;
  const width = box.width - 190 - 10;
  const y = box.y + box.height / 2;
  await page.mouse.move(left + width * from, y);
  await page.mouse.down();
  await page.mouse.move(left + width * ((from + to) / 2), y, { steps: 4 });
  await page.mouse.move(left + width * to, y, { steps: 4 });
  await page.mouse.up();
}

/** The table's entity rows, once it is shown, against what the canvas draws. */
async function expectTableAsCanvas(): Promise<number> {
  await page.click('#tab-table');
  await page.waitForSelector('#panel-table:not([hidden])');
  const drawn = (await shown()).nodes;
  const rows = await readTableRows(page, 'entities');
  expect(rows.map((row) => row.id).sort()).toEqual([...drawn].sort());
  await page.click('#tab-filters');
  return rows.length;
}

beforeAll(async () => {
  workspace = await openDemoWorkspace(demo.records);
  ({ page } = workspace);
}, 480_000);

afterAll(async () => {
  await workspace?.close();
});

describe('the timeline', () => {
  let all: { nodes: number; table: number };
  let brushed: NonNullable<Window>;

  it('lays the case’s dated records on lanes grouped under the named syndicates', async () => {
    expect(await page.textContent('#time-label')).toMatch(/nothing is open/);
    await page.click('#tab-filters');
    await page.click('#open-case');
    await page.waitForSelector('#status:text("entities loaded")', { timeout: 240_000 });
    // The lanes are built after the canvas's first frame.
    await expect
      .poll(() => page.textContent('#time-label'))
      .toMatch(/^All time \(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\): [\d,]+ dated records$/);
    const legend = await page.textContent('#timeline-legend');
    for (const kind of ['Events', 'Payments', 'Journeys', 'Communications', 'Document uses'])
      expect(legend).toContain(kind);
    expect(legend).toMatch(/Payments 1,6\d\d/);
    await page.click('#timeline-lanes-toggle');
    const groups = await page.$$eval('#timeline-rows .group-label', (labels) =>
      labels.map((label) => label.textContent ?? ''),
    );
    for (const name of SYNDICATES)
      expect(
        groups.some((text) => text.includes(name.slice(0, 19))),
        name,
      ).toBe(true);
    // Closed groups at first: their rows are listed, their lanes are one click away and said.
    const laneCount = Number((await page.textContent('#timeline-lanes-toggle'))?.replace(/\D/g, ''));
    expect(laneCount).toBeGreaterThan(500);
    expect(await page.textContent('#timeline-message')).toContain(`${laneCount.toLocaleString('en')} lanes`);
    await page.locator('#timeline-rows .group-label', { hasText: 'Zuwara' }).click();
    await expect.poll(() => page.locator('#timeline-rows .lane-row').count()).toBeGreaterThan(3);
    // Only the rows in sight are drawn, however many lanes the group holds.
    expect(await page.locator('#timeline-rows .row').count()).toBeLessThan(20);
    // The whole case, every group open, so the canvas draws entities.
    await page.click('#group-by-syndicate');
    await page.evaluate(() => window.__ariadne?.stopLayout());
    all = { nodes: (await shown()).nodes.length, table: await expectTableAsCanvas() };
    expect(all.nodes).toBeGreaterThan(4000);
  }, 400_000);

  it('filters the canvas and the table to a brushed window, and says it', async () => {
    await brush(0.4, 0.47);
    await expect.poll(timeWindow).not.toBeNull();
    brushed = (await timeWindow()) as NonNullable<Window>;
    expect(brushed.from < brushed.to).toBe(true);
    expect(await page.inputValue('#time-from')).toBe(brushed.from);
    expect(await page.inputValue('#time-to')).toBe(brushed.to);
    expect(await page.textContent('#time-label')).toMatch(
      new RegExp(`^${brushed.from} to ${brushed.to}: [\\d,]+ of [\\d,]+ dated records$`),
    );
    await page.evaluate(() => window.__ariadne?.stopLayout());
    const spans = await expectCanvasIn(brushed);
    expect(spans.length).toBeLessThan(all.nodes);
    const rows = await expectTableAsCanvas();
    expect(rows).toBeLessThan(all.table);
    // The marks outside the window are faded; those inside are not.
    expect(await page.locator('#timeline-rows .mark:not(.out)').count()).toBeGreaterThan(0);
    expect(await page.locator('#timeline-rows .mark.out').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'timeline.png') });
  }, 180_000);

  it('selects the record of a mark clicked', async () => {
    const mark = page.locator('#timeline-rows .mark[data-kind="payment"][data-count="1"]:not(.out)').first();
    const id = await mark.getAttribute('data-id');
    // At case scale marks of a busy lane touch each other: the click is sent to this one itself.
    await mark.dispatchEvent('click');
    await expect.poll(() => page.evaluate(() => window.__ariadne?.state().selected ?? [])).toEqual([id]);
    await page.waitForSelector(`#details[data-entity="${id}"]`, { timeout: 30_000 });
    // The timeline marks it back, as the table marks a selected row.
    expect(await page.locator(`#timeline-rows .mark.selected[data-id="${id}"]`).count()).toBeGreaterThan(0);
  });

  it('plays the window on month by month, the canvas following, and undo goes back to before play', async () => {
    await page.selectOption('#timeline-speed', { label: 'Fast' });
    await page.click('#timeline-play');
    expect(await page.getAttribute('#timeline-play', 'aria-pressed')).toBe('true');
    await expect
      .poll(async () => (await timeWindow())?.from ?? '', { timeout: 20_000 })
      .not.toBe(brushed.from);
    const first = (await timeWindow()) as NonNullable<Window>;
    await expect.poll(async () => (await timeWindow())?.from ?? '', { timeout: 20_000 }).not.toBe(first.from);
    await page.click('#timeline-play');
    expect(await page.getAttribute('#timeline-play', 'aria-pressed')).toBe('false');
    const played = (await timeWindow()) as NonNullable<Window>;
    expect(played.from > first.from && first.from > brushed.from).toBe(true);
    await page.evaluate(() => window.__ariadne?.stopLayout());
    await expectCanvasIn(played);
    expect(await page.textContent('#time-label')).toContain(`${played.from} to ${played.to}`);
    await page.click('#undo');
    expect(await timeWindow()).toEqual(brushed);
  }, 120_000);

  it('stops at the end when it plays to the last month', async () => {
    // Typed in the date boxes: a "from" past the window's end moves the end with it.
    await page.fill('#time-from', '2025-09-30');
    await expect.poll(timeWindow).toEqual({ from: '2025-09-30', to: '2025-09-30' });
    await page.fill('#time-from', '2025-09-01');
    await expect.poll(timeWindow).toEqual({ from: '2025-09-01', to: '2025-09-30' });
    await page.click('#timeline-play');
    await expect
      .poll(() => page.getAttribute('#timeline-play', 'aria-pressed'), { timeout: 30_000 })
      .toBe('false');
    expect(await page.textContent('#timeline-message')).toMatch(/^Played to the end/);
    // It stopped on the last month holding a record: the demo case runs to the end of 2025.
    expect(((await timeWindow()) as NonNullable<Window>).from.slice(0, 4)).toBe('2025');
  }, 60_000);

  it('brings everything back when the window is cleared', async () => {
    await page.click('#time-clear');
    expect(await timeWindow()).toBeNull();
    expect(await page.textContent('#time-label')).toMatch(/^All time/);
    expect(await page.isDisabled('#time-clear')).toBe(true);
    expect((await shown()).nodes.length).toBe(all.nodes);
    expect(await expectTableAsCanvas()).toBe(all.table);
    expect(workspace.watched.errors.filter((error) => !/Failed to load resource/.test(error))).toEqual([]);
  }, 120_000);
});
