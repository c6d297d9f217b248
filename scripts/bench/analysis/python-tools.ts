/**
 * The Python the benchmark compares against: a venv of its own in the work folder with
 * `networkit==11.2.2` and `igraph==1.0.0` from the package index pip is configured with (made once,
 * reused; installing again when a tool is missing), else Debian's python3-igraph (installed with apt when running as root) and no NetworKit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The interpreters that import each tool, with the tools' versions; undefined when not available. */
export interface PythonTools {
  igraph?: { python: string; version: string };
  networkit?: { python: string; version: string };
}

const SYSTEM_PYTHON = '/usr/bin/python3';
const PINS = { networkit: '11.2.2', igraph: '1.0.0' } as const;

/** Finds or makes the venv and says which tools can be had, and from where. */
export function preparePython(work: string): PythonTools {
  const venv = join(work, 'venv');
  const python = join(venv, 'bin', 'python');
  const versions = () => ({ igraph: versionOf(python, 'igraph'), networkit: versionOf(python, 'networkit') });
  let found = versions();
  // A venv left without a tool by an earlier, offline run is given another try.
  if (!found.igraph || !found.networkit) {
    installPins(venv);
    found = versions();
  }
  const tools: PythonTools = {};
  for (const name of ['igraph', 'networkit'] as const) {
    const version = found[name];
    if (version) tools[name] = { python, version };
  }
  if (!tools.networkit) console.log('bench: NetworKit is not available; its rows are left out.');
  if (!tools.igraph) {
    console.log(
      `bench: igraph ${PINS.igraph} could not be installed; falling back to Debian's python3-igraph.`,
    );
    const version = debianIgraph();
    if (version) tools.igraph = { python: SYSTEM_PYTHON, version };
    else console.log('bench: python3-igraph is not available either; igraph rows are left out.');
  }
  return tools;
}

function installPins(venv: string): void {
  console.log(`bench: installing networkit ${PINS.networkit} and igraph ${PINS.igraph} into ${venv} ...`);
  if (!existsSync(join(venv, 'bin', 'pip')) && spawnSync(SYSTEM_PYTHON, ['-m', 'venv', venv]).status !== 0)
    return;
  const pip = join(venv, 'bin', 'pip');
  const install = (...pins: string[]) =>
    spawnSync(pip, ['install', '--quiet', ...pins], { stdio: 'inherit' }).status === 0;
  // One at a time when together fails, so that one missing wheel does not cost the other tool.
  if (!install(...Object.entries(PINS).map(([name, version]) => `${name}==${version}`)))
    for (const [name, version] of Object.entries(PINS)) install(`${name}==${version}`);
}

function versionOf(python: string, module: string): string | undefined {
  if (!existsSync(python)) return undefined;
  const child = spawnSync(python, ['-c', `import ${module}; print(${module}.__version__)`], {
    encoding: 'utf8',
  });
  return child.status === 0 ? child.stdout.trim() : undefined;
}

function debianIgraph(): string | undefined {
  const version = versionOf(SYSTEM_PYTHON, 'igraph');
  if (version || process.getuid?.() !== 0) return version;
  console.log('bench: installing python3-igraph with apt-get ...');
  spawnSync('apt-get', ['update'], { stdio: 'ignore' });
  spawnSync('apt-get', ['install', '-y', 'python3-igraph'], { stdio: 'ignore' });
  return versionOf(SYSTEM_PYTHON, 'igraph');
}
