/** `ariadne ingest`: validate files completely, then write them into Neo4j, or say why not. */
import { userInfo } from 'node:os';
import { z } from 'zod';
import { loadConfig } from '../../../server/config.ts';
import { connect } from '../../../server/connect.ts';
import { ingestFiles } from '../../../server/ingest/index.ts';
import { checkGrade } from '../../../server/schema/grading.ts';
import { GRADING_SCHEMES, HANDLING_CODES } from '../../../server/schema/model.ts';
import { DATE_FORMATS } from '../../../server/schema/normalise/date.ts';
import { type Command, EXIT, parseCommand, printJson, report, UsageError } from '../common.ts';
import { createProgress } from './ingest-progress.ts';
import { printIssues, summaryLines } from './ingest-summary.ts';

const USAGE =
  'ariadne ingest PATH... [--format auto|ndjson|csv|ftm] [--source REF] [--grade B2 --scheme europol] [--handling H1] [--handling-condition TEXT] [--case NAME] [--date-format DMY|MDY|YMD] [--dry-run] [--skip-invalid] [--json]';

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
    json: z.boolean().optional(),
    help: z.boolean().optional(),
  })
  .superRefine((value, context) => {
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
  json: { type: 'boolean' },
} as const;

async function run(argv: string[]): Promise<number> {
  const opts = parseCommand(argv, FLAGS, Options, true);
  if (opts.help) {
    process.stdout.write(`usage: ${USAGE}\n`);
    return EXIT.ok;
  }
  if (opts.positionals.length === 0) throw new UsageError('name at least one file or folder to ingest');
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const { store } = await connect(loadConfig(), say, { migrate: true });
  const progress = createProgress();
  try {
    const result = await ingestFiles(store, opts.positionals, {
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
    });
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
