/**
 * The benchmark's end-to-end row: the real `ariadne analyse --file DIR --only communities --json`
 * on the graph written as a CSV pair (write-case-files.ts), against igraph reading the same links as
 * an edge list and running multilevel. Time is the whole command (start, read, validate, build,
 * Louvain, profiles, JSON out); peak RSS comes from GNU time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runIgraph } from './children.ts';
import type { Dataset } from './datasets.ts';
import type { Row } from './table.ts';
import { writeCasePair } from './write-case-files.ts';

const ARIADNE = join(import.meta.dirname, '..', '..', 'ariadne.js');
const TIME = '/usr/bin/time';

type CliRun = { ms: number; peakMb: number; modularity: number; links: number; readSeconds: number };

function runCli(folder: string): CliRun {
  const args = ['-f', '%e %M', process.execPath, ARIADNE, 'analyse', '--file', folder];
  const child = spawnSync(TIME, [...args, '--only', 'communities', '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (child.status !== 0) throw new Error(`bench: analyse --file ${folder} failed:\n${child.stderr}`);
  const lines = child.stderr.trim().split('\n');
  const [seconds, kilobytes] = (lines.at(-1) ?? '').split(' ').map(Number);
  const read = /read \d+ records in ([\d.]+) s/.exec(child.stderr);
  const json = JSON.parse(child.stdout) as { modularity: number; graph: { links: number } };
  return {
    ms: (seconds ?? 0) * 1000,
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
  const runs = Array.from({ length: o.repeat }, () => runCli(folder)).sort((a, b) => a.ms - b.ms);
  const run = runs[Math.floor((runs.length - 1) / 2)] as CliRun;
  const igraph = o.igraph ? runIgraph('multilevel', dataset.path, o.repeat) : undefined;
  const theirsQ = typeof igraph?.modularity === 'number' ? igraph.modularity.toFixed(4) : '-';
  return {
    graph: dataset.name,
    step: 'CLI analyse --file --only communities',
    ours: run.ms,
    theirs: igraph ? igraph.loadMs + igraph.stepMs : undefined,
    oursMb: run.peakMb,
    theirsMb: igraph?.peakMb,
    notes:
      `Q ${run.modularity.toFixed(4)} vs multilevel ${theirsQ}; ` +
      `CSV read and built in ${run.readSeconds.toFixed(1)} s (${Math.round(run.links / run.readSeconds / 1000)}k links/s), ` +
      `${Math.round(run.links / (run.ms / 1000) / 1000)}k links/s end to end`,
  };
}
