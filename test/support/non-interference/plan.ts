/**
 * The request sequence of one low user, the same against D and D': every operation of the OpenAPI
 * document the user's role may call (read from the document at run time, parameters and bodies
 * generated from its schemas, aimed at hidden, visible and missing records in turn), then the probes
 * the issue names one by one: every export format, a report in each format, an analysis run with each
 * of its parts, a money trace, document and vessel checks, imports (dry run and real) naming hidden
 * ids, a hidden link's type and ends, hidden natural keys, the hidden case and the hidden Source.
 */
import { PART_NAMES } from '../../../server/api/routes/analysis-parts.ts';
import { type Aim, type Json, sampleOf, type ValueContext, valueArbitrary } from './schema-values.ts';
import { importProbes } from './upload-probes.ts';
import type { World } from './world.ts';

export interface Probe {
  /** The operation as the OpenAPI document names it: `GET /api/entities/{id}`. */
  op: string;
  method: string;
  /** The concrete path; `{{name}}` is replaced by an id the sequence kept earlier. */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  /** A file sent as the raw body (imports). */
  upload?: string;
  /** Sent from a session of its own, signed in just before (a logout must not end the sequence). */
  freshSession?: boolean;
  /** Keep the answer's Location under this name. */
  keep?: string;
  /** Poll the Location until the job has finished, and compare the final status too. */
  follow?: boolean;
  /** Send `If-Match` with the version this user reads of that entity just before. */
  ifMatchOf?: string;
}

export interface Operation {
  method: string;
  path: string;
  roles: string[] | undefined;
  spec: Json;
}

/** Every operation of the document. */
export function operationsOf(doc: Json): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Json>))
    for (const [method, spec] of Object.entries(methods as Record<string, Json>))
      out.push({ method: method.toUpperCase(), path, roles: spec['x-roles'] as string[] | undefined, spec });
  return out;
}

export const opName = (o: { method: string; path: string }) => `${o.method} ${o.path}`;

const JOB_TOKENS: [RegExp, string][] = [
  [/^\/api\/analyses\/runs\/\{id\}/, 'run'],
  [/^\/api\/imports\/\{id\}/, 'import'],
  [/^\/api\/views\/\{id\}/, 'view'],
];

function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

interface PlanContext extends Omit<ValueContext, 'aim' | 'asText'> {
  role: string;
  seed: number;
  phase: string;
}

function pathValue(o: Operation, name: string, schema: Json, ctx: ValueContext, seed: number): string {
  const job = JOB_TOKENS.find(([re]) => re.test(o.path) && name === 'id');
  if (job) return ctx.aim === 'hidden' ? `{{steward:${job[1]}}}` : `{{${job[1]}}}`;
  return String(sampleOf(valueArbitrary(schema, name, ctx), seed));
}

/** One generated probe of an operation, aimed at hidden, visible or mixed records. */
function generatedProbe(o: Operation, aim: Aim, ctx: PlanContext, variant: number): Probe {
  const seed = (ctx.seed ^ hash(`${opName(o)}:${ctx.phase}:${variant}`)) >>> 0;
  const text: ValueContext = { ...ctx, aim, asText: true };
  const params = (o.spec.parameters ?? []) as Json[];
  let path = o.path;
  for (const p of params.filter((p) => p.in === 'path')) {
    const value = pathValue(o, String(p.name), p.schema as Json, text, seed);
    path = path.replace(`{${p.name}}`, value.startsWith('{{') ? value : encodeURIComponent(value));
  }
  const queryParams = params.filter((p) => p.in === 'query');
  const shape = {
    type: 'object',
    properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])),
    required: queryParams.filter((p) => p.required).map((p) => p.name),
  };
  const query = sampleOf(valueArbitrary(shape, undefined, text), seed) as Record<string, string>;
  const probe: Probe = { op: opName(o), method: o.method, path, query };
  const content = (o.spec.requestBody as Json | undefined)?.content as Json | undefined;
  const bodySchema = (content?.['application/json'] as Json | undefined)?.schema as Json | undefined;
  if (bodySchema)
    probe.body = sampleOf(valueArbitrary(bodySchema, undefined, { ...text, asText: false }), seed);
  return special(probe, ctx);
}

/** What some operations need around the generated values to be asked at all. */
function special(probe: Probe, ctx: PlanContext): Probe {
  if (probe.op === 'POST /api/auth/logout') return { ...probe, freshSession: true };
  if (probe.op === 'POST /api/auth/login') {
    const body = probe.body as Json;
    // Never a wrong password for a real user: five of those lock the account for the rest of the run.
    if (body.username !== 'ni-dummy' || body.password !== 'correct horse battery staple')
      return { ...probe, body: { username: 'ni-nobody', password: String(body.password) } };
  }
  if (probe.op === 'PATCH /api/entities/{id}')
    return { ...probe, ifMatchOf: decodeURIComponent(idOf(probe)) };
  if (probe.op === 'POST /api/analyses/runs') return { ...probe, keep: `run-${ctx.phase}`, follow: true };
  if (probe.op === 'POST /api/imports') {
    const upload = '{"type":"Person","sourceRef":"ni-1","name":"Generated probe"}\n';
    return { ...probe, upload, keep: `import-generated-${ctx.phase}`, follow: true };
  }
  if (probe.op === 'PATCH /api/users/{username}' || probe.op === 'POST /api/users') {
    // An admin's changes to users are probed on the dummy user only: the low users stay as they are.
    const body = { ...(probe.body as Json) };
    if (probe.op === 'POST /api/users') body.username = `ni-new-${ctx.phase}`;
    return { ...probe, body };
  }
  return probe;
}

function idOf(probe: Probe): string {
  return probe.path.split('/')[3] ?? '';
}

const AIMS: Aim[] = ['hidden', 'visible', 'mixed', 'hidden', 'visible'];

/** Every operation the role may call, `variants` times each with different aims. */
export function generatedProbes(doc: Json, ctx: PlanContext, variants: number): Probe[] {
  const probes: Probe[] = [];
  for (const o of operationsOf(doc)) {
    // An operation the role may not call is asked once: its refusal must not depend on hidden records.
    if (o.roles && !o.roles.includes(ctx.role)) {
      probes.push(generatedProbe(o, 'hidden', ctx, 0));
      continue;
    }
    for (let v = 0; v < variants; v++) probes.push(generatedProbe(o, AIMS[v % AIMS.length] as Aim, ctx, v));
  }
  // Runs and imports kept by name are read after they start, not before.
  return [...probes.filter((p) => p.keep), ...probes.filter((p) => !p.keep)];
}

const PARTS = PART_NAMES;

const get = (path: string, query: Record<string, string> = {}, op = `GET ${path}`): Probe => ({
  op,
  method: 'GET',
  path,
  query,
});

/** The probes the issue names, for a user who may analyse and export. */
export function namedProbes(world: World, phase: string, reports: string[]): Probe[] {
  const p = world.pools;
  const h = p.hidden;
  const probes: Probe[] = [...watchProbes(world)];
  for (const format of ['ndjson', 'gexf', 'graphml']) probes.push(get('/api/export', { format }));
  for (const table of ['entities', 'links']) probes.push(get('/api/export', { format: 'csv', table }));
  probes.push(get('/api/export', { format: 'ndjson', case: h.case.name }));
  probes.push(get('/api/export', { format: 'csv', case: p.cases[0]?.id as string, table: 'links' }));
  // Exports made in the web app name their records: visible ones, a hidden entity, a hidden link.
  const viewExport = (body: Json): Probe => ({
    op: 'POST /api/export/view',
    method: 'POST',
    path: '/api/export/view',
    body,
  });
  probes.push(
    viewExport({ format: 'csv', entities: p.people.slice(0, 6) }),
    viewExport({ format: 'png', entities: [p.people[0] as string, h.people[0] as string] }),
    viewExport({ format: 'gexf', entities: [...p.twins], links: h.linkIds.slice(0, 2) }),
  );
  // The view's GEXF, written by the server with the reader's scores (once a run below has some).
  const viewGexf = (body: Json): Probe => ({
    op: 'POST /api/export/view/gexf',
    method: 'POST',
    path: '/api/export/view/gexf',
    body,
  });
  const people = { entities: p.people.slice(0, 8) };
  probes.push(
    viewGexf(people),
    viewGexf({ entities: [...p.twins], links: h.linkIds.slice(0, 2) }),
    viewGexf({ entities: [p.people[0] as string, h.people[0] as string] }),
  );
  for (const format of reports) probes.push(get('/api/reports', { format }));
  probes.push({
    op: 'POST /api/reports',
    method: 'POST',
    path: '/api/reports',
    body: { format: 'md', case: h.case.name },
  });
  probes.push({
    op: 'POST /api/analyses/runs',
    method: 'POST',
    path: '/api/analyses/runs',
    body: { seed: 7, limit: 20 },
    keep: `full-${phase}`,
    follow: true,
  });
  const run = `/api/analyses/runs/{{full-${phase}}}`;
  for (const part of PARTS)
    probes.push(get(`${run}/results/${part}`, {}, 'GET /api/analyses/runs/{id}/results/{part}'));
  probes.push(get(run, {}, 'GET /api/analyses/runs/{id}'));
  probes.push(viewGexf(people));
  for (const from of [p.people[0], p.people[1], p.accounts[0]] as string[])
    for (const direction of ['forward', 'backward'])
      probes.push(get('/api/analyses/trace', { from, direction }));
  for (const d of [...p.documents.slice(0, 1), h.document])
    probes.push(get('/api/check/document', { number: d.number, country: d.country }));
  for (const v of [...p.vessels.slice(0, 1), h.vessel]) {
    probes.push(get('/api/check/vessel', { imo: v.imo }));
    probes.push(get('/api/check/vessel', { mmsi: v.mmsi }));
    probes.push(get('/api/check/vessel', { name: v.name }));
  }
  probes.push(get('/api/web/graph', {}), get('/api/web/graph', { case: h.case.id }));
  probes.push(get('/api/paths', { from: p.people[0] as string, to: p.people[2] as string, all: 'true' }));
  probes.push(get(`/api/entities/${encodeURIComponent(p.twins[0])}`, {}, 'GET /api/entities/{id}'));
  probes.push({
    op: 'POST /api/identity/decisions',
    method: 'POST',
    path: '/api/identity/decisions',
    body: { a: p.twins[0], b: p.twins[1], decision: 'different', reason: 'different birth dates' },
  });
  probes.push(get('/api/entities', { q: h.source.reference }), get('/api/cases'));
  // Other spellings of a hidden and a visible name: the name keys (another romanisation) must find
  // and rank only what the reader may see.
  const respelt = (name: string) => name.replace(/(?<=\p{L})[aeiou]/gu, (vowel) => vowel + vowel);
  for (const name of [h.names[0], p.names[0]])
    if (name !== undefined) probes.push(get('/api/entities', { q: respelt(name) }));
  probes.push(...importProbes(world, phase));
  // Last, after the imports and checks that may have matched: what the watches raised.
  probes.push(get('/api/alerts', { show: 'all', limit: '200' }), get('/api/alerts', { countOnly: 'true' }));
  probes.push(get('/api/watches'));
  return probes;
}

/**
 * Watches that hidden records would match: their identifiers, the patterns they fit (a forged document,
 * a stolen vessel, a large payment), and a visible person the hidden links touch. Made first, so that
 * the imports and checks after them are matched; `GET /api/alerts` at the end reads what was raised.
 */
function watchProbes(world: World): Probe[] {
  const p = world.pools;
  const h = p.hidden;
  const purpose = 'non-interference probe';
  const bodies: Record<string, unknown>[] = [
    { kind: 'identifier', scheme: 'document', value: h.document.number, country: h.document.country },
    { kind: 'identifier', scheme: 'imo', value: h.vessel.imo },
    { kind: 'identifier', scheme: 'iban', value: h.iban },
    { kind: 'identifier', scheme: 'name', value: h.names[0] ?? 'Nobody' },
    { kind: 'pattern', pattern: 'document-reused' },
    { kind: 'pattern', pattern: 'vessel-renamed' },
    { kind: 'entity', entity: p.people[0] as string },
    { kind: 'pattern', pattern: 'new-link', entities: p.people.slice(0, 3) },
    // Its community is the low user's own run's (made later in the plan), never a fuller one's.
    { kind: 'pattern', pattern: 'community-link', entity: p.people[0] as string },
  ];
  return bodies.map((body) => ({
    op: 'POST /api/watches',
    method: 'POST',
    path: '/api/watches',
    body: { purpose, ...body },
  }));
}
