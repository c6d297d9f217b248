/**
 * The alert inbox in a real Chromium against the real server and the test Neo4j: an analyst watches a
 * vessel's IMO, another user imports a file naming it through the API, the count in the header rises,
 * and the analyst opens the alert on the canvas and makes a case of it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../server/ingest/index.ts';
import type { Store } from '../../server/store/store.ts';
import { startApi, TEST_PASSWORD, type TestApi } from '../helpers/api.ts';
import { launchBrowser, signIn, type TestBrowser, watchPage } from '../helpers/browser.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

const P = { handling: 'H0', sources: ['src-e2e'], grade: 'B2', gradeScheme: 'europol' };
const BASE = [
  { kind: 'entity', type: 'Source', id: 'src-e2e', name: 'Coastguard report', reference: 'CG-1', ...P },
  { kind: 'entity', type: 'Person', id: 'p-captain', name: 'Hamid Captain', roles: ['boat pilot'], ...P },
];
/** Imported by another user: the watched vessel, operated by a known captain. */
const NEWS = [
  JSON.stringify({ kind: 'entity', type: 'Vessel', id: 'v-star', name: 'Sea Star', imo: '9074729', ...P }),
  JSON.stringify({ kind: 'link', type: 'OPERATES', source: 'p-captain', target: 'v-star', ...P }),
];

let store: Store;
let api: TestApi;
let browser: TestBrowser;
let page: Page;
let watched: ReturnType<typeof watchPage>;

beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  await importRecords(store, BASE, { user: 'e2e', name: 'base' });
  api = await startApi({
    store,
    users: {
      analyst: { username: 'watching-analyst', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'NCA' },
      admin: { username: 'importing-admin', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'NCA' },
    },
  });
  const res = await api.fetch('/api/watches', {
    method: 'POST',
    role: 'analyst',
    json: {
      kind: 'identifier',
      scheme: 'imo',
      value: '9074729',
      purpose: 'vessel used in crossings',
      label: 'Sea Star',
    },
  });
  if (res.status !== 201) throw new Error(`the watch was not made: ${await res.text()}`);
  browser = await launchBrowser();
  page = await browser.newPage();
  watched = watchPage(page);
  await signIn(page, api.base, 'watching-analyst', TEST_PASSWORD);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await clearDatabase(store);
  await store?.close();
});

describe('the alert inbox', () => {
  it('shows the count rise after another user imports a file naming a watched vessel', async () => {
    await page.waitForSelector('#inbox-count[data-unread="0"]');
    const upload = await api.fetch('/api/imports?format=ndjson', {
      method: 'POST',
      role: 'admin',
      headers: { 'content-type': 'application/octet-stream' },
      body: `${NEWS.join('\n')}\n`,
    });
    expect(upload.status).toBe(202);
    await page.waitForSelector('#inbox-count[data-unread="1"]', { timeout: 120_000 });
  });

  it('lists the alert, opens it on the canvas, and opens a case from it', async () => {
    await page.click('#inbox-button');
    await page.waitForSelector('#inbox li.alert.unread');
    expect(await page.textContent('#inbox li.alert .reason')).toContain('imo');
    expect(await page.textContent('#inbox li.alert .records')).toContain('Sea Star');
    await page.click('#inbox li.alert button.open-canvas');
    await expect
      .poll(() => page.evaluate(() => window.__ariadne?.shown().nodes ?? []), { timeout: 60_000 })
      .toEqual(expect.arrayContaining(['p-captain', expect.stringMatching(/^v-star/)]));
    await page.waitForSelector('#inbox-count[data-unread="0"]');
    await page.click('#inbox li.alert button.open-case');
    await page.waitForSelector('#status:text("Case")', { timeout: 60_000 });
    const cases = (await (await api.fetch('/api/cases', { role: 'analyst' })).json()) as {
      cases: { id: string; counts: { total: number } }[];
    };
    expect(cases.cases).toHaveLength(1);
    expect(cases.cases[0]?.counts.total).toBe(1);
    // Failed loads are the sign-in page's first probe (401) and reads a loaded machine answered late.
    expect(watched.errors.filter((error) => !/Failed to load resource/.test(error))).toEqual([]);
    expect(watched.dialogs).toEqual([]);
  });
});
