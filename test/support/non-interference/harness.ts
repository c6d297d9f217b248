/**
 * One database pair of the non-interference harness: the same sequence of requests by low users is
 * sent to the server over D and then over D' (D plus records beyond those users' clearance, runs
 * and audit events about them), on one throwaway Neo4j emptied in between. Partway through, a
 * steward changes the users' clearance (revokes a code, adds one) and re-grades a record; at the end
 * an admin among them tries to grant what they do not hold. The answers are returned for comparison,
 * with what changed in the hidden records of D' from just before the sequence to its end.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { backgroundAlertsSettled } from '../../../server/alerts/index.ts';
import { updateUserRecord } from '../../../server/store/users.ts';
import { ensureTestUser, startApi, TEST_PASSWORD, type TestApi } from '../../helpers/api.ts';
import { ingestRecords } from '../../../server/store/ingest-writes.ts';
import type { Store } from '../../../server/store/store.ts';
import { type Answer, type ClientOptions, sendProbe } from './client.ts';
import { compareAnswers, type Difference } from './compare.ts';
import { hiddenSnapshot } from './hidden-snapshot.ts';
import { IdNames } from './normalise.ts';
import { generatedProbes, namedProbes, type Probe } from './plan.ts';
import type { Json } from './schema-values.ts';
import { stewardViewsAndNotes, viewProbes } from './view-probes.ts';
import { generateWorld, LOW_CLEARANCE, OWNER_AGENCY, type World } from './world.ts';

export interface PairOptions {
  /** Generated probes per operation in the first phase (each aimed differently); the second sends one. */
  variants: number;
  /** Report formats asked for by the admin in the first phase (the analyst asks html and md). */
  reports: string[];
}

export interface WorldRun {
  answers: Answer[];
  /** Hidden records changed by the sequence, as `id: before -> after` (D' only). */
  hiddenChanges: string[];
  ms: number;
}

const ROLES = ['admin', 'analyst'] as const;

async function load(store: Store, world: World, withHidden: boolean): Promise<void> {
  await store.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  const loaded = await ingestRecords(store, world.visible, { user: 'ni-loader' });
  if (!loaded.ok) throw new Error(`D does not load: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
  if (!withHidden) return;
  const more = await ingestRecords(store, world.hidden, { user: 'ni-loader' });
  if (!more.ok) throw new Error(`D' does not load: ${JSON.stringify(more.issues.slice(0, 3))}`);
  const entry = JSON.stringify({
    field: 'name',
    old: 'Abu Layla',
    new: 'Abu Karim',
    source: world.pools.hidden.source.id,
  });
  await store.write(
    `UNWIND $ids AS id MATCH (n {id: id})
     SET n.sources = coalesce(n.sources, []) + $source, n.conflicts = coalesce(n.conflicts, []) + $entry`,
    { ids: world.citations, source: world.pools.hidden.source.id, entry },
  );
}

function trace(line: string): void {
  if (process.env.NI_TRACE) appendFileSync(process.env.NI_TRACE, `${line}\n`);
}

async function call(api: TestApi, token: string, path: string, init: RequestInit & { json?: unknown } = {}) {
  const t = Date.now();
  const res = await api.fetch(path, { ...init, token });
  trace(`steward ${Date.now() - t}ms ${res.status} ${init.method ?? 'GET'} ${path}`);
  const text = await res.text();
  return { status: res.status, location: res.headers.get('location'), etag: res.headers.get('etag'), text };
}

async function waitForJob(api: TestApi, token: string, location: string | null): Promise<string> {
  if (!location) throw new Error('a steward job did not start');
  for (let i = 0; i < 180; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const job = JSON.parse((await call(api, token, location)).text) as { status: string };
    if (job.status !== 'running') return location;
  }
  throw new Error(`steward job ${location} did not finish`);
}

/** What the steward does before the sequence: in both worlds a full run; in D' also reads, a run, a report and an import about hidden records. */
async function stewardSetUp(api: TestApi, token: string, world: World, withHidden: boolean) {
  const kept = new Map<string, string>();
  const full = await call(api, token, '/api/analyses/runs', { method: 'POST', json: { seed: 3 } });
  await waitForJob(api, token, full.location);
  await stewardViewsAndNotes(api, token, world, withHidden, kept);
  if (!withHidden) {
    // The steward's run and import about hidden records exist in D' only: in D the same probes name
    // ids that exist nowhere, which the users must not be able to tell apart.
    kept.set('steward:run', `/api/analyses/runs/${randomUUID()}`);
    kept.set('steward:import', `/api/imports/${randomUUID()}`);
    return kept;
  }
  const h = world.pools.hidden;
  await call(api, token, `/api/entities/${encodeURIComponent(h.people[0] as string)}`);
  await call(api, token, `/api/cases/${h.case.id}`);
  await call(api, token, `/api/check/vessel?imo=${h.vessel.imo}`);
  await call(api, token, `/api/check/document?number=${h.document.number}`);
  const run = await call(api, token, '/api/analyses/runs', { method: 'POST', json: { case: h.case.id } });
  kept.set('steward:run', await waitForJob(api, token, run.location));
  await call(api, token, `/api/reports?format=md&case=${encodeURIComponent(h.case.name)}`);
  const record = {
    kind: 'entity',
    type: 'Person',
    sourceRef: 'covert-9',
    name: 'Covert courier',
    handling: 'H3',
    handlingCondition: 'Covert source: no dissemination',
  };
  const file = `${JSON.stringify({ ...record, restrictedTo: [OWNER_AGENCY], sources: [h.source.id] })}\n`;
  const imported = await api.fetch(`/api/imports?format=ndjson&case=${encodeURIComponent(h.case.name)}`, {
    method: 'POST',
    token,
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });
  if (imported.status !== 202) throw new Error(`steward import: ${imported.status} ${await imported.text()}`);
  kept.set('steward:import', await waitForJob(api, token, imported.headers.get('location')));
  return kept;
}

/** The steward's change partway through: each low user's codes, and one record's handling code. */
async function changeClearance(api: TestApi, token: string, world: World): Promise<void> {
  // As the operator would (`ariadne users`): an admin of the data's agency may not change users of
  // another agency, and the low users' own admin may not grant what it does not hold.
  for (const role of ROLES) {
    const clearance = LOW_CLEARANCE[world.kind].after;
    const changed = await updateUserRecord(api.store, api.usernames[role], { clearance });
    if (changed === null) throw new Error(`clearance change: no user ${api.usernames[role]}`);
  }
  const id = encodeURIComponent(world.pools.regrade);
  const read = await call(api, token, `/api/entities/${id}`);
  const patched = await call(api, token, `/api/entities/${id}`, {
    method: 'PATCH',
    headers: { 'if-match': read.etag ?? '"1"' },
    json: { properties: { handling: 'H1' } },
  });
  if (patched.status !== 200) throw new Error(`re-grade: ${patched.status} ${patched.text}`);
}

/** The end of the admin's sequence: grant a dummy user what the admin does not hold, and use it. */
function escalationProbes(world: World): Probe[] {
  const all = ['H0', 'H1', 'H2', 'H3'];
  return [
    {
      op: 'PATCH /api/users/{username}',
      method: 'PATCH',
      path: '/api/users/ni-dummy',
      body: {
        clearance: all,
        agency: OWNER_AGENCY,
        disabled: false,
        password: TEST_PASSWORD,
        role: 'viewer',
      },
    },
    ...[`/api/entities/${world.pools.hidden.people[0]}`, `/api/cases/${world.pools.hidden.case.id}`].map(
      (path) => ({
        op: `GET ${path.startsWith('/api/cases') ? '/api/cases/{id}' : '/api/entities/{id}'}`,
        method: 'GET',
        path,
        asDummy: true,
      }),
    ),
  ];
}

interface Sequence {
  role: (typeof ROLES)[number];
  names: IdNames;
  kept: Map<string, string>;
  token: string;
}

async function runPhase(
  api: TestApi,
  seq: Sequence,
  phase: string,
  probes: Probe[],
  answers: Answer[],
  login: (username: string) => Promise<string>,
) {
  const username = api.usernames[seq.role];
  const client: ClientOptions = {
    base: api.base,
    user: seq.role,
    phase,
    token: seq.token,
    login: () => login(username),
    kept: seq.kept,
    names: seq.names,
  };
  for (const probe of probes) {
    const dummy = (probe as Probe & { asDummy?: boolean }).asDummy;
    const options = dummy ? { ...client, token: await login('ni-dummy').catch(() => 'signed-out') } : client;
    const t = Date.now();
    const got = await sendProbe(options, probe);
    // A border check's or an edit's alerts are raised in the background: the next probe may read them.
    await backgroundAlertsSettled();
    trace(
      `${seq.role} ${phase} ${Date.now() - t}ms ${got.map((a) => `${a.status} ${a.request.slice(0, 140)}`).join(' | ')}`,
    );
    answers.push(...got);
  }
}

/** Runs the sequence over D (`withHidden` false) or D'. */
export async function runWorld(
  store: Store,
  world: World,
  withHidden: boolean,
  options: PairOptions,
): Promise<WorldRun> {
  const started = Date.now();
  trace(`world ${withHidden ? "D'" : 'D'} of ${world.kind} seed ${world.seed}`);
  await load(store, world, withHidden);
  trace(`loaded in ${Date.now() - started}ms`);
  const low = LOW_CLEARANCE[world.kind];
  const user = (role: string) => ({ username: `ni-${role}`, clearance: low.before, agency: low.agency });
  const api = await startApi({
    store,
    users: { viewer: user('viewer'), analyst: user('analyst'), admin: user('admin') },
  });
  try {
    await ensureTestUser(store, {
      username: 'ni-steward',
      role: 'admin',
      clearance: ['H0', 'H1', 'H2', 'H3'],
      agency: OWNER_AGENCY,
    });
    await ensureTestUser(store, { username: 'ni-dummy', role: 'viewer', clearance: ['H0'] });
    const steward = await api.login('ni-steward');
    const stewardKept = await stewardSetUp(api, steward, world, withHidden);
    const before = withHidden ? await hiddenSnapshot(store, world.kind) : new Map<string, string>();
    const doc = (await (await api.fetch('/api/openapi.json')).json()) as Json;
    const usernames = Object.values(api.usernames);
    const answers: Answer[] = [];
    const sequences: Sequence[] = ROLES.map((role) => ({
      role,
      names: new IdNames(),
      kept: new Map(stewardKept),
      token: api.tokens[role],
    }));
    const plan = (seq: Sequence, phase: string, variants: number, reports: string[]) => [
      ...generatedProbes(doc, { doc, world, usernames, role: seq.role, seed: world.seed, phase }, variants),
      ...namedProbes(world, phase, reports),
      ...viewProbes(world, phase, usernames),
    ];
    for (const seq of sequences) {
      const reports = seq.role === 'admin' ? options.reports : ['html', 'md'];
      await runPhase(api, seq, 'A', plan(seq, 'A', options.variants, reports), answers, api.login);
    }
    await changeClearance(api, steward, world);
    for (const seq of sequences) {
      // A fresh session reads the clearance of the moment (a session is trusted from memory for 5 s).
      seq.token = await api.login(api.usernames[seq.role]);
      const probes = plan(seq, 'B', 1, ['md']);
      if (seq.role === 'admin') probes.push(...escalationProbes(world));
      await runPhase(api, seq, 'B', probes, answers, api.login);
    }
    const after = withHidden ? await hiddenSnapshot(store, world.kind) : new Map<string, string>();
    const hiddenChanges = [...new Set([...before.keys(), ...after.keys()])]
      .filter((id) => before.get(id) !== after.get(id))
      .map((id) => `${id}: ${before.get(id) ?? '(absent)'} -> ${after.get(id) ?? '(absent)'}`);
    return { answers, hiddenChanges, ms: Date.now() - started };
  } finally {
    await api.close();
  }
}

export interface PairResult {
  kind: World['kind'];
  seed: number;
  /** Requests compared (answers recorded per world, follow-up reads of jobs included). */
  requests: number;
  /** Operations of the OpenAPI document asked at least once, by `METHOD /path`. */
  operations: Set<string>;
  differences: Difference[];
  hiddenChanges: string[];
  ms: number;
}

/** Generates the pair of a seed, runs the sequence over D and D', and compares. */
export async function runPair(
  store: Store,
  kind: World['kind'],
  seed: number,
  options: PairOptions,
): Promise<PairResult> {
  const world = generateWorld(kind, seed);
  const d = await runWorld(store, world, false, options);
  const dPrime = await runWorld(store, world, true, options);
  return {
    kind,
    seed,
    requests: d.answers.length,
    operations: new Set(d.answers.map((a) => a.op)),
    differences: compareAnswers(d.answers, dPrime.answers),
    hiddenChanges: dPrime.hiddenChanges,
    ms: d.ms + dPrime.ms,
  };
}
