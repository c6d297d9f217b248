import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestRecords } from '../../server/store/ingest-writes.ts';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import type { Store } from '../../server/store/store.ts';
import { startApi, type TestApi } from '../helpers/api.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

const demo = generateDemoCase();
// The case frame (sources, the case, places) is enough to exercise the endpoint without the cost of
// analysing the whole demo case, which report.test.ts covers.
const frame = [...demo.records].filter(
  (r) => r.kind !== 'link' && ['Source', 'Case', 'Location'].includes(r.type),
);

let store: Store;
let api: TestApi;
beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  const written = await ingestRecords(store, frame);
  if (!written.ok) throw new Error(JSON.stringify(written.issues.slice(0, 3)));
  api = await startApi({ store });
});
afterAll(async () => {
  await api.close();
  await clearDatabase(store);
  await store.close();
});

describe('GET and POST /api/reports', () => {
  it('give an analyst the Markdown report as an attachment under its own policy, and audit it', async () => {
    const res = await api.fetch(
      `/api/reports?case=${encodeURIComponent(demo.truth.caseId)}&period=2025-01-01..2025-12-31&format=md`,
      { role: 'analyst' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ariadne-report.md"');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-handling-code')).toBe('H0');
    const text = await res.text();
    expect(text).toContain('## 1. Summary');
    expect(text).toContain('Period 2025-01-01 to 2025-12-31, compared with 2024-01-01 to 2024-12-31');
    const events = await api.store.read<{ n: number }>(
      "MATCH (e:AuditEvent) WHERE e.action = 'report.build' RETURN count(e) AS n",
    );
    expect(Number(events.records[0]?.get('n'))).toBeGreaterThan(0);
  });

  it('give the HTML page through POST with no script in it', async () => {
    const res = await api.fetch('/api/reports', {
      role: 'analyst',
      method: 'POST',
      json: { format: 'html' },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h2>10. Annex</h2>');
    expect(html).not.toMatch(/<script|src="http|href="http/);
  });

  it("let the web app's policy allow the page's one stylesheet, by its hash, for the preview", async () => {
    const res = await api.fetch('/api/reports', {
      role: 'analyst',
      method: 'POST',
      json: { format: 'html' },
    });
    const styles = [...(await res.text()).matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
    expect(styles).toHaveLength(1);
    const hash = createHash('sha256')
      .update(styles[0] ?? '')
      .digest('base64');
    const policy = (await api.fetch('/')).headers.get('content-security-policy') ?? '';
    const styleSrc = policy.split(';').find((d) => d.trim().startsWith('style-src')) ?? '';
    expect(styleSrc).toContain(`'sha256-${hash}'`);
    expect(policy).toMatch(/script-src 'self'(;|$)/);
  });

  it('refuse viewers, unknown formats and cases the caller cannot see', async () => {
    expect((await api.fetch('/api/reports?format=md', { role: 'viewer' })).status).toBe(403);
    expect((await api.fetch('/api/reports?format=docx', { role: 'analyst' })).status).toBe(400);
    expect((await api.fetch('/api/reports?case=nowhere&format=md', { role: 'analyst' })).status).toBe(404);
  });
});
