/**
 * `ariadne trace ID`: follows the money forward from a party, or back into it, along time-respecting
 * paths (money leaves a party only after it arrived), over the payments the operator may see.
 */
import { z } from 'zod';
import { FULL_CLEARANCE } from '../../../server/auth/context.ts';
import { loadConfig } from '../../../server/config.ts';
import { connect } from '../../../server/connect.ts';
import { type Command, EXIT, parseCommand, printJson, report, UsageError } from '../common.ts';

const USAGE =
  'ariadne trace ID [--backward] [--since DATE] [--until DATE] [--max-hops N] [--max-paths N] [--json]';
const HELP = `usage: ${USAGE}

  ID             the Person, Organisation or Account the money leaves (or, with --backward, reaches)
  --backward     trace where the money came from instead of where it went
  --since, --until   only payments in this window (ISO dates)
  --max-hops N   longest chain of payments followed (default 4)
  --max-paths N  most paths listed (default 100; totals count every path)
  --json         print {from, direction, currency, paths, totals, truncated} as JSON
`;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date such as 2024-01-31');
const Options = z.strictObject({
  backward: z.boolean().optional(),
  since: date.optional(),
  until: date.optional(),
  'max-hops': z.coerce.number().int().min(1).max(20).optional(),
  'max-paths': z.coerce.number().int().min(1).max(100_000).optional(),
  json: z.boolean().optional(),
  help: z.boolean().optional(),
});

const FLAGS = {
  backward: { type: 'boolean' },
  since: { type: 'string' },
  until: { type: 'string' },
  'max-hops': { type: 'string' },
  'max-paths': { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const commands: Command[] = [
  {
    name: 'trace',
    summary: 'follow the money from (or back into) a party, respecting time',
    usage: USAGE,
    async run(argv) {
      try {
        const opts = parseCommand(argv, FLAGS, Options, true);
        if (opts.help) {
          process.stdout.write(HELP);
          return EXIT.ok;
        }
        const [from, ...extra] = opts.positionals;
        if (from === undefined || extra.length > 0) throw new UsageError('name exactly one party to trace');
        const { readMoneyGraph, traceIn } = await import('../../../server/runner/money-graph.ts');
        const { store } = await connect(loadConfig(), (l) => process.stderr.write(`${l}\n`), {
          migrate: true,
        });
        try {
          const result = traceIn(await readMoneyGraph(store, FULL_CLEARANCE), {
            from,
            direction: opts.backward ? 'backward' : 'forward',
            ...(opts.since === undefined ? {} : { since: opts.since }),
            ...(opts.until === undefined ? {} : { until: opts.until }),
            ...(opts['max-hops'] === undefined ? {} : { maxHops: opts['max-hops'] }),
            ...(opts['max-paths'] === undefined ? {} : { maxPaths: opts['max-paths'] }),
          });
          if (result === null)
            throw new UsageError(`no person, organisation or account has the id ${JSON.stringify(from)}`);
          if (opts.json) printJson(result);
          else printTrace(result);
        } finally {
          await store.close();
        }
        return EXIT.ok;
      } catch (error) {
        return report(error, USAGE);
      }
    },
  },
];

function printTrace(result: {
  from: string;
  direction: string;
  currency: string;
  totals: { party: string; total: number; payments: number; hops: number }[];
  paths: unknown[];
  truncated: boolean;
}): void {
  const lines = [
    `${result.direction} from ${result.from}: ${result.totals.length} parties, ${result.paths.length} paths`,
  ];
  for (const t of result.totals.slice(0, 20))
    lines.push(`  ${t.party}: ${t.total} ${result.currency} in ${t.payments} payments, ${t.hops} hops`);
  if (result.truncated) lines.push('  (more paths exist than listed)');
  process.stdout.write(`${lines.join('\n')}\n`);
}
