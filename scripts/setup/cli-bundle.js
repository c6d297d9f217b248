// The CLI's sources bundled into plain JavaScript (`.build/cli/`, git-ignored), so that `ariadne`
// starts without tsx compiling and resolving a few hundred TypeScript modules on every run (about
// 0.4 s of CPU and 40 MB a run; docs/performance.md). `npm start` and `npm test` build it
// (prepare.js); scripts/ariadne.js runs it only while it is current, and the sources through tsx
// otherwise, so an edited source is never run stale.
//
// Each build goes into a folder of its own, and `current.json`, written last and renamed into
// place, names it with the files it was built from: a command that is running keeps the chunks it
// may still import, and a build that fails half-way is never used.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENTRY = 'scripts/cli/main.ts';
// Worker threads' modules, bundled beside the CLI's entry (each `<name>.js` in the build): a worker
// thread does not inherit its parent's loader, so its entry shim loads one of these (loadWorker).
const WORKERS = {
  'analysis-worker': 'server/api/analysis-job/worker.ts',
  'validate-worker': 'server/ingest/validate-worker.ts',
};
const KEEP = 3;

const buildsOf = (root) => join(root, '.build', 'cli');
const currentOf = (root) => join(buildsOf(root), 'current.json');

/** The bundled CLI's entry file when the bundle of `root` is current; otherwise undefined. */
export function currentBundle(root = ROOT) {
  let current;
  try {
    current = JSON.parse(readFileSync(currentOf(root), 'utf8'));
  } catch {
    return undefined;
  }
  if (current?.root !== root || !Array.isArray(current.inputs)) return undefined;
  try {
    for (const input of current.inputs) if (statSync(join(root, input)).mtimeMs > current.startedAt) return;
  } catch {
    return undefined; // a source was removed or renamed
  }
  return join(buildsOf(root), current.build, 'main.js');
}

/**
 * Loads a worker thread's module: its chunk in the current bundle, or else (no current bundle, or one
 * built without it) its TypeScript source through tsx, which costs the thread about 40 MB more.
 */
export async function loadWorker(name, source, root = ROOT) {
  const bundle = currentBundle(root);
  const chunk = bundle && join(dirname(bundle), `${name}.js`);
  if (chunk && existsSync(chunk)) return import(pathToFileURL(chunk).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(source);
}

// Paths a module finds next to itself (the local Neo4j's folder, the web app's build, a worker's
// entry) are those of its source file: the bundle lives elsewhere.
const sourcePaths = {
  name: 'source-paths',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents: text, loader: 'ts' };
    });
  },
};

/** Builds the bundle of `root`'s CLI unless it is current; returns whether it built one. */
export async function buildCliBundle(root = ROOT) {
  if (currentBundle(root)) return false;
  const builds = buildsOf(root);
  mkdirSync(builds, { recursive: true });
  const startedAt = Date.now();
  const name = `build-${startedAt}-${process.pid}`;
  const entries = {
    main: ENTRY,
    // Those the project holds (a test's small project has none).
    ...Object.fromEntries(Object.entries(WORKERS).filter(([, path]) => existsSync(join(root, path)))),
  };
  const inputs = await bundle(root, entries, join(builds, name));
  const pending = `${currentOf(root)}.${process.pid}`;
  writeFileSync(pending, JSON.stringify({ root, build: name, startedAt, inputs }));
  renameSync(pending, currentOf(root));
  removeOldBuilds(builds, name);
  return true;
}

/**
 * Bundles `entries` (output name -> path from `root`) into `outdir` as the CLI is bundled, and returns
 * the inputs it was built from, relative to `root`. A benchmark runs its child process this way, so
 * that it measures what the `ariadne` command runs.
 */
export async function bundle(root, entries, outdir) {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir,
    bundle: true,
    // Each command's module stays a chunk of its own, loaded only when that command runs.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
    plugins: [sourcePaths],
  });
  // The metafile names the inputs relative to the working directory, the root.
  return Object.keys(result.metafile.inputs);
}

// The newest builds stay (a long-running command may still import chunks from its own).
function removeOldBuilds(builds, keep) {
  const old = readdirSync(builds)
    .filter((entry) => entry.startsWith('build-') && entry !== keep)
    .sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
  for (const entry of old.slice(KEEP - 1)) rmSync(join(builds, entry), { recursive: true, force: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = await buildCliBundle();
  process.stderr.write(built ? 'ariadne setup: bundled the CLI (.build/cli)\n' : '');
}
