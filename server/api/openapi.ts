/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and shape
 * responses: routers register their routes here, so the document cannot drift from the code.
 */
import { z } from 'zod';

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tags: string[];
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

const routes: RouteDoc[] = [];

/** Records a route for the OpenAPI document; returns it for chaining. */
export function documentRoute(route: RouteDoc): RouteDoc {
  if (!routes.some((r) => r.method === route.method && r.path === route.path)) routes.push(route);
  return route;
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

function parametersOf(query: z.ZodObject | undefined, path: string, components: Json): unknown[] {
  const params: unknown[] = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
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

/** Builds the OpenAPI 3.1 document of every registered route. */
export function buildOpenApi(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Json = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      responses[status] = r.schema
        ? {
            description: r.description,
            content: { [r.contentType ?? 'application/json']: { schema: schemaOf(r.schema, components) } },
          }
        : { description: r.description };
    }
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method] = {
      summary: route.summary,
      tags: route.tags,
      parameters: parametersOf(route.query, route.path, components),
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
    info: { title: 'Ariadne API', version, description: 'Graph intelligence on people-smuggling networks.' },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: components },
  };
}
