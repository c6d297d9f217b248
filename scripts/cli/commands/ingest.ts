/** `ariadne ingest`: validate files completely, then write them into Neo4j, or say why not. */
import { userInfo } from 'node:os';
import { z } from 'zod';
import { type Config, loadConfig } from '../../../server/config.ts';
import { connect } from '../../../server/connect.ts';
import { bulkIngestFiles } from '../../../server/ingest/bulk-import.ts';
import { type IngestReport, ingestFiles } from '../../../server/ingest/index.ts';
import { localBulkTarget, usesLocalNeo4j } from '../../../server/local-bulk.ts';
import { checkGrade } from '../../../server/schema/grading.ts';
import { GRADING_SCHEMES, HANDLING_CODES } from '../../../server/schema/model.ts';
import { DATE_FORMATS } from '../../../server/schema/normalise/date.ts';
import { type Command, EXIT, parseCommand, printJson, report, UsageError } from '../common.ts';
import { createProgress } from './ingest-progress.ts';
import { printIssues, summaryLines } from './ingest-summary.ts';

const USAGE =
  'ariadne ingest PATH... [--format auto|ndjson|csv|ftm] [--source REF] [--grade B2 --scheme europol] [--handling H1] [--handling-condition TEXT] [--case NAME] [--date-format DMY|MDY|YMD] [--dry-run] [--skip-invalid] [--bulk|--no-bulk] [--json]';

const upper = (value: unknown) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

const Options = z
  .strictObject({
    format: z.enum(['auto', 'ndjson', 'csv', 'ftm']).default('auto'),
    source: z.string().trim().min(1, 'name the source report, e.g. --source EUROPOL-2025-118').optional(),
    grade: z.preprocess(upper, z.string()).optional(),
    scheme: z.enum(GRADING_SCHEMES).optional(),
    handling: z.preprocess(upper, z.enum(HANDLING_CODES)).optional(),
    'handling-condition': z.string().trim().min(1).optional(),
    case: z.string().trim().min(1).optional(),
    'date-format': z.preprocess(upper, z.enum(DATE_FORMATS)).optional(),
    'dry-run': z.boolean().optional(),
    'skip-invalid': z.boolean().optional(),
    bulk: z.boolean().optional(),
    'no-bulk': z.boolean().optional(),
    json: z.boolean().optional(),
    help: z.boolean().optional(),
  })
  .superRefine((value, context) => {
    if (value.bulk && value['no-bulk'])
      context.addIssue({ code: 'custom', path: ['bulk'], message: 'give --bulk or --no-bulk, not both' });
    if (value.grade === undefined) return;
    const problem = checkGrade(value.grade, value.scheme ?? 'europol');
    if (problem) context.addIssue({ code: 'custom', path: ['grade'], message: problem });
  });

const FLAGS = {
  format: { type: 'string' },
  source: { type: 'string' },
  grade: { type: 'string' },
  scheme: { type: 'string' },
  handling: { type: 'string' },
  'handling-condition': { type: 'string' },
  case: { type: 'string' },
  'date-format': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
  bulk: { type: 'boolean' },
  'no-bulk': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/**
 * The bulk importer when asked (`--bulk`), or chosen (neither flag) when the database is the local one
 * this home manages, so that it can be taken offline; bulkIngestFiles then loads in bulk only an empty
 * database that no other client uses, and only an import big enough to be worth the restart.
 */
function modeOf(
  opts: { bulk?: boolean | undefined; 'no-bulk'?: boolean | undefined; 'dry-run'?: boolean | undefined },
  config: Config,
) {
  if (opts.bulk) {
    if (!usesLocalNeo4j(config))
      throw new UsageError(
        '--bulk loads only the local Neo4j this Ariadne home manages (NEO4J_URI is set, and that server stays online): ingest without --bulk',
      );
    return 'bulk' as const;
  }
  if (opts['no-bulk'] || opts['dry-run'] || !usesLocalNeo4j(config)) return 'transactional' as const;
  return 'auto' as const;
}

async function run(argv: string[]): Promise<number> {
  const opts = parseCommand(argv, FLAGS, Options, true);
  if (opts.help) {
    process.stdout.write(`usage: ${USAGE}\n`);
    return EXIT.ok;
  }
  if (opts.positionals.length === 0) throw new UsageError('name at least one file or folder to ingest');
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const config = loadConfig();
  const mode = modeOf(opts, config);
  let { store } = await connect(config, say, { migrate: true });
  const progress = createProgress();
  try {
    const options = {
      format: opts.format,
      source: opts.source,
      grade: opts.grade,
      scheme: opts.scheme,
      handling: opts.handling,
      handlingCondition: opts['handling-condition'],
      caseName: opts.case,
      dateFormat: opts['date-format'],
      dryRun: opts['dry-run'] ?? false,
      skipInvalid: opts['skip-invalid'] ?? false,
      user: userInfo().username,
      onProgress: progress.update,
    };
    let result: IngestReport;
    if (mode === 'transactional') result = await ingestFiles(store, opts.positionals, options);
    else {
      const target = localBulkTarget(config, { say });
      const outcome = await bulkIngestFiles(store, target, opts.positionals, { ...options, mode });
      store = outcome.store;
      result = outcome.report;
      progress.end();
      if (outcome.bulk) say("Loaded through Neo4j's bulk importer into the empty local database");
    }
    progress.end();
    printIssues(result);
    if (opts.json) printJson(result);
    else process.stdout.write(`${summaryLines(result).join('\n')}\n`);
    return result.status === 'invalid' ? EXIT.failed : EXIT.ok;
  } finally {
    progress.end();
    await store.close();
  }
}

export const commands: Command[] = [
  {
    name: 'ingest',
    summary: 'validate NDJSON, CSV or FollowTheMoney files completely, then write them into Neo4j',
    usage: USAGE,
    async run(argv) {
      try {
        return await run(argv);
      } catch (error) {
        return report(error, USAGE);
      }
    },
  },
];
