/**
 * Property-based fuzzing of every documented route's request schemas (fast-check): random bodies,
 * near-miss bodies built from the schema's own keys, random query values and path parameters,
 * sent by an admin (admitted everywhere). None may give a 5xx, and the graph keeps its data.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from '../helpers/api.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

type Schema = { $ref?: string; properties?: Record<string, unknown> };
interface Op {
  method: string;
  path: string;
  queryKeys: string[];
  bodyKeys: string[] | null;
}

let api: TestApi;
let ops: Op[];

const NASTY = fc.constantFrom(
  "' WITH true AS x MATCH (n) DETACH DELETE n //",
  '`',
  '\u0060}) RETURN 1 //',
  '',
  '\u0000',
  '../../etc/passwd',
  'H0',
  '2025-01-31T12:00:00Z',
  '-1',
  '1e309',
  '__proto__',
);
const VALUE = fc.oneof(fc.jsonValue({ maxDepth: 3 }), NASTY, fc.string({ maxLength: 40 }));

beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  await store.write("CREATE (:Person {id: 'fuzz-canary'})-[:ASSOCIATE_OF]->(:Person {id: 'fuzz-canary-2'})");
  await store.close();
  api = await startApi();
  const doc = await (await api.fetch('/api/openapi.json')).json();
  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop() as string] : schema;
  ops = Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
    ([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const params = (op.parameters ?? []) as { name: string; in: string }[];
        const body = (op.requestBody as { content: Record<string, { schema: Schema }> } | undefined)?.content[
          'application/json'
        ]?.schema;
        return {
          method,
          path,
          queryKeys: params.filter((p) => p.in === 'query').map((p) => p.name),
          bodyKeys: body ? Object.keys(resolve(body)?.properties ?? {}) : null,
        };
      }),
  );
});
afterAll(async () => {
  await api.close();
});

function requestOf(op: Op) {
  const pathValue = fc.oneof(
    fc.string({ minLength: 1, maxLength: 30 }),
    NASTY.filter((s) => s.length > 0),
  );
  const query = fc.dictionary(
    fc.oneof(fc.constantFrom(...op.queryKeys, 'extra'), fc.string({ maxLength: 8 })),
    fc.string({ maxLength: 30 }),
    {
      maxKeys: 4,
    },
  );
  const nearMiss = fc.dictionary(
    fc.constantFrom(...(op.bodyKeys?.length ? op.bodyKeys : ['x']), 'extra'),
    VALUE,
    {
      maxKeys: 6,
    },
  );
  const body = op.bodyKeys === null ? fc.constant(undefined) : fc.oneof(nearMiss, VALUE);
  return fc.record({ pathValue, query, body });
}

describe('random requests to every documented route', () => {
  it('never get a 5xx', async () => {
    const failures: string[] = [];
    expect(ops.filter((op) => op.bodyKeys !== null || op.queryKeys.length > 0).length).toBeGreaterThan(3);
    for (const op of ops) {
      // Signing out would end the session the rest of the run uses.
      if (op.path.endsWith('/logout')) continue;
      await fc
        .assert(
          fc.asyncProperty(requestOf(op), async ({ pathValue, query, body }) => {
            const path = op.path.replace(/\{\w+\}/g, encodeURIComponent(pathValue));
            const search = new URLSearchParams(query).toString();
            const res = await api.fetch(`${path}${search ? `?${search}` : ''}`, {
              method: op.method.toUpperCase(),
              role: 'admin',
              ...(body !== undefined ? { json: body } : {}),
            });
            const text = await res.text();
            if (res.status >= 500)
              failures.push(`${op.method} ${path}?${search} ${JSON.stringify(body)}: ${res.status} ${text}`);
            return res.status < 500;
          }),
          { numRuns: 25, seed: 20250131 },
        )
        .catch(() => {});
    }
    expect(failures).toEqual([]);
    const canary = await api.store.read(
      "MATCH (:Person {id: 'fuzz-canary'})-[r:ASSOCIATE_OF]->(:Person {id: 'fuzz-canary-2'}) RETURN count(r) AS n",
    );
    expect(canary.records[0]?.get('n')).toBe(1);
  });
});
