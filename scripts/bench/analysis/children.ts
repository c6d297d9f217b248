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

const HERE = import.meta.dirname;

/**
 * Runs an Ariadne step `repeat` times; returns the run with the median load + step time. `seed`
 * seeds a randomised step (community detection; 1 unless told).
 */
export function runAriadne(step: string, path: string, repeat: number, out?: string, seed = 1): StepReport {
  const args = ['--import', 'tsx', join(HERE, 'run-step.ts'), step, path, ...(out ? [out] : [])];
  return median(Array.from({ length: repeat }, () => runChild(process.execPath, args, seed)));
}

/** Runs an igraph step `repeat` times with `python`; returns the run with the median load + step time. */
export function runIgraph(
  python: string,
  step: string,
  path: string,
  repeat: number,
  out?: string,
  seed = 1,
): StepReport {
  const args = [join(HERE, 'igraph_step.py'), step, path, ...(out ? [out] : [])];
  return median(Array.from({ length: repeat }, () => runChild(python, args, seed)));
}

/** Runs NetworKit's PLM (with refinement) on `threads` threads `repeat` times; the median run. */
export function runPlm(
  python: string,
  threads: number,
  path: string,
  repeat: number,
  out?: string,
  seed = 1,
): StepReport {
  const args = [join(HERE, 'networkit_step.py'), 'plm', String(threads), path, ...(out ? [out] : [])];
  return median(Array.from({ length: repeat }, () => runChild(python, args, seed)));
}

// The seed goes in the environment (BENCH_SEED), which every step reads and only randomised ones use.
function runChild(command: string, args: string[], seed = 1): StepReport {
  const env = { ...process.env, BENCH_SEED: String(seed) };
  const child = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 24, env });
  if (child.status !== 0) throw new Error(`bench: ${args.slice(-3).join(' ')} failed:\n${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as StepReport;
}

function median(runs: StepReport[]): StepReport {
  const sorted = [...runs].sort((a, b) => a.loadMs + a.stepMs - (b.loadMs + b.stepMs));
  return sorted[Math.floor((sorted.length - 1) / 2)] as StepReport;
}
