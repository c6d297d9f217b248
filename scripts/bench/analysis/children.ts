/**
 * Runs benchmark steps in child processes (one process per run, so that peak RSS is the step's
 * own) and keeps the median run by step time.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** What a step printed: times in ms, peak RSS in MB, and its figures. */
export type StepReport = Record<string, number | string | boolean> & {
  loadMs: number;
  stepMs: number;
  peakMb: number;
};

export const PYTHON = '/usr/bin/python3';
const HERE = import.meta.dirname;

/** Runs an Ariadne step `repeat` times; returns the run with the median load + step time. */
export function runAriadne(step: string, path: string, repeat: number, out?: string): StepReport {
  const args = ['--import', 'tsx', join(HERE, 'run-step.ts'), step, path, ...(out ? [out] : [])];
  return median(Array.from({ length: repeat }, () => runChild(process.execPath, args)));
}

/** Runs an igraph step `repeat` times; returns the run with the median load + step time. */
export function runIgraph(step: string, path: string, repeat: number, out?: string): StepReport {
  const args = [join(HERE, 'igraph_step.py'), step, path, ...(out ? [out] : [])];
  return median(Array.from({ length: repeat }, () => runChild(PYTHON, args)));
}

function runChild(command: string, args: string[]): StepReport {
  const child = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`bench: ${args.slice(-3).join(' ')} failed:\n${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as StepReport;
}

function median(runs: StepReport[]): StepReport {
  const sorted = [...runs].sort((a, b) => a.loadMs + a.stepMs - (b.loadMs + b.stepMs));
  return sorted[Math.floor((sorted.length - 1) / 2)] as StepReport;
}

/** Whether python-igraph is importable; installs Debian's package when missing and running as root. */
export function ensureIgraph(): boolean {
  const importable = () => spawnSync(PYTHON, ['-c', 'import igraph']).status === 0;
  if (importable()) return true;
  if (process.getuid?.() !== 0) return false;
  console.log('bench: installing python3-igraph with apt-get ...');
  spawnSync('apt-get', ['update'], { stdio: 'ignore' });
  spawnSync('apt-get', ['install', '-y', 'python3-igraph'], { stdio: 'ignore' });
  return importable();
}
