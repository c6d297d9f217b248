import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Keeps the data flowing one way (DESIGN.md): analysis never reaches into the server, the web app
// sees only types from server/schema, and only the store talks to Neo4j.
const root = join(import.meta.dirname, '..', '..');
const IMPORT =
  /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s*\(?\s*['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'target') return [];
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => ({ spec: (m[3] ?? m[4]) as string, typeOnly: Boolean(m[2]) }));
}

function resolvesInto(file: string, spec: string, folder: string): boolean {
  if (!spec.startsWith('.')) return false;
  const target = relative(root, join(root, file, '..', spec));
  return target === folder || target.startsWith(folder + '/');
}

describe('import direction', () => {
  it('analysis/ imports nothing from server/, scripts/ or web/', () => {
    const offending = sourceFiles('analysis').flatMap((file) =>
      importsOf(file)
        .filter(({ spec }) => ['server', 'scripts', 'web'].some((f) => resolvesInto(file, spec, f)))
        .map(({ spec }) => `${file} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('web/ imports only types, and only from server/schema', () => {
    const offending = sourceFiles('web/src').flatMap((file) =>
      importsOf(file)
        .filter(({ spec, typeOnly }) => {
          if (resolvesInto(file, spec, 'server/schema')) return !typeOnly;
          return ['server', 'scripts', 'analysis'].some((f) => resolvesInto(file, spec, f));
        })
        .map(({ spec }) => `${file} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('only server/store imports neo4j-driver, and the store never imports the API', () => {
    const files = [...sourceFiles('server'), ...sourceFiles('analysis'), ...sourceFiles('web/src')];
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter(({ spec }) =>
          file.startsWith('server/store/')
            ? resolvesInto(file, spec, 'server/api')
            : spec === 'neo4j-driver' || spec.startsWith('neo4j-driver/'),
        )
        .map(({ spec }) => `${file} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  // Besides zod, the leaf may read the maintained reference tables its normalisers need (ISO 3166-1,
  // ISO 4217, ISO 13616): data packages with no I/O of their own.
  const SCHEMA_PACKAGES = ['zod', 'i18n-iso-countries', 'currency-codes', 'ibantools'];

  it('server/schema is a leaf that needs only zod and the reference-data packages', () => {
    const offending = sourceFiles('server/schema').flatMap((file) =>
      importsOf(file)
        .filter(({ spec }) => {
          if (spec.startsWith('.') || spec.startsWith('node:')) return false;
          return !SCHEMA_PACKAGES.some((name) => spec === name || spec.startsWith(`${name}/`));
        })
        .map(({ spec }) => `${file} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});

// A room is a folder of server/ (or of analysis/); a file directly in server/ (config.ts, serve.ts) is
// a room of its own.
function roomOf(path: string, house: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] !== house) return undefined;
  return parts.length > 2 ? `${house}/${parts[1]}` : path;
}

/** Every import from one room of a house into another, type-only ones included, as room -> room -> lines. */
function roomImports(house: string): Map<string, Map<string, string[]>> {
  const edges = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles(house)) {
    const from = roomOf(file, house) as string;
    for (const { spec } of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const to = roomOf(relative(root, join(root, file, '..', spec)), house);
      if (to === undefined || to === from) continue;
      const targets = edges.get(from) ?? new Map<string, string[]>();
      edges.set(from, targets.set(to, [...(targets.get(to) ?? []), `${file} -> ${spec}`]));
    }
  }
  return edges;
}

/** The rooms that reach one another round a loop (Tarjan's strongly connected components, size > 1). */
function importLoops(edges: Map<string, Map<string, string[]>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const loops: string[][] = [];
  const visit = (room: string): void => {
    index.set(room, index.size);
    low.set(room, index.get(room) as number);
    stack.push(room);
    for (const next of edges.get(room)?.keys() ?? []) {
      if (!index.has(next)) visit(next);
      if (stack.includes(next)) low.set(room, Math.min(low.get(room) as number, low.get(next) as number));
    }
    if (low.get(room) !== index.get(room)) return;
    const loop: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      loop.push(member);
      if (member === room) break;
    }
    if (loop.length > 1) loops.push(loop.sort());
  };
  for (const room of edges.keys()) if (!index.has(room)) visit(room);
  return loops;
}

function loopLines(edges: Map<string, Map<string, string[]>>): string[][] {
  return importLoops(edges).map((loop) =>
    loop.flatMap((from) => loop.flatMap((to) => (edges.get(from)?.get(to) ?? []).slice(0, 3))),
  );
}

describe('rooms of server/', () => {
  it('never import each other, directly or round a loop (the shared vocabulary lives in server/schema)', () => {
    expect(loopLines(roomImports('server'))).toEqual([]);
  });
});

describe('rooms of analysis/', () => {
  it('hold every analysis file: each lives in the room of its capability', () => {
    const loose = sourceFiles('analysis').filter((file) => file.split('/').length === 2);
    expect(loose).toEqual([]);
  });

  it('never import each other round a loop, and the core imports no other room', () => {
    const edges = roomImports('analysis');
    expect(loopLines(edges)).toEqual([]);
    expect([...(edges.get('analysis/core')?.values() ?? [])].flat()).toEqual([]);
  });
});
