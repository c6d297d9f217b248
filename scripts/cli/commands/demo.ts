/** `ariadne demo`: write the demo case into ARIADNE_HOME/demo and ingest it into an empty database. */
import { z } from 'zod';
import { loadConfig } from '../../../server/config.ts';
import { connect } from '../../../server/connect.ts';
import { DemoRefusedError, loadDemoCase } from '../../../server/ingest/demo.ts';
import { type Command, EXIT, parseCommand, printJson, report } from '../common.ts';
import { createProgress } from './ingest-progress.ts';
import { printIssues, summaryLines } from './ingest-summary.ts';

const USAGE = 'ariadne demo [--force] [--scale N] [--json]';
const Options = z.strictObject({
  force: z.boolean().optional(),
  scale: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000).default(1),
  json: z.boolean().optional(),
  help: z.boolean().optional(),
});

async function run(argv: string[]): Promise<number> {
  const opts = parseCommand(
    argv,
    { force: { type: 'boolean' }, scale: { type: 'string' }, json: { type: 'boolean' } },
    Options,
  );
  if (opts.help) {
    process.stdout.write(`usage: ${USAGE}\n`);
    return EXIT.ok;
  }
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const config = loadConfig();
  const { store } = await connect(config, say, { migrate: true });
  const progress = createProgress();
  try {
    const {
      dir,
      truth,
      report: result,
    } = await loadDemoCase(store, {
      force: opts.force,
      scale: opts.scale,
      home: config.home,
      say,
      onProgress: progress.update,
    });
    progress.end();
    printIssues(result);
    if (opts.json) printJson({ dir, counts: truth.counts, report: result });
    else
      process.stdout.write(
        `${[...summaryLines(result), `ground truth: ${dir}/ground-truth.json`].join('\n')}\n`,
      );
    return result.status === 'invalid' ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (!(error instanceof DemoRefusedError)) throw error;
    process.stderr.write(`ariadne demo: ${error.message}\n`);
    return EXIT.failed;
  } finally {
    progress.end();
    await store.close();
  }
}

export const commands: Command[] = [
  {
    name: 'demo',
    summary: 'load the demo case (five smuggling syndicates, ground truth kept aside) into an empty database',
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
