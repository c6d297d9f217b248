#!/usr/bin/env node
// Set-up that `npm start` and `npm test` run first, in plain Node with no dependencies, so that a
// fresh clone needs nothing installed by hand beyond Node, Java and Maven:
//   - `npm ci` when node_modules is missing or older than package-lock.json;
//   - the Maven build of the local Neo4j launcher when it is missing (unless NEO4J_URI is set);
//   - Debian's chromium, poppler-utils and python3-networkx through apt when the tests need them;
//   - the web app's build for `npm start` when it is missing or older than its sources;
//   - the CLI's bundle (cli-bundle.js) when it is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const purpose = process.argv.includes('--for') ? process.argv[process.argv.indexOf('--for') + 1] : 'test';

function say(message) {
  process.stderr.write(`ariadne setup: ${message}\n`);
}

function fail(message) {
  say(message);
  process.exit(1);
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** The newest modification time of the files below a folder. */
function newest(dir) {
  let latest = mtime(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : mtime(path));
  }
  return latest;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) fail(`${command} could not run: ${result.error.message}`);
  return result.status ?? 1;
}

function has(command, args = ['--version']) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

function ensureDependencies() {
  const installed = mtime(join(root, 'node_modules', '.package-lock.json'));
  if (installed >= mtime(join(root, 'package-lock.json'))) return;
  say('installing dependencies (npm ci)');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) === 0) return;
  // npm 11 can write a lock file without other platforms' optional packages and then refuse it in
  // `npm ci`; `npm install` installs the same locked versions from it.
  say('npm ci refused the lock file; installing the locked versions with npm install instead');
  if (run('npm', ['install', '--no-audit', '--no-fund']) !== 0)
    fail('npm install failed; see the output above.');
}

function ensureLauncher() {
  if (process.env.NEO4J_URI) return;
  const launcher = join(root, 'scripts', 'neo4j');
  const built = join(launcher, 'target', 'lib');
  const sources = Math.max(mtime(join(launcher, 'pom.xml')), newest(join(launcher, 'src')));
  if (existsSync(built) && newest(join(launcher, 'target', 'classes')) >= sources) return;
  const version = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)/.exec(`${version.stderr ?? ''}${version.stdout ?? ''}`);
  if (version.error || !match || Number(match[1]) < 17) {
    fail(
      'the local Neo4j needs Java 17 or later (for example `apt-get install openjdk-17-jdk-headless`), ' +
        'or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use a Neo4j server of your own.',
    );
  }
  if (!has('mvn')) {
    fail(
      'the local Neo4j is built with Maven (for example `apt-get install maven`), ' +
        'or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use a Neo4j server of your own.',
    );
  }
  say('building the local Neo4j launcher (Neo4j Community 5.26 from Maven Central, once)');
  if (run('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: launcher }) !== 0) {
    fail('the Maven build of scripts/neo4j failed; see the output above.');
  }
}

function ensureChromium() {
  // pdftotext (poppler-utils) reads the printed reports back in the report tests; Debian's networkx
  // reads the GEXF and GraphML exports back in the export tests (alone: its recommended packages,
  // matplotlib and GDAL among them, are not needed to read a file).
  const full = [
    ...(existsSync('/usr/bin/chromium') ? [] : ['chromium']),
    ...(existsSync('/usr/bin/pdftotext') ? [] : ['poppler-utils']),
  ];
  const lean = existsSync('/usr/lib/python3/dist-packages/networkx') ? [] : ['python3-networkx'];
  const missing = [...full, ...lean];
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    fail(
      `the tests need Debian's ${missing.join(' and ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` once, then npm test again.`,
    );
  }
  say(`installing Debian's ${missing.join(' and ')} for the tests (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = (packages, extra = []) =>
    packages.length === 0 || run('apt-get', ['install', '-y', '-q', ...extra, ...packages], { env }) === 0;
  if (
    run('apt-get', ['update', '-q'], { env }) !== 0 ||
    !install(full) ||
    !install(lean, ['--no-install-recommends'])
  ) {
    fail(
      `apt-get could not install ${missing.join(' and ')}; install by hand (\`apt-get install ${missing.join(' ')}\`) and run again.`,
    );
  }
}

function ensureWebBuild() {
  const dist = join(root, 'web', 'dist', 'index.html');
  const sources = Math.max(newest(join(root, 'web', 'src')), mtime(join(root, 'web', 'index.html')));
  if (mtime(dist) >= sources) return;
  say('building the web app (vite)');
  if (run('npx', ['vite', 'build', 'web', '--logLevel', 'warn']) !== 0)
    fail('the web build failed; see above.');
}

// After the dependencies: the bundler is one of them, loaded only now.
function ensureCliBundle() {
  if (run(process.execPath, [join(root, 'scripts', 'setup', 'cli-bundle.js')]) !== 0)
    fail('bundling the CLI failed; see above (`ariadne` still runs from its sources meanwhile).');
}

ensureDependencies();
ensureLauncher();
if (
  purpose === 'test' &&
  existsSync(join(root, 'test', 'e2e')) &&
  readdirSync(join(root, 'test', 'e2e')).length > 0
) {
  ensureChromium();
}
if (purpose === 'start' || purpose === 'test') {
  if (existsSync(join(root, 'web', 'index.html'))) ensureWebBuild();
  ensureCliBundle();
}
