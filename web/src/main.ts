// The first page: service health and what the graph holds. Data reaches the page only as text.
import type { Health, Stats } from '../../server/schema/api/health.ts';

async function getJson<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(path, { credentials: 'same-origin' });
  return { status: response.status, body: (await response.json()) as T };
}

function showHealth(health: Health): void {
  const el = document.getElementById('health');
  if (!el) return;
  el.dataset.state = health.status;
  el.textContent =
    health.status === 'ok'
      ? `Ready: Neo4j ${health.neo4j.version ?? '?'} answers.`
      : `Neo4j is unavailable: ${health.reason ?? 'no answer'}`;
}

function showCounts(stats: Stats): void {
  const body = document.querySelector('#counts tbody');
  if (!body) return;
  body.replaceChildren();
  const rows = [...Object.entries(stats.nodes), ...Object.entries(stats.relationships)].filter(
    ([, n]) => n > 0,
  );
  for (const [name, count] of rows) {
    const tr = document.createElement('tr');
    for (const text of [name, count.toLocaleString('en')]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    body.append(tr);
  }
}

async function refresh(): Promise<void> {
  const health = await getJson<Health>('/healthz');
  showHealth(health.body);
  if (health.status === 200) showCounts((await getJson<Stats>('/api/stats')).body);
}

refresh().catch((error: unknown) => {
  const el = document.getElementById('health');
  if (el) el.textContent = `The service does not answer: ${String(error)}`;
});
