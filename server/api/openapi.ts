/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and shape
 * responses: routers register their routes here, so the document cannot drift from the code.
 */
import { z } from 'zod';
import { ProblemSchema } from '../schema/api/problem.ts';

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tags: string[];
  query?: z.ZodObject;
  /** Path parameters; without it every `{name}` in the path is a string. */
  params?: z.ZodObject;
  body?: z.ZodType;
  /** Roles that may call the route (`x-roles`); absent means the route needs no session. */
  roles?: readonly string[];
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

const routes: RouteDoc[] = [];

/** Records a route for the OpenAPI document; returns it for chaining. */
export function documentRoute(route: RouteDoc): RouteDoc {
  if (route.roles) {
    route = {
      ...route,
      responses: {
        401: { description: 'No session' },
        403: { description: 'The role may not do this' },
        ...route.responses,
      },
    };
  }
  if (!routes.some((r) => r.method === route.method && r.path === route.path)) routes.push(route);
  return route;
}

/** Whether a path (e.g. `/api/users/ana`) matches a documented route, whatever the method. */
export function isDocumentedPath(path: string): boolean {
  return routes.some((r) => pathPattern(r.path).test(path));
}

const patterns = new Map<string, RegExp>();

function pathPattern(path: string): RegExp {
  let pattern = patterns.get(path);
  if (!pattern) {
    const escaped = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+');
    pattern = new RegExp(`^${escaped}/?$`);
    patterns.set(path, pattern);
  }
  return pattern;
}

type Json = Record<string, unknown>;

/** Rewrites `#/$defs/X` references to components, so named schemas are shared across the document. */
function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      key === '$ref' && typeof v === 'string' ? v.replace('#/$defs/', '#/components/schemas/') : relink(v);
  }
  return out;
}

function schemaOf(schema: z.ZodType, components: Json): Json {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  delete json.$schema;
  const defs = (json.$defs ?? {}) as Json;
  delete json.$defs;
  for (const [name, def] of Object.entries(defs)) components[name] = relink(def);
  return relink(json) as Json;
}

function parametersOf(route: RouteDoc, components: Json): unknown[] {
  const { query, path } = route;
  const params: unknown[] = [...path.matchAll(/\{(\w+)\}/g)].map((m) => {
    const field = route.params?.shape[m[1] as string] as z.ZodType | undefined;
    return {
      name: m[1],
      in: 'path',
      required: true,
      schema: field ? schemaOf(field, components) : { type: 'string' },
    };
  });
  for (const [name, field] of Object.entries(query?.shape ?? {})) {
    params.push({
      name,
      in: 'query',
      required: !(field as z.ZodType).safeParse(undefined).success,
      schema: schemaOf(field as z.ZodType, components),
    });
  }
  return params;
}

/**
 * The operation's id, for client generators to name their methods by: the method and the path's
 * words, parameters as `By...`, e.g. `GET /api/analyses/runs/{id}` is `getAnalysesRunsById`. Unique,
 * since method and path are, and stable while the route is.
 */
export function operationIdOf(route: Pick<RouteDoc, 'method' | 'path'>): string {
  const words = route.path
    .replace(/^\/api\//, '/')
    .split(/[/._-]+/)
    .filter((word) => word !== '')
    .map((word) => {
      const parameter = /^\{(\w+)\}$/.exec(word);
      const name = parameter ? `by${(parameter[1] as string).replace(/^./, (c) => c.toUpperCase())}` : word;
      return name.replace(/^./, (c) => c.toUpperCase());
    });
  return `${route.method}${words.join('')}`;
}

/** Builds the OpenAPI 3.1 document of every registered route. */
export function buildOpenApi(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Json = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      // An error answer without a schema of its own is the problem document the error handler sends.
      const problem = !r.schema && Number(status) >= 400;
      const schema = r.schema ?? (problem ? ProblemSchema : undefined);
      const type = r.contentType ?? (problem ? 'application/problem+json' : 'application/json');
      responses[status] = schema
        ? { description: r.description, content: { [type]: { schema: schemaOf(schema, components) } } }
        : { description: r.description };
    }
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method] = {
      operationId: operationIdOf(route),
      summary: route.summary,
      tags: route.tags,
      parameters: parametersOf(route, components),
      ...(route.roles
        ? { 'x-roles': [...route.roles], security: [{ bearer: [] }, { cookie: [] }] }
        : { security: [] }),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf(route.body, components) } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ariadne API',
      version,
      description: 'Graph intelligence on people-smuggling networks.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/auth/login' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'ariadne_session' },
      },
    },
  };
}
