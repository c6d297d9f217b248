/**
 * The community detection comparison on one graph: Ariadne's Leiden and Louvain, igraph's
 * multilevel and Leiden (until stable), NetworKit's PLM with refinement on 1 and 2 threads, and
 * the whole `ariadne analyse --file --only communities` command. Each run is its own process; the
 * tools take turns within each repeat so that all meet the same load on a shared machine, and the
 * median run of each is kept. Every membership is scored by score-partition.ts.
 */
import { join } from 'node:path';
import { runAriadne, runIgraph, runPlm, type StepReport } from './children.ts';
import { runCliOnce } from './cli-step.ts';
import type { Dataset } from './datasets.ts';
import type { PythonTools } from './python-tools.ts';
import { type PartitionScore, partitionScorer } from './score-partition.ts';

/** One tool's figures on one graph; times in ms, memory in MB. */
export interface CommunityRow {
  graph: string;
  tool: string;
  loadMs?: number;
  detectMs?: number;
  totalMs: number;
  /** User + system CPU time, where measured (the CLI's): on a shared machine, the fairer figure. */
  cpuMs?: number;
  peakMb: number;
  score: PartitionScore;
}

/** What a tool's run gave: times and peak memory (its membership went to a file). */
export interface ToolRun {
  loadMs?: number;
  detectMs?: number;
  totalMs: number;
  cpuMs?: number;
  peakMb: number;
}

export const TOOL = {
  leiden: 'Ariadne Leiden',
  louvain: 'Ariadne Louvain',
  multilevel: 'igraph multilevel',
  igraphLeiden: 'igraph Leiden',
  plm1: 'NetworKit PLM 1 thread',
  plm2: 'NetworKit PLM 2 threads',
  cli: 'CLI analyse --file (Leiden)',
} as const;

/**
 * Runs the tools (and the CLI when `cli`) `repeat` times in turn; one row per tool. With
 * `varySeeds`, repeat i seeds every tool but the CLI with i + 1 (else all with 1): one seed's run length is
 * luck (on LFR 10k, Leiden runs 26 to 47 iterations over seeds 1-10, igraph's 33 to 75), so the
 * median is then over seeds as well as over the machine's load.
 */
export function communityRows(
  dataset: Dataset,
  o: { repeat: number; work: string; python: PythonTools; cli: boolean; varySeeds?: boolean },
): CommunityRow[] {
  const membership = (tool: string, run: number) =>
    join(o.work, `${dataset.name}.${tool.replace(/\W+/g, '-')}.${run}.membership`);
  const fromStep = (report: StepReport): ToolRun => ({
    loadMs: report.loadMs,
    detectMs: report.stepMs,
    totalMs: report.loadMs + report.stepMs,
    peakMb: report.peakMb,
  });
  const { path } = dataset;
  const { igraph, networkit } = o.python;
  const tools: [string, (out: string, seed: number) => ToolRun][] = [
    [TOOL.leiden, (out, seed) => fromStep(runAriadne('leiden', path, 1, out, seed))],
    [TOOL.louvain, (out, seed) => fromStep(runAriadne('louvain', path, 1, out, seed))],
  ];
  if (igraph)
    tools.push(
      [TOOL.multilevel, (out, seed) => fromStep(runIgraph(igraph.python, 'multilevel', path, 1, out, seed))],
      [TOOL.igraphLeiden, (out, seed) => fromStep(runIgraph(igraph.python, 'leiden', path, 1, out, seed))],
    );
  if (networkit)
    tools.push(
      [TOOL.plm1, (out, seed) => fromStep(runPlm(networkit.python, 1, path, 1, out, seed))],
      [TOOL.plm2, (out, seed) => fromStep(runPlm(networkit.python, 2, path, 1, out, seed))],
    );
  if (o.cli) tools.push([TOOL.cli, (out) => runCliOnce(dataset, o.work, out)]);
  const runs = new Map<string, (ToolRun & { out: string })[]>(tools.map(([tool]) => [tool, []]));
  for (let i = 0; i < o.repeat; i++)
    for (const [tool, run] of tools) {
      const out = membership(tool, i);
      runs.get(tool)?.push({ ...run(out, o.varySeeds ? i + 1 : 1), out });
    }
  const score = partitionScorer(path);
  return tools.map(([tool]) => {
    const sorted = [...(runs.get(tool) ?? [])].sort((a, b) => a.totalMs - b.totalMs);
    const { out, ...median } = sorted[Math.floor((sorted.length - 1) / 2)]!;
    return { graph: dataset.name, tool, ...median, score: score(out) };
  });
}
