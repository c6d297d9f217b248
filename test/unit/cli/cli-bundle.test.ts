import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCliBundle, currentBundle, loadWorker } from '../../../scripts/setup/cli-bundle.js';

// A project of two modules, the second finding its own folder as the CLI's modules do.
let root: string;
const cliDir = () => join(root, 'scripts', 'cli');
// An edit after the last build began: the clock moves on first, as it does between an edit and a build.
const touch = async (file: string) => {
  await new Promise((done) => setTimeout(done, 5));
  const now = new Date();
  utimesSync(join(cliDir(), file), now, now);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ariadne-cli-bundle-'));
  mkdirSync(cliDir(), { recursive: true });
  writeFileSync(
    join(cliDir(), 'main.ts'),
    "import { here } from './here.ts';\nexport async function main(_argv: string[]): Promise<string> {\n  return here();\n}\n",
  );
  writeFileSync(join(cliDir(), 'here.ts'), 'export const here = (): string => import.meta.dirname;\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the CLI bundle', () => {
  it('is built once, and its modules still find the folders of their sources', async () => {
    expect(currentBundle(root)).toBeUndefined();
    expect(await buildCliBundle(root)).toBe(true);
    const bundle = currentBundle(root);
    expect(bundle).toMatch(new RegExp(`^${root}/\\.build/cli/build-[0-9]+-[0-9]+/main\\.js$`));
    expect(await buildCliBundle(root)).toBe(false);
    const { main } = (await import(bundle as string)) as { main: (argv: string[]) => Promise<string> };
    expect(await main([])).toBe(cliDir());
  });

  it('is not run once a source it was built from changes or goes, and keeps its last three builds', async () => {
    await buildCliBundle(root);
    await touch('here.ts');
    expect(currentBundle(root)).toBeUndefined();
    const builds = new Set<string>();
    for (let i = 0; i < 4; i++) {
      await touch('main.ts');
      expect(await buildCliBundle(root)).toBe(true);
      builds.add(currentBundle(root) as string);
    }
    expect(builds.size).toBe(4);
    expect(readdirSync(join(root, '.build', 'cli')).filter((f) => f.startsWith('build-'))).toHaveLength(3);
    rmSync(join(cliDir(), 'here.ts'));
    expect(currentBundle(root)).toBeUndefined();
  });

  it("bundles a worker thread's module beside the entry, and loads it from there or from its source", async () => {
    const source = join(root, 'server', 'ingest', 'validate-worker.ts');
    mkdirSync(dirname(source), { recursive: true });
    writeFileSync(source, 'export const from = (): string => import.meta.filename;\n');
    type Worker = { from: () => string };
    // No bundle yet: the source itself.
    const unbundled = (await loadWorker('validate-worker', pathToFileURL(source).href, root)) as Worker;
    expect(unbundled.from()).toBe(source);
    await buildCliBundle(root);
    const chunk = join(dirname(currentBundle(root) as string), 'validate-worker.js');
    expect(existsSync(chunk)).toBe(true);
    // The chunk is loaded (a module of its own, not the source's), and still names its source.
    const bundled = (await loadWorker('validate-worker', pathToFileURL(source).href, root)) as Worker;
    expect(bundled).not.toBe(unbundled);
    expect(bundled.from()).toBe(source);
  });
});
