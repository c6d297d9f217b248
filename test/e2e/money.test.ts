/**
 * Money in the web app, in a real Chromium against the real server and the demo case: the Sankey
 * shows flows between syndicates and lists the money within one apart; the typology hits come
 * grouped by kind, largest first; and payments can be drawn as links payer -> payee whose payments
 * open one click away. Screenshots go to a temporary folder, or to docs/ when ARIADNE_SCREENSHOTS=docs.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import { type DemoWorkspace, openDemoWorkspace, SCREENSHOTS } from '../helpers/demo-workspace.ts';
import { settle } from '../helpers/readability.ts';

let page: Page;
let workspace: DemoWorkspace;

const shown = () => page.evaluate(() => window.__ariadne?.shown() ?? { nodes: [], edges: [] });
/** How many Payment nodes are drawn. */
const paymentsDrawn = async () =>
  page.evaluate(
    (keys) => keys.filter((key) => window.__ariadne?.attributes(key)?.entityType === 'Payment').length,
    (await shown()).nodes,
  );

beforeAll(async () => {
  workspace = await openDemoWorkspace(generateDemoCase({ scale: 1 }).records);
  page = workspace.page;
}, 480_000);

afterAll(async () => {
  await workspace?.close();
});

describe('money in the web app', () => {
  it('draws flows between syndicates only, and lists the money within a syndicate apart', async () => {
    await page.click('#tab-money');
    await page.click('#run-money');
    await page.waitForSelector('#panel-money[data-state="done"]', { timeout: 300_000 });
    const links = await page.$$eval('#sankey path.sankey-link', (paths) =>
      paths.map((p) => [p.getAttribute('data-from'), p.getAttribute('data-to')]),
    );
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter(([from, to]) => from === to)).toEqual([]);
    const within = await page.$$eval('#within-flows tbody tr', (rows) =>
      rows.map((row) => ({
        group: row.getAttribute('data-group'),
        name: row.querySelector('th')?.textContent ?? '',
        total: Number(row.getAttribute('data-total')),
      })),
    );
    expect(within.length).toBeGreaterThan(0);
    // Every group the table lists is one syndicate, named as elsewhere in the app.
    expect(within.every((row) => /syndicate/i.test(row.name))).toBe(true);
    expect(within.map((row) => row.total)).toEqual([...within.map((row) => row.total)].sort((a, b) => b - a));
    expect(await page.textContent('#money-currency')).toMatch(/converted into EUR/);
    await page.screenshot({ path: join(SCREENSHOTS, 'money-between-syndicates.png') });
  }, 400_000);

  it('groups the typology hits by kind, with counts and totals, largest first', async () => {
    const groups = await page.$$eval('#typology-hits details.typology-group', (details) =>
      details.map((d) => ({
        kind: d.getAttribute('data-kind'),
        total: Number(d.getAttribute('data-total')),
        summary: d.querySelector('summary')?.textContent ?? '',
        hits: [...d.querySelectorAll('li')].map((li) => ({
          kind: li.getAttribute('data-kind'),
          total: Number(li.getAttribute('data-total')),
        })),
      })),
    );
    expect(groups.length).toBeGreaterThan(1);
    expect(new Set(groups.map((g) => g.kind)).size).toBe(groups.length);
    expect(groups.map((g) => g.total)).toEqual([...groups.map((g) => g.total)].sort((a, b) => b - a));
    for (const group of groups) {
      expect(group.hits.every((hit) => hit.kind === group.kind)).toBe(true);
      const totals = group.hits.map((hit) => hit.total);
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
      expect(group.summary).toContain(`(${group.hits.length})`);
    }
    // A group folds away, and its hits highlight their payments.
    await page.click('#typology-hits details.typology-group:first-child summary');
    expect(await page.isVisible('#typology-hits details.typology-group:first-child li')).toBe(false);
    await page.click('#typology-hits details.typology-group:nth-child(2) li:first-child button');
    expect(await page.textContent('#status')).toMatch(/Open the whole case|payments highlighted/);
  });

  it('draws payments as links payer -> payee, lists a link’s payments, and gives the nodes back', async () => {
    await page.click('#tab-filters');
    await page.click('#open-case');
    await page.waitForSelector('#status:text("entities loaded")', { timeout: 240_000 });
    await page.click('#group-by-syndicate');
    await expect.poll(async () => (await shown()).nodes.length).toBeGreaterThan(4_000);
    const payments = await paymentsDrawn();
    expect(payments).toBeGreaterThan(1_000);
    const before = (await shown()).nodes.length;
    await page.click('#payments-as-links');
    await expect.poll(paymentsDrawn).toBe(0);
    expect((await shown()).nodes.length).toBe(before - payments);
    expect(await page.textContent('#payments-folded')).toContain(`${payments} payments drawn as links`);
    const links = (await shown()).edges.filter((edge) => edge.startsWith('m|'));
    expect(links.length).toBeGreaterThan(100);
    const labels = await page.evaluate(
      (keys) => keys.map((key) => window.__ariadne?.drawnEdge(key)?.label ?? ''),
      links,
    );
    expect(labels.every((label) => /^\d+ payments? · .+ · \d{4}-\d\d-\d\d/.test(label))).toBe(true);

    // The widest link, zoomed into at its middle, then clicked there.
    await page.evaluate(() => window.__ariadne?.stopLayout());
    await settle(page);
    const sizes = await page.evaluate(
      (keys) => keys.map((k) => window.__ariadne?.drawnEdge(k)?.size ?? 0),
      links,
    );
    const widest = links[sizes.indexOf(Math.max(...sizes))] as string;
    // A point `t` of the way along the link, on the page.
    const along = async (t: number) => {
      const [, payer, payee] = widest.split('|') as [string, string, string];
      const [a, b] = await page.evaluate(
        (ends) => ends.map((end) => window.__ariadne?.drawn(end)?.viewport),
        [payer, payee],
      );
      const box = await page.locator('#graph').boundingBox();
      if (!a || !b || !box) throw new Error(`${widest} is not drawn`);
      return { x: box.x + a.x + (b.x - a.x) * t, y: box.y + a.y + (b.y - a.y) * t };
    };
    const middle = () => along(0.5);
    for (let i = 0; i < 4; i++) {
      const at = await middle();
      await page.mouse.move(at.x, at.y);
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(400);
    }
    await settle(page);
    // Another node's disc may lie on the link's middle: click along it as an analyst would.
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      const at = await along(t);
      await page.mouse.click(at.x, at.y);
      const hit = await page
        .waitForSelector('#details[data-link^="m|"][data-state="ready"]', { timeout: 5_000 })
        .catch(() => null);
      if (hit) break;
    }
    await page.waitForSelector('#details[data-link^="m|"][data-state="ready"]');
    const clicked = (await page.getAttribute('#details', 'data-link')) as string;
    const label = (await page.evaluate((key) => window.__ariadne?.drawnEdge(key)?.label, clicked)) as string;
    const count = Number(label.split(' ')[0]);
    expect(await page.locator('#link-payments button').count()).toBe(count);
    await page.screenshot({ path: join(SCREENSHOTS, 'payments-as-links.png') });
    const payment = (await page.getAttribute('#link-payments button', 'data-id')) as string;
    await page.click(`#link-payments button[data-id="${payment}"]`);
    await page.waitForSelector('#details:is([data-state="ready"][data-entity], [data-state="error"])', {
      timeout: 90_000,
    });
    expect(
      await page.getAttribute('#details', 'data-entity'),
      (await page.textContent('#details')) ?? '',
    ).toBe(payment);
    expect(await page.textContent('#details .type')).toBe('Payment');

    await page.click('#payments-as-links');
    await expect.poll(paymentsDrawn).toBe(payments);
    expect((await shown()).edges.filter((edge) => edge.startsWith('m|'))).toEqual([]);
  }, 400_000);
});
