/**
 * The benchmark's end-to-end run: the real `ariadne analyse --file DIR --only communities --json`
 * (Leiden, the default) on the graph written as a CSV pair (write-case-files.ts). Its time is the
 * whole command (start, read, validate, build, Leiden, profiles, JSON out), its CPU time (user +
 * system) and peak RSS come from GNU time, and the communities it prints are written as a membership file to be scored like every
 * other tool's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ToolRun } from './community-tools.ts';
import type { Dataset } from './datasets.ts';
import { writeCasePair } from './write-case-files.ts';

const ARIADNE = join(import.meta.dirname, '..', '..', 'ariadne.js');
const TIME = '/usr/bin/time';

type CliOutput = { communities: { members: string[] }[]; unassigned: string[] };

/** Runs the command once on the dataset's CSV pair (written on first use); membership to `out`. */
export function runCliOnce(dataset: Dataset, work: string, out: string): ToolRun {
  const folder = join(work, `${dataset.name}-pair`);
  if (!existsSync(join(folder, 'links.csv'))) writeCasePair(dataset.path, folder);
  const args = ['-f', '%e %M %U %S', process.execPath, ARIADNE, 'analyse', '--file', folder];
  const child = spawnSync(TIME, [...args, '--only', 'communities', '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (child.status !== 0) throw new Error(`bench: analyse --file ${folder} failed:\n${child.stderr}`);
  const [seconds, kilobytes, user, system] = (child.stderr.trim().split('\n').at(-1) ?? '')
    .split(' ')
    .map(Number);
  writeMembership(JSON.parse(child.stdout) as CliOutput, out);
  return {
    totalMs: (seconds ?? 0) * 1000,
    cpuMs: ((user ?? 0) + (system ?? 0)) * 1000,
    peakMb: (kilobytes ?? 0) / 1024,
  };
}

// Members are `p:ID` (write-case-files.ts); an unassigned node is a community of its own.
function writeMembership(result: CliOutput, out: string): void {
  const label: number[] = [];
  const place = (member: string, c: number) => {
    if (member.startsWith('p:')) label[Number(member.slice(2))] = c;
  };
  result.communities.forEach((community, c) => {
    for (const member of community.members) place(member, c);
  });
  let next = result.communities.length;
  for (const member of result.unassigned) place(member, next++);
  for (let i = 0; i < label.length; i++) label[i] ??= next++;
  writeFileSync(out, `${label.join('\n')}\n`);
}
