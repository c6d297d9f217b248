/**
 * Sends the probes of a sequence as one user and records each answer in a comparable form: status,
 * headers (but those of transport, rate limits and cookies), and the body parsed (JSON, NDJSON lines,
 * text lines, a PDF's bytes without its dates), every server-made id and time normalised.
 */
import { type IdNames, pdfText } from './normalise.ts';
import type { Probe } from './plan.ts';

export interface Answer {
  user: string;
  phase: string;
  op: string;
  /** The request as sent (method, path, query; the body or file shortened). */
  request: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const SKIPPED_HEADERS =
  /^(date|connection|keep-alive|transfer-encoding|content-length|set-cookie|ratelimit.*|x-ratelimit.*|retry-after)$/;
const UNSET_JOB = '00000000-0000-4000-8000-000000000000';
const POLL_MS = 500;
const JOB_WAIT_MS = 90_000;

export interface ClientOptions {
  base: string;
  user: string;
  phase: string;
  token: string;
  /** Signs the user in again (for probes sent from a fresh session). */
  login(): Promise<string>;
  /** Locations kept by name, shared by the user's phases; `steward:*` are set by the set-up. */
  kept: Map<string, string>;
  names: IdNames;
}

function describe(probe: Probe, path: string): string {
  const query = new URLSearchParams(probe.query ?? {}).toString();
  const body = probe.upload ?? (probe.body === undefined ? '' : JSON.stringify(probe.body));
  return `${probe.method} ${path}${query ? `?${query}` : ''}${body ? ` ${body.slice(0, 300)}` : ''}`;
}

/** Replaces `{{name}}` by the id of a Location kept under that name (or its kind's latest). */
function resolvePath(path: string, kept: Map<string, string>): string {
  return path.replace(/\{\{([^}]+)\}\}/g, (_, name: string) => {
    const location = kept.get(name) ?? kept.get(`latest:${name}`);
    return location ? (location.split('/').at(-1) as string) : UNSET_JOB;
  });
}

async function bodyOf(res: Response, names: IdNames): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('application/pdf')) {
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    // Its streams are compressed, so ids and times of other letters change its size: pages only.
    // The HTML and Markdown of the same report are compared in full.
    return { pdfPages: (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length };
  }
  const text = await res.text();
  if (/json/.test(type) && !/ndjson/.test(type)) {
    try {
      const body = JSON.parse(text) as unknown;
      // A job just started may or may not have finished by its 202: a matter of timing, not data.
      if (res.status === 202 && body !== null && typeof body === 'object' && 'status' in body)
        (body as { status: unknown }).status = '<started>';
      return names.json(body);
    } catch {
      return names.text(text);
    }
  }
  if (/ndjson/.test(type))
    return text.split('\n').map((line) => (line ? names.json(JSON.parse(line)) : line));
  return names.text(text).split('\n');
}

function headersOf(res: Response, names: IdNames): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    if (SKIPPED_HEADERS.test(key)) return;
    // Express's own weak ETag hashes the raw body, server-made ids and times included: the body is
    // compared after normalising them instead. A version ETag (entities) is kept.
    out[key] = key === 'etag' && value.startsWith('W/') ? '<body hash>' : names.text(value);
  });
  return out;
}

async function send(
  o: ClientOptions,
  probe: Probe,
  path: string,
  token: string,
  extra: Record<string, string>,
) {
  // Kept ids may stand in query values and bodies too (a note about a view made earlier).
  const resolved = Object.entries(probe.query ?? {}).map(([k, v]) => [k, resolvePath(v, o.kept)]);
  const query = new URLSearchParams(resolved).toString();
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...probe.headers, ...extra };
  let body: string | undefined;
  if (probe.upload !== undefined) {
    headers['content-type'] = 'application/octet-stream';
    body = probe.upload;
  } else if (probe.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = resolvePath(JSON.stringify(probe.body), o.kept);
  }
  return fetch(`${o.base}${path}${query ? `?${query}` : ''}`, { method: probe.method, headers, body });
}

async function record(o: ClientOptions, probe: Probe, path: string, res: Response): Promise<Answer> {
  return {
    user: o.user,
    phase: o.phase,
    op: probe.op,
    // Ids the server made (runs, imports) are named by first appearance here too.
    request: o.names.text(describe(probe, path)),
    status: res.status,
    headers: headersOf(res, o.names),
    body: await bodyOf(res, o.names),
  };
}

/** Polls a job's Location until it has finished; the last status is the answer. */
async function follow(o: ClientOptions, location: string, op: string): Promise<Answer> {
  const deadline = Date.now() + JOB_WAIT_MS;
  const probe: Probe = { op, method: 'GET', path: location };
  for (;;) {
    const res = await send(o, probe, location, o.token, {});
    const text = await res.text();
    const running = res.status === 200 && (JSON.parse(text) as { status?: string }).status === 'running';
    if (!running || Date.now() > deadline) {
      const replay = new Response(text, { status: res.status, headers: res.headers });
      return record(o, probe, location, replay);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

const FOLLOW_OP: Record<string, string> = {
  'POST /api/analyses/runs': 'GET /api/analyses/runs/{id}',
  'POST /api/imports': 'GET /api/imports/{id}',
};

/** Sends one probe (and what it needs before or after) and returns its answers. */
export async function sendProbe(o: ClientOptions, probe: Probe): Promise<Answer[]> {
  const answers: Answer[] = [];
  const path = resolvePath(probe.path, o.kept);
  const extra: Record<string, string> = {};
  if (probe.ifMatchOf !== undefined) {
    const read: Probe = {
      op: 'GET /api/entities/{id}',
      method: 'GET',
      path: `/api/entities/${encodeURIComponent(probe.ifMatchOf)}`,
    };
    const res = await send(o, read, read.path, o.token, {});
    extra['if-match'] = res.headers.get('etag') ?? '"1"';
    answers.push(await record(o, read, read.path, res));
  }
  const token = probe.freshSession ? await o.login() : o.token;
  const res = await send(o, probe, path, token, extra);
  answers.push(await record(o, probe, path, res));
  const location = res.headers.get('location');
  if (location && probe.keep) {
    o.kept.set(probe.keep, location);
    const kind = location.includes('/imports/') ? 'import' : location.includes('/views/') ? 'view' : 'run';
    o.kept.set(`latest:${kind}`, location);
  }
  if (location && probe.follow)
    answers.push(await follow(o, location, FOLLOW_OP[probe.op] ?? `GET ${location}`));
  return answers;
}
