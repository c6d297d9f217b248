/**
 * What the browser tests of the workspace share: the demo case in the test Neo4j, the real server
 * with a low-clearance viewer and a full-clearance Europol analyst, and a Chromium page signed in as
 * the analyst; and where screenshots go (a temporary folder, or docs/ when ARIADNE_SCREENSHOTS=docs,
 * so that a clone stays clean after `npm test`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ingestRecords } from '../../server/store/ingest-writes.ts';
import type { Store } from '../../server/store/store.ts';
import type { DemoRecord } from '../../seeds/demo/types.ts';
import { startApi, TEST_PASSWORD, type TestApi } from './api.ts';
import { launchBrowser, signIn, type TestBrowser, watchPage } from './browser.ts';
import { clearDatabase, openTestStore } from './neo4j.ts';

/** The folder screenshots are written to. */
export const SCREENSHOTS =
  process.env.ARIADNE_SCREENSHOTS === 'docs'
    ? join(import.meta.dirname, '..', '..', 'docs')
    : mkdtempSync(join(tmpdir(), 'ariadne-screenshots-'));

/** The names the demo case's five syndicates are shown by (their Organisations' names). */
export const DEMO_SYNDICATES = [
  'Aegean crossings syndicate',
  'Balkan corridor syndicate',
  'Cordillera passage syndicate',
  'Petite Cote pirogue syndicate',
  'Zuwara coast syndicate',
];

/** The open workspace of a browser test. */
export interface DemoWorkspace {
  store: Store;
  api: TestApi;
  browser: TestBrowser;
  page: Page;
  watched: ReturnType<typeof watchPage>;
  close(): Promise<void>;
}

/** Loads the records (the demo case), runs `prepare` on the store, and signs the analyst in. */
export async function openDemoWorkspace(
  records: Iterable<DemoRecord>,
  prepare: (store: Store) => Promise<void> = async () => {},
): Promise<DemoWorkspace> {
  const store = await openTestStore();
  await clearDatabase(store);
  const loaded = await ingestRecords(store, records, { user: 'e2e' });
  if (!loaded.ok) throw new Error(`the demo case did not load: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
  await prepare(store);
  const api = await startApi({
    store,
    users: {
      viewer: { username: 'low-viewer', clearance: ['H0', 'H1'], agency: 'Frontex' },
      analyst: { username: 'europol-analyst', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Europol' },
    },
  });
  const browser = await launchBrowser();
  const page = await browser.newPage();
  const watched = watchPage(page);
  await signIn(page, api.base, 'europol-analyst', TEST_PASSWORD);
  return {
    store,
    api,
    browser,
    page,
    watched,
    close: async () => {
      await browser.close();
      await api.close();
      await store.close();
    },
  };
}
