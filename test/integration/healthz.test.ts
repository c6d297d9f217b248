import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/api/app.ts';
import { startLocalNeo4j, stopLocalNeo4j } from '../../server/local/neo4j.ts';
import type { Store } from '../../server/store/store.ts';
import { openTestStore } from '../helpers/neo4j.ts';

let store: Store;
let server: Server;
let base: string;

beforeAll(async () => {
  store = await openTestStore();
  server = createApp({ store }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await store.close();
});

describe('/healthz', () => {
  it('answers 200 while Neo4j runs, and says nothing about the deployment but that it is healthy', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: 'ok' });
    const { port, version } = inject('neo4j');
    expect(text).not.toContain(String(port));
    expect(text).not.toContain(version);
    expect(text).not.toMatch(/bolt|neo4j:\/\//i);
  });

  it('answers 503 with a reason within 5 s while Neo4j is stopped, and 200 again once it is back', async () => {
    const { home, port } = inject('neo4j');
    await stopLocalNeo4j(home);
    try {
      const started = Date.now();
      const down = await fetch(`${base}/healthz`);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('5');
      const text = await down.text();
      expect(JSON.parse(text)).toEqual({ status: 'unavailable', reason: 'Neo4j is not reachable' });
      expect(text).not.toContain(String(port));
    } finally {
      await startLocalNeo4j({ home, port, strictPort: true, heap: '2g' });
    }
    const up = await fetch(`${base}/healthz`);
    expect(up.status).toBe(200);
    expect((await up.json()).status).toBe('ok');
  });

  it('serves an OpenAPI 3.1 document generated from the schemas', async () => {
    const doc = await (await fetch(`${base}/api/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/healthz'].get.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/Health',
    );
    expect(doc.components.schemas.Health.properties.status.enum).toEqual(['ok', 'unavailable']);
  });

  it("passes Redocly's recommended lint without a warning, every operation named by its operationId", async () => {
    const source = await (await fetch(`${base}/api/openapi.json`)).text();
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: `${base}/api/openapi.json`, config });
    expect(problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
    const doc = JSON.parse(source);
    const ids = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods as Record<string, { operationId: string }>).map((op) => op.operationId),
    );
    expect(ids.length).toBeGreaterThan(30);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/analyses/runs/{id}'].get.operationId).toBe('getAnalysesRunsById');
  });

  it('describes the error answers of every operation: a problem document, unless the route says otherwise', async () => {
    const doc = await (await fetch(`${base}/api/openapi.json`)).json();
    const bare: string[] = [];
    let errors = 0;
    let problems = 0;
    for (const [path, methods] of Object.entries(
      doc.paths as Record<string, Record<string, { responses: object }>>,
    ))
      for (const [method, op] of Object.entries(methods)) {
        const failures = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
        if (failures.length === 0) bare.push(`${method} ${path} lists no error`);
        for (const [status, response] of failures) {
          errors++;
          const content = (response as { content?: Record<string, { schema?: { $ref?: string } }> }).content;
          if (!content) bare.push(`${method} ${path} ${status}`);
          else if (content['application/problem+json']?.schema?.$ref === '#/components/schemas/Problem')
            problems++;
        }
      }
    expect(bare).toEqual([]);
    expect(errors).toBeGreaterThan(100);
    // /healthz answers 503 with its own Health document, for load balancers that read it.
    expect(problems).toBe(errors - 1);
    expect(doc.components.schemas.Problem.required).toEqual(['type', 'title', 'status']);
  });

  it('describes every analysis result by its schema: no part, summary or field is left unknown', async () => {
    const doc = await (await fetch(`${base}/api/openapi.json`)).json();
    const unknowns: string[] = [];
    const seen = new Set<string>();
    const walk = (schema: unknown, where: string): void => {
      if (schema === null || typeof schema !== 'object') return;
      const node = schema as Record<string, unknown>;
      if (Object.keys(node).filter((key) => key !== 'description').length === 0) unknowns.push(where);
      if (typeof node.$ref === 'string') {
        const name = node.$ref.replace('#/components/schemas/', '');
        if (!seen.has(name)) {
          seen.add(name);
          walk(doc.components.schemas[name], name);
        }
        return;
      }
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' || key === '$defs')
          for (const [field, child] of Object.entries(value as object)) walk(child, `${where}.${field}`);
        else if (Array.isArray(value))
          for (const [i, child] of value.entries()) walk(child, `${where}.${key}[${i}]`);
        else if (key === 'items' || key === 'additionalProperties') walk(value, `${where}.${key}`);
      }
    };
    const operations = Object.entries(doc.paths as Record<string, Record<string, { responses: object }>>)
      .filter(([path]) => path.startsWith('/api/analyses/'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBe(4);
    for (const { path, method, op } of operations) {
      const ok = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect(ok.length, `${method} ${path}`).toBe(1);
      for (const [status, response] of ok) {
        const schema = (response as { content?: Record<string, { schema: unknown }> }).content?.[
          'application/json'
        ]?.schema;
        expect(schema, `${method} ${path} ${status}`).toBeDefined();
        walk(schema, `${method} ${path} ${status}`);
      }
    }
    expect(unknowns).toEqual([]);
    expect(seen).toContain('AnalysisPartCommunities');
    expect(seen).toContain('AnalysisRunSummary');
    expect(seen).toContain('MoneyTrace');
  });

  it('refuses query parameters on /healthz, naming them', async () => {
    const response = await fetch(`${base}/healthz?verbose=1`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await response.json()).errors).toEqual([
      { field: 'query.verbose', message: 'not a parameter: drop it' },
    ]);
  });

  it('answers unknown API routes with a problem document and a strict CSP', async () => {
    const response = await fetch(`${base}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });
});
