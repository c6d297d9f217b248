/**
 * The benchmark's end-to-end row: the real `ariadne analyse --file DIR --only communities --json`
 * on the graph written as a CSV pair (write-case-files.ts), against igraph reading the same links as
 * an edge list and running multilevel. Time is the whole command (start, read, validate, build,
 * Louvain, profiles, JSON out); peak RSS and CPU time (user and system) come from GNU time. The
 * notes give both CPU times, ours for the whole command and igraph's for load and multilevel, the
 * fairer figures on a machine shared with other work.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runIgraph, type StepReport } from './children.ts';
import type { Dataset } from './datasets.ts';
import type { Row } from './table.ts';
import { writeCasePair } from './write-case-files.ts';

const ARIADNE = join(import.meta.dirname, '..', '..', 'ariadne.js');
const TIME = '/usr/bin/time';

type CliRun = {
  ms: number;
  cpuMs: number;
  peakMb: number;
  modularity: number;
  links: number;
  readSeconds: number;
};

function runCli(folder: string): CliRun {
  const args = ['-f', '%e %M %U %S', process.execPath, ARIADNE, 'analyse', '--file', folder];
  const child = spawnSync(TIME, [...args, '--only', 'communities', '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (child.status !== 0) throw new Error(`bench: analyse --file ${folder} failed:\n${child.stderr}`);
  const lines = child.stderr.trim().split('\n');
  const [seconds, kilobytes, user, system] = (lines.at(-1) ?? '').split(' ').map(Number);
  const read = /read \d+ records in ([\d.]+) s/.exec(child.stderr);
  const json = JSON.parse(child.stdout) as { modularity: number; graph: { links: number } };
  return {
    ms: (seconds ?? 0) * 1000,
    cpuMs: ((user ?? 0) + (system ?? 0)) * 1000,
    peakMb: (kilobytes ?? 0) / 1024,
    modularity: json.modularity,
    links: json.graph.links,
    readSeconds: Number(read?.[1] ?? Number.NaN),
  };
}

/** Runs the CLI `repeat` times on the dataset's CSV pair (written once) and returns its row. */
export function cliRow(dataset: Dataset, o: { repeat: number; igraph: boolean; work: string }): Row {
  const folder = join(o.work, `${dataset.name}-pair`);
  if (!existsSync(join(folder, 'links.csv'))) writeCasePair(dataset.path, folder);
  // Ours and igraph's in turn, so that both meet the same load; the median run of each.
  const runs: CliRun[] = [];
  const theirs: StepReport[] = [];
  for (let i = 0; i < o.repeat; i++) {
    runs.push(runCli(folder));
    if (o.igraph) theirs.push(runIgraph('multilevel', dataset.path, 1));
  }
  const run = median(runs, (r) => r.ms);
  const igraph = o.igraph ? median(theirs, (r) => r.loadMs + r.stepMs) : undefined;
  const theirsQ = typeof igraph?.modularity === 'number' ? igraph.modularity.toFixed(4) : '-';
  const theirsCpu = typeof igraph?.cpuMs === 'number' ? `${(igraph.cpuMs / 1000).toFixed(1)} s` : '-';
  return {
    graph: dataset.name,
    step: 'CLI analyse --file --only communities',
    ours: run.ms,
    theirs: igraph ? igraph.loadMs + igraph.stepMs : undefined,
    oursMb: run.peakMb,
    theirsMb: igraph?.peakMb,
    notes:
      `Q ${run.modularity.toFixed(4)} vs multilevel ${theirsQ}; ` +
      `CPU ${(run.cpuMs / 1000).toFixed(1)} s vs ${theirsCpu}; ` +
      `CSV read and built in ${run.readSeconds.toFixed(1)} s (${Math.round(run.links / run.readSeconds / 1000)}k links/s), ` +
      `${Math.round(run.links / (run.ms / 1000) / 1000)}k links/s end to end`,
  };
}

function median<T>(runs: T[], key: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)] as T;
}
