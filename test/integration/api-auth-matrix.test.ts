/**
 * The authorisation matrix, read from the OpenAPI document: every documented route, called by every
 * role and by nobody, answers as its declared roles (`x-roles`) say. Routes mounted later are
 * covered as soon as they are documented; and every route Express serves must be documented.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/auth/context.ts';
import { startApi, TEST_ROLES, type TestApi } from '../helpers/api.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

let api: TestApi;
let doc: { paths: Record<string, Record<string, { 'x-roles'?: Role[] }>> };

beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  await store.close();
  api = await startApi();
  doc = await (await api.fetch('/api/openapi.json')).json();
});
afterAll(async () => {
  await api.close();
});

interface Operation {
  method: string;
  path: string;
  roles: Role[] | null;
}

function operations(): Operation[] {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method, path, roles: op['x-roles'] ?? null })),
  );
  // Signing out ends the session the other calls need, so it goes last.
  return ops.sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
}

async function call(op: Operation, role: Role | null): Promise<number> {
  const url = op.path.replace(/\{\w+\}/g, 'matrix-probe');
  const write = op.method !== 'get';
  const res = await api.fetch(url, {
    method: op.method.toUpperCase(),
    ...(role ? { role } : {}),
    ...(write ? { json: {} } : {}),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('the authorisation matrix', () => {
  it('covers the API: the document lists the sign-in, user, audit, analysis, export and import routes', () => {
    const listed = operations().map((op) => `${op.method} ${op.path}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'post /api/auth/login',
        'get /api/users',
        'patch /api/users/{username}',
        'get /api/audit',
        'post /api/analyses/runs',
        'get /api/analyses/runs/{id}',
        'get /api/analyses/runs/{id}/results/{part}',
        'get /api/analyses/trace',
        'post /api/identity/decisions',
        'get /api/export',
        'post /api/imports',
        'get /api/imports/{id}',
      ]),
    );
  });

  it('answers every route as its declared roles say, for every role and for nobody', async () => {
    const wrong: string[] = [];
    for (const op of operations()) {
      for (const role of [null, ...TEST_ROLES]) {
        const status = await call(op, role);
        const admitted = op.roles === null || (role !== null && op.roles.includes(role));
        const expected = admitted ? 'not 401/403, below 500' : role === null ? '401' : '403';
        const ok = admitted
          ? status !== 401 && status !== 403 && status < 500
          : status === (role === null ? 401 : 403);
        if (!ok)
          wrong.push(
            `${op.method.toUpperCase()} ${op.path} as ${role ?? 'nobody'}: ${status}, expected ${expected}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('leaves no route undocumented: every route Express serves under /api is in the document', () => {
    const documented = new Set(
      operations().map((op) => `${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const served = expressRoutes(api.app as unknown as { router: { stack: Layer[] } }).filter((r) =>
      r.includes(' /api/'),
    );
    expect(served).toEqual(expect.arrayContaining(['get /api/users', 'post /api/auth/login']));
    const pages = [
      'get /api/openapi.json',
      'get /api/docs',
      'get /api/docs/docs.js',
      'get /api/docs/docs.css',
    ];
    const undocumented = served.filter((r) => !documented.has(r) && !pages.includes(r));
    expect(undocumented).toEqual([]);
  });
});

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function expressRoutes(app: { router: { stack: Layer[] } }): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) out.push(`${method} ${layer.route.path}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk(app.router.stack);
  return out;
}
