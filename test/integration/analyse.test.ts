import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_CLEARANCE } from '../../server/auth/context.ts';
import { analyseStore } from '../../server/runner/analyse-store.ts';
import { readLatestRun, readRunResults } from '../../server/store/analysis-runs.ts';
import { partitionOf } from '../../server/store/analysis-scores.ts';
import { ingestRecords } from '../../server/store/ingest-writes.ts';
import type { Store } from '../../server/store/store.ts';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import { runCli } from '../helpers/cli.ts';
import { clearDatabase, openTestStore, testEnv } from '../helpers/neo4j.ts';

// The people and the money of the demo case: enough for communities, key players and typologies,
// and quicker to load than the whole case.
const demo = generateDemoCase();
const KEEP = new Set(['Source', 'Case', 'Person', 'Organisation', 'Account', 'Payment', 'Offence']);
const all = [...demo.records];
const kept = new Set(all.filter((r) => r.kind !== 'link' && KEEP.has(r.type)).map((r) => r.id));
const records = all.filter((r) =>
  r.kind === 'link' ? kept.has(String(r.source)) && kept.has(String(r.target)) : kept.has(r.id),
);

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  const result = await ingestRecords(store, records);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
});
afterAll(async () => {
  await clearDatabase(store);
  await store.close();
});

const countRuns = async () =>
  Number((await store.read('MATCH (r:AnalysisRun) RETURN count(r) AS n')).records[0]?.get('n'));

describe('ariadne analyse against the database', () => {
  let json: Record<string, unknown> & {
    entities: Record<string, Record<string, number>>;
    communities: { members: string[] }[];
    money: { typologies: { kind: string; parties: string[]; payments: string[] }[] };
    run: string;
  };

  it('prints the result as JSON: modularity, communities with members, scores per entity, typologies', async () => {
    const result = await runCli(['analyse', '--only', 'communities,centrality,money', '--json'], testEnv());
    expect(result.code).toBe(0);
    json = JSON.parse(result.stdout);
    expect(json.modularity).toBeGreaterThan(0.3);
    expect(json.communities.length).toBeGreaterThan(1);
    expect(json.communities[0]?.members.length).toBeGreaterThan(0);
    const broker = json.entities[demo.truth.terrorism.brokerId];
    expect(broker).toMatchObject({
      community: expect.any(Number),
      degree: expect.any(Number),
      betweenness: expect.any(Number),
      pagerank: expect.any(Number),
    });
    expect(json.money.typologies.length).toBeGreaterThan(0);
    for (const hit of json.money.typologies) {
      expect(typeof hit.kind).toBe('string');
      expect(hit.parties.length).toBeGreaterThan(0);
      expect(hit.payments.length).toBeGreaterThan(0);
    }
  });

  it('writes the run back: an AnalysisRun node and the scores on the entities', async () => {
    const run = await readLatestRun(store, 'analyse', {});
    expect(run?.id).toBe(json.run);
    expect(run?.createdBy).toBe('cli');
    expect(run?.counts.entities).toBe(kept.size);
    const scores = await readRunResults(store, json.run);
    const broker = demo.truth.terrorism.brokerId;
    expect(scores[broker]?.community).toBe(json.entities[broker]?.community);
    expect(scores[broker]?.betweenness).toBeCloseTo(json.entities[broker]?.betweenness as number, 10);
  });

  it('replaces the run of the same kind and scope, and keeps the run of another scope', async () => {
    const first = json.run;
    const again = await analyseStore(store, {
      scope: {},
      clearance: FULL_CLEARANCE,
      createdBy: 'test',
      options: { only: ['communities'] },
    });
    expect(again.run.replaced).toEqual([first]);
    expect(await countRuns()).toBe(1);
    // The earlier run's centralities went with it: this run computed none.
    const partition = partitionOf(FULL_CLEARANCE);
    const left = await store.read(
      `MATCH (n:Person) WHERE n.a_${partition}_betweenness IS NOT NULL OR n.a_${partition}_run = $first
       RETURN count(n) AS n`,
      { first },
    );
    expect(Number(left.records[0]?.get('n'))).toBe(0);
    const caseRun = await runCli(
      ['analyse', '--case', demo.truth.caseId, '--only', 'communities', '--json'],
      testEnv(),
    );
    expect(caseRun.code).toBe(0);
    expect(await countRuns()).toBe(2);
    expect((await readLatestRun(store, 'analyse', {}))?.id).toBe(again.run.id);
  });

  it('refuses an unknown case and an unknown analysis with a usage error', async () => {
    const noCase = await runCli(['analyse', '--case', 'Operation Nowhere'], testEnv());
    expect(noCase.code).toBe(2);
    expect(noCase.stderr).toMatch(/no case has the id or name "Operation Nowhere"/);
    const bad = await runCli(['analyse', '--only', 'astrology'], testEnv());
    expect(bad.code).toBe(2);
  });
});

describe('ariadne trace, paths and disrupt', () => {
  const { brokerId, organisationId, paymentIds } = demo.truth.terrorism;

  it('traces the broker’s money forward to the armed group', async () => {
    const result = await runCli(['trace', brokerId, '--json'], testEnv());
    expect(result.code).toBe(0);
    const trace = JSON.parse(result.stdout) as {
      totals: { party: string; payments: number }[];
      currency: string;
    };
    expect(trace.currency).toBe('EUR');
    expect(trace.totals.find((t) => t.party === organisationId)?.payments).toBe(paymentIds.length);
  });

  it('gives the paths from the broker to the armed group, with link types and grades', async () => {
    const result = await runCli(['paths', brokerId, organisationId, '--max-hops', '2', '--json'], testEnv());
    expect(result.code).toBe(0);
    const paths = JSON.parse(result.stdout) as {
      distance: number;
      shortest: { nodes: { id: string }[]; steps: { linkType: string; grade?: string }[][] }[];
    };
    expect(paths.distance).toBe(2);
    expect(paths.shortest.map((p) => p.nodes[1]?.id).sort()).toEqual([...paymentIds].sort());
    expect(paths.shortest[0]?.steps[0]?.[0]).toMatchObject({ linkType: 'PAID', grade: expect.any(String) });
  });

  it('simulates removing the broker, and the money paths it cuts', async () => {
    const result = await runCli(['disrupt', '--remove', brokerId, '--json'], testEnv());
    expect(result.code).toBe(0);
    const disruption = JSON.parse(result.stdout) as {
      removed: { id: string }[];
      moneyPathsCut: { payer: string; payee: string }[];
    };
    expect(disruption.removed.map((r) => r.id)).toEqual([brokerId]);
    expect(disruption.moneyPathsCut.length).toBeGreaterThan(0);
  });

  it('picks the top entities by a strategy, never a smuggled person', async () => {
    const result = await runCli(['disrupt', '--strategy', 'degree', '--k', '2', '--json'], testEnv());
    expect(result.code).toBe(0);
    const removed = (JSON.parse(result.stdout) as { removed: { id: string }[] }).removed.map((r) => r.id);
    expect(removed).toHaveLength(2);
    const smuggled = new Set(
      records
        .filter((r) => r.type === 'Person' && String(r.roles ?? '').includes('smuggled'))
        .map((r) => r.id),
    );
    for (const id of removed) expect(smuggled.has(id)).toBe(false);
  });
});
