/**
 * The communities run a case opens with, for the web benchmark's stand-in API: computed here once
 * per graph by the server's own analysis (runAnalyses, Leiden with cells, named communities), then
 * served through the runs API's three answers the web app reads (start, status, parts). So the
 * page groups by what the server would send, and only the browser is timed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MultiDirectedGraph } from 'graphology';
import type { CaseGraph } from '../../analysis/core/types.ts';
import { partOf } from '../../server/api/routes/analysis-parts.ts';
import { runAnalyses } from '../../server/runner/run-analyses.ts';
import type { BenchGraph } from './web-graphs.ts';

const RUN = '/api/analyses/runs/bench';

/** The answers of a finished communities run over a benchmark graph. */
export function communitiesRun(graph: BenchGraph): { status: string; parts: Record<string, string> } {
  const caseGraph = MultiDirectedGraph.from(graph.serialized as never) as unknown as CaseGraph;
  const result = runAnalyses(caseGraph, { only: ['communities'] });
  return {
    status: JSON.stringify({
      status: 'done',
      progress: { done: 1, total: 1, step: null },
      error: null,
      summary: { graph: result.graph },
    }),
    parts: {
      labels: JSON.stringify({ names: {}, places: {} }),
      communities: JSON.stringify(partOf(result, 'communities')),
    },
  };
}

/** Answers a runs API request from a finished run; false when the request is not one. */
export function answerRun(
  req: IncomingMessage,
  res: ServerResponse,
  run: ReturnType<typeof communitiesRun>,
): boolean {
  const path = (req.url ?? '/').split(/[?#]/)[0] as string;
  const json = (status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
    return true;
  };
  if (path === '/api/analyses/runs' && req.method === 'POST') {
    req.resume();
    return json(202, JSON.stringify({ id: 'bench', location: RUN }));
  }
  if (path === RUN) return json(200, run.status);
  if (path.startsWith(`${RUN}/results/`)) {
    const part = run.parts[path.slice(`${RUN}/results/`.length)];
    return part === undefined ? json(404, '{}') : json(200, part);
  }
  return false;
}
