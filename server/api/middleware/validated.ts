/**
 * Routes declared once: the zod schemas of the query, path parameters and body validate the request
 * (strict objects: an unknown key is a 400 that names it), describe the route in the OpenAPI
 * document, and type the parsed values the handler receives. Handlers never read `req.body`.
 *
 *   route(router, { method: 'get', path: '/api/entities/{id}', roles: READ, params, responses },
 *     async ({ params, viewer, audit }) => { ...; return entity; });
 *
 * A handler returns the JSON to send (or sends itself). Unless the route says `audit: false`, an
 * audit event is written before the response leaves: the handler's own, through `audit(...)`, or a
 * default one naming the route, its path parameters and query, and the outcome.
 */
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import type { Audit, AuditInput } from '../../audit/audit-trail.ts';
import type { Role, Viewer } from '../../auth/context.ts';
import { LONG_READ_MS, WRITE_MS, withQueryBudget } from '../../store/query-budget.ts';
import { StoreUnavailableError } from '../../store/store.ts';
import { documentRoute, type RouteDoc } from '../openapi.ts';
import { type FieldError, HttpError, isDriverUnavailable } from '../problem.ts';
import { readsChanged, sharedJsonOf } from '../coalesce.ts';
import { requireRole } from './authenticate.ts';
import { withDeadline } from './deadline.ts';
import { stateOf } from './request-state.ts';

/** Who may call a route: 'public' (no session) or the roles admitted. */
export type Access = 'public' | readonly Role[];

type EmptyObject = z.ZodObject<Record<string, never>>;

export interface RouteSpec<
  Q extends z.ZodObject = EmptyObject,
  P extends z.ZodObject = EmptyObject,
  B extends z.ZodType = z.ZodUndefined,
  A extends Access = Access,
> {
  method: RouteDoc['method'];
  /** The full path in OpenAPI form, e.g. `/api/users/{username}`. */
  path: string;
  summary: string;
  tags: string[];
  roles: A;
  query?: Q;
  params?: P;
  body?: B;
  responses: RouteDoc['responses'];
  /** The audit action for this route's default event, or false for routes that touch no data. */
  audit?: string | false;
  /**
   * The records a request is about, for its audit events (a reader other than the auditor sees an
   * event only while they may see every one): by default the ids the path and query name (`id`,
   * `case`, `from`, `to`, `around`). A handler's own event may say otherwise (`about` in its input).
   */
  about?: (request: { params: Record<string, unknown>; query: Record<string, unknown> }) => string[];
  /**
   * A GET's answer waits at most the store's deadline for Neo4j (then 503, Retry-After), so that an
   * outage is met quickly even when the session came from memory; false for reads that may
   * legitimately take longer (exports, reports, whole-case graphs, traces), whose queries are bounded
   * by LONG_READ_MS instead. The queries of other methods are bounded by WRITE_MS.
   */
  deadline?: false;
}

export interface RouteContext<Q extends z.ZodObject, P extends z.ZodObject, B extends z.ZodType, A> {
  query: z.output<Q>;
  params: z.output<P>;
  body: z.output<B>;
  viewer: A extends 'public' ? Viewer | null : Viewer;
  audit: Audit;
  req: Request;
  res: Response;
}

export type RouteHandler<Q extends z.ZodObject, P extends z.ZodObject, B extends z.ZodType, A> = (
  context: RouteContext<Q, P, B, A>,
) => unknown;

/** Declares a route on a router: documents it, checks the role, validates, audits, answers. */
export function route<
  Q extends z.ZodObject = EmptyObject,
  P extends z.ZodObject = EmptyObject,
  B extends z.ZodType = z.ZodUndefined,
  A extends Access = Access,
>(router: Router, spec: RouteSpec<Q, P, B, A>, handler: RouteHandler<Q, P, B, A>): void {
  documentRoute({
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    tags: spec.tags,
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    ...(spec.roles === 'public' ? {} : { roles: spec.roles as readonly Role[] }),
    responses: { 400: { description: 'Invalid request' }, ...spec.responses },
  });
  router[spec.method](expressPath(spec.path), ...validated(spec, handler));
}

/** The middleware chain of a route: the role check, then validation and the handler. */
export function validated<
  Q extends z.ZodObject,
  P extends z.ZodObject,
  B extends z.ZodType,
  A extends Access,
>(spec: RouteSpec<Q, P, B, A>, handler: RouteHandler<Q, P, B, A>): RequestHandler[] {
  const schemas = {
    query: spec.query ?? z.strictObject({}),
    params: spec.params ?? pathParamsSchema(spec.path),
    body: spec.body ?? z.union([z.undefined(), z.strictObject({})]),
  };
  const action = spec.audit || `${spec.method.toUpperCase()} ${spec.path}`;
  const bounded = spec.method === 'get' && spec.deadline !== false;
  const run = async (req: Request, res: Response, next: NextFunction) => {
    const state = stateOf(res);
    const parsed = parseRequest(req, schemas);
    const about = aboutOf(spec, parsed);
    const audit: Audit = (input) => state.audit(input.about ? input : { ...input, about });
    const context = { ...parsed, viewer: state.viewer, audit, req, res } as RouteContext<Q, P, B, A>;
    let value: unknown;
    try {
      value = await (bounded
        ? withDeadline(() => handler(context))
        : withQueryBudget(spec.method === 'get' ? LONG_READ_MS : WRITE_MS, () =>
            Promise.resolve().then(() => handler(context)),
          ));
    } catch (error) {
      if (spec.method !== 'get') readsChanged();
      if (spec.audit !== false && state.audited === 0 && state.viewer) {
        const event = audit(defaultEvent(action, parsed, statusOf(error)));
        // Neo4j is out, so the event can wait: the 503 discloses nothing and must not wait too.
        if (isUnavailable(error)) event.catch(() => {});
        else await event;
      }
      throw error;
    }
    if (spec.method !== 'get') readsChanged();
    if (res.headersSent) return;
    if (spec.audit !== false && state.audited === 0) {
      await audit(defaultEvent(action, parsed, res.statusCode));
    }
    if (value === undefined) {
      next();
      return;
    }
    const shared = sharedJsonOf(value);
    if (shared === undefined) res.json(value);
    else res.type('application/json').send(shared);
  };
  const guard =
    spec.roles === 'public'
      ? []
      : [
          requireRole(spec.roles as readonly Role[], (req) =>
            aboutOf(spec, { params: req.params, query: req.query }),
          ),
        ];
  return [...guard, run];
}

/** Request fields that hold record ids. */
const RECORD_FIELDS = ['id', 'case', 'from', 'to', 'around'] as const;

/** The records a request names: the route's own rule, or the ids its path and query hold. */
export function aboutOf(
  spec: Pick<RouteSpec, 'about'>,
  request: { params?: unknown; query?: unknown },
): string[] {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const query = (request.query ?? {}) as Record<string, unknown>;
  if (spec.about) return spec.about({ params, query });
  const values = [params.id, ...RECORD_FIELDS.map((field) => query[field])].flat();
  return values.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

interface Parsed {
  query: unknown;
  params: unknown;
  body: unknown;
}

/** Parses the three parts of a request; throws one 400 listing every invalid field. */
function parseRequest(req: Request, schemas: Record<keyof Parsed, z.ZodType>): Parsed {
  const { purpose: _purpose, ...query } = req.query as Record<string, unknown>;
  const raw: Parsed = { query, params: { ...req.params }, body: req.body };
  const out: Partial<Parsed> = {};
  const errors: FieldError[] = [];
  for (const part of ['params', 'query', 'body'] as const) {
    const result = schemas[part].safeParse(raw[part]);
    if (result.success) out[part] = result.data;
    else errors.push(...fieldErrors(part, result.error));
  }
  if (errors.length > 0) throw new HttpError(400, 'Invalid request', errors);
  return out as Parsed;
}

/** Turns zod issues into `{field, message}` pairs; unknown keys are named one by one. */
export function fieldErrors(part: string, error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const field = [part, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: `${field}.${key}`,
        message: `unknown field ${JSON.stringify(key)}`,
      }));
    }
    return [{ field, message: issue.message }];
  });
}

function pathParamsSchema(path: string): z.ZodObject {
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  return z.strictObject(Object.fromEntries(names.map((n) => [n, z.string().min(1).max(512)])));
}

/** `/api/users/{username}` -> `/api/users/:username`. */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

function isUnavailable(error: unknown): boolean {
  return error instanceof StoreUnavailableError || isDriverUnavailable(error);
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : 500;
}

/** The outcome an HTTP status stands for in the audit trail. */
export function outcomeOf(status: number): AuditInput['outcome'] {
  if (status < 400) return 'ok';
  if (status === 401 || status === 403) return 'denied';
  if (status === 404) return 'not-found';
  if (status < 500) return 'invalid';
  return 'error';
}

function defaultEvent(action: string, parsed: Parsed, status: number): AuditInput {
  const params = (parsed.params ?? {}) as Record<string, unknown>;
  const query = (parsed.query ?? {}) as Record<string, unknown>;
  return {
    action,
    targets: Object.values(params).map(String),
    parameters: Object.keys(query).length > 0 ? query : undefined,
    outcome: outcomeOf(status),
  };
}
