/**
 * `ariadne analyse`: runs the set of analyses on the projected graph (whole, or a case, a window, a
 * neighbourhood, chosen labels and link types, a minimum source grade) and records the run in Neo4j;
 * or, with --file, on CSV pairs or NDJSON files in memory, without a database. Run by the operator of
 * the database, so with full clearance. The analyses, and the database modules, load on demand to
 * keep other commands, and analyses of files, quick.
 */
import { z } from 'zod';
import { FULL_CLEARANCE } from '../../../server/auth/context.ts';
import { runShape, SCOPE_FLAGS, scopeShape, toScope } from '../../../server/runner/scope-input.ts';
import type { AnalysisOptions, AnalysisResult } from '../../../server/runner/types.ts';
import { loadConfig } from '../../../server/config.ts';
import type { Store } from '../../../server/store/store.ts';
import { type Command, EXIT, parseCommand, printJson, report, UsageError } from '../common.ts';

const USAGE =
  'ariadne analyse [--case NAME] [--since DATE --until DATE] [--around ID,... --hops K] [--labels L,...] [--link-types T,...] [--min-source A,B] [--method leiden|louvain] [--resolution R] [--seed N] [--only a,b] [--json]\n       ariadne analyse --file PATH... [--only a,b] [--method M] [--resolution R] [--seed N] [--json]';
const HELP = `usage: ${USAGE}

  --case NAME        only this case (id or exact name) and the entities PART_OF it
  --since, --until   only records dated (or seen) in this window, ISO dates
  --around IDS       only the neighbourhood of these entities, --hops links deep (default 2)
  --labels, --link-types   only these entity labels and link types (comma-separated)
  --min-source VALUES      only records whose source is at least this reliable, e.g. A,B
  --method M         community detection: leiden (default; well-connected communities) or louvain
  --resolution R     modularity resolution (default 1: above gives smaller communities)
  --seed N           seed of community detection and sampled betweenness (default 1)
  --only NAMES       communities, centrality, brokers, disruption, crime-links, money, documents,
                     routes, vessels, identity, gaps (default: all)
  --file PATH        analyse files in memory instead (CSV pair folder, NDJSON, FollowTheMoney);
                     repeat for several; nothing is written
  --json             print the result as JSON

Money is converted to EUR with the approximate rates of server/runner/rates.ts, or those of the
JSON file named by ARIADNE_RATES_FILE. Results are written back as an AnalysisRun node and a_* properties.
`;

const Options = z.strictObject({
  ...scopeShape,
  ...runShape,
  file: z.array(z.string().min(1)).optional(),
  json: z.boolean().optional(),
  help: z.boolean().optional(),
});
type Parsed = z.infer<typeof Options>;

const FLAGS = {
  ...SCOPE_FLAGS,
  method: { type: 'string' },
  resolution: { type: 'string' },
  seed: { type: 'string' },
  only: { type: 'string' },
  file: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

const say = (line: string) => process.stderr.write(`${line}\n`);

async function runOptions(opts: Parsed): Promise<AnalysisOptions> {
  const { loadRates, RatesFileError } = await import('../../../server/runner/rates.ts');
  try {
    const { base, rates } = loadRates();
    return {
      currency: base,
      rates,
      ...(opts.method === undefined ? {} : { method: opts.method }),
      ...(opts.resolution === undefined ? {} : { resolution: opts.resolution }),
      ...(opts.seed === undefined ? {} : { seed: opts.seed }),
      ...(opts.only === undefined ? {} : { only: opts.only }),
    };
  } catch (error) {
    if (error instanceof RatesFileError) throw new UsageError(error.message);
    throw error;
  }
}

/** The case id of --case (an id or an exact name), or a usage error naming the choices. */
export async function resolveCase(store: Store, key: string | undefined): Promise<string | undefined> {
  if (key === undefined) return undefined;
  const { findExportCase } = await import('../../../server/store/export-reads.ts');
  const found = await findExportCase(store, FULL_CLEARANCE, key);
  if (found.found) return found.id;
  if (found.reason === 'ambiguous')
    throw new UsageError(
      `several cases are named ${JSON.stringify(key)}: pass one id (${found.candidates.join(', ')})`,
    );
  throw new UsageError(`no case has the id or name ${JSON.stringify(key)}`);
}

async function analyseFiles(opts: Parsed & { file: string[] }): Promise<AnalysisResult> {
  const scoped = Object.keys(scopeShape).filter((k) => opts[k as keyof Parsed] !== undefined);
  if (scoped.length > 0) throw new UsageError(`--file analyses whole files: drop --${scoped.join(', --')}`);
  const { loadGraphFromFiles } = await import('../../../server/runner/load-files.ts');
  const { runAnalyses } = await import('../../../server/runner/run-analyses.ts');
  const options = await runOptions(opts);
  const started = performance.now();
  const loaded = await loadGraphFromFiles(opts.file);
  reportLoaded(loaded, loaded.graph.order, loaded.graph.size, started);
  return runAnalyses(loaded.graph, options);
}

/** An analysis of files that hold nothing to analyse: said, and a failure (exit 1). */
class NothingToAnalyseError extends Error {}

function reportLoaded(
  loaded: {
    records: number;
    problems: { at: string; field?: string; message: string }[];
    unsourced: boolean;
  },
  entities: number,
  links: number,
  started: number,
): void {
  const { records, problems } = loaded;
  const seconds = (performance.now() - started) / 1000;
  say(`read ${records} records in ${seconds.toFixed(1)} s: ${entities} entities and ${links} links`);
  if (loaded.unsourced)
    say(
      '  some records have no provenance (sources, handling): analysed as they are; `ariadne ingest` needs it to store them',
    );
  for (const problem of problems.slice(0, 10))
    say(`  skipped ${problem.at}${problem.field ? ` (${problem.field})` : ''}: ${problem.message}`);
  if (problems.length > 10) say(`  ... and ${problems.length - 10} more`);
  if (entities === 0) {
    const why =
      records === 0
        ? 'the files hold no records (empty, or not in a format Ariadne reads)'
        : `none of the ${records} records could be read as an entity (see the problems above)`;
    throw new NothingToAnalyseError(`nothing to analyse: ${why}`);
  }
}

async function analyseDatabase(opts: Parsed): Promise<{ result: AnalysisResult; runId: string }> {
  const { analyseStore } = await import('../../../server/runner/analyse-store.ts');
  const { ScopeError } = await import('../../../server/store/projection.ts');
  const { connect } = await import('../../../server/connect.ts');
  const { store } = await connect(loadConfig(), say, { migrate: true });
  try {
    const scope = toScope(opts, await resolveCase(store, opts.case));
    const options = await runOptions(opts);
    const stored = await analyseStore(
      store,
      { scope, clearance: FULL_CLEARANCE, createdBy: 'cli', options },
      say,
    );
    return { result: stored.result, runId: stored.run.id };
  } catch (error) {
    if (error instanceof ScopeError) throw new UsageError(error.message);
    throw error;
  } finally {
    await store.close();
  }
}

function printResult(result: AnalysisResult, runId?: string): void {
  const lines = [`${result.graph.entities} entities, ${result.graph.links} links`];
  if (result.communities)
    lines.push(`${result.communities.length} communities, modularity ${result.modularity?.toFixed(3)}`);
  for (const p of result.keyPlayers?.slice(0, 5) ?? [])
    lines.push(`  key player ${p.rank}: ${p.id} ${p.name ?? ''} (betweenness ${p.score.toFixed(4)})`);
  if (result.money)
    lines.push(`${result.money.transfers} transfers, ${result.money.typologies.length} typology hits`);
  if (result.crimeLinks) lines.push(`links to crime categories: ${result.crimeLinks.categories.join(', ')}`);
  if (runId) lines.push(`recorded as ${runId}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

export const commands: Command[] = [
  {
    name: 'analyse',
    summary: 'find communities, key players, brokers, money flows and links to other crime',
    usage: USAGE,
    async run(argv) {
      try {
        const opts = parseCommand(argv, FLAGS, Options);
        if (opts.help) {
          process.stdout.write(HELP);
          return EXIT.ok;
        }
        if (opts.file !== undefined) {
          const result = await analyseFiles({ ...opts, file: opts.file });
          if (opts.json) printJson(result);
          else printResult(result);
          return EXIT.ok;
        }
        const { result, runId } = await analyseDatabase(opts);
        if (opts.json) printJson({ ...result, run: runId });
        else printResult(result, runId);
        return EXIT.ok;
      } catch (error) {
        if (error instanceof NothingToAnalyseError) {
          say(`ariadne: ${error.message}`);
          return EXIT.failed;
        }
        return report(error, USAGE);
      }
    },
  },
];
